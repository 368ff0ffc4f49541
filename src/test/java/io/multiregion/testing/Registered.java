package io.multiregion.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.Map;

/**
 * One resource the program registered: its type token, logical name, inputs, and the region of the
 * provider it was registered through (empty for components, providers and stack references).
 */
public record Registered(String type, String name, Map<String, Object> inputs, String providerRegion) {

    /** A top-level input as text. */
    public String text(String key) {
        Object value = inputs.get(key);
        return value == null ? null : value.toString();
    }

    /** An input holding JSON text (policies, patterns), parsed. */
    public JsonElement json(String key) {
        return JsonParser.parseString(text(key));
    }

    /** A nested input by path, e.g. {@code "versioningConfiguration", "status"}; list steps by index. */
    public Object at(Object... path) {
        Object current = inputs;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof java.util.List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    public boolean isAws() {
        return type.startsWith("aws:");
    }
}
