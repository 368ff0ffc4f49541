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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} the way the Pulumi CLI does before it starts a program:
 * <ul>
 *   <li>keys without a namespace are put in the project's namespace ({@code role} becomes {@code multiregion:role});</li>
 *   <li>a project key's {@code default} (or {@code value}) applies when the stack file does not set the key;</li>
 *   <li>a project-namespace key declared without a default and not set by the stack is an error
 *       ("Stack 'x' is missing configuration value 'y'"), as is a stack value of the wrong declared {@code type};</li>
 *   <li>scalars are passed as strings, lists and maps as JSON strings;</li>
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
        Map<String, Object> project = readYamlMap(projectFile, "run the plan from the project directory (the one holding Pulumi.yaml)");
        Object name = project.get("name");
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
        Map<String, Object> stackYaml = readYamlMap(stackFile, "fix the file's YAML");
        Map<String, Object> stackConfig = section(stackYaml, "config", stackFile);
        Map<String, Object> projectConfig = section(project, "config", projectFile);

        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new TreeSet<>();
        List<String> errors = new ArrayList<>();
        Map<String, Object> stackRaw = new LinkedHashMap<>();

        for (Map.Entry<String, Object> e : stackConfig.entrySet()) {
            String key = qualify(projectName, e.getKey());
            Converted c = convert(e.getValue());
            values.put(key, c.text());
            stackRaw.put(key, e.getValue());
            if (c.secret()) {
                secrets.add(key);
            }
        }

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(projectConfig).entrySet()) {
            String shortKey = e.getKey();
            String key = qualify(projectName, shortKey);
            Object declaration = e.getValue();
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

    /** A YAML value as the CLI hands it to the program: scalars as text, structures as JSON. */
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
        return new Converted(scalar(value), false);
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
        if (value instanceof java.util.Date || value instanceof byte[]) {
            return scalar(value);
        }
        return value;
    }

    private static Object plain(Object value) {
        return value instanceof Map<?, ?> || value instanceof Collection<?> ? structure(value, new boolean[1]) : value;
    }

    private static String scalar(Object value) {
        if (value instanceof java.util.Date d) {
            return d.toInstant().toString();
        }
        return String.valueOf(value);
    }

    private static Map<String, Object> section(Map<String, Object> doc, String key, Path file) {
        Object section = doc.get(key);
        if (section == null) {
            return Map.of();
        }
        if (!(section instanceof Map<?, ?> m)) {
            throw new StackFileException(file + ": '" + key + "' must be a map of keys to values");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Map<String, Object> readYamlMap(Path file, String fix) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new StackFileException("no " + file + ": " + fix);
        } catch (IOException e) {
            throw new StackFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            doc = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new StackFileException("malformed YAML in " + file + ":\n" + e.getMessage(), e);
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw new StackFileException("malformed " + file + ": the document must be a map");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
