package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.List;
import java.util.Optional;

/** One concern's structured config value (a map in the stack file, JSON text in the program), read for its reader. */
final class StructuredValue {
    private StructuredValue() {
    }

    /** A config value (JSON text) parsed, or empty when it is not JSON at all. */
    static Optional<JsonElement> parse(String raw) {
        try {
            return Optional.of(JsonParser.parseString(raw));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The value of {@code multiregion:<key>} as a JSON object; empty when unset, and empty with a problem when it is
     * not an object or names a field the concern does not have.
     *
     * @param fields the concern's fields
     * @param what   what the concern's fields are, for the unknown-field message (e.g. "a sizing field")
     * @param fix    how to write the value, for the not-an-object message
     */
    static Optional<JsonObject> read(ConfigSource source, String key, List<String> fields, String what, String fix,
                                     List<String> problems) {
        String qualified = SettingsReader.NS + ":" + key;
        String raw = source.get(qualified).filter(v -> !v.isEmpty()).orElse(null);
        if (raw == null) {
            return Optional.empty();
        }
        JsonElement parsed = parse(raw).orElse(null);
        if (parsed == null || !parsed.isJsonObject()) {
            problems.add(qualified + ": '" + raw + "' is not an object; " + fix);
            return Optional.empty();
        }
        JsonObject object = parsed.getAsJsonObject();
        object.keySet().stream().filter(f -> !fields.contains(f)).sorted().forEach(f -> problems.add(qualified + "." + f
                + ": '" + object.get(f) + "' is not " + what + "; remove it or use one of " + String.join(", ", fields)));
        return Optional.of(object);
    }
}
