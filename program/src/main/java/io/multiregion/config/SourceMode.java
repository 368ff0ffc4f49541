package io.multiregion.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a release enters the pipeline in region A ({@code multiregion:source}). */
public enum SourceMode {
    /** A CodeConnections connection to the Git repository: a push to the branch starts the pipeline. */
    CONNECTION("connection"),
    /**
     * The user's CI uploads the release zip into the source bucket in A; an EventBridge rule on the bucket's Object
     * Created event starts the pipeline, whose source action is that S3 object.
     */
    UPLOAD("upload");

    private final String value;

    SourceMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<SourceMode> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.value.equals(text)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(SourceMode::value).collect(Collectors.joining(" or "));
    }
}
