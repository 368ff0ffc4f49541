package io.multiregion.operations;

import io.multiregion.iam.Value;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Map;

/**
 * One region's share of the cross-region event routing: its own operational events (this stack's alarm state changes,
 * AWS Health events, and its pipeline and deployment state changes) go to the other region's default event bus, and
 * the other region's events that need attention here (an alarm going into ALARM, a failed run or deployment, a Health
 * event) go to this region's topic. So either region sees both, and the people subscribed in B learn of A's trouble
 * from B's own topic while A's SNS may be down.
 *
 * <p>Each stack builds its own outgoing rules (rule 1 of ownership: a region's events belong to its own stack), so the
 * secondary changes its rules while A is down, and neither stack needs the other region's provider: a rule in B may
 * name A's bus by its ARN. In one account the target bus needs no resource policy; the role the rule sends with may
 * only {@code events:PutEvents} on that one bus (EventBridge User Guide, "Sending and receiving events between AWS
 * Regions in Amazon EventBridge").
 *
 * <p>EventBridge routes events between all commercial regions, but not in AWS GovCloud (US) or China (AWS Compute
 * Blog, "Expanding cross-Region event routing with Amazon EventBridge", 2021): {@link #supported} says where.
 */
public final class EventRouting extends ComponentResource {

    /**
     * @param home           this stack's region
     * @param other          the other region
     * @param account        the account both regions' buses belong to
     * @param alarmPrefix    the start of this stack's alarm names
     * @param delivery       this region's pipeline (where it has one) and CodeDeploy application
     * @param topicArn       this region's notification topic
     */
    public record Args(AwsRegion home, AwsRegion other, Output<String> account, String alarmPrefix,
                       Output<OperationsPatterns.Delivery> delivery, Output<String> topicArn) {
    }

    /** The other region's default bus, the target of this region's forwarding rules. */
    @Export(name = "targetBusArn", refs = {String.class}, tree = "[0]")
    public final Output<String> targetBusArn;
    /** The rule that forwards this region's pipeline runs and deployments; its matches count them. */
    public final Output<String> deliveryRunsRule;

    /** Whether EventBridge routes events between these two regions. */
    public static boolean supported(AwsRegion a, AwsRegion b) {
        return a.partition().equals("aws") && b.partition().equals("aws");
    }

    /** {@code arn:<partition>:events:<region>:<account>:event-bus/default}. */
    public static String defaultBus(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":events:" + region.code() + ":" + account + ":event-bus/default";
    }

    public EventRouting(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:operations:EventRouting", name, options);
        AwsRegion home = args.home();
        AwsRegion other = args.other();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        this.targetBusArn = args.account().applyValue(a -> defaultBus(other, a));

        EventRule operations = new EventRule(Names.autoNamed(name + "-forward-operations", Names.EVENT_RULE),
                EventRuleArgs.builder()
                        .description("Alarm state changes and AWS Health events of " + home.code() + ", to "
                                + other.code())
                        .eventPattern(OperationsPatterns.operations(home, args.alarmPrefix()))
                        .build(), child);
        EventRule delivery = new EventRule(Names.autoNamed(name + "-forward-delivery", Names.EVENT_RULE),
                EventRuleArgs.builder()
                        .description("Pipeline runs and deployments of " + home.code() + ", to " + other.code())
                        .eventPattern(args.delivery().applyValue(d -> OperationsPatterns.deliveryRuns(home, d)))
                        .build(), child);

        this.deliveryRunsRule = delivery.id(); // on the default bus a rule's id is its name

        // EventBridge sets aws:SourceArn to the rule that sends (EventBridge User Guide, "Using IAM policy conditions
        // in Amazon EventBridge"): only these two rules can use the role.
        ServiceRole role = ServiceRole.create(name + "-forward", "events.amazonaws.com",
                List.of(new Statement.Condition("StringEquals", "aws:SourceArn",
                                List.of(Value.of(operations.arn()),
                                        Value.of(delivery.arn()))),
                        Statement.Condition.of("StringEquals", "aws:SourceAccount", args.account())),
                "EventBridge: forwards operational events of " + home.code() + " to " + other.code(),
                List.of(Statement.allow("PutEventsOnTheOtherRegionsBus").actions(Actions.EVENTS_PUT)
                        .resource(targetBusArn).build()),
                child);
        for (EventRule rule : List.of(operations, delivery)) {
            String what = rule == operations ? "operations" : "delivery";
            new EventTarget(name + "-forward-" + what + "-bus", EventTargetArgs.builder()
                    .rule(rule.id())
                    .arn(targetBusArn)
                    .roleArn(role.arn())
                    .build(),
                    CustomResourceOptions.builder().parent(this)
                            // the target is useless until its role may put events on the bus.
                            .dependsOn(List.<Resource>of(role.policy())).build());
        }

        // What arrives from the other region and needs attention is told to this region's subscribers.
        EventRule incoming = new EventRule(Names.autoNamed(name + "-from-" + other.code(), Names.EVENT_RULE),
                EventRuleArgs.builder()
                        .description("Alarms, failed runs and Health events that " + other.code() + " forwarded here")
                        .eventPattern(OperationsPatterns.fromOtherRegion(other))
                        .build(), child);
        new EventTarget(name + "-from-" + other.code() + "-topic", EventTargetArgs.builder()
                .rule(incoming.id()).arn(args.topicArn()).build(), child);

        registerOutputs(Map.of("targetBusArn", targetBusArn));
    }
}
