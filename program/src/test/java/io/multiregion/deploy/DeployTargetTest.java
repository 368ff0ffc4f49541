package io.multiregion.deploy;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.compute.AppTier;
import io.multiregion.config.Sizing;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.web.LoadBalancer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CodeDeploy target alone, and the three components of a region's application wired together. */
class DeployTargetTest {
    private static final String GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
    private static final String LAUNCH_TEMPLATE = "lt-0123456789abcdef0";

    private static String instanceRole(String region) {
        return "arn:" + new AwsRegion(region).partition() + ":iam::123456789012:role/multiregion-app-instance-a1b2c3d";
    }

    private static ProgramRun alone(String region, Optional<AwsRegion> actionRegion) {
        ProgramRun run = ProgramRun.program("primary", Map.of(), ctx -> {
            Provider provider = new Provider("aws-" + region, ProviderArgs.builder().region(region).build());
            DeployTarget target = new DeployTarget("multiregion-deploy", DeployTarget.Args.builder()
                    .region(new AwsRegion(region))
                    .applicationName("multiregion-primary")
                    .autoScalingGroup(Output.of("multiregion-app-asg"),
                            new DeployTarget.Launch(Output.of(LAUNCH_TEMPLATE), Output.of(instanceRole(region))))
                    .targetGroupName(Output.of("multiregion-web-app-0123"))
                    .build(), ComponentResourceOptions.builder().providers(provider).build());
            // what a pipeline role and a pipeline would take from the target
            new RolePolicy("pipeline-deploy", RolePolicyArgs.builder().role("pipeline-role")
                    .policy(PolicyDocument.of(target.grantDeploy("DeployApp"))).build(),
                    CustomResourceOptions.builder().provider(provider).build());
            new Pipeline("pipeline", PipelineArgs.builder().roleArn("arn:aws:iam::123456789012:role/pipeline")
                    .artifactStores(PipelineArtifactStoreArgs.builder().type("S3").location("artifacts").build())
                    .stages(target.stage("Deploy", "release", actionRegion)).build(),
                    CustomResourceOptions.builder().provider(provider).build());
        });
        assertFalse(run.failed(), run::errors);
        return run;
    }

