package io.multiregion.deploy;

import com.pulumi.aws.codedeploy.Application;
import com.pulumi.aws.codedeploy.ApplicationArgs;
import com.pulumi.aws.codedeploy.DeploymentGroup;
import com.pulumi.aws.codedeploy.DeploymentGroupArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupAutoRollbackConfigurationArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupDeploymentStyleArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupInfoArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.values.Outputs;
import io.multiregion.compute.AppTier;
import io.multiregion.iam.Actions;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A region's CodeDeploy target: an application (EC2/on-premises compute platform) and one in-place deployment group
 * on the application tier's Auto Scaling group, with traffic control through the web tier's target group (each
 * instance leaves the target group while it is updated) and automatic rollback when a deployment fails.
 *
 * <p>The service role is trusted only by {@value #SERVICE} and carries the AWS managed policy
 * {@value #MANAGED_POLICY} (CodeDeploy User Guide, "Step 2: Create a service role for CodeDeploy"). Its version v11
 * (AWS Managed Policy Reference, AWSCodeDeployRole, edited 16 August 2023) grants Auto Scaling lifecycle-hook, group,
 * scaling-policy and warm-pool actions (CodeDeploy copies groups for blue/green), EC2 and Elastic Load Balancing
 * describe and register/deregister actions, SNS publish, CloudWatch alarm reads and tag reads, on {@code *}. AWS keeps it
 * current as CodeDeploy gains features, and a hand-scoped copy that missed one action would break a rollback exactly
 * when it is needed: this is the documented exception to exact statements.
 *
 * <p>The group launches from a launch template, so the role also holds exactly what the same guide adds for that case
 * ("If you create your Auto Scaling group with a launch template, you must add the following permissions:
 * ec2:RunInstances, ec2:CreateTags, iam:PassRole"), scoped: RunInstances from this tier's template only, with the
 * resource types a launch from it touches in this account and region; CreateTags on what RunInstances creates, at
 * launch only ({@code ec2:CreateAction}); PassRole on the instances' role only, to EC2 only ({@code iam:PassedToService}).
 * Only CodeDeploy, for this account, may assume the role ({@code aws:SourceAccount}: CodeDeploy User Guide,
 * "Cross-service confused deputy prevention").
 *
 * <p>The pipelines get their permissions and their deploy stage from {@link #grantDeploy} and {@link #stage}. The
 * component is placed in a region by the provider in its options; every child takes it from this parent.
 */
public final class DeployTarget extends ComponentResource {

    public static final String SERVICE = "codedeploy.amazonaws.com";
    public static final String MANAGED_POLICY = "AWSCodeDeployRole";
    /** One instance at a time: the standby's two instances keep serving during a release. */
    public static final String DEFAULT_CONFIG = "CodeDeployDefault.OneAtATime";
    /** Configurations this target accepts: the predefined EC2 ones (CodeDeploy User Guide, "Predefined deployment configurations for an EC2/On-Premises compute platform"). */
    public static final Set<String> CONFIGS = Set.of("CodeDeployDefault.OneAtATime", "CodeDeployDefault.HalfAtATime",
            "CodeDeployDefault.AllAtOnce");

    /**
     * Built with {@link #builder()}.
     *
     * @param region               the region the component is placed in
     * @param applicationName      the CodeDeploy application's physical name, unique in the account and region:
     *                             include the stack name (e.g. {@code multiregion-primary}); letters, digits, {@code .-_},
     *                             at most 100 characters
     * @param autoScalingGroupName the application tier's group
     * @param targetGroupName      the web tier's target group (traffic control)
     * @param deploymentConfig     one of {@link #CONFIGS} (default {@value #DEFAULT_CONFIG})
     * @param launch               the group's launch template and the instances' role, which the service role may use
     */
    public record Args(AwsRegion region, String applicationName, Output<String> autoScalingGroupName,
                       Output<String> targetGroupName, String deploymentConfig, Launch launch) {
        public Args {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(launch, "launch");
            if (applicationName == null || !applicationName.matches("^[A-Za-z0-9._-]{1,100}$")) {
                throw new IllegalArgumentException("applicationName must be 1 to 100 letters, digits, '.', '-' or '_': "
                        + applicationName);
            }
            if (!CONFIGS.contains(deploymentConfig)) {
                throw new IllegalArgumentException("deploymentConfig must be one of " + CONFIGS + ": " + deploymentConfig);
            }
        }

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private AwsRegion region;
            private String applicationName;
            private Output<String> autoScalingGroupName;
            private Output<String> targetGroupName;
            private String deploymentConfig = DEFAULT_CONFIG;
            private Launch launch;

            private Builder() {
            }

            /** The region the component is placed in. */
            public Builder region(AwsRegion region) {
                this.region = region;
                return this;
            }

            /**
             * The CodeDeploy application's physical name, unique in the account and region: include the stack name (e.g.
             * {@code multiregion-primary}); letters, digits, {@code .-_}, at most 100 characters.
             */
            public Builder applicationName(String applicationName) {
                this.applicationName = applicationName;
                return this;
            }

            /**
             * The application tier's group, and its launch template and instance role, which the service role may use.
             */
            public Builder autoScalingGroup(Output<String> autoScalingGroupName, Launch launch) {
                this.autoScalingGroupName = autoScalingGroupName;
                this.launch = launch;
                return this;
            }

            /** The web tier's target group (traffic control). */
            public Builder targetGroupName(Output<String> targetGroupName) {
                this.targetGroupName = targetGroupName;
                return this;
            }

            /** One of {@link #CONFIGS} (default {@value #DEFAULT_CONFIG}). */
            public Builder deploymentConfig(String deploymentConfig) {
                this.deploymentConfig = deploymentConfig;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(region, "region is required"), applicationName,
                        Objects.requireNonNull(autoScalingGroupName, "autoScalingGroup is required"),
                        Objects.requireNonNull(targetGroupName, "targetGroupName is required"), deploymentConfig,
                        launch);
            }
        }
    }

    /**
     * What the Auto Scaling group launches from.
     *
     * @param launchTemplateId the group's launch template
     * @param instanceRoleArn  the role of the instances (in the template's instance profile)
     */
    public record Launch(Output<String> launchTemplateId, Output<String> instanceRoleArn) {
    }

    /** The CodeDeploy application's name (the pipeline action's ApplicationName). */
    @Export(name = "applicationName", refs = {String.class}, tree = "[0]")
    public final Output<String> applicationName;
    /** The deployment group's name (the pipeline action's DeploymentGroupName). */
    @Export(name = "deploymentGroupName", refs = {String.class}, tree = "[0]")
    public final Output<String> deploymentGroupName;
    /** The CodeDeploy service role's ARN. */
    public final Output<String> serviceRoleArn;
    /** The deployment group, for dependencies (a pipeline's deploy stage needs it). */
    public final DeploymentGroup group;
    public final AwsRegion region;
    public final String deploymentConfig;
    private final Output<String> account;

    public DeployTarget(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:deploy:DeployTarget", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        this.region = args.region();
        this.deploymentConfig = args.deploymentConfig();

        Application application = new Application(name, ApplicationArgs.builder()
                .name(args.applicationName())
                .computePlatform("Server")
                .build(), child);
        this.applicationName = application.name();
        this.account = application.arn().applyValue(Arns::accountOf);

        Role role = new Role(Names.autoNamed(name + "-service", Names.IAM_ROLE), RoleArgs.builder()
                .description("CodeDeploy in-place deployments to the application tier")
                .assumeRolePolicy(PolicyDocument.trust(SERVICE,
                        List.of(Statement.Condition.of("StringEquals", "aws:SourceAccount", account))))
                .build(), child);
        RolePolicyAttachment managed = new RolePolicyAttachment(name + "-service-policy", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(managedPolicyArn(region))
                .build(), child);
        RolePolicy launch = new RolePolicy(name + "-launch-template", RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyDocument.of(launchStatements(region, account, args.launch())))
                .build(), child);
        this.serviceRoleArn = role.arn();

        String groupName = groupName(name);
        this.group = new DeploymentGroup(name + "-group", DeploymentGroupArgs.builder()
                .appName(application.name())
                .deploymentGroupName(groupName) // unique within its application
                .serviceRoleArn(role.arn())
                .deploymentConfigName(args.deploymentConfig())
                .autoscalingGroups(Outputs.listOf(args.autoScalingGroupName()))
                .deploymentStyle(DeploymentGroupDeploymentStyleArgs.builder()
                        .deploymentType("IN_PLACE").deploymentOption("WITH_TRAFFIC_CONTROL").build())
                .loadBalancerInfo(DeploymentGroupLoadBalancerInfoArgs.builder()
                        .targetGroupInfos(DeploymentGroupLoadBalancerInfoTargetGroupInfoArgs.builder()
                                .name(args.targetGroupName()).build())
                        .build())
                .autoRollbackConfiguration(DeploymentGroupAutoRollbackConfigurationArgs.builder()
                        .enabled(true).events("DEPLOYMENT_FAILURE").build())
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // CodeDeploy installs its lifecycle hook on the group with the role as it creates the
                        // deployment group: the role's permissions must be attached first.
                        .dependsOn(List.<Resource>of(managed, launch)).build());
        this.deploymentGroupName = group.deploymentGroupName();

        registerOutputs(Map.of("applicationName", applicationName, "deploymentGroupName", deploymentGroupName));
    }

    /**
     * The service role's statements for a group that launches from a launch template (see the class comment), each
     * on the resource types the Service Authorization Reference gives its action (Amazon EC2: RunInstances takes image,
     * instance, launch-template, network-interface, security-group, subnet and volume among others; CreateTags takes
     * instance, network-interface and volume among others, and the {@code ec2:CreateAction} key; AWS Identity and
     * Access Management: PassRole takes role and the {@code iam:PassedToService} key). Amazon-owned AMIs have no
     * account in their ARN ({@code arn:<partition>:ec2:<region>::image/<id>}).
     */
    public static List<Statement> launchStatements(AwsRegion region, Output<String> account, Launch launch) {
        Output<String> ec2 = account.applyValue(a -> "arn:" + region.partition() + ":ec2:" + region.code() + ":" + a + ":");
        Output<String> template = Output.tuple(ec2, launch.launchTemplateId()).applyValue(t -> t.t1 + "launch-template/" + t.t2);
        Statement.Builder run = Statement.allow("LaunchFromTemplate").actions(Actions.EC2_RUN_INSTANCES).resource(template);
        for (String type : List.of("instance", "volume", "network-interface", "subnet", "security-group")) {
            run.resource(ec2.applyValue(p -> p + type + "/*"));
        }
        run.resource("arn:" + region.partition() + ":ec2:" + region.code() + "::image/*");
        Statement.Builder tag = Statement.allow("TagAtLaunch").actions(Actions.EC2_CREATE_TAGS);
        for (String type : List.of("instance", "volume", "network-interface")) {
            tag.resource(ec2.applyValue(p -> p + type + "/*"));
        }
        return List.of(run.build(),
                tag.condition("StringEquals", "ec2:CreateAction", "RunInstances").build(),
                Statement.allow("PassInstanceRole").actions(Actions.IAM_PASS_ROLE).resource(launch.instanceRoleArn())
                        .condition("StringEquals", "iam:PassedToService", AppTier.INSTANCE_SERVICE).build());
    }

    /** {@code arn:<partition>:iam::aws:policy/service-role/AWSCodeDeployRole}. */
    public static String managedPolicyArn(AwsRegion region) {
        return "arn:" + region.partition() + ":iam::aws:policy/service-role/" + MANAGED_POLICY;
    }

    /**
     * The deployment group name a target of this component name gets: fixed, so that a pipeline in another stack
     * (native delivery: A's pipeline deploying to B) can name it before the target exists.
     */
    public static String groupName(String componentName) {
        return Names.fit(componentName + "-group", Names.CODEDEPLOY);
    }

    /** {@link #deployStatements} for this target. */
    public List<Statement> grantDeploy(String sid) {
        return deployStatements(sid, region, account, applicationName, deploymentGroupName, deploymentConfig);
    }

    /**
     * What a pipeline role needs for a CodeDeploy deploy action (CodePipeline User Guide, "AWS CodeDeploy deploy
     * action reference", service role permissions), each on the resource type the Service Authorization Reference
     * (AWS CodeDeploy) gives the action: the deployment group, the application, the one deployment configuration.
     *
     * @param sid              statement id prefix
     * @param region           the target's region
     * @param account          the target's account
     * @param application      the CodeDeploy application's name
     * @param deploymentGroup  the deployment group's name
     * @param deploymentConfig the deployment configuration's name
     */
    public static List<Statement> deployStatements(String sid, AwsRegion region, Output<String> account,
                                                   Output<String> application, Output<String> deploymentGroup,
                                                   String deploymentConfig) {
        Output<String> arnPrefix = account.applyValue(a -> "arn:" + region.partition() + ":codedeploy:" + region.code() + ":" + a + ":");
        Output<String> applicationArn = Output.tuple(arnPrefix, application).applyValue(t -> t.t1 + "application:" + t.t2);
        Output<String> groupArn = Output.tuple(arnPrefix, application, deploymentGroup)
                .applyValue(t -> t.t1 + "deploymentgroup:" + t.t2 + "/" + t.t3);
        Output<String> configArn = arnPrefix.applyValue(p -> p + "deploymentconfig:" + deploymentConfig);
        return List.of(
                Statement.allow(sid + "Deployments").actions(Actions.CODEDEPLOY_DEPLOY).resource(groupArn).build(),
                Statement.allow(sid + "Revisions").actions(Actions.CODEDEPLOY_REVISION).resource(applicationArn).build(),
                Statement.allow(sid + "Config").actions(Actions.CODEDEPLOY_CONFIG).resource(configArn).build());
    }

    /** {@link #deployStage} to this target; the pipeline then waits for the deployment group. */
    public PipelineStageArgs stage(String stageName, String inputArtifact, Optional<AwsRegion> actionRegion) {
        return deployStage(stageName, inputArtifact, applicationName, deploymentGroupName, actionRegion);
    }

    /**
     * The pipeline stage that deploys the input artifact (the release zip) to a CodeDeploy deployment group, built as
     * the pipelines' other single-action stages are (AWS-owned provider {@code CodeDeploy}, version 1).
     *
     * @param stageName       the stage's name, e.g. {@code Deploy}
     * @param inputArtifact   the artifact holding the release zip
     * @param application     the CodeDeploy application's name
     * @param deploymentGroup the deployment group's name
     * @param actionRegion    the region the action runs in when the pipeline is in another region (native delivery);
     *                        empty for a pipeline in the target's region
     */
    public static PipelineStageArgs deployStage(String stageName, String inputArtifact, Output<String> application,
                                                Output<String> deploymentGroup, Optional<AwsRegion> actionRegion) {
        Output<Map<String, String>> config = Output.tuple(application, deploymentGroup)
                .applyValue(t -> Map.of("ApplicationName", t.t1, "DeploymentGroupName", t.t2));
        var action = PipelineStageActionArgs.builder()
                .name(stageName).category("Deploy").owner("AWS").provider("CodeDeploy").version("1")
                .inputArtifacts(inputArtifact)
                .configuration(config);
        actionRegion.ifPresent(r -> action.region(r.code()));
        return PipelineStageArgs.builder().name(stageName).actions(action.build()).build();
    }
}
