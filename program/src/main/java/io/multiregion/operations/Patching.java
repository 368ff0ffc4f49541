package io.multiregion.operations;

import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.ssm.MaintenanceWindow;
import com.pulumi.aws.ssm.MaintenanceWindowArgs;
import com.pulumi.aws.ssm.MaintenanceWindowTarget;
import com.pulumi.aws.ssm.MaintenanceWindowTargetArgs;
import com.pulumi.aws.ssm.MaintenanceWindowTask;
import com.pulumi.aws.ssm.MaintenanceWindowTaskArgs;
import com.pulumi.aws.ssm.inputs.MaintenanceWindowTargetTargetArgs;
import com.pulumi.aws.ssm.inputs.MaintenanceWindowTaskTargetArgs;
import com.pulumi.aws.ssm.inputs.MaintenanceWindowTaskTaskInvocationParametersArgs;
import com.pulumi.aws.ssm.inputs.MaintenanceWindowTaskTaskInvocationParametersRunCommandParametersArgs;
import com.pulumi.aws.ssm.inputs.MaintenanceWindowTaskTaskInvocationParametersRunCommandParametersParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.values.Outputs;
import io.multiregion.config.OperationsSettings;
import io.multiregion.iam.Actions;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Map;

/**
 * Patch Manager for a region's application instances: a maintenance window on the configured schedule, its target
 * (the instances of the region's Auto Scaling group, found by the {@value #GROUP_TAG} tag EC2 Auto Scaling puts on
 * every instance it launches: EC2 Auto Scaling User Guide, "Tag Auto Scaling groups and instances") and a Run Command
 * task {@value #DOCUMENT} that installs what the operating system's default patch baseline approves
 * ({@code AWS-AmazonLinux2023DefaultPatchBaseline}: Systems Manager User Guide, "Predefined and default patch
 * baselines"), one instance at a time, rebooting when a patch needs it.
 *
 * <p>The task runs with a role of its own, allowed to send exactly that document to this region's instances (Systems
 * Manager User Guide, "Configure permissions for maintenance windows" recommends a custom role over the
 * service-linked one), and the instances may fetch their patch snapshot and report compliance.
 *
 * <p>The component is placed in a region by the provider in its options; every child takes it from this parent.
 */
public final class Patching extends ComponentResource {

    public static final String DOCUMENT = "AWS-RunPatchBaseline";
    public static final String GROUP_TAG = "aws:autoscaling:groupName";
    public static final String SSM = "ssm.amazonaws.com";
    /** One instance at a time, so the others keep serving while one reboots. */
    public static final String MAX_CONCURRENCY = "1";
    /** Stop after the first failed instance: a patch that breaks one would break the next. */
    public static final String MAX_ERRORS = "1";

    /**
     * @param region           the region
     * @param windowName       the window's physical name (carries the project and stack; at most 128 characters)
     * @param window           the schedule, duration, cutoff and time zone ({@code multiregion:operations})
     * @param autoScalingGroup the group whose instances are patched
     * @param instanceRoleName the instances' role, which gains what Patch Manager needs on an instance
     * @param account          the account, for the instances' ARNs
     */
    public record Args(AwsRegion region, String windowName, OperationsSettings window, Output<String> autoScalingGroup,
                       Output<String> instanceRoleName, Output<String> account) {
    }

    /** The maintenance window's id. */
    @Export(name = "windowId", refs = {String.class}, tree = "[0]")
    public final Output<String> windowId;

    /** {@code arn:<partition>:ssm:<region>::document/AWS-RunPatchBaseline}: an AWS-owned document has no account. */
    public static String documentArn(AwsRegion region) {
        return "arn:" + region.partition() + ":ssm:" + region.code() + "::document/" + DOCUMENT;
    }

    /** Every EC2 instance of the account in the region. */
    public static String instancesOf(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":ec2:" + region.code() + ":" + account + ":instance/*";
    }