    @Test
    @DisplayName("in-place deployment group on the group, traffic control through the target group, rollback on failure")
    void deploymentGroup() {
        ProgramRun run = alone("eu-west-1", Optional.empty());
        assertEquals("Server", run.one("aws:codedeploy/application:Application").text("computePlatform"));
        Registered group = run.one(GROUP);
        assertEquals("IN_PLACE", group.at("deploymentStyle", "deploymentType"));
        assertEquals("WITH_TRAFFIC_CONTROL", group.at("deploymentStyle", "deploymentOption"));
        assertEquals(List.of("multiregion-app-asg"), group.at("autoscalingGroups"));
        assertEquals("multiregion-web-app-0123", group.at("loadBalancerInfo", "targetGroupInfos", 0, "name"));
        assertEquals(true, group.at("autoRollbackConfiguration", "enabled"));
        assertEquals(List.of("DEPLOYMENT_FAILURE"), group.at("autoRollbackConfiguration", "events"));
        assertEquals("CodeDeployDefault.OneAtATime", group.text("deploymentConfigName"));
        assertTrue(group.text("deploymentGroupName").length() <= 100);
        assertTrue(group.dependsOn(run.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment")),
                "the role's permissions are attached before CodeDeploy uses the role");
        assertTrue(run.aws().stream().filter(r -> !r.type().startsWith("aws:iam/rolePolicy:") && !r.name().equals("pipeline"))
                .allMatch(r -> "eu-west-1".equals(r.providerRegion())));
    }

    @Test
    @DisplayName("service role: trusted by CodeDeploy only, with the AWS managed AWSCodeDeployRole in the region's partition")
    void serviceRole() {
        ProgramRun run = alone("cn-north-1", Optional.empty());
        Registered role = run.one("aws:iam/role:Role");
        PolicyView trust = PolicyView.parse(role.text("assumeRolePolicy"));
        assertEquals(1, trust.statements().size());
        assertEquals(Map.of("Service", List.of("codedeploy.amazonaws.com")), trust.statements().get(0).principals());
        assertEquals(List.of("sts:AssumeRole"), trust.statements().get(0).actions());
        assertEquals("arn:aws-cn:iam::aws:policy/service-role/AWSCodeDeployRole",
                run.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment").text("policyArn"));
        assertTrue(run.one(GROUP).dependsOn(role));
        assertEquals(List.of("123456789012"), trust.statements().get(0).condition("StringEquals", "aws:SourceAccount"),
                "only CodeDeploy acting for this account (CodeDeploy User Guide, \"Cross-service confused deputy prevention\")");
    }

    @Test
    @DisplayName("service role, launch template: exactly RunInstances from the template, CreateTags at launch, PassRole of the instance role to EC2")
    void launchTemplatePermissions() {
        ProgramRun run = alone("cn-north-1", Optional.empty());
        Registered launch = run.where(r -> r.name().equals("multiregion-deploy-launch-template")).get(0);
        PolicyView policy = PolicyView.parse(launch.text("policy"));
        String ec2 = "arn:aws-cn:ec2:cn-north-1:123456789012:";
        assertEquals(List.of("LaunchFromTemplate", "TagAtLaunch", "PassInstanceRole"),
                policy.statements().stream().map(PolicyView.StatementView::sid).toList());
        assertEquals(List.of("ec2:RunInstances"), policy.sid("LaunchFromTemplate").actions());
        assertEquals(List.of(ec2 + "launch-template/" + LAUNCH_TEMPLATE, ec2 + "instance/*", ec2 + "volume/*",
                ec2 + "network-interface/*", ec2 + "subnet/*", ec2 + "security-group/*", "arn:aws-cn:ec2:cn-north-1::image/*"),
                policy.sid("LaunchFromTemplate").resources());
        assertEquals(List.of("ec2:CreateTags"), policy.sid("TagAtLaunch").actions());
        assertEquals(List.of(ec2 + "instance/*", ec2 + "volume/*", ec2 + "network-interface/*"),
                policy.sid("TagAtLaunch").resources());
        assertEquals(List.of("RunInstances"), policy.sid("TagAtLaunch").condition("StringEquals", "ec2:CreateAction"));
        assertEquals(List.of("iam:PassRole"), policy.sid("PassInstanceRole").actions());
        assertEquals(List.of(instanceRole("cn-north-1")), policy.sid("PassInstanceRole").resources());
        assertEquals(List.of("ec2.amazonaws.com"), policy.sid("PassInstanceRole").condition("StringEquals", "iam:PassedToService"));
        assertTrue(run.one(GROUP).dependsOn(launch), "CodeDeploy uses the role as the group is created");
        assertEquals(run.one("aws:iam/role:Role").name() + "-a1b2c3d", launch.text("role"));
    }

    @Test
    @DisplayName("pipeline role: each CodeDeploy action on the resource type it accepts: group, application, configuration")
    void pipelineStatements() {
        ProgramRun run = alone("eu-west-1", Optional.empty());
        Registered group = run.one(GROUP);
        String app = run.one("aws:codedeploy/application:Application").text("name");
        assertEquals("multiregion-primary", app);
        PolicyView policy = PolicyView.parse(run.where(r -> r.name().equals("pipeline-deploy")).get(0).text("policy"));
        String prefix = "arn:aws:codedeploy:eu-west-1:123456789012:";
        assertEquals(List.of("codedeploy:CreateDeployment", "codedeploy:GetDeployment"), policy.sid("DeployAppDeployments").actions());
        assertEquals(List.of(prefix + "deploymentgroup:" + app + "/" + group.text("deploymentGroupName")),
                policy.sid("DeployAppDeployments").resources());
        assertEquals(List.of("codedeploy:GetApplication", "codedeploy:GetApplicationRevision",
                "codedeploy:RegisterApplicationRevision"), policy.sid("DeployAppRevisions").actions());
        assertEquals(List.of(prefix + "application:" + app), policy.sid("DeployAppRevisions").resources());
        assertEquals(List.of("codedeploy:GetDeploymentConfig"), policy.sid("DeployAppConfig").actions());
        assertEquals(List.of(prefix + "deploymentconfig:CodeDeployDefault.OneAtATime"), policy.sid("DeployAppConfig").resources());
        assertFalse(policy.allResources().contains("*"));
    }

    @Test
    @DisplayName("deploy stage: one AWS CodeDeploy action on the release artifact, naming the application and group")
    void stage() {
        ProgramRun run = alone("eu-west-1", Optional.empty());
        Registered pipeline = run.one("aws:codepipeline/pipeline:Pipeline");
        assertEquals("Deploy", pipeline.at("stages", 0, "name"));
        assertEquals("Deploy", pipeline.at("stages", 0, "actions", 0, "category"));
        assertEquals("AWS", pipeline.at("stages", 0, "actions", 0, "owner"));
        assertEquals("CodeDeploy", pipeline.at("stages", 0, "actions", 0, "provider"));
        assertEquals("1", pipeline.at("stages", 0, "actions", 0, "version"));
        assertEquals(List.of("release"), pipeline.at("stages", 0, "actions", 0, "inputArtifacts"));
        assertEquals(run.one(GROUP).text("deploymentGroupName"),
                pipeline.at("stages", 0, "actions", 0, "configuration", "DeploymentGroupName"));
        assertEquals(null, pipeline.at("stages", 0, "actions", 0, "region"));
        ProgramRun cross = alone("eu-central-1", Optional.of(new AwsRegion("eu-central-1")));
        assertEquals("eu-central-1", cross.one("aws:codepipeline/pipeline:Pipeline").at("stages", 0, "actions", 0, "region"));
    }

    @Test
    void unknownDeploymentConfigRefused() {
        assertThrows(IllegalArgumentException.class, () -> DeployTarget.Args.builder()
                .region(new AwsRegion("eu-west-1"))
                .applicationName("multiregion-primary")
                .autoScalingGroup(Output.of("g"),
                        new DeployTarget.Launch(Output.of(LAUNCH_TEMPLATE), Output.of(instanceRole("eu-west-1"))))
                .targetGroupName(Output.of("t"))
                .deploymentConfig("CodeDeployDefault.LambdaAllAtOnce")
                .build());
    }

    @Test
    @DisplayName("a region's three components together: flows, scaling on the forwarding listener, deployment on the group")
    void wiredTogether() {
        ProgramRun run = ProgramRun.program("secondary", Map.of(), ctx -> {
            AwsRegion region = new AwsRegion("eu-central-1");
            Provider provider = new Provider("aws-eu-central-1", ProviderArgs.builder().region("eu-central-1").build());
            ComponentResourceOptions in = ComponentResourceOptions.builder().providers(provider).build();
            InternetGateway igw = new InternetGateway("mr-igw", InternetGatewayArgs.builder().vpcId("vpc-0abc").build(),
                    CustomResourceOptions.builder().provider(provider).build());
            LoadBalancer web = new LoadBalancer("mr-web", LoadBalancer.Args.builder()
                    .region(region)
                    .vpcId(Output.of("vpc-0abc"))
                    .publicSubnetIds(Output.of(List.of("subnet-pub-a", "subnet-pub-b")))
                    .internetGateway(List.of(igw))
                    .deletionProtection(false)
                    .noncurrentDays(90)
                    .build(), in);
            AppTier app = new AppTier("mr-app", AppTier.Args.builder()
                    .region(region)
                    .sizing(new Sizing("m7i.large", 2, 2, 12, 1, "db.r6g.large", 1))
                    .subnets(Output.of("vpc-0abc"), Output.of(List.of("subnet-priv-a", "subnet-priv-b")))
                    .behind(web)
                    .ebsKey(Output.of("arn:aws:kms:eu-central-1:123456789012:key/k"))
                    .release(new AppTier.ReleaseSource(Output.of("arn:aws:s3:::artifacts"),
                            Output.of("arn:aws:kms:eu-central-1:123456789012:key/k")))
                    .build(), in);
            new DeployTarget("mr-deploy", DeployTarget.Args.builder()
                    .region(region)
                    .applicationName("multiregion-secondary")
                    .autoScalingGroup(app.autoScalingGroupName,
                            new DeployTarget.Launch(app.launchTemplateId, app.instanceRoleArn))
                    .targetGroupName(web.targetGroupName)
                    .build(), in);
        });
        assertFalse(run.failed(), run::errors);
        Registered listener = run.one("aws:lb/listener:Listener");
        Registered policy = run.one("aws:autoscaling/policy:Policy");
        assertTrue(policy.dependsOn(listener), "the request-count label exists once a listener forwards to the target group");
        Registered asg = run.one("aws:autoscaling/group:Group");
        assertTrue(run.one(GROUP).dependsOn(asg));
        Registered albSg = run.where(r -> r.name().equals("mr-web-alb")).get(0);
        Registered appSg = run.where(r -> r.name().equals("mr-app-app")).get(0);
        Registered albOut = run.where(r -> r.name().equals("mr-app-alb-to-app")).get(0);
        assertEquals(albSg.name() + "-id", albOut.text("securityGroupId"));
        assertEquals(appSg.name() + "-id", albOut.text("referencedSecurityGroupId"));
        // nothing but the load balancer's listener ports is open to the internet
        for (Registered rule : run.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
            if (rule.text("cidrIpv4") != null) {
                assertEquals(albSg.name() + "-id", rule.text("securityGroupId"));
                assertTrue(List.of(80.0, 443.0).contains(((Number) rule.at("fromPort")).doubleValue()));
            }
        }
        assertTrue(run.aws().stream().allMatch(r -> "eu-central-1".equals(r.providerRegion())));
    }

    @Test
    @DisplayName("names fixed in advance give the same statements and stage, for a pipeline in another stack")
    void byName() {
        ProgramRun run = ProgramRun.program("primary", Map.of(), ctx -> {
            Provider provider = new Provider("aws-eu-west-1", ProviderArgs.builder().region("eu-west-1").build());
            AwsRegion b = new AwsRegion("eu-central-1");
            new RolePolicy("pipeline-deploy-b", RolePolicyArgs.builder().role("pipeline-role")
                    .policy(PolicyDocument.of(DeployTarget.deployStatements("DeployB", b, Output.of("123456789012"),
                            Output.of("multiregion-secondary"), Output.of(DeployTarget.groupName("multiregion-deploy")),
                            DeployTarget.DEFAULT_CONFIG))).build(),
                    CustomResourceOptions.builder().provider(provider).build());
        });
        assertFalse(run.failed(), run::errors);
        PolicyView policy = PolicyView.parse(run.one("aws:iam/rolePolicy:RolePolicy").text("policy"));
        assertEquals(List.of("arn:aws:codedeploy:eu-central-1:123456789012:deploymentgroup:multiregion-secondary/multiregion-deploy-group"),
                policy.sid("DeployBDeployments").resources());
    }
}
