package io.multiregion.operations;

import com.pulumi.aws.cloudwatch.CompositeAlarm;
import com.pulumi.aws.cloudwatch.CompositeAlarmArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.values.Outputs;
import io.multiregion.config.OperationsSettings;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A region's alarms, in that region (every metric here is published in the region of the resource it measures:
 * CloudWatch User Guide, "Alarms"; an alarm watches metrics of its own region only), all notifying the region's topic:
 * the load balancer's 5xx responses and unhealthy targets, the group's in-service instances, the database's CPU and
 * freeable memory, in B the global database's replication and RPO lag, the release bucket's replication where its
 * metric lives in this region, and failed pipeline runs and deployments. A composite alarm reads "this region is
 * failing" from the alarms that mean users are hurt.
 *
 * <p>Missing data is treated as each metric needs: the load balancer and S3 publish counts only when something
 * happened, and the replication lag only while the cluster is a secondary, so their silence is good news
 * ({@code notBreaching}); the group's metrics are published every minute while collection is on, so their silence
 * means the group is gone ({@code breaching}); the database publishes every minute, and silence there is an outage
 * the other alarms see first, so it keeps its state ({@code missing}).
 *
 * <p>The component is placed in a region by the provider in its options; every child takes it from this parent.
 */
public final class RegionAlarms extends ComponentResource {

    /** Minutes of 5xx responses or unhealthy targets before an alarm: longer than one deployment step's blip. */
    public static final int LOAD_BALANCER_MINUTES = 3;
    /**
     * Five-minute periods the group may stay below its minimum: an instance refresh or a replaced instance takes one
     * out of service until its replacement is launched, a few minutes: an instance counts as in service once it is
     * launched and its lifecycle hooks are done, before its health-check grace period ends (EC2 Auto Scaling User
     * Guide, "Amazon EC2 Auto Scaling instance lifecycle").
     */
    public static final int IN_SERVICE_PERIODS = 2;
    /** Five-minute periods of high database CPU: 15 minutes. */
    public static final int DATABASE_PERIODS = 3;

    /** The database of the region. */
    public record Database(Output<String> clusterIdentifier, boolean secondary, boolean rpoLagOffered) {
    }

    /**
     * An S3 replication rule whose metric is published in this region: {@code latency} (ReplicationLatency, in the
     * destination bucket's region) or operations failed (OperationsFailedReplication, in the source bucket's region;
     * S3 User Guide, "Using S3 Replication metrics").
     */
    public record Replication(Output<String> sourceBucket, Output<String> destinationBucket, String ruleId,
                              boolean latency) {
    }

    /**
     * @param region     the region
     * @param namePrefix the start of every alarm's and rule's name: {@code <project>-<stack>-}
     * @param topicArn   the region's notification topic
     * @param thresholds the thresholds ({@code multiregion:operations})
     * @param watched    what the alarms watch
     */
    public record Args(AwsRegion region, String namePrefix, Output<String> topicArn, OperationsSettings thresholds,
                       Watched watched) {
    }

    /**
     * What a region's alarms watch. Built with {@link #builder()}.
     *
     * @param loadBalancerArn  the region's load balancer
     * @param targetGroupArn   its target group
     * @param autoScalingGroup the application's group
     * @param minInService     the group's minimum: fewer in-service instances is an alarm
     * @param database         the region's cluster
     * @param delivery         the region's pipeline (where it has one) and CodeDeploy application
     * @param replication      replication rules whose metric is published here (default none)
     */
    public record Watched(Output<String> loadBalancerArn, Output<String> targetGroupArn, Output<String> autoScalingGroup,
                          int minInService, Database database, Output<OperationsPatterns.Delivery> delivery,
                          List<Replication> replication) {

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Watched}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private Output<String> loadBalancerArn;
            private Output<String> targetGroupArn;
            private Output<String> autoScalingGroup;
            private Integer minInService;
            private Database database;
            private Output<OperationsPatterns.Delivery> delivery;
            private List<Replication> replication = List.of();

            private Builder() {
            }

