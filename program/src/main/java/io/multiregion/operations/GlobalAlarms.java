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
     */
    public record Args(AwsRegion region, String namePrefix, Optional<String> email,
                       Map<String, HealthCheck> healthChecks, int deletionWindowDays, boolean protect) {
    }

    /** A health check to watch and what its being unhealthy means. */
    public record HealthCheck(Output<String> id, String unhealthyMeans) {
    }

    /** The global region's notification topic. */
    @Export(name = "topicArn", refs = {String.class}, tree = "[0]")
    public final Output<String> topicArn;
    /** Every alarm's name, by the health check's short name. */
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
