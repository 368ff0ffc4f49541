package io.multiregion.compute;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.kms.KeyPolicy;
import com.pulumi.aws.kms.KeyPolicyArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.Sizing;
import io.multiregion.data.DatabaseCredentials;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.network.Connectable;
import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application tier alone, on the fake cloud, with made-up network and web-tier values. */
class AppTierTest {
    private static final String EBS_KEY = "arn:aws:kms:eu-west-1:123456789012:key/ebs-key";
    private static final String RELEASE_BUCKET = "arn:aws:s3:::artifacts-bucket";
    private static final String RELEASE_KEY = "arn:aws:kms:eu-west-1:123456789012:key/release-key";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf";
    private static final String SECRET_KEY = "arn:aws:kms:eu-west-1:123456789012:key/secret-key";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    static ProgramRun run(String region, Sizing sizing, boolean withSecret) {
        ProgramRun run = ProgramRun.program("secondary", Map.of(), ctx -> {
            Provider provider = new Provider("aws-" + region, ProviderArgs.builder().region(region).build());
            KeyPolicy keyPolicy = new KeyPolicy("ebs-key-policy", KeyPolicyArgs.builder().keyId("ebs-key")
                    .policy(PolicyDocument.of(AppTier.autoScalingKeyStatements(new AwsRegion(region), Output.of(EBS_KEY),
                            Output.of("123456789012")))).build(), CustomResourceOptions.builder().provider(provider).build());
            AppTier.Args.Builder args = AppTier.Args.builder()
                    .region(new AwsRegion(region))
                    .sizing(sizing)
                    .subnets(Output.of("vpc-0abc"), Output.of(List.of("subnet-priv-a", "subnet-priv-b")))
                    .behind(new MadeUpFrontend())
                    .ebsKey(Output.of(EBS_KEY), keyPolicy)
                    .release(new AppTier.ReleaseSource(Output.of(RELEASE_BUCKET), Output.of(RELEASE_KEY)));
            if (withSecret) {
                args.secret(new AppTier.SecretAccess(DatabaseCredentials.readStatements("Database",
                        new AwsRegion(region), Output.of(SECRET), Output.of(SECRET_KEY))));
            }
            new AppTier("multiregion-app", args.build(), ComponentResourceOptions.builder().providers(provider).build());
        });
        assertFalse(run.failed(), run::errors);
        return run;
    }

    /**
     * A web tier of made-up values ({@code sg-alb}, a target group): its way out to the application is a rule of that
     * group, as the load balancer's own {@code allowTo} makes it (tested with the load balancer).
     */
    private static final class MadeUpFrontend implements AppTier.Frontend {
        @Override
        public Output<String> securityGroupId() {
            return Output.of("sg-alb");
        }

        @Override
        public Output<String> targetGroupArn() {
            return Output.of("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/app/0123");
        }

        @Override
        public Output<String> requestCountLabel() {
            return Output.of("app/web/0a1b/targetgroup/app/0123");
        }

        @Override
        public Resource allowTo(Connectable app, int port, CustomResourceOptions options) {
            return new SecurityGroupEgressRule(app.connectionName() + "-alb-to-app", SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId("sg-alb").ipProtocol("tcp").fromPort(port).toPort(port)
                    .referencedSecurityGroupId(app.securityGroup()).build(), options);
        }
    }

    private static final Sizing STANDBY = new Sizing("m7i.large", 2, 2, 12, 1, "db.r6g.large", 1);

    private static Registered appSecurityGroup(ProgramRun run) {
        return run.where(r -> r.type().equals("aws:ec2/securityGroup:SecurityGroup")).get(0);
    }