            /** The region's load balancer and its target group. */
            public Builder loadBalancer(Output<String> loadBalancerArn, Output<String> targetGroupArn) {
                this.loadBalancerArn = loadBalancerArn;
                this.targetGroupArn = targetGroupArn;
                return this;
            }

            /** The application's group and its minimum: fewer in-service instances is an alarm. */
            public Builder autoScalingGroup(Output<String> autoScalingGroup, int minInService) {
                this.autoScalingGroup = autoScalingGroup;
                this.minInService = minInService;
                return this;
            }

            /** The region's cluster. */
            public Builder database(Database database) {
                this.database = database;
                return this;
            }

            /** The region's pipeline (where it has one) and CodeDeploy application. */
            public Builder delivery(Output<OperationsPatterns.Delivery> delivery) {
                this.delivery = delivery;
                return this;
            }

            /** Replication rules whose metric is published here (default none). */
            public Builder replication(List<Replication> replication) {
                this.replication = replication;
                return this;
            }

            /** What the alarms watch; fails naming the first required field left unset. */
            public Watched build() {
                return new Watched(Objects.requireNonNull(loadBalancerArn, "loadBalancer is required"), targetGroupArn,
                        Objects.requireNonNull(autoScalingGroup, "autoScalingGroup is required"), minInService,
                        Objects.requireNonNull(database, "database is required"),
                        Objects.requireNonNull(delivery, "delivery is required"), replication);
            }
        }
    }

    /** The alarm that reads "this region is failing". */
    @Export(name = "regionFailingAlarm", refs = {String.class}, tree = "[0]")
    public final Output<String> regionFailingAlarm;
    /** Every alarm's name, by what it watches. */
    public final Map<String, String> alarmNames;
    /** The rule that notifies on a failed pipeline run or deployment. */
    public final Output<String> deliveryFailedRule;

    public RegionAlarms(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:operations:RegionAlarms", name, options);
        OperationsSettings t = args.thresholds();
        Watched w = args.watched();
        Output<String> lb = w.loadBalancerArn().applyValue(RegionAlarms::loadBalancerDimension);
        Output<String> tg = w.targetGroupArn().applyValue(RegionAlarms::targetGroupDimension);
        Map<String, String> names = new LinkedHashMap<>();
        List<MetricAlarm> failing = new ArrayList<>();
        List<String> failingNames = new ArrayList<>();
        Alarms alarms = new Alarms(name, args, names);

        failing.add(alarms.metric("lb-5xx", "The load balancer answered " + t.loadBalancer5xxPerMinute()
                        + " or more 5xx responses a minute for " + LOAD_BALANCER_MINUTES + " minutes",
                "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", Map.of("LoadBalancer", lb), "Sum", 60,
                LOAD_BALANCER_MINUTES, "GreaterThanOrEqualToThreshold", t.loadBalancer5xxPerMinute(), "notBreaching"));
        failing.add(alarms.metric("target-5xx", "The application answered " + t.loadBalancer5xxPerMinute()
                        + " or more 5xx responses a minute for " + LOAD_BALANCER_MINUTES + " minutes",
                "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", Map.of("LoadBalancer", lb), "Sum", 60,
                LOAD_BALANCER_MINUTES, "GreaterThanOrEqualToThreshold", t.loadBalancer5xxPerMinute(), "notBreaching"));
        failing.add(alarms.metric("unhealthy-hosts", t.unhealthyHosts() + " or more targets failed the load "
                        + "balancer's health check for " + LOAD_BALANCER_MINUTES + " minutes",
                "AWS/ApplicationELB", "UnHealthyHostCount", Map.of("LoadBalancer", lb, "TargetGroup", tg), "Maximum", 60,
                LOAD_BALANCER_MINUTES, "GreaterThanOrEqualToThreshold", t.unhealthyHosts(), "notBreaching"));
        failing.add(alarms.metric("in-service", "Fewer than " + w.minInService() + " instances in service for "
                        + IN_SERVICE_PERIODS * 5 + " minutes",
                "AWS/AutoScaling", "GroupInServiceInstances", Map.of("AutoScalingGroupName", w.autoScalingGroup()),
                "Minimum", 300, IN_SERVICE_PERIODS, "LessThanThreshold", w.minInService(), "breaching"));
        Output<String> cluster = w.database().clusterIdentifier();
        failing.add(alarms.metric("db-cpu", "The database's average CPU stayed at " + t.databaseCpuPercent()
                        + "% or more for " + DATABASE_PERIODS * 5 + " minutes",
                "AWS/RDS", "CPUUtilization", Map.of("DBClusterIdentifier", cluster), "Average", 300, DATABASE_PERIODS,
                "GreaterThanOrEqualToThreshold", t.databaseCpuPercent(), "missing"));
        failing.add(alarms.metric("db-memory", "A database instance has less than " + t.databaseFreeableMemoryMiB()
                        + " MiB of freeable memory",
                "AWS/RDS", "FreeableMemory", Map.of("DBClusterIdentifier", cluster), "Minimum", 300, DATABASE_PERIODS,
                "LessThanThreshold", t.databaseFreeableMemoryMiB() * 1024.0 * 1024.0, "missing"));
        if (w.database().secondary()) {
            // Milliseconds (Aurora User Guide, "Monitoring Amazon Aurora metrics with Amazon CloudWatch",
            // AuroraGlobalDBReplicationLag and AuroraGlobalDBRPOLag); published only while the cluster is a secondary.
            alarms.metric("db-replication-lag", "Global database replication to this region lags "
                            + t.databaseReplicationLagSeconds() + " s or more",
                    "AWS/RDS", "AuroraGlobalDBReplicationLag", Map.of("DBClusterIdentifier", cluster), "Maximum", 60, 5,
                    "GreaterThanOrEqualToThreshold", t.databaseReplicationLagSeconds() * 1000.0, "notBreaching");
            if (w.database().rpoLagOffered()) {
                alarms.metric("db-rpo-lag", "The data an unplanned failover to this region would lose exceeds "
                                + t.databaseRpoLagSeconds() + " s",
                        "AWS/RDS", "AuroraGlobalDBRPOLag", Map.of("DBClusterIdentifier", cluster), "Maximum", 60, 5,
                        "GreaterThanOrEqualToThreshold", t.databaseRpoLagSeconds() * 1000.0, "notBreaching");
            }
        }
        for (Replication r : w.replication()) {
            Map<String, Output<String>> dimensions = Map.of("SourceBucket", r.sourceBucket(), "DestinationBucket",
                    r.destinationBucket(), "RuleId", Output.of(r.ruleId()));
            if (r.latency()) {
                alarms.metric("artifact-replication-latency", "Release replication to this region is "
                                + t.artifactReplicationMinutes() + " minutes or more behind",
                        "AWS/S3", "ReplicationLatency", dimensions, "Maximum", 300, 1, "GreaterThanOrEqualToThreshold",
                        t.artifactReplicationMinutes() * 60.0, "notBreaching");
            } else {
                alarms.metric("artifact-replication-failed", "Release objects failed to replicate to the other region",
                        "AWS/S3", "OperationsFailedReplication", dimensions, "Sum", 300, 1,
                        "GreaterThanOrEqualToThreshold", 1, "notBreaching");
            }
        }

        // A failed pipeline run or deployment: EventBridge notifies at once, and an alarm on the rule's matches keeps
        // the failure visible as a state (and on the dashboard). In a region without a pipeline only deployments.
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        AwsRegion region = args.region();
        EventRule failed = new EventRule(Names.autoNamed(name + "-delivery-failed", Names.EVENT_RULE),
                EventRuleArgs.builder()
                        .description("A failed pipeline run or deployment in " + region.code())
                        .eventPattern(w.delivery().applyValue(d -> OperationsPatterns.deliveryFailed(region, d)))
                        .build(), child);
        this.deliveryFailedRule = failed.id(); // on the default bus a rule's id is its name
        new EventTarget(name + "-delivery-failed-topic", EventTargetArgs.builder()
                .rule(deliveryFailedRule).arn(args.topicArn()).build(), child);
        alarms.metric("delivery-failed", "A pipeline run or deployment failed in " + region.code(),
                "AWS/Events", "TriggeredRules", Map.of("RuleName", deliveryFailedRule), "Sum", 300, 1,
                "GreaterThanOrEqualToThreshold", 1, "notBreaching");

        String compositeName = args.namePrefix() + region.code() + "-failing";
        List.of("lb-5xx", "target-5xx", "unhealthy-hosts", "in-service", "db-cpu", "db-memory")
                .forEach(what -> failingNames.add(names.get(what)));
        String rule = compositeRule(failingNames);
        CompositeAlarm composite = new CompositeAlarm(name + "-failing", CompositeAlarmArgs.builder()
                .alarmName(compositeName)
                .alarmDescription("This region is failing: users get errors, the application has lost instances, or "
                        + "the database is saturated")
                .alarmRule(rule)
                .alarmActions(Outputs.listOf(args.topicArn()))
                .okActions(Outputs.listOf(args.topicArn()))
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // a composite alarm's rule may name only alarms that exist (CloudWatch API Reference,
                        // PutCompositeAlarm)
                        .dependsOn(List.<Resource>copyOf(failing)).build());
        names.put("failing", compositeName);
        this.regionFailingAlarm = composite.alarmName();
        this.alarmNames = Map.copyOf(names);
        registerOutputs(Map.of("regionFailingAlarm", regionFailingAlarm));
    }

    /** A composite alarm rule that is in ALARM when any of the named alarms is (CloudWatch User Guide, "Composite alarms"). */
    public static String compositeRule(List<String> alarmNames) {
        return alarmNames.stream().map(n -> "ALARM(\"" + n + "\")").collect(Collectors.joining(" OR "));
    }

    /** The {@code LoadBalancer} dimension of a load balancer: its ARN after {@code loadbalancer/} ({@code app/<name>/<id>}). */
    public static String loadBalancerDimension(String arn) {
        if (arn == null) {
            return null;
        }
        int at = arn.indexOf(":loadbalancer/");
        return at < 0 ? arn : arn.substring(at + ":loadbalancer/".length());
    }

    /** The {@code TargetGroup} dimension of a target group: its ARN's last part ({@code targetgroup/<name>/<id>}). */
    public static String targetGroupDimension(String arn) {
        if (arn == null) {
            return null;
        }
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** Builds the metric alarms of one component, named {@code <prefix><what>}, each notifying the topic. */
    private final class Alarms {
        private final String component;
        private final Args args;
        private final Map<String, String> names;

        Alarms(String component, Args args, Map<String, String> names) {
            this.component = component;
            this.args = args;
            this.names = names;
        }

        MetricAlarm metric(String what, String description, String namespace, String metric,
                           Map<String, Output<String>> dimensions, String statistic, int period, int periods,
                           String comparison, double threshold, String missing) {
            String alarmName = args.namePrefix() + args.region().code() + "-" + what;
            names.put(what, alarmName);
            return new MetricAlarm(component + "-" + what, MetricAlarmArgs.builder()
                    .name(alarmName)
                    .alarmDescription(description)
                    .namespace(namespace)
                    .metricName(metric)
                    .dimensions(Output.all(dimensions.values().stream().toList()).applyValue(values -> {
                        Map<String, String> out = new LinkedHashMap<>();
                        List<String> keys = List.copyOf(dimensions.keySet());
                        for (int i = 0; i < keys.size(); i++) {
                            out.put(keys.get(i), values.get(i));
                        }
                        return out;
                    }))
                    .statistic(statistic)
                    .period(period)
                    .evaluationPeriods(periods)
                    .datapointsToAlarm(periods)
                    .comparisonOperator(comparison)
                    .threshold(threshold)
                    .treatMissingData(missing)
                    .alarmActions(Outputs.listOf(args.topicArn()))
                    .okActions(Outputs.listOf(args.topicArn()))
                    .build(), CustomResourceOptions.builder().parent(RegionAlarms.this).build());
        }
    }

    /** Whether a region's metrics include Aurora's RPO lag: Aurora PostgreSQL publishes it, Aurora MySQL does not. */
    public static boolean rpoLagOffered(String engine) {
        return Optional.ofNullable(engine).map(e -> e.equals("aurora-postgresql")).orElse(false);
    }
}
