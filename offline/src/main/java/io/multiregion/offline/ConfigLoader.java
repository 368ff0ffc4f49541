package io.multiregion.offline;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} the way the Pulumi CLI does before it starts a program:
 * <ul>
 *   <li>keys without a namespace are put in the project's namespace ({@code role} becomes {@code multiregion:role});</li>
 *   <li>a project key's {@code default} (or {@code value}) applies when the stack file does not set the key;</li>
 *   <li>a project-namespace key declared without a default and not set by the stack is an error
 *       ("Stack 'x' is missing configuration value 'y'"), as is a stack value of the wrong declared {@code type};</li>
 *   <li>YAML 1.2, as the CLI's reader: {@code yes}, {@code no}, {@code on}, {@code off} are strings, not booleans;</li>
 *   <li>a stack value that is a scalar reaches the program as its text, exactly as written ({@code no}, {@code 1.10},
 *       {@code 0x1F}); lists and maps as JSON, their scalars typed by YAML 1.2's core schema (the CLI's
 *       {@code config.Value}: a string first, else the decoded structure as JSON);</li>
 *   <li>{@code secure:} values are secrets: they cannot be decrypted offline, so the program gets
 *       {@link StackConfig#SECRET_PLACEHOLDER} and the key is marked secret.</li>
 * </ul>
 */
public final class ConfigLoader {
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private ConfigLoader() {
    }

    /**
     * A stack's merged configuration and the problems for which the Pulumi CLI would refuse to run the program.
     *
     * @param config    the merged configuration
     * @param cliErrors messages the CLI would print instead of running (missing required keys, wrong types)
     */
    public record Loaded(StackConfig config, List<String> cliErrors) {
        public Loaded {
            cliErrors = List.copyOf(cliErrors);
        }
    }

    /** Loads and validates: throws {@link StackFileException} for everything the CLI would refuse. */
    public static StackConfig load(Path projectDir, String stack) {
        Loaded loaded = read(projectDir, stack);
        if (!loaded.cliErrors().isEmpty()) {
            throw new StackFileException("the configuration of stack '" + stack
                    + "' would be refused by the Pulumi CLI:\n  - " + String.join("\n  - ", loaded.cliErrors()));
        }
        return loaded.config();
    }

    /** Stack names with a {@code Pulumi.<stack>.yaml} file in the project directory, sorted. */
    public static List<String> knownStacks(Path projectDir) {
        try (Stream<Path> files = Files.list(projectDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Reads and merges; structural problems (no such stack, unreadable YAML) throw {@link StackFileException}, the
     * CLI's validation errors are returned in {@link Loaded#cliErrors()}.
     */
    public static Loaded read(Path projectDir, String stack) {
        if (stack == null || !STACK_NAME.matcher(stack).matches()) {
            throw new StackFileException("invalid stack name '" + stack
                    + "': use letters, digits, '-', '_' and '.'");
        }
        Path projectFile = projectDir.resolve("Pulumi.yaml");
        Map<String, Node> project = readYamlMap(projectFile, "pass the project directory (the one holding"
                + " Pulumi.yaml) with --dir, e.g. --dir path/to/multiregion");
        Object name = project.containsKey("name") ? construct(project.get("name")) : null;
        if (!(name instanceof String) || ((String) name).isBlank()) {
            throw new StackFileException(projectFile + ": 'name' (the project name) is missing");
        }
        String projectName = (String) name;

        Path stackFile = projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(stackFile)) {
            List<String> known = knownStacks(projectDir);
            throw new StackFileException("unknown stack '" + stack + "': there is no " + stackFile
                    + (known.isEmpty() ? "" : "; known stacks: " + String.join(", ", known)));
        }
        Map<String, Node> stackYaml = readYamlMap(stackFile, "fix the file's YAML");
        Map<String, Node> stackConfig = section(stackYaml, "config", stackFile);
        Map<String, Node> projectConfig = section(project, "config", projectFile);

        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new TreeSet<>();
        List<String> errors = new ArrayList<>();
        Map<String, Object> stackRaw = new LinkedHashMap<>();

        for (Map.Entry<String, Node> e : stackConfig.entrySet()) {
            String key = qualify(projectName, e.getKey());
            Converted c = stackValue(e.getValue());
            values.put(key, c.text());
            stackRaw.put(key, construct(e.getValue()));
            if (c.secret()) {
                secrets.add(key);
            }
        }

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Node> e : new TreeMap<>(projectConfig).entrySet()) {
            String shortKey = e.getKey();
            String key = qualify(projectName, shortKey);
            Object declaration = construct(e.getValue());
            boolean typed = declaration instanceof Map<?, ?> m && (m.containsKey("type") || m.containsKey("default")
                    || m.containsKey("value") || m.containsKey("description") || m.containsKey("secret"));
            if (!typed) {
                // The short form `key: value` sets the value itself.
                if (!values.containsKey(key)) {
                    Converted c = convert(declaration);
                    values.put(key, c.text());
                }
                continue;
            }
            Map<?, ?> decl = (Map<?, ?>) declaration;
            boolean onStack = values.containsKey(key);
            if (!onStack) {
                Object fallback = decl.containsKey("default") ? decl.get("default") : decl.get("value");
                if (decl.containsKey("default") || decl.containsKey("value")) {
                    values.put(key, convert(fallback).text());
                } else if (key.startsWith(projectName + ":")) {
                    missing.add(shortKey);
                }
                continue;
            }
            if (Boolean.TRUE.equals(decl.get("secret")) && !secrets.contains(key)) {
                errors.add("Stack '" + stack + "' with configuration key '" + shortKey
                        + "' must be encrypted as it's secret (set it with `pulumi config set --secret`)");
            }
            Object type = decl.get("type");
            if (type instanceof String t && !secrets.contains(key)
                    && !ConfigTypes.matches(t, decl.get("items"), stackRaw.get(key))) {
                errors.add("Stack '" + stack + "' with configuration key '" + shortKey + "' must be of type '"
                        + ConfigTypes.fullName(t, decl.get("items")) + "' (got " + JSON.toJson(plain(stackRaw.get(key))) + ")");
            }
        }
        if (!missing.isEmpty()) {
            errors.add(0, "Stack '" + stack + "' is missing configuration " + (missing.size() == 1 ? "value " : "values ")
                    + missing.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
                    + ": set " + (missing.size() == 1 ? "it" : "them") + " in " + stackFile.getFileName()
                    + " or give " + (missing.size() == 1 ? "it" : "each") + " a default in Pulumi.yaml");
        }
        return new Loaded(new StackConfig(projectName, stack, values, secrets), errors);
    }

    private static String qualify(String projectName, String key) {
        return key.contains(":") ? key : projectName + ":" + key;
    }

    private record Converted(String text, boolean secret) {
    }

    /**
     * A stack value as the CLI hands it to the program: a scalar as the text written in the file (the CLI reads it
     * into a string first), null as empty; a {@code secure:} value as a secret; lists and maps as JSON.
     */
    private static Converted stackValue(Node node) {
        if (node instanceof ScalarNode scalar) {
            return new Converted(isNull(scalar) ? "" : scalar.getValue(), false);
        }
        return convert(construct(node));
    }

    /** A constructed YAML value as the CLI hands it to the program: scalars as text, structures as JSON. */
    private static Converted convert(Object value) {
        if (isSecure(value)) {
            return new Converted(StackConfig.SECRET_PLACEHOLDER, true);
        }
        if (value == null) {
            return new Converted("", false);
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            boolean[] secret = {false};
            Object json = structure(value, secret);
            return new Converted(JSON.toJson(json), secret[0]);
        }
        return new Converted(String.valueOf(value), false);
    }

    private static boolean isSecure(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure");
    }

    private static Object structure(Object value, boolean[] secret) {
        if (isSecure(value)) {
            secret[0] = true;
            return StackConfig.SECRET_PLACEHOLDER;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), structure(v, secret)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(v -> out.add(structure(v, secret)));
            return out;
        }
        return value;
    }

    private static Object plain(Object value) {
        return value instanceof Map<?, ?> || value instanceof Collection<?> ? structure(value, new boolean[1]) : value;
    }

    /** Integers as YAML 1.2's core schema writes them, with the CLI reader's underscores and 0b prefix. */
    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+"
            + "|0b[01_]+)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?");

    private static boolean isNull(ScalarNode scalar) {
        return scalar.isPlain() && Set.of("", "~", "null", "Null", "NULL").contains(scalar.getValue());
    }

    /**
     * A node as a value, with YAML 1.2's core schema for plain scalars: {@code true}/{@code false} (any case form
     * {@code True}, {@code TRUE}) are booleans, {@code yes}/{@code no}/{@code on}/{@code off} stay strings, numbers
     * are numbers, dates stay strings; quoted scalars are strings.
     */
    static Object construct(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String key = String.valueOf(construct(t.getKeyNode()));
                if (out.containsKey(key)) {
                    throw new StackFileException("duplicate key '" + key + "'"
                            + t.getKeyNode().getStartMark().map(m -> " (" + m.getName() + " line " + (m.getLine() + 1)
                            + ")").orElse(""));
                }
                out.put(key, construct(t.getValueNode()));
            }
            return out;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> out = new ArrayList<>();
            sequence.getValue().forEach(n -> out.add(construct(n)));
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        if (!scalar.isPlain()) {
            return text;
        }
        if (isNull(scalar)) {
            return null;
        }
        switch (text) {
            case "true", "True", "TRUE":
                return true;
            case "false", "False", "FALSE":
                return false;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            default:
                break;
        }
        if (INT.matcher(text).matches()) {
            String digits = text.replace("_", "");
            boolean negative = digits.startsWith("-");
            String unsigned = digits.replaceFirst("^[-+]", "");
            int radix = unsigned.startsWith("0x") ? 16 : unsigned.startsWith("0o") ? 8 : unsigned.startsWith("0b") ? 2
                    : unsigned.length() > 1 && unsigned.startsWith("0") ? 8 : 10;
            String body = radix == 10 ? unsigned : unsigned.startsWith("0") && radix == 8 && !unsigned.startsWith("0o")
                    ? unsigned.substring(1) : unsigned.substring(2);
            try {
                long v = Long.parseLong(body, radix);
                return negative ? -v : v;
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text.replace("_", ""));
        }
        return text;
    }

    private static Map<String, Node> section(Map<String, Node> doc, String key, Path file) {
        Node section = doc.get(key);
        if (section == null || section instanceof ScalarNode scalar && isNull(scalar)) {
            return Map.of();
        }
        if (!(section instanceof MappingNode mapping)) {
            throw new StackFileException(file + ": '" + key + "' must be a map of keys to values");
        }
        return entries(mapping, file);
    }

    private static Map<String, Node> entries(MappingNode mapping, Path file) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = String.valueOf(construct(t.getKeyNode()));
            if (out.put(key, t.getValueNode()) != null) {
                throw new StackFileException("malformed YAML in " + file + ": duplicate key '" + key + "'");
            }
        }
        return out;
    }

    /** The YAML 1.2 node tree of a file's document (its map of top-level keys). */
    private static Map<String, Node> readYamlMap(Path file, String fix) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new StackFileException("no " + file + ": " + fix);
        } catch (IOException e) {
            throw new StackFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Node doc;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setSchema(new CoreSchema())
                    .setAllowDuplicateKeys(false).build();
            doc = new Compose(settings).composeString(text).orElse(null);
            if (doc != null) {
                construct(doc); // every value is read once here, so that duplicate keys are refused up front
            }
        } catch (YamlEngineException e) {
            throw new StackFileException("malformed YAML in " + file + ":\n" + e.getMessage(), e);
        } catch (StackFileException e) {
            throw new StackFileException("malformed YAML in " + file + ": " + e.getMessage(), e);
        }
        if (doc == null || doc instanceof ScalarNode scalar && isNull(scalar)) {
            return Map.of();
        }
        if (!(doc instanceof MappingNode mapping)) {
            throw new StackFileException("malformed " + file + ": the document must be a map");
        }
        return entries(mapping, file);
    }
}
