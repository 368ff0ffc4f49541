package io.multiregion.delivery;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailEventSelectorArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailEventSelectorDataResourceArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.values.Outputs;
import io.multiregion.config.TriggerMode;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.RegionalSupport;
import io.multiregion.storage.SecureBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What starts B's pipeline when a new version of the release object lands in the replica bucket,
 * in one of two modes:
 * <ul>
 *   <li>{@code cloudtrail}: a single-region trail in B logging only WriteOnly data events for exactly the
 *       release object (no management events, so it is no paid duplicate of the account trail), KMS
 *       encryption, log-file validation and CloudWatch Logs delivery, its own log bucket with the documented
 *       policy; and a rule on the {@code AWS API Call via CloudTrail} event for that bucket and key.</li>
 *   <li>{@code eventbridge}: a rule on {@code Object Created} for that bucket and key, using the S3 EventBridge
 *       notifications that the bucket's owner (the primary stack) turns on.</li>
 * </ul>
 * In both modes the rule's only target is B's pipeline (bespoke delivery) or the release deployer (pipeline-free
 * delivery, {@link ReleaseDeployer}), through a role that only {@code events.amazonaws.com} can assume, for this rule
 * only, and that may only start that one target ({@code codepipeline:StartPipelineExecution} on the pipeline, or
 * {@code states:StartExecution} on the state machine). The deployer's input is the release object version taken from
 * the event ({@link DeploymentWorkflow#inputPaths}).
 */
public final class ReplicaTrigger extends ComponentResource {

    /** The rule's name. */
    @Export(name = "ruleName", refs = {String.class}, tree = "[0]")
    public final Output<String> ruleName;
    /** The rule's event pattern. */
    @Export(name = "eventPattern", refs = {String.class}, tree = "[0]")
    public final Output<String> eventPattern;
    /** The trail's name, in {@code cloudtrail} mode. */
    public final Optional<String> trailName;

    /**
     * The trigger is created in {@code region} through the provider its options carry.
     *
     * @param region           region B
     * @param replica          the replica bucket and release key, read from the primary stack
     * @param starts           what the rule starts: B's pipeline (bespoke) or the release deployer (pipeline-free)
     * @param mode             {@code cloudtrail} or {@code eventbridge}
     * @param trailName        the data-event trail's name in cloudtrail mode ({@code <project>-<stack>-release-trigger})
     * @param logRetentionDays retention of the trail's log group
     */
    public record Args(AwsRegion region, ReplicaSource replica, Starts starts, TriggerMode mode,
                       String trailName, int logRetentionDays) {
    }

    /**
     * The rule's one target, and the one action its role may take on it.
     *
     * @param arn           the target's ARN
     * @param actions       what EventBridge may do to it: exactly the action that starts it
     * @param what          what it is, in descriptions ("the release pipeline")
     * @param sid           the role statement's id
     * @param targetName    the suffix of the target's logical name
     * @param inputPaths    EventBridge input paths of an input transformer, or empty to pass the event unchanged
     * @param inputTemplate the transformer's template (with {@code inputPaths})
     */
    public record Starts(Output<String> arn, List<String> actions, String what, String sid, String targetName,
                         Map<String, String> inputPaths, String inputTemplate) {

        /** B's pipeline: the event itself starts it (CodePipeline reads its S3 source; the event is not its input). */
        public static Starts pipeline(Output<String> pipelineArn) {
            return new Starts(pipelineArn, Actions.PIPELINE_START, "the release pipeline", "StartReleasePipeline",
                    "pipeline", Map.of(), "");
        }

        /** The release deployer: its input is the release object version, taken from the event. */
        public static Starts deployer(Output<String> stateMachineArn, TriggerMode mode) {
            return new Starts(stateMachineArn, Actions.STATE_MACHINE_START, "the release deployment",
                    "StartReleaseDeployment", "deployer", DeploymentWorkflow.inputPaths(mode),
                    DeploymentWorkflow.inputTemplate(mode));
        }
    }

    /**
     * @param support the stack's per-region key and buckets (the trail's log bucket is one of them)
     */
    public ReplicaTrigger(String name, Args args, RegionalSupport support, ComponentResourceOptions options) {
        super("multiregion:delivery:ReplicaTrigger", name, options);
        AwsRegion region = args.region();
        ReplicaSource replica = args.replica();
        Starts starts = args.starts();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        List<Resource> ruleDependencies = new ArrayList<>();

        if (args.mode() == TriggerMode.CLOUDTRAIL) {
            String trail = Names.fit(args.trailName(), Names.TRAIL);
            this.trailName = Optional.of(trail);
            ruleDependencies.add(dataEventTrail(name, trail, region, replica, args.logRetentionDays(), support, child));
            this.eventPattern = Output.tuple(replica.bucketName(), replica.artifactKey())
                    .applyValue(t -> EventPatterns.cloudTrailWrite(t.t1, t.t2));
        } else {
            // The replica bucket's EventBridge notifications are turned on by its owner, the primary stack
            // (see ReplicatedBucket): this stack only adds its rule.
            this.trailName = Optional.empty();
            this.eventPattern = Output.tuple(replica.bucketName(), replica.artifactKey())
                    .applyValue(t -> EventPatterns.objectCreated(t.t1, t.t2));
        }

        EventRule rule = new EventRule(Names.autoNamed(name, Names.EVENT_RULE), EventRuleArgs.builder()
                .description("Starts " + starts.what() + " in " + region + " when a new release replica lands ("
                        + args.mode().value() + " mode)")
                .eventPattern(eventPattern)
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // in cloudtrail mode, events only flow once the trail that emits them exists.
                        .dependsOn(ruleDependencies).build());
        this.ruleName = rule.id(); // on the default bus a rule's id is its name, and every engine reports ids

        // EventBridge sets aws:SourceArn to the rule sending the event (EventBridge User Guide,
        // "Using IAM policy conditions in Amazon EventBridge"): only this rule can use the role.
        ServiceRole role = ServiceRole.create(name + "-events", "events.amazonaws.com",
                List.of(Statement.Condition.of("StringEquals", "aws:SourceArn", rule.arn())),
                "EventBridge: starts " + starts.what() + " in " + region,
                List.of(Statement.allow(starts.sid()).actions(starts.actions()).resource(starts.arn()).build()),
                child);

        EventTargetArgs.Builder target = EventTargetArgs.builder()
                .rule(ruleName)
                .arn(starts.arn())
                .roleArn(role.arn());
        if (!starts.inputPaths().isEmpty()) {
            // the target's input is the release object version the event names (EventBridge API Reference,
            // InputTransformer)
            target.inputTransformer(EventTargetInputTransformerArgs.builder()
                    .inputPaths(starts.inputPaths())
                    .inputTemplate(starts.inputTemplate())
                    .build());
        }
        new EventTarget(name + "-" + starts.targetName(), target.build(),
                CustomResourceOptions.builder().parent(this)
                        // the target is useless until its role may start what it targets.
                        .dependsOn(List.<Resource>of(role.policy())).build());

        registerOutputs(Map.of("ruleName", ruleName, "eventPattern", eventPattern));
    }

    private Trail dataEventTrail(String name, String trailName, AwsRegion region, ReplicaSource replica,
                                 int logRetentionDays, RegionalSupport support, CustomResourceOptions child) {
        RegionalKey key = support.key(region);
        Output<String> trailArn = key.accountId.applyValue(account -> Arns.trail(region, account, trailName));

        SecureBucket logBucket = support.bucket(name + "-trail-logs", region, this,
                ref -> cloudTrailDeliveryStatements(ref, key.accountId, trailArn));

        LogGroup logGroup = new LogGroup(name + "-trail", LogGroupArgs.builder()
                .name("/aws/cloudtrail/" + trailName)
                .retentionInDays(logRetentionDays)
                .kmsKeyId(key.arn)
                .build(),
                // CloudWatch Logs checks the key policy when the log group is created.
                key.usableBy(CustomResourceOptions.builder().parent(this)).build());
        // The documented trust for this role has no source condition (CloudTrail User Guide, "Sending
        // events to CloudWatch Logs"); its permissions reach only this log group's streams.
        ServiceRole logsRole = ServiceRole.create(name + "-trail-logs", "cloudtrail.amazonaws.com", List.of(),
                "CloudTrail: delivers " + trailName + " to CloudWatch Logs",
                List.of(Statement.allow("DeliverTrailToLogs").actions(Actions.LOGS_WRITE)
                        .resource(logGroup.arn().applyValue(Arns::logStreamsOf)).build()),
                child);

        return new Trail(name + "-trail", TrailArgs.builder()
                .name(trailName)
                .s3BucketName(logBucket.bucketName)
                .kmsKeyId(key.arn)
                .enableLogFileValidation(true)
                .enableLogging(true)
                // A data-event trail for one object in one region: not multi-region, no global or
                // management events, so it never duplicates the account trail's paid copy.
                .isMultiRegionTrail(false)
                .includeGlobalServiceEvents(false)
                .cloudWatchLogsGroupArn(logGroup.arn().applyValue(a -> a + ":*"))
                .cloudWatchLogsRoleArn(logsRole.arn())
                .eventSelectors(TrailEventSelectorArgs.builder()
                        .readWriteType("WriteOnly")
                        .includeManagementEvents(false)
                        .dataResources(TrailEventSelectorDataResourceArgs.builder()
                                .type("AWS::S3::Object")
                                .values(Outputs.listOf(replica.objectArn()))
                                .build())
                        .build())
                .build(),
                // CloudTrail checks the bucket policy, the logs role and the key policy when the trail is created.
                key.usableBy(CustomResourceOptions.builder().parent(this),
                        logBucket.policy, logsRole.policy()).build());
    }

    /** The documented CloudTrail delivery statements (CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail"). */
    public static List<Statement> cloudTrailDeliveryStatements(SecureBucket.BucketRef bucket, Output<String> account,
                                                        Output<String> trailArn) {
        return List.of(
                Statement.allow("AWSCloudTrailAclCheck").actions("s3:GetBucketAcl").resource(bucket.arn())
                        .service("cloudtrail.amazonaws.com")
                        .condition("StringEquals", "aws:SourceArn", trailArn)
                        .build(),
                Statement.allow("AWSCloudTrailWrite").actions("s3:PutObject")
                        .resource(Output.tuple(bucket.arn(), account).applyValue(t -> t.t1 + "/AWSLogs/" + t.t2 + "/*"))
                        .service("cloudtrail.amazonaws.com")
                        .condition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                        .condition("StringEquals", "aws:SourceArn", trailArn)
                        .build());
    }
}
