package io.multiregion.config;

import java.util.List;
import java.util.Optional;

/**
 * The delivery path: how releases are built in A and reach B. Read by {@link DeliveryReader}.
 *
 * @param trigger                {@code multiregion:trigger}, default {@code cloudtrail} (secondary)
 * @param mode                   the delivery mode: {@code multiregion:delivery}, or what {@code auto} (the default) picks
 *                               for the regions ({@link DeliveryPath})
 * @param sourceProvider         {@code multiregion:sourceProvider}, default GitHub (primary)
 * @param repository             {@code multiregion:repository} (primary, required there)
 * @param branch                 {@code multiregion:branch}, default {@code main} (primary)
 * @param connectionArn          {@code multiregion:connectionArn}: an existing connection, or empty to create one (primary)
 * @param artifactKey            {@code multiregion:artifactKey}, default {@code releases/app.zip} (primary)
 * @param testCommands           {@code multiregion:testCommands}, default {@code ["make test"]}
 * @param buildImage             {@code multiregion:buildImage}, default the Amazon Linux standard 5.0 image
 * @param buildComputeType       {@code multiregion:buildComputeType}, default {@code BUILD_GENERAL1_SMALL}
 * @param buildTimeoutMinutes    {@code multiregion:buildTimeoutMinutes}, default 30
 * @param containerBuilds        {@code multiregion:containerBuilds}, default false
 * @param replicateDeleteMarkers {@code multiregion:replicateDeleteMarkers}, default false (primary)
 * @param path                   the chosen delivery mode and source with their reasons ({@code multiregion:delivery},
 *                               {@code multiregion:source})
 */
public record DeliverySettings(TriggerMode trigger, DeliveryMode mode, SourceProvider sourceProvider,
                               Optional<String> repository, String branch, Optional<String> connectionArn,
                               String artifactKey, List<String> testCommands, String buildImage, String buildComputeType,
                               int buildTimeoutMinutes, boolean containerBuilds, boolean replicateDeleteMarkers,
                               DeliveryPath path) {

    public DeliverySettings {
        testCommands = List.copyOf(testCommands);
    }

    /** How a release enters A's pipeline ({@code multiregion:source}). */
    public SourceMode source() {
        return path.source();
    }
}
