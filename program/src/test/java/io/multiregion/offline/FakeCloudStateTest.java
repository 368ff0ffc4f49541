package io.multiregion.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiregion.regions.Arns;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The fake cloud's answers, type by type, against the ARN formats of the Service Authorization Reference ("Resource
 * types defined by ..." for each service) and the provider's ids.
 */
class FakeCloudStateTest {
    private static final String P = "arn:aws:";
    private static final String ACCOUNT = FakeInvokes.ACCOUNT;

    /** type, inputs, ARN pattern (region eu-west-1), id pattern. */
    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("aws:s3/bucketV2:BucketV2", Map.of(), "arn:aws:s3:::b-a1b2c3d", "b-a1b2c3d"),
                Arguments.of("aws:kms/key:Key", Map.of(), P + "kms:eu-west-1:" + ACCOUNT + ":key/b-0000-1111", "b-0000-1111"),
                Arguments.of("aws:kms/alias:Alias", Map.of("name", "alias/x"), P + "kms:eu-west-1:" + ACCOUNT + ":alias/x",
                        "alias/x"),
                Arguments.of("aws:iam/role:Role", Map.of(), P + "iam::" + ACCOUNT + ":role/b-a1b2c3d", "b-a1b2c3d"),
                Arguments.of("aws:codepipeline/pipeline:Pipeline", Map.of("name", "p"),
                        P + "codepipeline:eu-west-1:" + ACCOUNT + ":p", "p"),
                Arguments.of("aws:codebuild/project:Project", Map.of("name", "p"),
                        P + "codebuild:eu-west-1:" + ACCOUNT + ":project/p", P + "codebuild:eu-west-1:" + ACCOUNT + ":project/p"),
                Arguments.of("aws:cloudwatch/logGroup:LogGroup", Map.of("name", "/aws/x"),
                        P + "logs:eu-west-1:" + ACCOUNT + ":log-group:/aws/x", "/aws/x"),
                Arguments.of("aws:cloudwatch/eventRule:EventRule", Map.of("name", "r"),
                        P + "events:eu-west-1:" + ACCOUNT + ":rule/r", "r"),
                Arguments.of("aws:cloudtrail/trail:Trail", Map.of("name", "t"),
                        P + "cloudtrail:eu-west-1:" + ACCOUNT + ":trail/t", P + "cloudtrail:eu-west-1:" + ACCOUNT + ":trail/t"),
                Arguments.of("aws:codestarconnections/connection:Connection", Map.of("name", "c"),
                        P + "codeconnections:eu-west-1:" + ACCOUNT + ":connection/[0-9a-f-]{36}", "arn:.*"),
                Arguments.of("aws:ec2/vpc:Vpc", Map.of("cidrBlock", "10.0.0.0/16"),
                        P + "ec2:eu-west-1:" + ACCOUNT + ":vpc/vpc-0[0-9a-f]{16}", "vpc-0[0-9a-f]{16}"),
                Arguments.of("aws:ec2/subnet:Subnet", Map.of(), P + "ec2:eu-west-1:" + ACCOUNT + ":subnet/subnet-0[0-9a-f]{16}",
                        "subnet-0[0-9a-f]{16}"),
                Arguments.of("aws:ec2/securityGroup:SecurityGroup", Map.of(),
                        P + "ec2:eu-west-1:" + ACCOUNT + ":security-group/sg-0[0-9a-f]{16}", "sg-0[0-9a-f]{16}"),
                Arguments.of("aws:ec2/launchTemplate:LaunchTemplate", Map.of(),
                        P + "ec2:eu-west-1:" + ACCOUNT + ":launch-template/lt-0[0-9a-f]{16}", "lt-0[0-9a-f]{16}"),
                Arguments.of("aws:lb/loadBalancer:LoadBalancer", Map.of("name", "web"),
                        P + "elasticloadbalancing:eu-west-1:" + ACCOUNT + ":loadbalancer/app/web/[0-9a-f]{16}", "arn:.*"),
                Arguments.of("aws:lb/loadBalancer:LoadBalancer", Map.of("name", "nlb", "loadBalancerType", "network"),
                        P + "elasticloadbalancing:eu-west-1:" + ACCOUNT + ":loadbalancer/net/nlb/[0-9a-f]{16}", "arn:.*"),
                Arguments.of("aws:lb/targetGroup:TargetGroup", Map.of("name", "tg"),
                        P + "elasticloadbalancing:eu-west-1:" + ACCOUNT + ":targetgroup/tg/[0-9a-f]{16}", "arn:.*"),
                Arguments.of("aws:lb/listener:Listener", Map.of("loadBalancerArn",
                                P + "elasticloadbalancing:eu-west-1:" + ACCOUNT + ":loadbalancer/app/web/0123456789abcdef"),
                        P + "elasticloadbalancing:eu-west-1:" + ACCOUNT + ":listener/app/web/0123456789abcdef/[0-9a-f]{16}",
                        "arn:.*"),
                Arguments.of("aws:autoscaling/group:Group", Map.of("name", "g"), P + "autoscaling:eu-west-1:" + ACCOUNT
                        + ":autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName/g", "g"),
                Arguments.of("aws:rds/cluster:Cluster", Map.of("clusterIdentifier", "db"),
                        P + "rds:eu-west-1:" + ACCOUNT + ":cluster:db", "db"),
                Arguments.of("aws:rds/globalCluster:GlobalCluster", Map.of("globalClusterIdentifier", "g"),
                        P + "rds::" + ACCOUNT + ":global-cluster:g", "g"),
                Arguments.of("aws:secretsmanager/secret:Secret", Map.of("name", "s"),
                        P + "secretsmanager:eu-west-1:" + ACCOUNT + ":secret:s-[A-Za-z0-9]{6}", "arn:.*"),
                Arguments.of("aws:ecr/repository:Repository", Map.of("name", "app"),
                        P + "ecr:eu-west-1:" + ACCOUNT + ":repository/app", "app"),
                Arguments.of("aws:codedeploy/application:Application", Map.of("name", "a"),
                        P + "codedeploy:eu-west-1:" + ACCOUNT + ":application:a", "a"),
                Arguments.of("aws:codedeploy/deploymentGroup:DeploymentGroup",
                        Map.of("appName", "a", "deploymentGroupName", "g"),
                        P + "codedeploy:eu-west-1:" + ACCOUNT + ":deploymentgroup:a/g", "[0-9a-f-]{36}"),
                Arguments.of("aws:acm/certificate:Certificate", Map.of(),
                        P + "acm:eu-west-1:" + ACCOUNT + ":certificate/[0-9a-f-]{36}", "arn:.*"),
                Arguments.of("aws:sns/topic:Topic", Map.of("name", "t"), P + "sns:eu-west-1:" + ACCOUNT + ":t", "arn:.*"),
                Arguments.of("aws:iam/serviceLinkedRole:ServiceLinkedRole", Map.of("awsServiceName", "config.amazonaws.com"),
                        P + "iam::" + ACCOUNT + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig", "arn:.*"),
                Arguments.of("aws:securityhub/account:Account", Map.of(),
                        P + "securityhub:eu-west-1:" + ACCOUNT + ":hub/default", ACCOUNT),
                Arguments.of("aws:cfg/rule:Rule", Map.of("name", "r"),
                        P + "config:eu-west-1:" + ACCOUNT + ":config-rule/config-rule-[0-9a-f]{6}", "r"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void deployModeAnswersInTheShapeAwsUses(String type, Map<String, Object> inputs, String arn, String id) {
        FakeCloudState.Answer answer = FakeCloudState.answer(type, "b", inputs, "eu-west-1", ACCOUNT,
                FakeCloudState.DEPLOY);
        assertTrue(Pattern.matches(arn, String.valueOf(answer.state().get("arn"))), type + ": " + answer.state());
        assertTrue(Pattern.matches(id, answer.id()), type + " id " + answer.id());
        assertEquals(arn.contains(ACCOUNT) ? ACCOUNT : "", Arns.accountOf(String.valueOf(answer.state().get("arn"))),
                "the account field (S3 ARNs have none)");
        inputs.forEach((k, v) -> assertEquals(v, answer.state().get(k), "inputs are kept: " + k));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void previewModeAnswersPlaceholdersThatStillParse(String type, Map<String, Object> inputs, String arn, String id) {
        FakeCloudState.Answer answer = FakeCloudState.answer(type, "b", inputs, "eu-west-1", "${account}",
                FakeCloudState.preview(output -> "${b." + output + "}"));
        String shown = String.valueOf(answer.state().get("arn"));
        assertTrue(shown.contains("${"), type + ": what the cloud assigns is a placeholder: " + shown);
        assertTrue(shown.startsWith("arn:aws:"), "an ARN keeps its shape, so programs can parse it: " + shown);
        assertEquals(6, shown.split(":", 6).length, shown);
        String account = Arns.accountOf(shown);
        assertTrue(account.isEmpty() || account.equals("${account}") || account.equals(ACCOUNT),
                "the account field parses: " + shown);
        assertFalse(answer.id().isEmpty());
    }

    @Test
    void partitionsFollowTheRegion() {
        assertEquals("arn:aws-cn:s3:::b-a1b2c3d", FakeCloudState.answer("aws:s3/bucketV2:BucketV2", "b", Map.of(),
                "cn-north-1", ACCOUNT, FakeCloudState.DEPLOY).state().get("arn"));
        assertEquals("arn:aws-us-gov:kms:us-gov-west-1:" + ACCOUNT + ":key/k-0000-1111", FakeCloudState.answer(
                "aws:kms/key:Key", "k", Map.of(), "us-gov-west-1", ACCOUNT, FakeCloudState.DEPLOY).state().get("arn"));
        assertEquals(ACCOUNT + ".dkr.ecr.cn-north-1.amazonaws.com.cn/app", FakeCloudState.answer(
                "aws:ecr/repository:Repository", "r", Map.of("name", "app"), "cn-north-1", ACCOUNT,
                FakeCloudState.DEPLOY).state().get("repositoryUrl"));
    }

    @Test
    void aTypeNotInTheTableStillGetsAnArnAndAnId() {
        FakeCloudState.Answer answer = FakeCloudState.answer("aws:sqs/queuePolicy:QueuePolicy", "q", Map.of(),
                "eu-west-1", ACCOUNT, FakeCloudState.DEPLOY);
        assertEquals("q-id", answer.id());
        assertTrue(String.valueOf(answer.state().get("arn")).startsWith("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":"));
    }

    @Test
    void theAmazonLinuxParameterAnswersAnAmiInTheRegion() {
        String parameter = FakeInvokes.AMAZON_LINUX_PARAMETERS + "al2023-ami-kernel-default-x86_64";
        Optional<Map<String, Object>> answer = FakeInvokes.answer("aws:ssm/getParameter:getParameter", "eu-central-1",
                Map.of("name", parameter));
        assertTrue(answer.isPresent());
        assertTrue(String.valueOf(answer.get().get("value")).matches("ami-0[0-9a-f]{16}"), answer.toString());
        assertEquals("arn:aws:ssm:eu-central-1::parameter" + parameter, answer.get().get("arn"));
        assertFalse(FakeInvokes.answer("aws:ssm/getParameter:getParameter", "eu-central-1",
                Map.of("name", "/app/secret")).isPresent(), "only the public AMI parameters are known");
    }
}