    public Patching(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:operations:Patching", name, options);
        AwsRegion region = args.region();
        OperationsSettings w = args.window();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Output<String> instances = args.account().applyValue(a -> instancesOf(region, a));

        MaintenanceWindow window = new MaintenanceWindow(name + "-window", MaintenanceWindowArgs.builder()
                .name(Names.fit(args.windowName(), 128))
                .description("Operating-system patches of the application instances in " + region.code())
                .schedule(w.patchSchedule())
                .scheduleTimezone(w.patchTimezone())
                .duration(w.patchDurationHours())
                .cutoff(w.patchCutoffHours())
                .allowUnassociatedTargets(false)
                .build(), child);
        this.windowId = window.id();

        MaintenanceWindowTarget target = new MaintenanceWindowTarget(name + "-instances",
                MaintenanceWindowTargetArgs.builder()
                        .windowId(windowId)
                        .name(Names.fit(args.windowName() + "-instances", 128))
                        .description("The instances of the application's Auto Scaling group")
                        .resourceType("INSTANCE")
                        .targets(MaintenanceWindowTargetTargetArgs.builder()
                                .key("tag:" + GROUP_TAG)
                                .values(Outputs.listOf(args.autoScalingGroup()))
                                .build())
                        .build(), child);

        ServiceRole role = ServiceRole.create(name + "-task", SSM,
                List.of(Statement.Condition.of("StringEquals", "aws:SourceAccount", args.account())),
                "Systems Manager: runs " + DOCUMENT + " on the application instances in " + region.code(),
                List.of(Statement.allow("SendPatchCommand").actions(Actions.SSM_SEND_COMMAND)
                                .resource(documentArn(region)).resource(instances).build(),
                        // ListCommands and ListCommandInvocations accept only "*" (Service Authorization Reference,
                        // AWS Systems Manager)
                        Statement.allow("FollowCommands").actions(Actions.SSM_FOLLOW_COMMANDS).resource("*").build()),
                child);

        new MaintenanceWindowTask(name + "-patch", MaintenanceWindowTaskArgs.builder()
                .windowId(windowId)
                .name(Names.fit(args.windowName() + "-install", 128))
                .description("Install approved patches, one instance at a time, rebooting when needed")
                .taskType("RUN_COMMAND")
                .taskArn(DOCUMENT)
                .priority(1)
                .serviceRoleArn(role.arn())
                .maxConcurrency(MAX_CONCURRENCY)
                .maxErrors(MAX_ERRORS)
                .cutoffBehavior("CONTINUE_TASK")
                .targets(MaintenanceWindowTaskTargetArgs.builder()
                        .key("WindowTargetIds")
                        .values(Outputs.listOf(target.id()))
                        .build())
                .taskInvocationParameters(MaintenanceWindowTaskTaskInvocationParametersArgs.builder()
                        .runCommandParameters(MaintenanceWindowTaskTaskInvocationParametersRunCommandParametersArgs
                                .builder()
                                .timeoutSeconds(600)
                                .parameters(
                                        parameter("Operation", "Install"),
                                        parameter("RebootOption", "RebootIfNeeded"))
                                .build())
                        .build())
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // the window's first run assumes the role: it must be allowed to send the command by then
                        .dependsOn(List.<Resource>of(role.policy())).build());

        // What Patch Manager needs on the instance itself: Run Command's message channel, the patch snapshot of the
        // baseline, and compliance reporting (Systems Manager User Guide, "Step 1: Create an IAM instance profile").
        new RolePolicy(name + "-instances-patch", RolePolicyArgs.builder()
                .role(args.instanceRoleName())
                .policy(PolicyDocument.of(
                        // these accept only "*" (Service Authorization Reference, Amazon Message Delivery Service and
                        // AWS Systems Manager)
                        Statement.allow("RunCommandChannel").actions(Actions.EC2_MESSAGES).resource("*").build(),
                        Statement.allow("PatchSnapshot").actions(Actions.SSM_PATCH_SNAPSHOT).resource("*").build(),
                        Statement.allow("ReportPatchCompliance").actions(Actions.SSM_REPORT_COMPLIANCE)
                                .resource(instances).build()))
                .build(), child);

        registerOutputs(Map.of("windowId", windowId));
    }

    private static MaintenanceWindowTaskTaskInvocationParametersRunCommandParametersParameterArgs parameter(
            String name, String value) {
        return MaintenanceWindowTaskTaskInvocationParametersRunCommandParametersParameterArgs.builder()
                .name(name).values(value).build();
    }
}
