package io.multiregion.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a new replica object starts B's pipeline ({@code multiregion:trigger}). */
public enum TriggerMode {
    /** A trail in B logs WriteOnly data events for the replica key; EventBridge matches the API call. */
    CLOUDTRAIL("cloudtrail"),
    /** S3 sends Object Created events for the replica bucket to EventBridge directly. */
    EVENTBRIDGE("eventbridge");

    private final String value;

    TriggerMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<TriggerMode> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.value.equals(text)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(TriggerMode::value).collect(Collectors.joining(" or "));
    }
}
