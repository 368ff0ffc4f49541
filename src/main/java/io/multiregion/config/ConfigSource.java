package io.multiregion.config;

import com.pulumi.Context;

import java.util.Map;
import java.util.Optional;

/** Raw stack configuration, read by fully qualified key ({@code namespace:name}). */
@FunctionalInterface
public interface ConfigSource {

    /** The raw value of a key such as {@code multiregion:role}; structured values arrive as JSON text. */
    Optional<String> get(String qualifiedKey);

    /** The configuration the Pulumi engine hands to the program. */
    static ConfigSource of(Context ctx) {
        return qualifiedKey -> {
            int colon = qualifiedKey.indexOf(':');
            String namespace = qualifiedKey.substring(0, colon);
            String name = qualifiedKey.substring(colon + 1);
            return ctx.config(namespace).get(name);
        };
    }

    /** A fixed map of qualified keys to raw values (for pure tests). */
    static ConfigSource of(Map<String, String> values) {
        return qualifiedKey -> Optional.ofNullable(values.get(qualifiedKey));
    }
}
