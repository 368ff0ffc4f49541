package io.multiregion.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stack configurations for the reader's tests, and assertions on the problems read from them. */
final class Configs {
    private Configs() {
    }

    static final String PROJECT = "multiregion";
    static final String UNSET = "<unset>";

    /** The smallest valid primary configuration: every optional key left to its default. */
    static Map<String, String> primary() {
        Map<String, String> config = new HashMap<>();
        config.put("pulumi:disable-default-providers", "[\"*\"]");
        config.put("multiregion:role", "primary");
        config.put("multiregion:primaryRegion", "eu-west-1");
        config.put("multiregion:secondaryRegion", "eu-central-1");
        config.put("multiregion:repository", "acme-corp/storefront");
        return config;
    }

    /** The smallest valid secondary configuration. */
    static Map<String, String> secondary() {
        Map<String, String> config = new HashMap<>(primary());
        config.remove("multiregion:repository");
        config.put("multiregion:role", "secondary");
        config.put("multiregion:primaryStack", "acme-corp/multiregion/primary");
        return config;
    }

    /** A key as written in a test: {@code sizing} is {@code multiregion:sizing}; a key with a namespace is as it is. */
    static String key(String name) {
        return name.contains(":") ? name : PROJECT + ":" + name;
    }

    /**
     * The minimal configuration of a stack with changes: {@code key=value} pairs joined by {@code &&}; a value of
     * {@link #UNSET} removes the key.
     */
    static Map<String, String> with(String stack, String changes) {
        Map<String, String> config = stack.equals("primary") ? primary() : secondary();
        for (String change : changes.isBlank() ? new String[0] : changes.split(" && ")) {
            String name = change.substring(0, change.indexOf('=')).trim();
            String value = change.substring(change.indexOf('=') + 1).trim();
            if (value.equals(UNSET)) {
                config.remove(key(name));
            } else {
                config.put(key(name), value);
            }
        }
        return config;
    }

    static SettingsReader.Reading read(String stack, Map<String, String> config) {
        return SettingsReader.check(ConfigSource.of(config), PROJECT, stack);
    }

    static StackSettings settings(String stack, Map<String, String> config) {
        SettingsReader.Reading reading = read(stack, config);
        assertEquals(List.of(), reading.problems());
        return reading.settings().orElseThrow();
    }

    static List<Problem> problems(String stack, Map<String, String> config) {
        return read(stack, config).problems();
    }

    /** Exactly one problem, at {@code key}, of {@code kind}, whose line contains {@code fragment}. */
    static Problem only(List<Problem> problems, String key, Problem.Kind kind, String fragment) {
        assertEquals(1, problems.size(), problems::toString);
        return has(problems, key, kind, fragment);
    }

    /** A problem at {@code key}, of {@code kind}, whose line contains {@code fragment}. */
    static Problem has(List<Problem> problems, String key, Problem.Kind kind, String fragment) {
        Problem found = problems.stream().filter(p -> p.key().equals(key(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + key(key) + " in " + problems));
        assertEquals(kind, found.kind(), found::toString);
        assertTrue(found.toString().contains(fragment), () -> "'" + fragment + "' not in " + found);
        return found;
    }
}
