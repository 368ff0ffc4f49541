package io.multiregion.stacks;

import com.pulumi.core.Output;
import io.multiregion.config.DeliveryMode;
import io.multiregion.config.DeliverySettings;
import io.multiregion.config.DomainSettings;
import io.multiregion.config.FrontDoorSettings;
import io.multiregion.config.Role;
import io.multiregion.config.StackSettings;
import io.multiregion.delivery.BuildProject;
import io.multiregion.delivery.DeployTo;
import io.multiregion.operations.RegionAlarms;
import io.multiregion.operations.RegionOperations;
import io.multiregion.governance.Governance;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.slice.RegionSlice;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.storage.RegionalSupport;
import io.multiregion.web.OriginAccess;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What both stack compositions build or derive in the same way: providers, support, the slice, build settings. */
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

    /**
     * This stack's region slice: the same component in both stacks, sized by the stack's config, its load balancer
     * reachable as {@code ingress} says.
     */
    static RegionSlice slice(StackSettings settings, RegionalSupport support, RegionSlice.Data data,
                             OriginAccess.Ingress ingress) {
        AwsRegion home = settings.homeRegion();
        return new RegionSlice(settings.project(), RegionSlice.Args.builder()
                .region(home, settings.role() == Role.PRIMARY ? RegionSlice.Profile.ACTIVE : RegionSlice.Profile.STANDBY)
                .names(settings.project(), settings.stack())
                .network(settings.network().of(settings.role()), settings.network().flowLogRetentionDays())
                .sizing(settings.sizing())
                .domain(settings.domain())
                .deletionProtection(settings.storage().loadBalancerDeletionProtection())
                .protectData(settings.storage().protectData())
                .noncurrentVersionDays(settings.storage().noncurrentVersionDays())
                .key(support.key(home))
                .data(data)
                .deployApplicationName(deployApplication(settings))
                .ingress(ingress)
                .build(), support.in(home, null));
    }

    /**
     * The stack's CodeDeploy application name: {@code <project>-<stack>}, except B's in native delivery, which A's
     * pipeline deploys to and so must know before the secondary exists ({@link #nativeTarget}).
     */
    private static String deployApplication(StackSettings settings) {
        boolean nativeB = settings.role() == Role.SECONDARY && settings.delivery().mode() == DeliveryMode.NATIVE;
        return nativeB ? nativeTarget(settings).applicationName() : settings.project() + "-" + settings.stack();
    }

    /**
     * B's CodeDeploy target in native delivery, named from the project, the primary stack's name (its own in the
     * primary, {@code multiregion:primaryStack} in the secondary) and region B: both stacks derive the same names.
     */
    static StackContract.NativeTarget nativeTarget(StackSettings settings) {
        String primaryStack = settings.role() == Role.PRIMARY ? settings.stack() : settings.primaryStack().orElseThrow();
        return StackContract.nativeTarget(settings.project(), primaryStack, settings.secondaryRegion(),
                RegionSlice.deployComponent(settings.project()));
    }

    /** Where the stack's pipeline deploys: its own slice. */
    static DeployTo deployTo(RegionSlice slice) {
        return new DeployTo(slice.deploy, slice.app.instanceRoleName);
    }

    /** The exports both stacks make about their own slice and the values both stack files must agree on. */
    static void sliceExports(StackSettings settings, RegionSlice slice, Map<Value, Output<?>> exports) {
        exports.put(Value.DELIVERY_MODE, Output.of(settings.delivery().mode().value()));
        // the mode, what chose it and why (and, in the primary, the source): a stack output the plan shows too
        Map<String, Object> path = new java.util.LinkedHashMap<>(settings.delivery().path().export());
        if (settings.role() != Role.PRIMARY) {
            path.remove("source"); // the primary's choice: this stack reads no source setting
            path.remove("sourceReason");
        }
        exports.put(Value.DELIVERY_PATH, Output.of(path));
        exports.put(Value.NETWORK, Output.of(StackContract.Agreement.network(settings.network())));
        exports.put(Value.SIZING, Output.of(settings.sizing().export()));
        exports.put(Value.DOMAIN, Output.of(settings.domain().map(DomainSettings::name).orElse("")));
        exports.put(Value.DATABASE, Output.of(StackContract.Agreement.database(settings.database())));
        exports.put(Value.INTER_REGION, Output.of(settings.interRegion().export(settings.network())));
        exports.put(Value.APPLICATION_URL, slice.url);
        exports.put(Value.DEPLOYMENT_GROUP, Output.tuple(slice.deploy.applicationName, slice.deploy.deploymentGroupName)
                .applyValue(t -> t.t1 + "/" + t.t2));
    }

    /**
     * Who may reach this stack's load balancer: with CloudFront, only the front door (with the secret header) and,
     * where DNS failover checks each region's own name, Route 53's health checkers; otherwise anyone.
     */
    static OriginAccess.Ingress ingress(StackSettings settings, Output<String> originSecret) {
        FrontDoorSettings frontDoor = settings.frontDoor();
        return frontDoor.cloudFront()
                ? OriginAccess.Ingress.frontDoor(originSecret, frontDoor.healthChecked(settings.domain()))
                : OriginAccess.Ingress.PUBLIC;
    }

    /** What the primary's load balancer must admit for this stack's front door, as the contract records it. */
    static Map<String, Object> originAccess(StackSettings settings) {
        FrontDoorSettings frontDoor = settings.frontDoor();
        return Map.of("cloudFront", frontDoor.cloudFront(),
                "healthCheckers", frontDoor.cloudFront() && frontDoor.healthChecked(settings.domain()));
    }

    /**
     * The stack's operations for its home region, beside its slice and through the region's provider: topic,
     * alarms, events to the other region, patching.
     *
     * @param pipeline    the region's pipeline, where it has one
     * @param replication the release replication rules whose metric this region publishes
     */
    static RegionOperations operations(StackSettings settings, RegionalSupport support, RegionSlice slice,
                                       Optional<Output<String>> pipeline, List<RegionAlarms.Replication> replication) {
        AwsRegion home = settings.homeRegion();
        boolean standby = settings.role() == Role.SECONDARY;
        AwsRegion other = standby ? settings.primaryRegion() : settings.secondaryRegion();
        return new RegionOperations(settings.project() + "-ops", RegionOperations.Args.builder()
                .where(home, other, standby)
                .names(settings.project(), settings.stack())
                .settings(settings.operations())
                .watched(slice, settings.sizing().minSize(), settings.database().engine().value())
                .pipeline(pipeline)
                .replication(replication)
                .key(settings.storage().kmsDeletionWindowDays(), settings.storage().protectData())
                .build(), support.in(home, null));
    }

    /** How every CodeBuild project of the stack builds. */
    static BuildProject.Build build(DeliverySettings delivery) {
        return new BuildProject.Build(delivery.testCommands(), delivery.buildImage(), delivery.buildComputeType(),
                delivery.buildTimeoutMinutes(), delivery.containerBuilds());
    }

    /**
     * The stack's governance in its home region: AWS Config and Security Hub in both stacks; in the primary also the
     * account trail, the finding aggregator (linking B) and AWS Config's service-linked role, which exist once per
     * account.
     */
    static Governance governance(StackSettings settings, RegionalSupport support) {
        AwsRegion home = settings.homeRegion();
        Optional<AwsRegion> linked = settings.role() == Role.PRIMARY ? Optional.of(settings.secondaryRegion())
                : Optional.empty();
        return new Governance(settings.project() + "-governance", new Governance.Args(
                settings.project() + "-" + settings.stack(), home, linked, settings.governance(),
                settings.storage().logRetentionDays()), support, support.in(home, null));
    }
}
