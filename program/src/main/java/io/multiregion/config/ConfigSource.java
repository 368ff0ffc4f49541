package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;

import java.lang.reflect.Field;
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
     * Every key the stack sets, when the source can list them (used to catch misspelt keys); empty when it
     * cannot, and the check is skipped.
     */
    default Optional<Set<String>> keys() {
        return Optional.empty();
    }

    /**
     * Whether a key holds a secret that this run cannot decrypt ({@link RunKnowledge#cannotDecrypt}). Its value is
     * then not checked: the deployment that can decrypt it checks it.
     */
    default boolean isUndecryptable(String qualifiedKey) {
        return false;
    }

    /** Whether a key holds a secret; its value then never appears in an error message. */
    default boolean isSecret(String qualifiedKey) {
        return false;
    }

    /** The configuration the Pulumi engine hands to the program, as far as this run knows it. */
    static ConfigSource of(Context ctx, RunKnowledge knowledge) {
        Optional<Set<String>> keys = keysFromEngine().or(() -> keysFromEnvironment(System.getenv("PULUMI_CONFIG")));
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

            @Override
            public boolean isUndecryptable(String qualifiedKey) {
                return knowledge.cannotDecrypt(qualifiedKey);
            }

            @Override
            public boolean isSecret(String qualifiedKey) {
                try {
                    return DeploymentInstanceInternal.cast(Deployment.getInstance()).getConfig().isConfigSecret(qualifiedKey);
                } catch (RuntimeException e) {
                    return true; // cannot tell: never show the value
                }
            }
        };
    }

    /** A fixed map of qualified keys to raw values; it lists its keys. */
    static ConfigSource of(Map<String, String> values) {
        return of(values, Set.of());
    }

    /** A fixed map of qualified keys to raw values, some of them secret. */
    static ConfigSource of(Map<String, String> values, Set<String> secretKeys) {
        Map<String, String> copy = Map.copyOf(values);
        Set<String> secrets = Set.copyOf(secretKeys);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String qualifiedKey) {
                return Optional.ofNullable(copy.get(qualifiedKey));
            }

            @Override
            public Optional<Set<String>> keys() {
                return Optional.of(copy.keySet());
            }

            @Override
            public boolean isSecret(String qualifiedKey) {
                return secrets.contains(qualifiedKey);
            }
        };
    }

    /**
     * Every configuration key the running deployment holds. The SDK keeps them in a private map with no
     * public accessor, so this reads it reflectively; when that fails (another SDK version), the result is
     * empty and only {@link #keysFromEnvironment} is left.
     */
    static Optional<Set<String>> keysFromEngine() {
        try {
            Object config = DeploymentInstanceInternal.cast(Deployment.getInstance()).getConfig();
            Field field = config.getClass().getDeclaredField("allConfig");
            field.setAccessible(true);
            if (field.get(config) instanceof Map<?, ?> all) {
                Set<String> keys = new TreeSet<>();
                all.keySet().forEach(k -> keys.add(String.valueOf(k)));
                return Optional.of(keys);
            }
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
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
