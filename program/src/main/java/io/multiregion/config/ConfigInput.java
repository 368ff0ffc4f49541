package io.multiregion.config;

import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A stack's configuration as the concern readers see it: typed reads of {@code multiregion:*} keys, each bad value
 * added to the shared {@link Problems} with the key, the value and the fix, and a default returned in its place.
 */
public final class ConfigInput {
    /** The program's config namespace (the project name). */
    public static final String NS = "multiregion";

    private final ConfigSource source;
    private final Problems problems;

    public ConfigInput(ConfigSource source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    public ConfigSource source() {
        return source;
    }

    public Problems problems() {
        return problems;
    }

    /** {@code multiregion:<name>}. */
    public static String key(String name) {
        return NS + ":" + name;
    }

    /**
     * A key's raw value; an empty string counts as unset (project defaults declare "" for optional keys). A secret
     * that cannot be decrypted here (the offline plan) counts as unset too, with a note: its value is checked by
     * the deployment that can decrypt it.
     */
    public Optional<String> raw(String name) {
        if (source.isUndecryptable(key(name))) {
            problems.warn(key(name) + ": a secure value that cannot be decrypted here; it is not checked until a "
                    + "deployment that can decrypt it (pulumi preview / up)");
            return Optional.empty();
        }
        return source.get(key(name)).filter(v -> !v.isEmpty());
    }

    /**
     * For a key the program cannot do without: when it is set as a secure value this run cannot decrypt (the offline
     * plan), a problem that says so, instead of calling it missing. Returns whether it was reported.
     */
    public boolean reportUndecryptable(String name, String why) {
        if (!source.isUndecryptable(key(name))) {
            return false;
        }
        problems.add(key(name) + ": set, but as a secure value that this run cannot decrypt (the offline plan has no"
                + " access to the stack's secrets provider), and " + why + "; it is no secret: store it in plain text"
                + " (pulumi config set " + key(name) + " <value>, without --secret)");
        return true;
    }

    /** A required value, parsed; a missing or unparsable one is a problem. */
    public <T> Optional<T> required(String name, Function<String, Optional<T>> parse, String missingFix, String badFix) {
        String value = raw(name).orElse(null);
        if (value == null) {
            if (!reportUndecryptable(name, "the stack cannot be built without it")) {
                problems.add(key(name) + ": missing; " + missingFix);
            }
            return Optional.empty();
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(key(name) + ": '" + value + "' " + badFix);
        }
        return parsed;
    }

    /** An optional value, parsed, or the fallback; an unparsable one is a problem. */
    public <T> T optional(String name, Function<String, Optional<T>> parse, T fallback, String badFix) {
        String value = raw(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(key(name) + ": '" + value + "' " + badFix);
        }
        return parsed.orElse(fallback);
    }

    /** A whole number within a range, or the fallback. */
    public int integer(String name, int fallback, int min, int max, String range) {
        String value = raw(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (!isInt(value)) {
            problems.add(key(name) + ": '" + value + "' is not a whole number; set a number such as " + fallback);
            return fallback;
        }
        int number = Integer.parseInt(value.trim());
        if (number < min || number > max) {
            problems.add(key(name) + ": '" + number + "' is out of range; "
                    + (range.isEmpty() ? "use " + min + " to " + max : range) + " (default " + fallback + ")");
        }
        return number;
    }

    /** Whether a key's raw value is a whole number (so that range checks are not reported twice). */
    public boolean isInteger(String name) {
        return raw(name).filter(ConfigInput::isInt).isPresent();
    }

    static boolean isInt(String text) {
        return text.trim().matches("^-?[0-9]{1,9}$");
    }

    /** true or false, or the fallback. */
    public boolean bool(String name, boolean fallback) {
        String value = raw(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.add(key(name) + ": '" + value + "' is not a boolean; set true or false (default " + fallback + ")");
        return fallback;
    }

    /** A JSON array of strings, or empty when the text is not one. */
    public static Optional<List<String>> jsonStrings(String json) {
        JsonElement element = StructuredValue.parse(json).orElse(null);
        if (element == null || !element.isJsonArray()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (JsonElement item : element.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                return Optional.empty();
            }
            values.add(item.getAsString());
        }
        return Optional.of(values);
    }
}
