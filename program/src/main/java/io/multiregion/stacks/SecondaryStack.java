package io.multiregion.stacks;

import com.pulumi.Context;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.compute.AppTier;
import io.multiregion.config.DeliveryMode;
import io.multiregion.config.DeliverySettings;
import io.multiregion.config.DomainSettings;
import io.multiregion.config.FrontDoorSettings;
import io.multiregion.config.InterRegionSettings;
import io.multiregion.config.RunKnowledge;
import io.multiregion.config.Sizing;
import io.multiregion.config.StackSettings;
import io.multiregion.data.DatabaseCredentials;
import io.multiregion.delivery.ReleaseDeployer;
import io.multiregion.delivery.ReplicaPipeline;
import io.multiregion.delivery.ReplicaSource;
import io.multiregion.delivery.ReplicaTrigger;
import io.multiregion.delivery.ReplicatedBucket;
import io.multiregion.edge.FrontDoor;
import io.multiregion.edge.Recovery;
import io.multiregion.images.ImageRepositories;
import io.multiregion.governance.Governance;
import io.multiregion.naming.Names;
import io.multiregion.network.TransitGatewayAttachment;
import io.multiregion.operations.CrossRegionDashboard;
import io.multiregion.operations.GlobalAlarms;
import io.multiregion.operations.RegionAlarms;
import io.multiregion.operations.RegionOperations;
import io.multiregion.recovery.FailoverSwitch;
import io.multiregion.recovery.RecoveryCapacity;
import io.multiregion.recovery.RecoveryRunbook;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.slice.RegionSlice;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.storage.RegionalSupport;

