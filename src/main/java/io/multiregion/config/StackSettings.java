package io.multiregion.config;

import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Optional;

/**
 * Every setting of one stack, read and validated from its configuration (see {@link SettingsReader}).
 * Immutable; built only when the whole configuration is valid.
 *
 * @param project               Pulumi project name (used in physical names and tags)
 * @param stack                 Pulumi stack name
 * @param role                  {@code multiregion:role}
 * @param primaryRegion         {@code multiregion:primaryRegion}: region A
 * @param secondaryRegion       {@code multiregion:secondaryRegion}: region B
 * @param trigger               {@code multiregion:trigger}, default {@code cloudtrail}
 * @param primaryStack          {@code multiregion:primaryStack}: the primary's stack reference name (secondary only)
 * @param sourceProvider        {@code multiregion:sourceProvider}, default GitHub
 * @param repository            {@code multiregion:repository} (primary only)
 * @param branch                {@code multiregion:branch}, default {@code main}
 * @param connectionArn         {@code multiregion:connectionArn}: an existing connection, or empty to create one
 * @param artifactKey           {@code multiregion:artifactKey}, default {@code releases/app.zip}
 * @param testCommands          {@code multiregion:testCommands}, default {@code ["make test"]}
 * @param buildImage            {@code multiregion:buildImage}
 * @param buildComputeType      {@code multiregion:buildComputeType}, default {@code BUILD_GENERAL1_SMALL}
 * @param buildTimeoutMinutes   {@code multiregion:buildTimeoutMinutes}, default 30
 * @param containerBuilds       {@code multiregion:containerBuilds}, default false
 * @param logRetentionDays      {@code multiregion:logRetentionDays}, default 365
 * @param kmsDeletionWindowDays {@code multiregion:kmsDeletionWindowDays}, default 30
 * @param noncurrentVersionDays {@code multiregion:noncurrentVersionDays}, default 90
 * @param replicateDeleteMarkers {@code multiregion:replicateDeleteMarkers}, default false
 * @param protectData           {@code multiregion:protectData}, default true
 */
public record StackSettings(
        String project,
        String stack,
        Role role,
        AwsRegion primaryRegion,
        AwsRegion secondaryRegion,
        TriggerMode trigger,
        Optional<String> primaryStack,
        SourceProvider sourceProvider,
        Optional<String> repository,
        String branch,
        Optional<String> connectionArn,
        String artifactKey,
        List<String> testCommands,
        String buildImage,
        String buildComputeType,
        int buildTimeoutMinutes,
        boolean containerBuilds,
        int logRetentionDays,
        int kmsDeletionWindowDays,
        int noncurrentVersionDays,
        boolean replicateDeleteMarkers,
        boolean protectData) {

    public StackSettings {
        testCommands = List.copyOf(testCommands);
    }

    /** The region this stack's own workload lives in: A for the primary, B for the secondary. */
    public AwsRegion homeRegion() {
        return role == Role.PRIMARY ? primaryRegion : secondaryRegion;
    }
}
