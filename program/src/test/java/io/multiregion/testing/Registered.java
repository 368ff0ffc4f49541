package io.multiregion.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.List;
import java.util.Map;

/**
 * One resource the program registered: its type token, logical name, inputs, and the region of the
 * provider it was registered through (empty for components, providers and stack references); and what the
 * engine saw of it: its URN, its parent's URN, the URNs it depends on (explicit {@code dependsOn} and the
 * resources its inputs come from) and its {@code protect} and {@code ignoreChanges} options.
 */
public record Registered(String type, String name, Map<String, Object> inputs, String providerRegion,
                         String urn, String parent, List<String> dependencies, boolean protect,
                         List<String> ignoreChanges, List<String> aliases) {

    /** A registration as the mocks saw it, before the engine's view is joined. */
    public Registered(String type, String name, Map<String, Object> inputs, String providerRegion) {
        this(type, name, inputs, providerRegion, null, null, List.of(), false, List.of(), List.of());
    }

    /** Whether this resource waits for another: directly, through {@code dependsOn} or one of its inputs. */
    public boolean dependsOn(Registered other) {
        return other.urn() != null && dependencies.contains(other.urn());
    }

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
