package io.multiregion.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which half of the deployment a stack is ({@code multiregion:role}). */
public enum Role {
    /** Region A: the source pipeline, the replicating bucket pair, the active application, global resources. */
    PRIMARY("primary"),
    /** Region B: the trigger, the pipeline in B and the warm-standby application. */
    SECONDARY("secondary");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.value.equals(text)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(Role::value).collect(Collectors.joining(" or "));
    }
}