import java.util.ArrayList;
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
 * <p>In pipeline-free delivery (region B offers no CodePipeline or CodeBuild) B has no pipeline: the trigger starts a
 * state machine that deploys the replicated release with CodeDeploy ({@link ReleaseDeployer}).
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
                settings.delivery().mode(), settings.interRegion(), StackParts.originAccess(settings)));

        ProviderRegistry providers = StackParts.providers(settings, Set.of(b));
        RegionalSupport support = StackParts.support(settings, providers);
        DeliverySettings delivery = settings.delivery();

        // Region B's own slice: the same component as A's, sized as a warm standby; its cluster joins A's global
        // database (with the version the contract checked against the primary's), its application reads the secret's
        // replica, decrypting it with the key that encrypts the replica (the primary's key in B, not this stack's),
        // and pulls from the repository in B. With a domain, its certificate validates against the record of the
        // application's name that the primary wrote. Behind the front door, B's load balancer requires the secret header
        // the primary generated.
        Output<String> originSecret = primary.secret(Value.ORIGIN_SECRET);
        RegionSlice.Data.Builder data = RegionSlice.Data.builder()
                .globalCluster(primary.text(Value.GLOBAL_CLUSTER), Output.of(settings.database().engineVersion()))
                .database(settings.database(), settings.storage().logRetentionDays())
                .secretRead(DatabaseCredentials.readStatements("Database", b,
                        primary.text(Value.DATABASE_SECRET_REPLICA_ARN), primary.text(Value.DATABASE_SECRET_REPLICA_KEY_ARN)))
                .images(new ImageRepositories.RegionalRepository(primary.text(Value.IMAGE_REPOSITORY_REPLICA_ARN)));
        if (settings.domain().isPresent()) {
            data.applicationNameRecord(primary.text(Value.APPLICATION_NAME_RECORD));
        }
        RegionSlice slice = StackParts.slice(settings, support, data.build(), StackParts.ingress(settings, originSecret));

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
            pipeline = replicatedDelivery(settings, primary, slice, support, exports);
        }

        // Region B's operations, beside its slice: topic, alarms (the release replication's latency is published in
        // the destination bucket's region, B), events to A's bus, patching. Then what the secondary owns because it
        // is the stack that can still change while A is down: the failover switch, the front door that reads it, the
        // recovery runbook and the cross-region dashboard, all in B but for the global services (the front door, the
        // switch's health check and their alarms), which go through the dedicated global provider.
        Output<Map<String, Object>> primaryMonitoring = primary.map(Value.MONITORING);
        List<RegionAlarms.Replication> replication = !delivery.mode().replicates() ? List.of()
                : List.of(new RegionAlarms.Replication(replicated(primaryMonitoring, "sourceBucket"),
                replicated(primaryMonitoring, "destinationBucket"), ReplicatedBucket.ruleId(b), true));
        RegionOperations ops = StackParts.operations(settings, support, slice, pipeline, replication);
        String prefix = RegionOperations.alarmPrefix(settings.project(), settings.stack());
        // The switch reaches users through Route 53's failover records, which exist with DNS failover (a domain);
        // without them it is the metric and alarm the runbook reports.
        boolean dnsFailover = settings.frontDoor().healthChecked(settings.domain());
        FailoverSwitch failoverSwitch = new FailoverSwitch(settings.project() + "-failover-switch",
                new FailoverSwitch.Args(b, settings.project() + "/" + settings.stack(), prefix + "failover-switch",
                        ops.topic.topicArn, dnsFailover ? Optional.of(providers.global()) : Optional.empty()),
                support.in(b, null));

        // What joins both regions for users: the front door, through the global provider (never A's).
        Optional<FrontDoor> door = frontDoor(settings, primary, slice, originSecret, providers,
                failoverSwitch.healthCheckId);
        exports.put(Value.FRONT_DOOR, door.<Output<?>>map(d -> d.summary).orElseGet(() -> Output.of(Map.of(
                "mode", "none", "url", "", "activeRegion", settings.primaryRegion().code()))));
        exports.put(Value.RECOVERY, Output.of(Recovery.of(settings.frontDoor(), settings.domain(),
                settings.delivery().mode()).export()));

        // The global services' metrics (Route 53 health checks, CloudFront) live in us-east-1: their alarms and topic
        // too, through the global provider.
        List<Map.Entry<String, GlobalAlarms.HealthCheck>> checks = new ArrayList<>();
        failoverSwitch.healthCheckId.ifPresent(id -> checks.add(Map.entry("failover-switch-engaged",
                new GlobalAlarms.HealthCheck(id, "the failover switch is on: users are sent to " + b.code()))));
        door.flatMap(d -> d.dnsFailover).ifPresent(dns -> {
            checks.add(Map.entry("primary-endpoint", new GlobalAlarms.HealthCheck(dns.primaryHealthCheckId,
                    settings.primaryRegion().code() + "'s load balancer fails its health check: users go to " + b.code())));
            checks.add(Map.entry("secondary-endpoint", new GlobalAlarms.HealthCheck(dns.secondaryHealthCheckId,
                    b.code() + "'s load balancer fails its health check: the standby cannot take users")));
        });
        // With CloudFront (the aws partition only), the distribution's 5xx rate too.
        Optional<Output<String>> distributionId = door.flatMap(d -> d.distribution).map(d -> d.id());
        Optional<GlobalAlarms.Distribution> distribution = distributionId.map(id -> new GlobalAlarms.Distribution(id,
                settings.operations().frontDoor5xxErrorRatePercent(), settings.operations().frontDoor5xxMinutes()));
        if (!checks.isEmpty() || distribution.isPresent()) {
            new GlobalAlarms(settings.project() + "-global-ops", new GlobalAlarms.Args(
                    ProviderRegistry.GLOBAL_REGION, prefix, settings.operations().email(), GlobalAlarms.of(checks),
                    settings.storage().kmsDeletionWindowDays(), settings.storage().protectData(), distribution),
                    ComponentResourceOptions.builder().providers(providers.global()).build());
        }
        Output<RecoveryCapacity> capacity = primary.map(Value.SIZING).applyValue(m -> Sizing.fromExport(m)
                .map(a -> RecoveryCapacity.of(a, settings.sizing()))
                // a primary never deployed: B's own sizing until it is (the runbook's parameters can override it)
                .orElse(new RecoveryCapacity(settings.sizing().minSize(), settings.sizing().desiredCapacity())));
        Output<String> globalCluster = primary.text(Value.GLOBAL_CLUSTER);
        RecoveryRunbook runbook = new RecoveryRunbook(settings.project() + "-recovery", RecoveryRunbook.Args.builder()
                .region(b, ops.account)
                .documentName(Names.fit(settings.project() + "-" + settings.stack() + "-recovery", 128))
                .database(new RecoveryRunbook.Database(globalCluster,
                        Output.tuple(ops.account, globalCluster).applyValue(t -> globalClusterArn(b, t.t1, t.t2)),
                        slice.database.arn))
                .group(new RecoveryRunbook.Group(slice.app.autoScalingGroupName, slice.app.group.arn(),
                        capacity.applyValue(RecoveryCapacity::minSize),
                        capacity.applyValue(RecoveryCapacity::desiredCapacity)))
                .failoverSwitch(new RecoveryRunbook.Switch(failoverSwitch.namespace, failoverSwitch.alarmName,
                        failoverSwitch.alarmArn))
                .reports(new RecoveryRunbook.Reports(ops.topic.topicArn, ops.topic.keyArn))
                .build(), support.in(b, null));
        List<Output<String>> dashboardChecks = checks.stream().map(c -> c.getValue().id()).toList();
        CrossRegionDashboard dashboard = new CrossRegionDashboard(settings.project() + "-dashboard",
                CrossRegionDashboard.Args.builder()
                        .dashboardName(dashboardName(settings.project(), settings.stack()))
                        .regions(primaryMonitoring, ops.monitoring(Optional.empty()))
                        .rpoLag(RegionAlarms.rpoLagOffered(settings.database().engine().value()))
                        .healthChecks(ProviderRegistry.GLOBAL_REGION, Output.all(dashboardChecks))
                        .failoverSwitch(b, failoverSwitch.namespace)
                        .distribution(distributionId)
                        .build(), support.in(b, null));

        // Governance of this stack's region (and, in the primary, what exists once per account).
        Governance governance = StackParts.governance(settings, support);

        exports.put(Value.PRIMARY_REGION, Output.of(settings.primaryRegion().code()));
        exports.put(Value.SECONDARY_REGION, Output.of(b.code()));
        exports.put(Value.MONITORING, ops.monitoring(Optional.empty()));
        exports.put(Value.ALARM_TOPIC, ops.topic.topicArn);
        exports.put(Value.DASHBOARD, dashboard.dashboardName);
        exports.put(Value.RECOVERY_RUNBOOK, runbook.documentName);
        exports.put(Value.FAILOVER_SWITCH_HEALTH_CHECK, failoverSwitch.healthCheckId.orElse(Output.of("")));
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
     * The front door over A's load balancer (read from the primary's outputs) and B's (this stack's), or, when there
     * is none (no CloudFront, and no DNS failover with a domain), a record saying so. Returns the {@code frontDoor}
     * output. Its certificate for the application's name validates against the record the primary wrote for that
     * name (ACM asks every certificate of the account for the same record). A's failover record also needs the
     * recovery runbook's failover switch healthy, where there is one.
     */
    private static Optional<FrontDoor> frontDoor(StackSettings settings, StackContract.PrimaryReference primary,
                                                 RegionSlice slice, Output<String> originSecret,
                                                 ProviderRegistry providers, Optional<Output<String>> failoverSwitch) {
        FrontDoorSettings frontDoor = settings.frontDoor();
        if (!frontDoor.present(settings.domain())) {
            return Optional.empty();
        }
        AwsRegion a = settings.primaryRegion();
        AwsRegion b = settings.secondaryRegion();
        Optional<DomainSettings> domain = settings.domain();
        FrontDoor.Args.Builder args = FrontDoor.Args.builder()
                .names(settings.project(), settings.stack())
                .settings(frontDoor)
                .origins(new FrontDoor.Origins(
                        new FrontDoor.Origin(a, primary.text(Value.PRIMARY_LOAD_BALANCER_DNS),
                                primary.text(Value.PRIMARY_LOAD_BALANCER_ZONE), domain.map(d -> d.regionalName(a))),
                        new FrontDoor.Origin(b, slice.web.dnsName, slice.web.zoneId, domain.map(d -> d.regionalName(b))),
                        originSecret))
                .keeping(new FrontDoor.Keeping(settings.storage().logRetentionDays(),
                        settings.storage().kmsDeletionWindowDays(), settings.storage().protectData()))
                .failoverSwitch(failoverSwitch);
        domain.ifPresent(d -> args.domain(d, primary.text(Value.APPLICATION_NAME_RECORD)));
        FrontDoor door = new FrontDoor(settings.project() + "-front-door", args.build(),
                ComponentResourceOptions.builder().providers(providers.global()).build());
        return Optional.of(door);
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

    /**
     * B's own delivery, fed by the replica bucket: in bespoke delivery the pipeline in B and the trigger that starts
     * it; in pipeline-free delivery (B offers no CodePipeline or CodeBuild) the release deployer, a state machine that
     * deploys the replicated object version with CodeDeploy, and the trigger that starts it. Returns the pipeline's
     * name, where there is one.
     */
    private static Optional<Output<String>> replicatedDelivery(StackSettings settings,
                                                               StackContract.PrimaryReference primary, RegionSlice slice,
                                                               RegionalSupport support, Map<Value, Output<?>> exports) {
        AwsRegion b = settings.secondaryRegion();
        DeliverySettings delivery = settings.delivery();
        ReplicaSource replica = ReplicaSource.of(
                primary.text(Value.REPLICA_BUCKET),
                primary.text(Value.REPLICA_BUCKET_ARN),
                primary.text(Value.REPLICA_KEY_ARN),
                primary.text(Value.ARTIFACT_KEY));
        ReplicaTrigger.Starts starts;
        Optional<Output<String>> pipelineName = Optional.empty();
        if (delivery.mode() == DeliveryMode.PIPELINE_FREE) {
            ReleaseDeployer deployer = new ReleaseDeployer(settings.project() + "-deployer",
                    new ReleaseDeployer.Args(b, settings.project() + "-" + settings.stack() + "-release-deployer", replica,
                            StackParts.deployTo(slice), delivery.trigger(), settings.storage().logRetentionDays()),
                    support, support.in(b, null));
            starts = ReplicaTrigger.Starts.deployer(deployer.stateMachineArn, delivery.trigger());
            exports.put(Value.RELEASE_DEPLOYER, deployer.stateMachineArn);
        } else {
            ReplicaPipeline pipeline = new ReplicaPipeline(settings.project() + "-replica", ReplicaPipeline.Args.builder()
                    .region(b)
                    .stack(settings.stack())
                    .replica(replica)
                    .buildProject(StackParts.build(delivery), settings.storage().logRetentionDays())
                    .deployTo(StackParts.deployTo(slice))
                    .build(), support, support.in(b, null));
            starts = ReplicaTrigger.Starts.pipeline(pipeline.pipelineArn);
            exports.put(Value.REPLICA_PIPELINE, pipeline.pipelineName);
            pipelineName = Optional.of(pipeline.pipelineName);
        }
        ReplicaTrigger trigger = new ReplicaTrigger(settings.project() + "-trigger",
                new ReplicaTrigger.Args(b, replica, starts, delivery.trigger(),
                        settings.project() + "-" + settings.stack() + "-release-trigger",
                        settings.storage().logRetentionDays()),
                support, support.in(b, null));
        exports.put(Value.TRIGGER_MODE, Output.of(delivery.trigger().value()));
        exports.put(Value.TRIGGER_RULE, trigger.ruleName);
        trigger.trailName.ifPresent(name -> exports.put(Value.TRIGGER_TRAIL, Output.of(name)));
        exports.put(Value.RELEASE_OBJECT, Output.tuple(replica.bucketName(), replica.artifactKey())
                .applyValue(t -> "s3://" + t.t1 + "/" + t.t2));
        return pipelineName;
    }
}