    @Test
    @DisplayName("security groups: only the load balancer reaches the app port; the app goes out on 443; the ALB out only to the app")
    void securityGroupChain() {
        ProgramRun run = run("eu-west-1", STANDBY, false);
        Registered sg = appSecurityGroup(run);
        assertEquals("vpc-0abc", sg.text("vpcId"));
        assertNull(sg.at("ingress"), "no inline rules");
        assertNull(sg.at("egress"), "no inline rules");
        String appSg = "multiregion-app-app-id";

        List<Registered> ingress = run.ofType(INGRESS);
        assertEquals(1, ingress.size());
        Registered in = ingress.get(0);
        assertEquals(appSg, in.text("securityGroupId"));
        assertEquals("sg-alb", in.text("referencedSecurityGroupId"));
        assertNull(in.text("cidrIpv4"));
        assertEquals("tcp", in.text("ipProtocol"));
        assertEquals(8080.0, ((Number) in.at("fromPort")).doubleValue());
        assertEquals(8080.0, ((Number) in.at("toPort")).doubleValue());

        List<Registered> egress = run.ofType(EGRESS);
        assertEquals(2, egress.size());
        // the load balancer's way out is its own rule, which the tier asks for on its port, under itself
        Registered albOut = egress.stream().filter(r -> "sg-alb".equals(r.text("securityGroupId"))).findFirst().orElseThrow();
        assertEquals("multiregion-app-alb-to-app", albOut.name());
        assertEquals(appSg, albOut.text("referencedSecurityGroupId"));
        assertEquals(8080.0, ((Number) albOut.at("fromPort")).doubleValue());
        assertEquals(run.where(r -> r.type().equals("multiregion:compute:AppTier")).get(0).urn(), albOut.parent());
        assertTrue(run.one("aws:autoscaling/group:Group").dependsOn(albOut),
                "the load balancer's health checks reach the instances through it");
        Registered appOut = egress.stream().filter(r -> appSg.equals(r.text("securityGroupId"))).findFirst().orElseThrow();
        assertEquals("0.0.0.0/0", appOut.text("cidrIpv4"));
        assertEquals(443.0, ((Number) appOut.at("fromPort")).doubleValue());
        assertEquals(443.0, ((Number) appOut.at("toPort")).doubleValue());
        assertEquals("tcp", appOut.text("ipProtocol"));
    }

    @Test
    @DisplayName("launch template: AL2023 through SSM, IMDSv2 hop 1 (EC2.8, AutoScaling.3), no public IP (EC2.9, AutoScaling.5), EBS on the region's key")
    void launchTemplate() {
        ProgramRun run = run("eu-west-1", STANDBY, false);
        Registered lt = run.one("aws:ec2/launchTemplate:LaunchTemplate");
        assertEquals("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", lt.text("imageId"));
        assertEquals("m7i.large", lt.text("instanceType"));
        assertEquals("required", lt.at("metadataOptions", "httpTokens"));
        assertEquals("enabled", lt.at("metadataOptions", "httpEndpoint"));
        assertEquals(1.0, ((Number) lt.at("metadataOptions", "httpPutResponseHopLimit")).doubleValue());
        assertEquals("false", lt.at("networkInterfaces", 0, "associatePublicIpAddress"));
        assertEquals(List.of("multiregion-app-app-id"), lt.at("networkInterfaces", 0, "securityGroups"));
        assertNull(lt.at("vpcSecurityGroupIds"));
        assertEquals("true", lt.at("blockDeviceMappings", 0, "ebs", "encrypted"));
        assertEquals(EBS_KEY, lt.at("blockDeviceMappings", 0, "ebs", "kmsKeyId"));
        assertEquals("/dev/xvda", lt.at("blockDeviceMappings", 0, "deviceName"));
        assertTrue(lt.dependsOn(run.one("aws:iam/instanceProfile:InstanceProfile")));
    }

