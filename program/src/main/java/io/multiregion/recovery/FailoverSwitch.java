package io.multiregion.recovery;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.values.Outputs;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The failover switch: a way to move users to B that needs no control-plane call at the moment of the failover. The
 * recovery runbook publishes one data point of a custom metric in B ({@code cloudwatch:PutMetricData}, CloudWatch's
 * data plane in B); an alarm in B on that metric turns to ALARM; a Route 53 health check of type
 * {@code CLOUDWATCH_METRIC} watches that alarm and turns unhealthy; the front door's PRIMARY routing, whose health
 * check combines A's own endpoint check AND this switch (a {@code CALCULATED} health check), becomes unhealthy, and
 * Route 53's data plane answers with the SECONDARY record. Publishing 0 turns the switch back.
 *
 * <p>Route 53 evaluates such health checks from the alarm's state in its region (Route 53 Developer Guide, "Creating,
 * updating, and deleting health checks", health checks that monitor CloudWatch alarms); it supports alarms on
 * standard-resolution metrics with the Average, Minimum, Maximum, Sum or SampleCount statistic (Route 53 API
 * Reference, AlarmIdentifier), which this alarm is. The alarm keeps its state between publications
 * ({@code treatMissingData: ignore}), and the health check counts the alarm's INSUFFICIENT_DATA state (before the
 * first publication) as healthy: the switch is off until someone turns it on.
 *
 * <p>The metric and alarm live in B through B's provider; the health check is a Route 53 (global) resource and goes
 * through the dedicated global provider, whose control plane is {@code us-east-1}: it is needed to create the switch,
 * never to flip it.
 */
public final class FailoverSwitch extends ComponentResource {

    /** The custom metric the runbook publishes: 1 sends users to B, 0 back. */
    public static final String METRIC = "FailoverToSecondary";
    /** Route 53 counts the health check healthy while the alarm has no data yet (the switch is off). */
    public static final String INSUFFICIENT_DATA = "Healthy";

    /**
     * @param region         region B, where the metric and alarm live
     * @param namespace      the metric's namespace, {@code <project>/<stack>} (two deployments never share a switch)
     * @param alarmName      the alarm's physical name (carries the project and stack)
     * @param topicArn       B's notification topic: the switch's flips are told there
     * @param globalProvider the provider for global services (the health check), where the front door routes users
     *                       with Route 53 failover records (DNS failover with a domain); empty without them: the
     *                       metric and the alarm still exist (the runbook publishes and reports the switch), and
     *                       nothing in DNS reads them
     */
    public record Args(AwsRegion region, String namespace, String alarmName, Output<String> topicArn,
                       Optional<Provider> globalProvider) {
    }

    /**
     * The health check's id, which the front door's PRIMARY routing combines with A's endpoint check; empty without
     * Route 53 failover records.
     */
    public final Optional<Output<String>> healthCheckId;
    /** The alarm's name. */
    public final String alarmName;
    /** The alarm's ARN. */
    public final Output<String> alarmArn;
    /** The metric's namespace. */
    public final String namespace;

    public FailoverSwitch(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:recovery:FailoverSwitch", name, options);
        this.alarmName = args.alarmName();
        this.namespace = args.namespace();
        MetricAlarm alarm = new MetricAlarm(name + "-alarm", MetricAlarmArgs.builder()
                .name(args.alarmName())
                .alarmDescription("The failover switch: in ALARM, users are sent to " + args.region().code()
                        + " (the recovery runbook publishes " + METRIC + " = 1; 0 turns it back)")
                .namespace(args.namespace())
                .metricName(METRIC)
                .statistic("Maximum")
                .period(60)
                .evaluationPeriods(1)
                .datapointsToAlarm(1)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .threshold(1.0)
                // the runbook publishes once: between publications the switch keeps its position
                .treatMissingData("ignore")
                .alarmActions(Outputs.listOf(args.topicArn()))
                .okActions(Outputs.listOf(args.topicArn()))
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.alarmArn = alarm.arn();

        this.healthCheckId = args.globalProvider().map(global -> new HealthCheck(name + "-health",
                HealthCheckArgs.builder()
                        .type("CLOUDWATCH_METRIC")
                        .cloudwatchAlarmName(args.alarmName())
                        .cloudwatchAlarmRegion(args.region().code())
                        .insufficientDataHealthStatus(INSUFFICIENT_DATA)
                        .tags(Map.of("Name", args.alarmName()))
                        .build(),
                CustomResourceOptions.builder().parent(this).provider(global)
                        // Route 53 looks the alarm up by name when the health check is created (the name is plain
                        // text here, so the order must be explicit)
                        .dependsOn(List.<Resource>of(alarm)).build()).id());
        registerOutputs(Map.of("alarmArn", alarmArn));
    }
}
