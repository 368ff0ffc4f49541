package io.multiregion.delivery;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.aws.sfn.inputs.StateMachineLoggingConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.TriggerMode;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.RegionalSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pipeline-free delivery in region B: a Step Functions state machine ({@link DeploymentWorkflow}) that deploys the
 * release object version the trigger's event names to B's CodeDeploy target, one deployment at a time, and fails when
 * the deployment fails. It replaces B's pipeline where B offers no CodePipeline or CodeBuild; the trigger starts it
 * ({@link ReplicaTrigger}).
 *
 * <p>Its role, trusted only by {@code states.amazonaws.com} for this state machine ({@code aws:SourceArn}, Step
 * Functions Developer Guide, "Prevent cross-service confused deputy"), may deploy to B's deployment group only, read
 * the release object only, and deliver the execution log. The execution log (level ERROR, with execution data) goes
 * to a log group encrypted with B's key; failed executions also count in the state machine's {@code ExecutionsFailed}
 * metric.
 */
public final class ReleaseDeployer extends ComponentResource {

    /** The state machine's ARN (the trigger's target; stack output for alarms). */
    @Export(name = "stateMachineArn", refs = {String.class}, tree = "[0]")
    public final Output<String> stateMachineArn;
    /** The state machine's name. */
    public final String stateMachineName;

    /**
     * The component is created in {@code region} through the provider its options carry.
     *
     * @param region           region B
     * @param stateMachineName the state machine's name, with the stack in it ({@code <project>-<stack>-release-deployer})
     * @param replica          the replica bucket, its key and the release key, read from the primary stack
     * @param deployTo         B's CodeDeploy target
     * @param trigger          the trigger mode (what the event carries: {@link DeploymentWorkflow#inputPaths})
     * @param logRetentionDays retention of the execution log (default 365)
     */
    public record Args(AwsRegion region, String stateMachineName, ReplicaSource replica, DeployTo deployTo,
                       TriggerMode trigger, int logRetentionDays) {
    }

    /**
     * @param support the stack's per-region key (the execution log's)
     */
    public ReleaseDeployer(String name, Args args, RegionalSupport support, ComponentResourceOptions options) {
        super("multiregion:delivery:ReleaseDeployer", name, options);
        AwsRegion region = args.region();
        RegionalKey key = support.key(region);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String machineName = Names.fit(args.stateMachineName(), Names.STATE_MACHINE);
        this.stateMachineName = machineName;
        Output<String> machineArn = key.accountId.applyValue(account -> "arn:" + region.partition() + ":states:"
                + region.code() + ":" + account + ":stateMachine:" + machineName);

        // Step Functions recommends the /aws/vendedlogs/ prefix: CloudWatch Logs' resource policy for log delivery
        // then names that prefix once instead of each group (Step Functions Developer Guide, "Logging execution
        // history in Step Functions").
        LogGroup log = new LogGroup(name + "-executions", LogGroupArgs.builder()
                .name("/aws/vendedlogs/states/" + machineName)
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(key.arn)
                .build(),
                // CloudWatch Logs checks the key policy when the log group is created.
                key.usableBy(CustomResourceOptions.builder().parent(this)).build());

        List<Statement> statements = new ArrayList<>(args.deployTo().target().grantDeploy("DeployRelease"));
        statements.add(Statement.allow("ReadCurrentReleaseVersion").actions(Actions.S3_HEAD_OBJECT)
                .resource(args.replica().objectArn()).build());
        // These actions take no resource type: "*" is the only resource they accept.
        statements.add(Statement.allow("DeliverExecutionLog").actions(Actions.LOGS_DELIVERY).resource("*").build());
        ServiceRole role = ServiceRole.create(name + "-states", "states.amazonaws.com",
                List.of(Statement.Condition.of("ArnEquals", "aws:SourceArn", machineArn),
                        Statement.Condition.of("StringEquals", "aws:SourceAccount", key.accountId)),
                "Step Functions: deploys each replicated release in " + region + " with CodeDeploy", statements, child);

        DeployTo target = args.deployTo();
        Output<String> definition = Output.tuple(target.target().applicationName, target.target().deploymentGroupName)
                .applyValue(t -> DeploymentWorkflow.definition(region, t.t1, t.t2, target.target().deploymentConfig,
                        args.trigger()));
        StateMachine machine = new StateMachine(name, StateMachineArgs.builder()
                .name(machineName)
                .type("STANDARD")
                .roleArn(role.arn())
                .definition(definition)
                .loggingConfiguration(StateMachineLoggingConfigurationArgs.builder()
                        .level("ERROR")
                        .includeExecutionData(true)
                        .logDestination(log.arn().applyValue(arn -> arn.endsWith(":*") ? arn : arn + ":*"))
                        .build())
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // Step Functions checks at creation that it can assume the role and deliver the log with it
                        // (CreateStateMachine: InvalidLoggingConfiguration, AccessDenied on the role): its permissions
                        // must exist first.
                        .dependsOn(List.<Resource>of(role.policy(), log)).build());
        // the instances of region B download the release from the replica bucket, decrypting through S3
        target.grantRevisions(name, region, new io.multiregion.compute.AppTier.ReleaseSource(
                args.replica().bucketArn(), args.replica().keyArn()), child);

        this.stateMachineArn = machine.arn();
        registerOutputs(Map.of("stateMachineArn", stateMachineArn));
    }
}
