package io.multiregion.operations;

import io.multiregion.recovery.FailoverSwitch;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cross-region dashboard, owned by the secondary (it is deployed last, sees both regions through the contract, and
 * stays changeable while A is down): both regions side by side, A on the left and B on the right, one row per tier:
 * the load balancer, the targets and the group, the database and its replication lag, the release replication, the
 * pipeline runs and deployments, and the front door's health (with CloudFront, its requests and 5xx rate). Each widget
 * names the region its metrics are published in (a metric widget's {@code region} property; CloudWatch User Guide,
 * "Dashboard body structure and syntax"), so one dashboard shows metrics of three regions (A, B and the global
 * services' region).
 *
 * <p>CloudWatch dashboards are global to the account, so the name carries the project and the stack.
 */
public final class CrossRegionDashboard extends ComponentResource {

    public static final int WIDTH = 12;
    public static final int HEIGHT = 6;

    /**
     * What one region's metrics are published under: the map both stacks export as {@code monitoring} (keys
     * {@code region}, {@code loadBalancer}, {@code targetGroup}, {@code autoScalingGroup}, {@code cluster},
     * {@code deliveryFailedRule}, optional {@code deliveryRunsRule} and {@code replication}).
     */
    public static final List<String> KEYS = List.of("region", "loadBalancer", "targetGroup", "autoScalingGroup",
            "cluster", "deliveryFailedRule", "deliveryRunsRule", "failingAlarm", "replication");

    /**
     * Built with {@link #builder()}.
     *
     * @param dashboardName   the dashboard's name (carries the project and stack)
     * @param a               region A's monitoring map, from the primary's outputs
     * @param b               region B's monitoring map
     * @param rpoLag          whether the database publishes AuroraGlobalDBRPOLag (Aurora PostgreSQL; default false)
     * @param globalRegion    where Route 53's health-check metrics are published ({@code us-east-1})
     * @param healthChecks    the front door's Route 53 health checks to show (the failover switch's at least)
     * @param switchRegion    where the failover switch's metric lives (B)
     * @param switchNamespace the failover switch's metric namespace
     * @param distribution    the front door's CloudFront distribution, whose metrics are in {@code globalRegion};
     *                        empty: none (default)
     */
    public record Args(String dashboardName, Output<Map<String, Object>> a, Output<Map<String, Object>> b,
                       boolean rpoLag, AwsRegion globalRegion, Output<List<String>> healthChecks,
                       AwsRegion switchRegion, String switchNamespace, Optional<Output<String>> distribution) {

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private String dashboardName;
            private Output<Map<String, Object>> a;
            private Output<Map<String, Object>> b;
            private boolean rpoLag;
            private AwsRegion globalRegion;
            private Output<List<String>> healthChecks;
            private AwsRegion switchRegion;
            private String switchNamespace;
            private Optional<Output<String>> distribution = Optional.empty();

            private Builder() {
            }

            /** The dashboard's name (carries the project and stack). */
            public Builder dashboardName(String dashboardName) {
                this.dashboardName = dashboardName;
                return this;
            }

            /** Region A's monitoring map, from the primary's outputs, and region B's. */
            public Builder regions(Output<Map<String, Object>> a, Output<Map<String, Object>> b) {
                this.a = a;
                this.b = b;
                return this;
            }

            /** Whether the database publishes AuroraGlobalDBRPOLag (Aurora PostgreSQL; default false). */
            public Builder rpoLag(boolean rpoLag) {
                this.rpoLag = rpoLag;
                return this;
            }

            /**
             * The front door's Route 53 health checks to show (the failover switch's at least), and where their
             * metrics are published ({@code us-east-1}).
             */
            public Builder healthChecks(AwsRegion globalRegion, Output<List<String>> healthChecks) {
                this.globalRegion = globalRegion;
                this.healthChecks = healthChecks;
                return this;
            }

            /** Where the failover switch's metric lives (B), and its namespace. */
            public Builder failoverSwitch(AwsRegion switchRegion, String switchNamespace) {
                this.switchRegion = switchRegion;
                this.switchNamespace = switchNamespace;
                return this;
            }

            /**
             * The front door's CloudFront distribution, by its id; its metrics are published where the health checks'
             * are ({@code us-east-1}). Default: none.
             */
            public Builder distribution(Optional<Output<String>> distribution) {
                this.distribution = distribution;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(dashboardName, "dashboardName is required"),
                        Objects.requireNonNull(a, "regions are required"), b, rpoLag,
                        Objects.requireNonNull(globalRegion, "healthChecks are required"), healthChecks,
                        Objects.requireNonNull(switchRegion, "failoverSwitch is required"), switchNamespace,
                        distribution);
            }
        }
    }

    @Export(name = "dashboardName", refs = {String.class}, tree = "[0]")
    public final Output<String> dashboardName;

    public CrossRegionDashboard(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:operations:CrossRegionDashboard", name, options);
        Output<Optional<String>> distribution = args.distribution().map(id -> id.applyValue(Optional::of))
                .orElseGet(() -> Output.of(Optional.empty()));
        Output<String> body = Output.tuple(args.a(), args.b(), args.healthChecks(), distribution)
                .applyValue(t -> body(t.t1, t.t2, args.rpoLag(), args.globalRegion(), t.t3, args.switchRegion(),
                        args.switchNamespace(), t.t4));
        Dashboard dashboard = new Dashboard(name, DashboardArgs.builder()
                .dashboardName(args.dashboardName())
                .dashboardBody(body)
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.dashboardName = dashboard.dashboardName();
        registerOutputs(Map.of("dashboardName", dashboardName));
    }

    /**
     * The dashboard body: A's widget on the left of each row, B's on the right, then the front door's row and, with a
     * distribution, CloudFront's.
     */
    public static String body(Map<String, Object> a, Map<String, Object> b, boolean rpoLag, AwsRegion globalRegion,
                              List<String> healthChecks, AwsRegion switchRegion, String switchNamespace,
                              Optional<String> distributionId) {
        JsonArray widgets = new JsonArray();
        int y = 0;
        for (Map<String, Object> m : List.of(a, b)) {
            int x = m == a ? 0 : WIDTH;
            String region = text(m, "region");
            String lb = text(m, "loadBalancer");
            widgets.add(widget(x, y, region, "Load balancer, " + region, List.of(
                    metric("AWS/ApplicationELB", "RequestCount", "Sum", "LoadBalancer", lb),
                    metric("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", "LoadBalancer", lb),
                    metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", "LoadBalancer", lb))));
            widgets.add(widget(x, y + HEIGHT, region, "Targets and group, " + region, List.of(
                    metric("AWS/ApplicationELB", "HealthyHostCount", "Minimum", "LoadBalancer", lb, "TargetGroup",
                            text(m, "targetGroup")),
                    metric("AWS/ApplicationELB", "UnHealthyHostCount", "Maximum", "LoadBalancer", lb, "TargetGroup",
                            text(m, "targetGroup")),
                    metric("AWS/AutoScaling", "GroupInServiceInstances", "Minimum", "AutoScalingGroupName",
                            text(m, "autoScalingGroup")),
                    metric("AWS/AutoScaling", "GroupDesiredCapacity", "Maximum", "AutoScalingGroupName",
                            text(m, "autoScalingGroup")))));
            List<JsonArray> database = new ArrayList<>(List.of(
                    metric("AWS/RDS", "CPUUtilization", "Average", "DBClusterIdentifier", text(m, "cluster"))));
            if (m == b) {
                // published by the global database's secondary cluster only (milliseconds)
                database.add(metric("AWS/RDS", "AuroraGlobalDBReplicationLag", "Maximum", "DBClusterIdentifier",
                        text(m, "cluster")));
                if (rpoLag) {
                    database.add(metric("AWS/RDS", "AuroraGlobalDBRPOLag", "Maximum", "DBClusterIdentifier",
                            text(m, "cluster")));
                }
            }
            widgets.add(widget(x, y + 2 * HEIGHT, region, "Database and replication lag, " + region, database));
            List<JsonArray> delivery = new ArrayList<>();
            if (m.get("deliveryRunsRule") instanceof String runs && !runs.isEmpty()) {
                delivery.add(metric("AWS/Events", "TriggeredRules", "Sum", "RuleName", runs));
            }
            delivery.add(metric("AWS/Events", "TriggeredRules", "Sum", "RuleName", text(m, "deliveryFailedRule")));
            widgets.add(widget(x, y + 3 * HEIGHT, region, "Pipeline runs and deployments (state changes, failures), "
                    + region, delivery));
        }
        y += 4 * HEIGHT;
        // Release replication: failures are published in the source bucket's region (A), the latency in the
        // destination bucket's (B) (S3 User Guide, "Using S3 Replication metrics").
        if (a.get("replication") instanceof Map<?, ?> r) {
            String source = String.valueOf(r.get("sourceBucket"));
            String destination = String.valueOf(r.get("destinationBucket"));
            String rule = String.valueOf(r.get("ruleId"));
            widgets.add(widget(0, y, text(a, "region"), "Release replication failures, " + text(a, "region"), List.of(
                    metric("AWS/S3", "OperationsFailedReplication", "Sum", "SourceBucket", source, "DestinationBucket",
                            destination, "RuleId", rule))));
            widgets.add(widget(WIDTH, y, text(b, "region"), "Release replication latency, " + text(b, "region"),
                    List.of(metric("AWS/S3", "ReplicationLatency", "Maximum", "SourceBucket", source, "DestinationBucket",
                                    destination, "RuleId", rule),
                            metric("AWS/S3", "OperationsPendingReplication", "Maximum", "SourceBucket", source,
                                    "DestinationBucket", destination, "RuleId", rule))));
            y += HEIGHT;
        }
        // Front door: Route 53 publishes health-check metrics in us-east-1 only (Route 53 Developer Guide,
        // "Monitoring health check status and getting notifications").
        List<JsonArray> checks = new ArrayList<>();
        healthChecks.forEach(id -> checks.add(metric("AWS/Route53", "HealthCheckStatus", "Minimum", "HealthCheckId", id)));
        widgets.add(widget(0, y, globalRegion.code(), "Front door health checks (1 healthy), " + globalRegion.code(),
                checks));
        widgets.add(widget(WIDTH, y, switchRegion.code(), "Failover switch (1: users sent to B), " + switchRegion.code(),
                List.of(metric(switchNamespace, FailoverSwitch.METRIC, "Maximum"))));
        // CloudFront: its requests and 5xx rate, free default metrics published in us-east-1 only, with the dimensions
        // DistributionId and Region=Global (CloudFront Developer Guide, "Types of metrics for CloudFront"). Each metric
        // also names its region in its own options, where a metric line may name another region than its widget's
        // (CloudWatch User Guide, "Dashboard body structure and syntax", the metrics array's rendering properties).
        if (distributionId.isPresent()) {
            String id = distributionId.orElseThrow();
            String global = globalRegion.code();
            JsonArray requests = metric(GlobalAlarms.CLOUDFRONT_NAMESPACE, "Requests", "Sum", "DistributionId", id,
                    "Region", GlobalAlarms.CLOUDFRONT_REGION);
            JsonArray errors = metric(GlobalAlarms.CLOUDFRONT_NAMESPACE, GlobalAlarms.CLOUDFRONT_5XX_RATE, "Average",
                    "DistributionId", id, "Region", GlobalAlarms.CLOUDFRONT_REGION);
            options(requests).addProperty("region", global);
            options(errors).addProperty("region", global);
            // a percentage beside a count: on its own axis
            options(errors).addProperty("yAxis", "right");
            widgets.add(widget(0, y + HEIGHT, global, "Front door CloudFront requests and 5xx rate (%), " + global,
                    List.of(requests, errors)));
        }
        JsonObject body = new JsonObject();
        body.add("widgets", widgets);
        return body.toString();
    }

    /** A metric line's rendering options: its last element. */
    private static JsonObject options(JsonArray metric) {
        return metric.get(metric.size() - 1).getAsJsonObject();
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    private static JsonObject widget(int x, int y, String region, String title, List<JsonArray> metrics) {
        JsonObject properties = new JsonObject();
        properties.addProperty("region", region);
        properties.addProperty("title", title);
        properties.addProperty("view", "timeSeries");
        properties.addProperty("period", 60);
        JsonArray all = new JsonArray();
        metrics.forEach(all::add);
        properties.add("metrics", all);
        JsonObject w = new JsonObject();
        w.addProperty("type", "metric");
        w.addProperty("x", x);
        w.addProperty("y", y);
        w.addProperty("width", WIDTH);
        w.addProperty("height", HEIGHT);
        w.add("properties", properties);
        return w;
    }

    /** One metric line: namespace, name, dimension pairs, and its statistic. */
    private static JsonArray metric(String namespace, String name, String stat, String... dimensions) {
        JsonArray m = new JsonArray();
        m.add(namespace);
        m.add(name);
        for (String d : dimensions) {
            m.add(d);
        }
        JsonObject options = new JsonObject();
        options.addProperty("stat", stat);
        m.add(options);
        return m;
    }
}
