package io.multiregion.stacks;

import com.pulumi.Context;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.values.Outputs;
import io.multiregion.compute.AppTier;
import io.multiregion.config.DeliveryMode;
import io.multiregion.config.DeliverySettings;
import io.multiregion.config.InterRegionSettings;
import io.multiregion.config.RunKnowledge;
import io.multiregion.config.SizingReader;
import io.multiregion.config.StackSettings;
import io.multiregion.delivery.ReplicaPipeline;
import io.multiregion.delivery.ReplicaSource;
import io.multiregion.delivery.ReplicaTrigger;
import io.multiregion.delivery.ReplicatedBucket;
import io.multiregion.naming.Names;
import io.multiregion.operations.CrossRegionDashboard;
import io.multiregion.operations.GlobalAlarms;
import io.multiregion.operations.RegionAlarms;
import io.multiregion.operations.RegionOperations;
import io.multiregion.recovery.FailoverSwitch;
import io.multiregion.recovery.RecoveryCapacity;
import io.multiregion.recovery.RecoveryRunbook;
import io.multiregion.governance.Governance;
import io.multiregion.network.TransitGatewayAttachment;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.slice.RegionSlice;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.storage.RegionalSupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The secondary stack: region B's slice (the warm standby, with its attachment to B's transit gateway when the
 * inter-region network is on) and region B's own delivery (the trigger and the pipeline in B, which deploys to the
 * slice). It reads the primary only
 * through the {@link StackContract} and has no provider for region A at all (static stability).
 *
 * <p>In native delivery the secondary has no delivery of its own: A's pipeline deploys to B's CodeDeploy target
 * (which keeps the names {@link StackContract#nativeTarget} gives it), and this stack lets B's instances read the
 * revisions from the primary's artifact store in B.
 */
public final class SecondaryStack {
    private SecondaryStack() {
    }

    public static void build(Context ctx, StackSettings settings, RunKnowledge knowledge) {
        AwsRegion b = settings.secondaryRegion();
        StackContract.PrimaryReference primary = new StackContract.PrimaryReference(settings.primaryStack().orElseThrow(),
                knowledge);
        primary.check(ctx, settings.stack(), new StackContract.Agreement(settings.primaryRegion(), b, settings.network(),
                settings.sizing(), settings.domain().map(d -> d.name()).orElse(""), settings.database(),
                settings.delivery().mode(), settings.interRegion()));

        ProviderRegistry providers = StackParts.providers(settings, Set.of(b));
        RegionalSupport support = StackParts.support(settings, providers);
        DeliverySettings delivery = settings.delivery();

        // Region B's own slice: the same component as A's, sized as a warm standby; its cluster joins A's global
        // database, its application reads the secret's replica and pulls from the repository in B.
        RegionSlice slice = StackParts.slice(settings, support, new RegionSlice.Data(primary.text(Value.GLOBAL_CLUSTER),
                settings.database(), false, Optional.empty(), primary.text(Value.DATABASE_SECRET_REPLICA_ARN),
                primary.text(Value.IMAGE_REPOSITORY_REPLICA_ARN), settings.storage().logRetentionDays()));

        if (settings.interRegion().enabled()) {
            interRegion(settings, primary, slice, support);
        }

        Map<Value, Output<?>> exports = new LinkedHashMap<>();
        Optional<Output<String>> pipeline = Optional.empty();
        if (delivery.mode() == DeliveryMode.NATIVE) {
            // A's pipeline copies each release into its artifact store in B and deploys it here: the instances may
            // read the revisions and decrypt them with B's key of the primary (the role is this stack's).
            StackParts.deployTo(slice).grantRevisions(settings.project() + "-native", b, new AppTier.ReleaseSource(
                    primary.text(Value.NATIVE_STORE_ARN), primary.text(Value.NATIVE_STORE_KEY_ARN)),
                    CustomResourceOptions.builder().parent(slice).build());
        } else {
            pipeline = Optional.of(bespokeDelivery(settings, primary, slice, support, exports));
        }

        // Region B's operations, beside its slice: topic, alarms (the release replication's latency is published in
        // the destination bucket's region, B), events to A's bus, patching. Then what the secondary owns because it
        // is the stack that can still change while A is down: the failover switch, the recovery runbook and the
        // cross-region dashboard, all in B (the switch's health check through the global provider).
        Output<Map<String, Object>> primaryMonitoring = primary.map(Value.MONITORING);
        List<RegionAlarms.Replication> replication = delivery.mode() == DeliveryMode.NATIVE ? List.of()
                : List.of(new RegionAlarms.Replication(replicated(primaryMonitoring, "sourceBucket"),
                replicated(primaryMonitoring, "destinationBucket"), ReplicatedBucket.ruleId(b), true));
        RegionOperations ops = StackParts.operations(settings, support, slice, pipeline, replication);
        String prefix = RegionOperations.alarmPrefix(settings.project(), settings.stack());
        FailoverSwitch failoverSwitch = new FailoverSwitch(settings.project() + "-failover-switch",
                new FailoverSwitch.Args(b, settings.project() + "/" + settings.stack(), prefix + "failover-switch",
                        ops.topic.topicArn, providers.global()), support.in(b, null));
        // The global services' metrics (Route 53 health checks) live in the global region: their alarms and topic
        // too, through the global provider. The front door adds its own health checks here.
        new GlobalAlarms(settings.project() + "-global-ops", new GlobalAlarms.Args(
                ProviderRegistry.globalRegion(b), prefix, settings.operations().email(),
                GlobalAlarms.of(List.of(Map.entry("failover-switch-engaged", new GlobalAlarms.HealthCheck(
                        failoverSwitch.healthCheckId, "the failover switch is on: users are sent to " + b.code())))),
                settings.storage().kmsDeletionWindowDays(), settings.storage().protectData()),
                ComponentResourceOptions.builder().providers(providers.global()).build());
        Output<RecoveryCapacity> capacity = primary.map(Value.SIZING).applyValue(m -> SizingReader.fromExport(m)
                .map(a -> RecoveryCapacity.of(a, settings.sizing()))
                // a primary never deployed: B's own sizing until it is (the runbook's parameters can override it)
                .orElse(new RecoveryCapacity(settings.sizing().minSize(), settings.sizing().desiredCapacity())));
        Output<String> globalCluster = primary.text(Value.GLOBAL_CLUSTER);
        RecoveryRunbook runbook = new RecoveryRunbook(settings.project() + "-recovery", new RecoveryRunbook.Args(b,
                Names.fit(settings.project() + "-" + settings.stack() + "-recovery", 128),
                new RecoveryRunbook.Database(globalCluster,
                        Output.tuple(ops.account, globalCluster).applyValue(t -> globalClusterArn(b, t.t1, t.t2)),
                        slice.database.arn),
                new RecoveryRunbook.Group(slice.app.autoScalingGroupName, slice.app.group.arn(),
                        capacity.applyValue(RecoveryCapacity::minSize),
                        capacity.applyValue(RecoveryCapacity::desiredCapacity)),
                new RecoveryRunbook.Switch(failoverSwitch.namespace, failoverSwitch.alarmName, failoverSwitch.alarmArn),
                new RecoveryRunbook.Reports(ops.topic.topicArn, ops.topic.keyArn), ops.account), support.in(b, null));
        CrossRegionDashboard dashboard = new CrossRegionDashboard(settings.project() + "-dashboard",
                new CrossRegionDashboard.Args(dashboardName(settings.project(), settings.stack()), primaryMonitoring,
                        ops.monitoring(Optional.empty()),
                        RegionAlarms.rpoLagOffered(settings.database().engine().value()),
                        ProviderRegistry.globalRegion(b), Outputs.listOf(failoverSwitch.healthCheckId), b,
                        failoverSwitch.namespace), support.in(b, null));
        // Governance of this stack's region (and, in the primary, what exists once per account).
        Governance governance = StackParts.governance(settings, support);

        // every bucket exists now: the access-log buckets admit exactly the buckets that log to them.
        support.seal();

        exports.put(Value.PRIMARY_REGION, Output.of(settings.primaryRegion().code()));
        exports.put(Value.SECONDARY_REGION, Output.of(b.code()));
        exports.put(Value.MONITORING, ops.monitoring(Optional.empty()));
        exports.put(Value.ALARM_TOPIC, ops.topic.topicArn);
        exports.put(Value.DASHBOARD, dashboard.dashboardName);
        exports.put(Value.RECOVERY_RUNBOOK, runbook.documentName);
        exports.put(Value.FAILOVER_SWITCH_HEALTH_CHECK, failoverSwitch.healthCheckId);
        StackParts.sliceExports(settings, slice, exports);
        exports.put(Value.GOVERNANCE, Output.of(governance.summary()));
        StackContract.export(ctx, StackContract.Exporter.SECONDARY, delivery.mode(), exports);
    }

    /** A field of the release replication the primary exports in its {@code monitoring} value. */
    private static Output<String> replicated(Output<Map<String, Object>> monitoring, String field) {
        return monitoring.applyValue(m -> m.get("replication") instanceof Map<?, ?> r && r.get(field) != null
                ? r.get(field).toString() : null);
    }

    /** {@code arn:<partition>:rds::<account>:global-cluster:<id>}: a global cluster's ARN has no region. */
    static String globalClusterArn(AwsRegion region, String account, String identifier) {
        return "arn:" + region.partition() + ":rds::" + account + ":global-cluster:" + identifier;
    }

    /**
     * The dashboard's name: {@code <project>-<stack>} (dashboards are global to the account), in the characters
     * CloudWatch accepts (letters, digits, - and _: CloudWatch API Reference, PutDashboard).
     */
    static String dashboardName(String project, String stack) {
        return Names.fit((project + "-" + stack).replaceAll("[^A-Za-z0-9_-]", "-"), 255);
    }

    /**
     * The secondary's part of the inter-region network: B's VPC attached to the gateway the primary built in B (read
     * from the primary's outputs, never through A's provider), with routes towards A's block, and what crosses the
     * peering from here: B's application tier may reach A's database subnets on the database port, where the
     * global writer lives while A is the primary region.
     */
    private static void interRegion(StackSettings settings, StackContract.PrimaryReference primary, RegionSlice slice,
                                    RegionalSupport support) {
        AwsRegion a = settings.primaryRegion();
        AwsRegion b = settings.secondaryRegion();
        new TransitGatewayAttachment(settings.project() + "-tgw-attachment", new TransitGatewayAttachment.Args(b,
                settings.stack(), TransitGatewayAttachment.Vpc.of(slice.network),
                new TransitGatewayAttachment.Gateway(primary.text(Value.SECONDARY_TRANSIT_GATEWAY),
                        primary.text(Value.SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE)),
                settings.network().primary().cidr()), support.in(b, null));
        List<String> databaseSubnets = InterRegionSettings.databaseSubnets(settings.network());
        for (int i = 0; i < databaseSubnets.size(); i++) {
            new SecurityGroupEgressRule(settings.project() + "-app-to-" + a.code() + "-db-" + (i + 1),
                    SecurityGroupEgressRuleArgs.builder()
                            .securityGroupId(slice.app.securityGroupId)
                            .cidrIpv4(databaseSubnets.get(i))
                            .ipProtocol("tcp").fromPort(slice.database.port).toPort(slice.database.port)
                            .description("the database writer in " + a.code() + ", over the transit gateway peering")
                            .build(),
                    CustomResourceOptions.builder().parent(slice).build());
        }
    }

    /** B's own delivery: the pipeline in B, fed by the replica bucket, and the trigger that starts it. */
    private static Output<String> bespokeDelivery(StackSettings settings, StackContract.PrimaryReference primary,
                                                  RegionSlice slice, RegionalSupport support,
                                                  Map<Value, Output<?>> exports) {
        AwsRegion b = settings.secondaryRegion();
        DeliverySettings delivery = settings.delivery();
        ReplicaSource replica = ReplicaSource.of(
                primary.text(Value.REPLICA_BUCKET),
                primary.text(Value.REPLICA_BUCKET_ARN),
                primary.text(Value.REPLICA_KEY_ARN),
                primary.text(Value.ARTIFACT_KEY));
        ReplicaPipeline pipeline = new ReplicaPipeline(settings.project() + "-replica",
                new ReplicaPipeline.Args(b, settings.stack(), replica, StackParts.build(delivery),
                        settings.storage().logRetentionDays(), Optional.of(StackParts.deployTo(slice))),
                support, support.in(b, null));
        ReplicaTrigger trigger = new ReplicaTrigger(settings.project() + "-trigger",
                new ReplicaTrigger.Args(b, replica, pipeline.pipelineArn, delivery.trigger(),
                        settings.project() + "-" + settings.stack() + "-release-trigger",
                        settings.storage().logRetentionDays()),
                support, support.in(b, null));
        exports.put(Value.REPLICA_PIPELINE, pipeline.pipelineName);
        exports.put(Value.TRIGGER_MODE, Output.of(delivery.trigger().value()));
        exports.put(Value.TRIGGER_RULE, trigger.ruleName);
        trigger.trailName.ifPresent(name -> exports.put(Value.TRIGGER_TRAIL, Output.of(name)));
        exports.put(Value.RELEASE_OBJECT, Output.tuple(replica.bucketName(), replica.artifactKey())
                .applyValue(t -> "s3://" + t.t1 + "/" + t.t2));
        return pipeline.pipelineName;
    }
}
