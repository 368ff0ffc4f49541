package io.multiregion.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How releases reach region B: the mode {@code multiregion:delivery} names or {@code auto} picks ({@link DeliveryPath}).
 */
public enum DeliveryMode {
    /** S3 replication to B, a trigger in B and a pipeline in B (needs CodePipeline and CodeBuild in B). */
    BESPOKE("bespoke"),
    /** One pipeline in A whose deploy action for B runs in B (needs CodePipeline in both regions). */
    NATIVE("native"),
    /**
     * S3 replication to B and a trigger in B that starts a CodeDeploy deployment of the replicated release through a
     * Step Functions state machine: no pipeline in B (for a region B without CodePipeline or CodeBuild).
     */
    PIPELINE_FREE("pipeline-free");

    /** The value of {@code multiregion:delivery} that lets the program choose ({@link DeliveryPath}). */
    public static final String AUTO = "auto";

    private final String value;

    DeliveryMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Whether releases reach B through S3 replication (the replicating bucket pair and a trigger in B). */
    public boolean replicates() {
        return this != NATIVE;
    }

    /** What {@code multiregion:delivery} accepts: {@link #AUTO} and every mode. */
    static List<String> requestable() {
        List<String> values = new ArrayList<>(List.of(AUTO));
        Arrays.stream(values()).map(DeliveryMode::value).forEach(values::add);
        return values;
    }

    public static Optional<DeliveryMode> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.value.equals(text)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(DeliveryMode::value).collect(Collectors.joining(", "));
    }
}
