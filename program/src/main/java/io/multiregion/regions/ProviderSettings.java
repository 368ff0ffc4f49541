package io.multiregion.regions;

import java.util.Map;
import java.util.Set;

/**
 * The AWS provider settings a user put in the stack's {@code aws:} config, read by the configuration reader. The
 * program creates its providers explicitly, and explicit providers do not read the {@code aws:} namespace by
 * themselves, so every one of these values is passed to every provider the program creates.
 *
 * @param values  provider input name to value: text, {@code Boolean}, {@code Integer}, {@code List<String>},
 *                {@code Map<String, String>} (tags) or {@code Map<String, Object>} (assume-role settings)
 * @param secrets the provider input names whose values are secrets
 */
public record ProviderSettings(Map<String, Object> values, Set<String> secrets) {

    public ProviderSettings {
        values = Map.copyOf(values);
        secrets = Set.copyOf(secrets);
    }

    /** No {@code aws:} settings: credentials come from the environment (see docs/configuration.md, "Credentials and provider settings"). */
    public static ProviderSettings none() {
        return new ProviderSettings(Map.of(), Set.of());
    }
}
