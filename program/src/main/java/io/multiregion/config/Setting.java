package io.multiregion.config;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One key of the {@code multiregion} namespace, as its reader declares it: the readers' declarations are the one
 * list of known keys (misspelt keys are caught against it), of which stacks read which key (a key set where it is
 * never read gets a warning), and of the defaults {@code Pulumi.yaml} must declare.
 *
 * @param name         the key without namespace, e.g. {@code trigger}
 * @param type         the type {@code Pulumi.yaml} declares: string, integer, boolean, array or object
 * @param defaultValue the default as JSON text ({@code "cloudtrail"}, {@code 30}, {@code ["make test"]}); empty for a
 *                     required key or one whose absence means "not set"
 * @param readBy       the roles whose stacks read the key
 */
public record Setting(String name, String type, Optional<String> defaultValue, Set<Role> readBy) {

    public Setting {
        readBy = Set.copyOf(readBy);
    }

    /** A key both stacks read. */
    public static Setting both(String name, String type, String defaultJson) {
        return new Setting(name, type, Optional.ofNullable(defaultJson), EnumSet.allOf(Role.class));
    }

    /** A key only one role's stack reads. */
    public static Setting only(Role role, String name, String type, String defaultJson) {
        return new Setting(name, type, Optional.ofNullable(defaultJson), EnumSet.of(role));
    }

    /**
     * Whether a raw value (as the engine hands it: text, or JSON for lists and objects) is this key's declared
     * default, or empty.
     */
    public boolean isDefault(String raw) {
        if (raw.isEmpty()) {
            return true;
        }
        return defaultValue.map(d -> {
            String plain = d.startsWith("\"") && d.endsWith("\"") ? d.substring(1, d.length() - 1) : d;
            return plain.equals(raw) || StructuredValue.parse(d).equals(StructuredValue.parse(raw));
        }).orElse(false);
    }

    /** The fully qualified key. */
    public String key() {
        return ConfigInput.NS + ":" + name;
    }
}
