package io.multiregion.offline;

import java.util.Collection;
import java.util.Map;

/** The Pulumi CLI's check of a stack value against the {@code type} (and {@code items}) declared in Pulumi.yaml. */
final class ConfigTypes {
    private ConfigTypes() {
    }

    static boolean matches(String type, Object items, Object value) {
        switch (type) {
            case "string":
                return !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>);
            case "integer":
                if (value instanceof Integer || value instanceof Long) {
                    return true;
                }
                if (value instanceof String s) {
                    try {
                        Long.parseLong(s.trim());
                        return true;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
                return false;
            case "boolean":
                return value instanceof Boolean
                        || (value instanceof String s && (s.equals("true") || s.equals("false")));
            case "array":
                if (!(value instanceof Collection<?> c)) {
                    return false;
                }
                if (items instanceof Map<?, ?> m && m.get("type") instanceof String itemType) {
                    return c.stream().allMatch(v -> matches(itemType, m.get("items"), v));
                }
                return true;
            default:
                return true;
        }
    }

    static String fullName(String type, Object items) {
        if ("array".equals(type) && items instanceof Map<?, ?> m && m.get("type") instanceof String itemType) {
            return "List<" + fullName(itemType, m.get("items")) + ">";
        }
        return type;
    }
}