    @Test
    @DisplayName("a Graviton instance type gets the arm64 AMI")
    void gravitonImage() {
        ProgramRun run = run("eu-west-1", new Sizing("m7g.large", 2, 2, 12, 1, "db.r6g.large", 1), false);
        assertEquals("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
                run.one("aws:ec2/launchTemplate:LaunchTemplate").text("imageId"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "eu-west-1,https://aws-codedeploy-eu-west-1.s3.eu-west-1.amazonaws.com/latest/install",
            "cn-north-1,https://aws-codedeploy-cn-north-1.s3.cn-north-1.amazonaws.com.cn/latest/install",
    })
    @DisplayName("user data: the placeholder responder on the app port first, then the region's CodeDeploy agent, retried; no secrets")
    void userData(String region, String installer) {
        ProgramRun run = run(region, STANDBY, true);
        String script = new String(Base64.getDecoder().decode(
                run.one("aws:ec2/launchTemplate:LaunchTemplate").text("userData")), StandardCharsets.UTF_8);
        assertTrue(script.startsWith("#!/bin/bash\n"));
        assertTrue(script.contains("retry wget -q " + installer + " -O install"), script);
        assertTrue(script.contains("ExecStart=/usr/bin/python3 /opt/multiregion-health/responder.py 8080"), script);
        assertTrue(script.contains("cat > /opt/multiregion-health/responder.py <<'PY'\n" + UserData.responder() + "PY\n"),
                "the responder is written verbatim");
        assertTrue(script.indexOf("systemctl enable --now multiregion-health.service") < script.indexOf("./install auto"),
                "the responder runs before the agent is installed, and reports it as soon as it runs");
        for (String step : List.of("retry dnf install -y ruby wget", "retry ./install auto")) {
            assertTrue(script.contains(step), "each install step is retried: " + step);
        }
        assertTrue(script.contains("if [ \"$attempt\" -ge " + UserData.ATTEMPTS + " ]"), "retries are bounded");
        assertTrue(script.contains("systemctl enable --now codedeploy-agent"));
        assertFalse(script.toLowerCase().contains("secret") || script.toLowerCase().contains("password")
                || script.contains("arn:"), "no secret and no ARN in user data");
        assertTrue(run.aws().stream().allMatch(r -> region.equals(r.providerRegion())));
    }

    @Test
    @DisplayName("group: private subnets in several zones (AutoScaling.2), ELB health (AutoScaling.1), template (AutoScaling.9), refresh, sizing")
    void autoScalingGroup() {
        ProgramRun run = run("eu-west-1", STANDBY, false);
        Registered group = run.one("aws:autoscaling/group:Group");
        assertEquals(List.of("subnet-priv-a", "subnet-priv-b"), group.at("vpcZoneIdentifiers"));
        assertEquals("ELB", group.text("healthCheckType"));
        double grace = ((Number) group.at("healthCheckGracePeriod")).doubleValue();
        assertTrue(grace >= 300 && grace <= 600, "grace period " + grace);
        assertEquals(2.0, ((Number) group.at("minSize")).doubleValue());
        assertEquals(2.0, ((Number) group.at("desiredCapacity")).doubleValue());
        assertEquals(12.0, ((Number) group.at("maxSize")).doubleValue());
        assertEquals("multiregion-app-id", group.at("launchTemplate", "id"));
        assertNull(group.at("launchConfiguration"));
        assertEquals(List.of("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/app/0123"),
                group.at("targetGroupArns"));
        assertEquals("Rolling", group.at("instanceRefresh", "strategy"));
        assertEquals(List.of("desiredCapacity"), group.ignoreChanges());
        assertTrue(group.dependsOn(run.one("aws:kms/keyPolicy:KeyPolicy")), "instances launch once the key admits Auto Scaling");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tags = (List<Map<String, Object>>) group.at("tags");
        assertFalse(tags.isEmpty());
        assertTrue(tags.stream().allMatch(t -> Boolean.TRUE.equals(t.get("propagateAtLaunch"))));
        assertTrue(group.name().length() + 8 <= 255);
    }

    @Test
    @DisplayName("target tracking on requests per target, so the standby grows when traffic fails over to it")
    void scalingPolicy() {
        ProgramRun run = run("eu-west-1", STANDBY, false);
        Registered policy = run.one("aws:autoscaling/policy:Policy");
        assertEquals("TargetTrackingScaling", policy.text("policyType"));
        assertEquals("ALBRequestCountPerTarget",
                policy.at("targetTrackingConfiguration", "predefinedMetricSpecification", "predefinedMetricType"));
        assertEquals("app/web/0a1b/targetgroup/app/0123",
                policy.at("targetTrackingConfiguration", "predefinedMetricSpecification", "resourceLabel"));
        assertTrue(policy.dependsOn(run.one("aws:autoscaling/group:Group")));
    }

    @Test
    @DisplayName("instance role: trusted by EC2 only; Session Manager, the release revisions and key, the agent's bucket")
    void instanceRole() {
        ProgramRun run = run("eu-west-1", STANDBY, false);
        PolicyView trust = PolicyView.parse(run.one("aws:iam/role:Role").text("assumeRolePolicy"));
        assertEquals(1, trust.statements().size());
        assertEquals(Map.of("Service", List.of("ec2.amazonaws.com")), trust.statements().get(0).principals());
        assertEquals(List.of("sts:AssumeRole"), trust.statements().get(0).actions());
        assertEquals(List.of(), run.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"), "no managed policies");

        PolicyView policy = PolicyView.parse(run.one("aws:iam/rolePolicy:RolePolicy").text("policy"));
        assertEquals(List.of("SessionManagerInstance", "SessionManagerChannels", "ReadReleaseRevisions",
                "DecryptReleaseRevisions", "ReadCodeDeployAgent"),
                policy.statements().stream().map(PolicyView.StatementView::sid).toList());
        // the agent's registration takes the instance resource type: the account's instances in the region, never *
        assertEquals(List.of("ssm:UpdateInstanceInformation"), policy.sid("SessionManagerInstance").actions());
        assertEquals(List.of("arn:aws:ec2:eu-west-1:123456789012:instance/*"), policy.sid("SessionManagerInstance").resources());
        // the message channels accept no resource type, only *
        assertEquals(List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"), policy.sid("SessionManagerChannels").actions());
        assertEquals(List.of("*"), policy.sid("SessionManagerChannels").resources());
        assertEquals(List.of("s3:GetObject", "s3:GetObjectVersion"), policy.sid("ReadReleaseRevisions").actions());
        assertEquals(List.of(RELEASE_BUCKET + "/*"), policy.sid("ReadReleaseRevisions").resources());
        assertEquals(List.of("kms:Decrypt", "kms:DescribeKey"), policy.sid("DecryptReleaseRevisions").actions());
        assertEquals(List.of(RELEASE_KEY), policy.sid("DecryptReleaseRevisions").resources());
        assertEquals(List.of("s3.eu-west-1.amazonaws.com"),
                policy.sid("DecryptReleaseRevisions").condition("StringEquals", "kms:ViaService"));
        assertEquals(List.of("arn:aws:s3:::aws-codedeploy-eu-west-1/*"), policy.sid("ReadCodeDeployAgent").resources());
        assertTrue(policy.statements().stream().allMatch(PolicyView.StatementView::allows));
    }

    @Test
    @DisplayName("with a secret: the owner's grant as it is, read exactly that secret, decrypt its key only through Secrets Manager")
    void secretAccess() {
        ProgramRun run = run("eu-west-1", STANDBY, true);
        PolicyView policy = PolicyView.parse(run.one("aws:iam/rolePolicy:RolePolicy").text("policy"));
        assertEquals(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
                policy.sid("DatabaseSecret").actions());
        assertEquals(List.of(SECRET), policy.sid("DatabaseSecret").resources());
        assertEquals(List.of("kms:Decrypt"), policy.sid("DatabaseKey").actions());
        assertEquals(List.of(SECRET_KEY), policy.sid("DatabaseKey").resources());
        assertEquals(List.of("secretsmanager.eu-west-1.amazonaws.com"),
                policy.sid("DatabaseKey").condition("StringEquals", "kms:ViaService"));
    }

    @Test
    @DisplayName("key policy statements for the Auto Scaling service-linked role, rendered as KMS receives them")
    void autoScalingKeyStatements() {
        ProgramRun run = ProgramRun.program("primary", Map.of(), ctx -> {
            Provider provider = new Provider("aws-eu-west-1", ProviderArgs.builder().region("eu-west-1").build());
            new KeyPolicy("ebs-key-policy", KeyPolicyArgs.builder().keyId("ebs-key")
                    .policy(PolicyDocument.of(AppTier.autoScalingKeyStatements(new AwsRegion("eu-west-1"),
                            Output.of(EBS_KEY), Output.of("123456789012"))))
                    .build(), CustomResourceOptions.builder().provider(provider).build());
        });
        assertFalse(run.failed(), run::errors);
        PolicyView policy = PolicyView.parse(run.one("aws:kms/keyPolicy:KeyPolicy").text("policy"));
        String role = "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
        PolicyView.StatementView use = policy.sid("AutoScalingUsesKeyForEbs");
        // any principal, narrowed to exactly the service-linked role: valid before the role exists
        assertEquals(Map.of("AWS", List.of("*")), use.principals());
        assertEquals(List.of(role), use.condition("ArnEquals", "aws:PrincipalArn"));
        assertEquals(List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
                "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"), use.actions());
        assertEquals(List.of(EBS_KEY), use.resources());
        PolicyView.StatementView grant = policy.sid("AutoScalingGrantsForAwsResources");
        assertEquals(Map.of("AWS", List.of("*")), grant.principals());
        assertEquals(List.of(role), grant.condition("ArnEquals", "aws:PrincipalArn"));
        assertEquals(List.of("kms:CreateGrant"), grant.actions());
        assertEquals(List.of("true"), grant.condition("Bool", "kms:GrantIsForAWSResource"));
        assertEquals("arn:aws-us-gov:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
                AppTier.autoScalingServiceLinkedRole(new AwsRegion("us-gov-west-1"), "123456789012"));
    }

    @Test
    @DisplayName("no application port below 1024: the placeholder responder runs unprivileged")
    void lowPortRefused() {
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UserData.script(new AwsRegion("eu-west-1"), 80)).getMessage().contains("1024"));
    }
}
