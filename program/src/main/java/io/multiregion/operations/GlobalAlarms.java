package io.multiregion.operations;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.regions.AwsRegion;
import io.multiregion.values.Outputs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alarms on the global services' metrics, owned by the secondary (it owns the front door): Route 53 publishes
 * its health-check metrics in {@code us-east-1} only (Route 53 Developer Guide, "Monitoring health checks using
 * CloudWatch"), and an alarm lives in its metric's region and notifies a topic of that region, so the alarms and their
 * own encrypted topic are in the global services' region, through the dedicated global provider.
 *
 * <p>Each watched health check raises an alarm when it is unhealthy ({@code HealthCheckStatus} below 1 for one
 * minute): for the failover switch that means "users are being sent to B". The front door adds its own health checks
 * (A's and B's endpoints) with {@link Args#healthChecks}.
 *
 * <p>With CloudFront, the distribution's share of 5xx responses raises an alarm too ({@link Args#distribution}).
 * CloudFront publishes its metrics in {@code us-east-1} only, in namespace {@code AWS/CloudFront}, with the dimensions
 * {@code DistributionId} and {@code Region}, whose value is always {@code Global} (CloudFront Developer Guide, "Types of
 * metrics for CloudFront"). {@code 5xxErrorRate} is one of the default metrics, which cost nothing (same guide,
 * "Monitor CloudFront metrics with Amazon CloudWatch"); the additional metrics ({@code OriginLatency}, the rates per
 * status code) are paid per distribution and stay off.
 *
 * <p>The component is placed in the global region by the provider in its options; every child takes it from this
 * parent.
 */
public final class GlobalAlarms extends ComponentResource {

    /**
     * @param region             the global services' region ({@code us-east-1} in the commercial partition)
     * @param namePrefix         the start of every alarm's name: {@code <project>-<stack>-}
     * @param email              an address to subscribe to the topic; empty: none
     * @param healthChecks       the health checks to watch: what each means when unhealthy, by a short name
     * @param deletionWindowDays the topic key's deletion window
     * @param protect            protect the topic's key
     * @param distribution       the front door's CloudFront distribution to watch; empty: none (no CloudFront)
     */
    public record Args(AwsRegion region, String namePrefix, Optional<String> email,
                       Map<String, HealthCheck> healthChecks, int deletionWindowDays, boolean protect,
                       Optional<Distribution> distribution) {
    }

    /** A health check to watch and what its being unhealthy means. */
    public record HealthCheck(Output<String> id, String unhealthyMeans) {
    }

    /**
     * The front door's distribution and when its 5xx responses count as failing.
     *
     * @param id                the distribution's id (the {@code DistributionId} dimension)
     * @param errorRatePercent  the share of requests answered 5xx, in percent, at or above which a minute breaches
     * @param minutes           one-minute periods in a row that must breach
     */
    public record Distribution(Output<String> id, int errorRatePercent, int minutes) {
    }

    /** CloudFront's namespace; its metrics are published in {@code us-east-1} only. */
    public static final String CLOUDFRONT_NAMESPACE = "AWS/CloudFront";
    /**
     * The share of all viewer requests whose response status is 500 to 599, in percent; valid statistic {@code Average}
     * (CloudFront Developer Guide, "Types of metrics for CloudFront", 5xx error rate).
     */
    public static final String CLOUDFRONT_5XX_RATE = "5xxErrorRate";
    /** The {@code Region} dimension of every CloudFront metric: always {@code Global} (same page). */
    public static final String CLOUDFRONT_REGION = "Global";
    /** The short name of the distribution's alarm: {@code <project>-<stack>-global-front-door-5xx}. */
    public static final String FRONT_DOOR_5XX = "front-door-5xx";

    /** The global region's notification topic. */
    @Export(name = "topicArn", refs = {String.class}, tree = "[0]")
    public final Output<String> topicArn;
    /** Every alarm's name, by the health check's short name (and {@link #FRONT_DOOR_5XX} for the distribution's). */
    public final Map<String, String> alarmNames;

    public GlobalAlarms(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:operations:GlobalAlarms", name, options);
        ComponentResourceOptions inside = ComponentResourceOptions.builder().parent(this).build();
        // a name of its own: when B is the global region itself, B's regional topic is there too
        NotificationTopic topic = new NotificationTopic(name + "-topic", new NotificationTopic.Args(args.region(),
                args.namePrefix() + "global-operations", "alias/" + args.namePrefix() + "notifications-global",
                args.email(), args.deletionWindowDays(), args.protect()), inside);
        this.topicArn = topic.topicArn;
        Map<String, String> names = new LinkedHashMap<>();
        args.healthChecks().forEach((what, check) -> {
            String alarmName = args.namePrefix() + "global-" + what;
            names.put(what, alarmName);
            new MetricAlarm(name + "-" + what, MetricAlarmArgs.builder()
                    .name(alarmName)
                    .alarmDescription("Route 53 health check unhealthy: " + check.unhealthyMeans())
                    .namespace("AWS/Route53")
                    .metricName("HealthCheckStatus")
                    .dimensions(check.id().applyValue(id -> {
                        Map<String, String> d = new LinkedHashMap<>();
                        d.put("HealthCheckId", id);
                        return d;
                    }))
                    .statistic("Minimum")
                    .period(60)
                    .evaluationPeriods(1)
                    .datapointsToAlarm(1)
                    .comparisonOperator("LessThanThreshold")
                    .threshold(1.0)
                    // Route 53 publishes the status every minute while the health check exists: silence means the
                    // check is gone or Route 53's metrics are impaired, which the front door must not ignore
                    .treatMissingData("breaching")
                    .alarmActions(Outputs.listOf(topicArn))
                    .okActions(Outputs.listOf(topicArn))
                    .build(), CustomResourceOptions.builder().parent(this).build());
        });
        args.distribution().ifPresent(d -> {
            // <project>-<stack>-global-front-door-5xx: well within the 255 characters of an alarm's name (CloudWatch
            // API Reference, PutMetricAlarm, AlarmName)
            String alarmName = args.namePrefix() + "global-" + FRONT_DOOR_5XX;
            names.put(FRONT_DOOR_5XX, alarmName);
            new MetricAlarm(name + "-" + FRONT_DOOR_5XX, MetricAlarmArgs.builder()
                    .name(alarmName)
                    .alarmDescription("CloudFront: " + d.errorRatePercent() + "% or more of the front door's requests "
                            + "answered 5xx for " + d.minutes() + " minutes in a row: neither region serves them (the "
                            + "origin group already retries a failing region's reads on the other)")
                    .namespace(CLOUDFRONT_NAMESPACE)
                    .metricName(CLOUDFRONT_5XX_RATE)
                    .dimensions(d.id().applyValue(id -> {
                        Map<String, String> dimensions = new LinkedHashMap<>();
                        dimensions.put("DistributionId", id);
                        dimensions.put("Region", CLOUDFRONT_REGION);
                        return dimensions;
                    }))
                    // a rate's only valid statistic, over CloudFront's one-minute datapoints
                    .statistic("Average")
                    .period(60)
                    .evaluationPeriods(d.minutes())
                    .datapointsToAlarm(d.minutes())
                    // at or above: a threshold of 100 then means every request failed, and still fires
                    .comparisonOperator("GreaterThanOrEqualToThreshold")
                    .threshold((double) d.errorRatePercent())
                    // a share of the minute's requests: a minute without requests has none to publish, and a quiet
                    // front door is not a failing one, so a missing datapoint counts as within the threshold
                    // (CloudWatch User Guide, "Configuring how CloudWatch alarms treat missing data", notBreaching)
                    .treatMissingData("notBreaching")
                    .alarmActions(Outputs.listOf(topicArn))
                    .okActions(Outputs.listOf(topicArn))
                    .build(), CustomResourceOptions.builder().parent(this).build());
        });
        this.alarmNames = Map.copyOf(names);
        registerOutputs(Map.of("topicArn", topicArn));
    }

    /** The health checks of a stack that has only the failover switch so far. */
    public static Map<String, HealthCheck> of(List<Map.Entry<String, HealthCheck>> checks) {
        Map<String, HealthCheck> out = new LinkedHashMap<>();
        checks.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
