package io.multiregion.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How releases reach region B ({@code multiregion:delivery}). */
public enum DeliveryMode {
    /** S3 replication to B, a trigger in B and a pipeline in B. */
    BESPOKE("bespoke"),
    /** One pipeline in A whose deploy action for B runs in B. */
    NATIVE("native");

    private final String value;

    DeliveryMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<DeliveryMode> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.value.equals(text)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(DeliveryMode::value).collect(Collectors.joining(" or "));
    }
}
