package io.multiregion.offline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stack's configuration as the Pulumi CLI hands it to a program: fully qualified keys
 * ({@code namespace:key}) to string values (structured values as JSON), plus the keys that are secret.
 *
 * @param project    the project name from {@code Pulumi.yaml}
 * @param stack      the stack name
 * @param values     key to value; a secret's value is {@link #SECRET_PLACEHOLDER} (it cannot be decrypted offline)
 * @param secretKeys keys whose values are secret
 */
public record StackConfig(String project, String stack, Map<String, String> values, Set<String> secretKeys) {

    /** What a {@code secure:} value becomes offline: the ciphertext cannot be decrypted without the stack's key. */
    public static final String SECRET_PLACEHOLDER = "[secret: cannot be decrypted offline]";

    public StackConfig {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(stack, "stack");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        secretKeys = Collections.unmodifiableSet(new TreeSet<>(secretKeys));
    }

    /** The value of a fully qualified key, or null when it is not set. */
    public String value(String key) {
        return values.get(key);
    }
}
