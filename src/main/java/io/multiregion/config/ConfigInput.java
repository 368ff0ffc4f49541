package io.multiregion.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** A required value, parsed; a missing or unparsable one is a problem. */
    public <T> Optional<T> required(String name, Function<String, Optional<T>> parse, String missingFix, String badFix) {
        String value = raw(name).orElse(null);
        if (value == null) {
            problems.add(key(name) + ": missing; " + missingFix);
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
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonArray()) {
                return Optional.empty();
            }
            JsonArray array = element.getAsJsonArray();
            List<String> values = new ArrayList<>();
            for (JsonElement item : array) {
                if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                    return Optional.empty();
                }
                values.add(item.getAsString());
            }
            return Optional.of(values);
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * A structured value (an object in the stack file), with the fields it may have; empty when the key is unset.
     * A value that is not an object, and every field it has but should not, is a problem.
     *
     * @param example a valid value, shown in the fix
     */
    public Optional<Structured> structured(String name, Set<String> fields, String example) {
        String value = raw(name).orElse(null);
        if (value == null) {
            return Optional.empty();
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(value);
        } catch (JsonParseException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isJsonObject()) {
            problems.add(key(name) + ": '" + value + "' is not a structured value; write it as a YAML map under the key, "
                    + "e.g. " + example);
            return Optional.empty();
        }
        JsonObject object = parsed.getAsJsonObject();
        for (String field : object.keySet()) {
            if (!fields.contains(field)) {
                problems.add(key(name) + "." + field + ": '" + object.get(field) + "' is not a field of " + key(name)
                        + Suggest.didYouMean(field, fields) + " (fields: " + String.join(", ", fields.stream().sorted().toList())
                        + ")");
            }
        }
        return Optional.of(new Structured(key(name), object, problems));
    }

    /** The fields of one structured value, read with the same rules as top-level keys. */
    public static final class Structured {
        private final String key;
        private final JsonObject object;
        private final Problems problems;

        Structured(String key, JsonObject object, Problems problems) {
            this.key = key;
            this.object = object;
            this.problems = problems;
        }

        /** {@code multiregion:<name>.<field>}. */
        public String key(String field) {
            return key + "." + field;
        }

        public boolean has(String field) {
            return object.has(field) && !object.get(field).isJsonNull();
        }

        public Optional<JsonElement> raw(String field) {
            return has(field) ? Optional.of(object.get(field)) : Optional.empty();
        }

        /** A text field, or the fallback. */
        public String text(String field, String fallback) {
            if (!has(field)) {
                return fallback;
            }
            JsonElement value = object.get(field);
            if (value instanceof JsonPrimitive p && p.isString()) {
                return p.getAsString();
            }
            problems.add(key(field) + ": '" + value + "' is not text; write it as a string, e.g. " + fallback);
            return fallback;
        }

        /** A whole-number field within a range, or the fallback. */
        public int integer(String field, int fallback, int min, int max, String range) {
            if (!has(field)) {
                return fallback;
            }
            JsonElement value = object.get(field);
            String text = value.isJsonPrimitive() ? value.getAsJsonPrimitive().getAsString() : value.toString();
            if (!(value instanceof JsonPrimitive) || !isInt(text)) {
                problems.add(key(field) + ": '" + text + "' is not a whole number; set a number such as " + fallback);
                return fallback;
            }
            int number = Integer.parseInt(text.trim());
            if (number < min || number > max) {
                problems.add(key(field) + ": '" + number + "' is out of range; "
                        + (range.isEmpty() ? "use " + min + " to " + max : range) + " (default " + fallback + ")");
            }
            return number;
        }

        /** A boolean field, or the fallback. */
        public boolean bool(String field, boolean fallback) {
            if (!has(field)) {
                return fallback;
            }
            JsonElement value = object.get(field);
            if (value instanceof JsonPrimitive p && (p.isBoolean() || p.getAsString().equals("true")
                    || p.getAsString().equals("false"))) {
                return p.isBoolean() ? p.getAsBoolean() : Boolean.parseBoolean(p.getAsString());
            }
            problems.add(key(field) + ": '" + value + "' is not a boolean; set true or false (default " + fallback + ")");
            return fallback;
        }

        /** A list-of-text field, or empty when it is absent or not one (then a problem). */
        public Optional<List<String>> strings(String field, String example) {
            if (!has(field)) {
                return Optional.empty();
            }
            Optional<List<String>> values = jsonStrings(object.get(field).toString());
            if (values.isEmpty()) {
                problems.add(key(field) + ": '" + object.get(field) + "' is not a list of text; write it like " + example);
            }
            return values;
        }
    }
}
