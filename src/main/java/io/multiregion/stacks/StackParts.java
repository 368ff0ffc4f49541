package io.multiregion.stacks;

import io.multiregion.config.DeliverySettings;
import io.multiregion.config.StackSettings;
import io.multiregion.delivery.BuildProject;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.storage.RegionalSupport;

import java.util.Set;

/** What both stack compositions derive from their settings in the same way: providers, support, build settings. */
final class StackParts {
    private StackParts() {
    }

    /** The stack's providers, allowed only the given regions, with the stack's aws: settings. */
    static ProviderRegistry providers(StackSettings settings, Set<AwsRegion> allowed) {
        return new ProviderRegistry(new ProviderRegistry.Args(settings.project(), settings.stack(),
                settings.role().value(), allowed, settings.aws()));
    }

    /** The stack's per-region keys and access-log buckets. */
    static RegionalSupport support(StackSettings settings, ProviderRegistry providers) {
        return new RegionalSupport(new RegionalSupport.Args(settings.project(), settings.stack(),
                settings.storage().kmsDeletionWindowDays(), settings.storage().noncurrentVersionDays(),
                settings.storage().protectData()), providers);
    }

    /** How every CodeBuild project of the stack builds. */
    static BuildProject.Build build(DeliverySettings delivery) {
        return new BuildProject.Build(delivery.testCommands(), delivery.buildImage(), delivery.buildComputeType(),
                delivery.buildTimeoutMinutes(), delivery.containerBuilds());
    }
}
