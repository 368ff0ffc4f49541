package io.multiregion.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of the configuration reference (docs/configuration.md), generated from the declarations of the settings
 * records ({@link Field}: name, type, default, readers, meaning), so that the reference cannot drift from what the
 * program reads: the table of every key, and one table per structured value with its fields; and the README's summary
 * of the keys. Each table sits between two markers in its Markdown file; the prose around them is written by hand.
 *
 * <p>{@code bin/config-reference} rewrites the files; {@code bin/config-reference --check} (and a test) fails when one
 * is not what the declarations generate.
 */
public final class ConfigurationReference {

    /** A generated block: its name, its table and its closing marker. */
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- BEGIN GENERATED ([^ ]+) \\(bin/config-reference\\) -->\\n(.*?)<!-- END GENERATED \\1 -->", Pattern.DOTALL);

    private ConfigurationReference() {
    }

    /** The name of the block that holds the table of every key. */
    public static final String KEYS = "keys";
    /** The name of the README's block that sums the keys up. */
    public static final String KEY_SUMMARY = "key-summary";

    /** The table of every key of the {@code multiregion} namespace, in the order the settings declare them. */
    public static String keyTable() {
        return keys(true);
    }

    /** The README's summary of the keys: every key with its type, default and readers, without the meaning. */
    public static String keySummary() {
        return keys(false);
    }

    private static String keys(boolean meaning) {
        StringBuilder out = new StringBuilder(meaning ? "| key | type | default | read by | meaning |\n|---|---|---|---|---|\n"
                : "| key | type | default | read by |\n|---|---|---|---|\n");
        for (Field<?> key : SettingsReader.settings()) {
            out.append("| `").append(key.name()).append("` | ").append(key.referenceType()).append(" | ")
                    .append(cell(key.defaultText())).append(" | ").append(readers(key)).append(" |");
            if (meaning) {
                out.append(" ").append(cell(key.meaning())).append(" |");
            }
            out.append("\n");
        }
        return out.toString();
    }

    /** The table of a structured value's fields, nested values' fields by their dotted path ({@code primary.cidr}). */
    public static String fieldTable(Field<?> value) {
        StringBuilder out = new StringBuilder("| field | type | default | limits and meaning |\n|---|---|---|---|\n");
        rows("", value.fields(), out);
        return out.toString();
    }

    private static void rows(String prefix, List<Field<?>> fields, StringBuilder out) {
        for (Field<?> field : fields) {
            if (!field.fields().isEmpty()) {
                rows(prefix + field.name() + ".", field.fields(), out);
                continue;
            }
            out.append("| `").append(prefix).append(field.name()).append("` | ").append(field.referenceType())
                    .append(" | ").append(cell(field.defaultText())).append(" | ").append(cell(field.meaning()))
                    .append(" |\n");
        }
    }

    /** The structured values, by the name of their block ({@code multiregion:network}). */
    public static List<Field<?>> structured() {
        return SettingsReader.settings().stream().filter(f -> !f.fields().isEmpty()).toList();
    }

    /** The block name of a structured value. */
    public static String blockName(Field<?> value) {
        return SettingsReader.NS + ":" + value.name();
    }

    /** The generated table of a block, by its name; empty for a name no declaration has. */
    static Optional<String> table(String name) {
        if (name.equals(KEYS)) {
            return Optional.of(keyTable());
        }
        if (name.equals(KEY_SUMMARY)) {
            return Optional.of(keySummary());
        }
        return structured().stream().filter(v -> blockName(v).equals(name)).findFirst()
                .map(ConfigurationReference::fieldTable);
    }

    /** The blocks the configuration reference holds: the key table and one table per structured value. */
    public static List<String> referenceBlocks() {
        List<String> blocks = new ArrayList<>(List.of(KEYS));
        structured().forEach(v -> blocks.add(blockName(v)));
        return blocks;
    }

    /** The files the generated blocks are in, from the repository's root, and the blocks each must hold. */
    public static Map<Path, List<String>> files() {
        Map<Path, List<String>> files = new LinkedHashMap<>();
        files.put(Path.of("docs/configuration.md"), referenceBlocks());
        files.put(Path.of("README.md"), List.of(KEY_SUMMARY));
        return files;
    }

    /** {@link #render(String, List)} of the configuration reference. */
    public static String render(String markdown) {
        return render(markdown, referenceBlocks());
    }

    /**
     * The Markdown with every generated block replaced by what the declarations generate now.
     *
     * @param required the blocks the file must hold
     * @throws IllegalArgumentException when a block names no declaration, or a required block is missing
     */
    public static String render(String markdown, List<String> required) {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            seen.add(name);
            Optional<String> table = table(name);
            if (table.isEmpty()) {
                problems.add("the block " + name + " names no setting");
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            // blank lines around the table: a Markdown table does not start inside the comment's HTML block
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- BEGIN GENERATED " + name
                    + " (bin/config-reference) -->\n\n" + table.orElseThrow() + "\n<!-- END GENERATED " + name + " -->"));
        }
        m.appendTail(out);
        required.stream().filter(n -> !seen.contains(n)).forEach(n -> problems.add("no block for " + n + ": add "
                + "<!-- BEGIN GENERATED " + n + " (bin/config-reference) --> and <!-- END GENERATED " + n + " -->"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return out.toString();
    }

    /** A table cell: one line, its pipes escaped. */
    private static String cell(String markdown) {
        return markdown.replace("\n", " ").replace("|", "\\|");
    }

    private static String readers(Field<?> key) {
        return key.readBy().size() == Role.values().length ? "both" : key.readBy().iterator().next().value();
    }

    /**
     * Rewrites the generated blocks of the configuration reference and the README, run from the repository's root, or
     * with {@code --check} exits with status 1 when either is not what the declarations generate.
     */
    public static void main(String[] args) throws IOException {
        boolean check = args.length > 0 && args[0].equals("--check");
        boolean stale = false;
        for (Map.Entry<Path, List<String>> file : files().entrySet()) {
            String now = Files.readString(file.getKey(), StandardCharsets.UTF_8);
            String generated = render(now, file.getValue());
            if (generated.equals(now)) {
                continue;
            }
            if (check) {
                System.err.println(file.getKey() + " is not what the settings declare: run bin/config-reference");
                stale = true;
            } else {
                Files.writeString(file.getKey(), generated, StandardCharsets.UTF_8);
                System.err.println("wrote " + file.getKey());
            }
        }
        if (stale) {
            System.exit(1);
        }
    }
}
