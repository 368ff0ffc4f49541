package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.pulumi.Context;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Raw stack configuration, read by fully qualified key ({@code namespace:name}). */
@FunctionalInterface
public interface ConfigSource {

    /** The raw value of a key such as {@code multiregion:role}; structured values arrive as JSON text. */
    Optional<String> get(String qualifiedKey);

    /**
     * Every key the stack sets, when the source can list them (used to catch misspelt keys). The Pulumi
     * language host lists them in the {@code PULUMI_CONFIG} environment variable; engines that do not
     * (the SDK's in-process test engine) give none, and the check is skipped.
     */
    default Optional<Set<String>> keys() {
        return Optional.empty();
    }

    /** The configuration the Pulumi engine hands to the program. */
    static ConfigSource of(Context ctx) {
        Optional<Set<String>> keys = keysFromEnvironment(System.getenv("PULUMI_CONFIG"));
        return new ConfigSource() {
            @Override
            public Optional<String> get(String qualifiedKey) {
                int colon = qualifiedKey.indexOf(':');
                return ctx.config(qualifiedKey.substring(0, colon)).get(qualifiedKey.substring(colon + 1));
            }

            @Override
            public Optional<Set<String>> keys() {
                return keys;
            }
        };
    }

    /** A fixed map of qualified keys to raw values; it lists its keys. */
    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String qualifiedKey) {
                return Optional.ofNullable(copy.get(qualifiedKey));
            }

            @Override
            public Optional<Set<String>> keys() {
                return Optional.of(copy.keySet());
            }
        };
    }

    /**
     * The keys of the language host's {@code PULUMI_CONFIG} JSON object, with the legacy
     * {@code ns:config:key} form reduced to {@code ns:key}; empty when absent or unreadable.
     */
    static Optional<Set<String>> keysFromEnvironment(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                return Optional.empty();
            }
            Set<String> keys = new TreeSet<>();
            for (String key : parsed.getAsJsonObject().keySet()) {
                keys.add(key.replaceFirst("^([^:]+):config:", "$1:"));
            }
            return Optional.of(keys);
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }
}
