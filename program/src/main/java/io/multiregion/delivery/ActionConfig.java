package io.multiregion.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration map of a CodePipeline action, built from key and value pairs. A value an engine did not
 * report (null) leaves its key out instead of failing the whole program; in a real deployment every value
 * is known.
 */
final class ActionConfig {
    private ActionConfig() {
    }

    static Map<String, String> of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                config.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(config);
    }
}
