package io.multiregion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.multiregion.testing.AuthorizationData;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preview role's policy that the README recommends ({@code .github/iam/preview-policy.json}): it lets
 * {@code pulumi preview --refresh} read the configuration of every resource type the stacks register, and no object,
 * item, secret value or log event. The read rights of each type are those its provider's Read calls
 * (terraform-provider-aws, the resource's read function); a type the program starts to register fails here until
 * its rights are added to the file and to {@link #READS}.
 */
class PreviewPolicyTest {
    private static final Path POLICY = Path.of(".github", "iam", "preview-policy.json");

    /** For each type the stacks register: the actions its provider's Read calls. */
    static final Map<String, List<String>> READS = Map.ofEntries(
            Map.entry("aws:autoscaling/group:Group", List.of("autoscaling:DescribeAutoScalingGroups")),
            Map.entry("aws:autoscaling/policy:Policy", List.of("autoscaling:DescribePolicies")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("logs:DescribeLogGroups", "logs:ListTagsForResource")),
            Map.entry("aws:cloudwatch/eventRule:EventRule", List.of("events:DescribeRule", "events:ListTagsForResource")),
            Map.entry("aws:cloudwatch/eventTarget:EventTarget", List.of("events:ListTargetsByRule")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", List.of("cloudwatch:DescribeAlarms")),
            Map.entry("aws:cloudwatch/compositeAlarm:CompositeAlarm", List.of("cloudwatch:DescribeAlarms")),
            // operations (terraform-provider-aws: ssm/document.go, maintenance_window*.go; sns/topic_subscription.go)
            Map.entry("aws:ssm/document:Document", List.of("ssm:DescribeDocument", "ssm:GetDocument")),
            Map.entry("aws:ssm/maintenanceWindow:MaintenanceWindow", List.of("ssm:GetMaintenanceWindow")),
            Map.entry("aws:ssm/maintenanceWindowTarget:MaintenanceWindowTarget",
                    List.of("ssm:DescribeMaintenanceWindowTargets")),
            Map.entry("aws:ssm/maintenanceWindowTask:MaintenanceWindowTask", List.of("ssm:GetMaintenanceWindowTask")),
            Map.entry("aws:sns/topicSubscription:TopicSubscription", List.of("sns:GetSubscriptionAttributes")),
            Map.entry("aws:cloudwatch/dashboard:Dashboard", List.of("cloudwatch:GetDashboard")),
            Map.entry("aws:cloudtrail/trail:Trail", List.of("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus",
                    "cloudtrail:GetEventSelectors", "cloudtrail:ListTags")),
            Map.entry("aws:codebuild/project:Project", List.of("codebuild:BatchGetProjects")),
            Map.entry("aws:codedeploy/application:Application", List.of("codedeploy:GetApplication")),
            Map.entry("aws:codedeploy/deploymentGroup:DeploymentGroup", List.of("codedeploy:GetDeploymentGroup")),
            Map.entry("aws:codepipeline/pipeline:Pipeline", List.of("codepipeline:GetPipeline",
                    "codepipeline:ListTagsForResource")),
            Map.entry("aws:codestarconnections/connection:Connection", List.of("codestar-connections:GetConnection")),
            Map.entry("aws:ec2/vpc:Vpc", List.of("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("ec2:DescribeSubnets")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("ec2:DescribeSecurityGroups")),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", List.of("ec2:DescribeSecurityGroups")),
            Map.entry("aws:ec2/eip:Eip", List.of("ec2:DescribeAddresses")),
            Map.entry("aws:ec2/flowLog:FlowLog", List.of("ec2:DescribeFlowLogs")),
            Map.entry("aws:ec2/internetGateway:InternetGateway", List.of("ec2:DescribeInternetGateways")),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", List.of("ec2:DescribeLaunchTemplates",
                    "ec2:DescribeLaunchTemplateVersions")),
            Map.entry("aws:ec2/natGateway:NatGateway", List.of("ec2:DescribeNatGateways")),
            Map.entry("aws:ec2/route:Route", List.of("ec2:DescribeRouteTables")),
            Map.entry("aws:ec2/routeTable:RouteTable", List.of("ec2:DescribeRouteTables")),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", List.of("ec2:DescribeRouteTables")),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", List.of("ec2:DescribeVpcEndpoints", "ec2:DescribePrefixLists")),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                    List.of("ec2:DescribeSecurityGroupRules")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                    List.of("ec2:DescribeSecurityGroupRules")),
            Map.entry("aws:ec2transitgateway/transitGateway:TransitGateway", List.of("ec2:DescribeTransitGateways")),
            Map.entry("aws:ec2transitgateway/routeTable:RouteTable", List.of("ec2:DescribeTransitGatewayRouteTables")),
            Map.entry("aws:ec2transitgateway/route:Route", List.of("ec2:SearchTransitGatewayRoutes")),
            Map.entry("aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation",
                    List.of("ec2:GetTransitGatewayRouteTableAssociations")),
            Map.entry("aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation",
                    List.of("ec2:GetTransitGatewayRouteTablePropagations")),
            Map.entry("aws:ec2transitgateway/vpcAttachment:VpcAttachment",
                    List.of("ec2:DescribeTransitGatewayVpcAttachments")),
            Map.entry("aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
                    List.of("ec2:DescribeTransitGatewayPeeringAttachments")),
            Map.entry("aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter",
                    List.of("ec2:DescribeTransitGatewayPeeringAttachments")),
            Map.entry("aws:acm/certificate:Certificate", List.of("acm:DescribeCertificate", "acm:ListTagsForCertificate")),
            Map.entry("aws:acm/certificateValidation:CertificateValidation", List.of("acm:DescribeCertificate")),
            Map.entry("aws:route53/record:Record", List.of("route53:ListResourceRecordSets")),
            Map.entry("aws:cfg/recorder:Recorder", List.of("config:DescribeConfigurationRecorders")),
            Map.entry("aws:cfg/recorderStatus:RecorderStatus", List.of("config:DescribeConfigurationRecorderStatus")),
            Map.entry("aws:cfg/deliveryChannel:DeliveryChannel", List.of("config:DescribeDeliveryChannels")),
            Map.entry("aws:cfg/rule:Rule", List.of("config:DescribeConfigRules", "config:ListTagsForResource")),
            Map.entry("aws:securityhub/account:Account", List.of("securityhub:DescribeHub")),
            Map.entry("aws:securityhub/standardsSubscription:StandardsSubscription",
                    List.of("securityhub:GetEnabledStandards")),
            Map.entry("aws:securityhub/findingAggregator:FindingAggregator", List.of("securityhub:GetFindingAggregator")),
            Map.entry("aws:iam/serviceLinkedRole:ServiceLinkedRole", List.of("iam:GetRole")),
            // the front door (terraform-provider-aws: cloudfront/distribution.go, cache_policy.go; route53/health_check.go;
            // wafv2/web_acl.go, web_acl_logging_configuration.go; logs/delivery*.go, resource_policy.go;
            // elbv2/listener_rule.go)
            Map.entry("aws:cloudfront/distribution:Distribution", List.of("cloudfront:GetDistribution",
                    "cloudfront:ListTagsForResource")),
            Map.entry("aws:cloudfront/cachePolicy:CachePolicy", List.of("cloudfront:GetCachePolicy")),
            Map.entry("aws:route53/healthCheck:HealthCheck", List.of("route53:GetHealthCheck",
                    "route53:ListTagsForResource")),
            Map.entry("aws:wafv2/webAcl:WebAcl", List.of("wafv2:GetWebACL", "wafv2:ListTagsForResource")),
            Map.entry("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
                    List.of("wafv2:GetLoggingConfiguration")),
            Map.entry("aws:cloudwatch/logDeliverySource:LogDeliverySource", List.of("logs:GetDeliverySource")),
            Map.entry("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
                    List.of("logs:GetDeliveryDestination")),
            Map.entry("aws:cloudwatch/logDelivery:LogDelivery", List.of("logs:GetDelivery")),
            Map.entry("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", List.of("logs:DescribeResourcePolicies")),
            Map.entry("aws:lb/listenerRule:ListenerRule", List.of("elasticloadbalancing:DescribeRules")),
            Map.entry("aws:sfn/stateMachine:StateMachine", List.of("states:DescribeStateMachine",
                    "states:ListTagsForResource")),
            Map.entry("aws:ecr/repository:Repository", List.of("ecr:DescribeRepositories", "ecr:ListTagsForResource")),
            Map.entry("aws:ecr/lifecyclePolicy:LifecyclePolicy", List.of("ecr:GetLifecyclePolicy")),
            Map.entry("aws:ecr/replicationConfiguration:ReplicationConfiguration", List.of("ecr:DescribeRegistry")),
            Map.entry("aws:iam/role:Role", List.of("iam:GetRole", "iam:ListRolePolicies",
                    "iam:ListAttachedRolePolicies")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", List.of("iam:GetRolePolicy")),
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", List.of("iam:ListAttachedRolePolicies")),
            Map.entry("aws:iam/instanceProfile:InstanceProfile", List.of("iam:GetInstanceProfile")),
            Map.entry("aws:iam/policy:Policy", List.of("iam:GetPolicy", "iam:GetPolicyVersion")),
            Map.entry("aws:kms/key:Key", List.of("kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus",
                    "kms:ListResourceTags")),
            Map.entry("aws:kms/keyPolicy:KeyPolicy", List.of("kms:DescribeKey", "kms:GetKeyPolicy")),
            Map.entry("aws:kms/alias:Alias", List.of("kms:ListAliases")),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", List.of("elasticloadbalancing:DescribeLoadBalancers",
                    "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTags")),
            Map.entry("aws:lb/targetGroup:TargetGroup", List.of("elasticloadbalancing:DescribeTargetGroups",
                    "elasticloadbalancing:DescribeTargetGroupAttributes")),
            Map.entry("aws:lb/listener:Listener", List.of("elasticloadbalancing:DescribeListeners")),
            Map.entry("aws:rds/cluster:Cluster", List.of("rds:DescribeDBClusters", "rds:ListTagsForResource")),
            Map.entry("aws:rds/clusterInstance:ClusterInstance", List.of("rds:DescribeDBInstances")),
            Map.entry("aws:rds/globalCluster:GlobalCluster", List.of("rds:DescribeGlobalClusters")),
            Map.entry("aws:rds/subnetGroup:SubnetGroup", List.of("rds:DescribeDBSubnetGroups")),
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("s3:ListBucket", "s3:GetBucketTagging", "s3:GetBucketPolicy",
                    "s3:GetBucketAcl", "s3:GetBucketVersioning", "s3:GetEncryptionConfiguration")),
            Map.entry("aws:s3/bucketVersioningV2:BucketVersioningV2", List.of("s3:GetBucketVersioning")),
            Map.entry("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    List.of("s3:GetEncryptionConfiguration")),
            Map.entry("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                    List.of("s3:GetLifecycleConfiguration")),
            Map.entry("aws:s3/bucketLoggingV2:BucketLoggingV2", List.of("s3:GetBucketLogging")),
            Map.entry("aws:s3/bucketPolicy:BucketPolicy", List.of("s3:GetBucketPolicy")),
            Map.entry("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                    List.of("s3:GetBucketPublicAccessBlock")),
            Map.entry("aws:s3/bucketOwnershipControls:BucketOwnershipControls",
                    List.of("s3:GetBucketOwnershipControls")),
            Map.entry("aws:s3/bucketReplicationConfig:BucketReplicationConfig",
                    List.of("s3:GetReplicationConfiguration")),
            Map.entry("aws:s3/bucketNotification:BucketNotification", List.of("s3:GetBucketNotification")),
            Map.entry("aws:secretsmanager/secret:Secret", List.of("secretsmanager:DescribeSecret",
                    "secretsmanager:GetResourcePolicy")),
            Map.entry("aws:sns/topic:Topic", List.of("sns:GetTopicAttributes", "sns:ListTagsForResource")),
            Map.entry("aws:sns/topicPolicy:TopicPolicy", List.of("sns:GetTopicAttributes")));

    /**
     * Types whose Read needs a right this policy leaves out on purpose: a secret version's Read returns the secret's
     * value (secretsmanager:GetSecretValue). A {@code --refresh} preview fails on it with AccessDenied; a plain
     * {@code pulumi preview}, what the pr workflow runs, does not read it.
     */
    static final Set<String> LEFT_OUT = Set.of("aws:secretsmanager/secretVersion:SecretVersion");

    /** Data the preview role must never read: objects, items, secret values, log events, images, key operations. */
    static final List<String> DATA_READS = List.of("s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAttributes",
            "secretsmanager:GetSecretValue", "kms:Decrypt", "kms:GenerateDataKey", "dynamodb:GetItem",
            "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "logs:GetLogEvents", "logs:FilterLogEvents",
            "logs:StartQuery", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ssm:GetParameter",
            "ssm:GetParameters", "cloudtrail:LookupEvents", "securityhub:GetFindings", "ec2:GetPasswordData",
            "ec2:GetConsoleOutput", "lambda:GetFunction", "sqs:ReceiveMessage", "athena:GetQueryResults",
            "codecommit:GetFile", "codepipeline:GetPipelineExecution", "codebuild:BatchGetBuilds");

    /**
     * Read-only action names: describe, list, get, batch-get, and search (ec2:SearchTransitGatewayRoutes, the Read of
     * a transit gateway route, is a List-level action in the Service Authorization Reference).
     */
    private static final Pattern READ_ONLY = Pattern.compile("[a-z0-9-]+:(Describe|List|Get|BatchGet|Search)[A-Za-z0-9*]*");

    private static JsonObject policy;
    private static List<String> actions;

    @BeforeAll
    static void read() throws IOException {
        policy = JsonParser.parseString(Files.readString(POLICY)).getAsJsonObject();
        actions = new ArrayList<>();
        for (JsonElement s : policy.getAsJsonArray("Statement")) {
            JsonElement a = s.getAsJsonObject().get("Action");
            if (a.isJsonArray()) {
                for (JsonElement one : (JsonArray) a) {
                    actions.add(one.getAsString());
                }
            } else {
                actions.add(a.getAsString());
            }
        }
    }

    /** IAM's wildcard match of a policy action against an action name (case-insensitive, * and ?). */
    static boolean covers(String policyAction, String action) {
        String regex = "(?i)" + Pattern.quote(policyAction).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return action.matches(regex);
    }

    @Test
    void everyStatementAllowsReadsOnlyAndNoData() {
        assertEquals("2012-10-17", policy.get("Version").getAsString());
        List<String> faults = new ArrayList<>();
        for (JsonElement s : policy.getAsJsonArray("Statement")) {
            JsonObject statement = s.getAsJsonObject();
            if (!"Allow".equals(statement.get("Effect").getAsString()) || statement.has("NotAction")
                    || statement.has("NotResource")) {
                faults.add(statement + ": Allow with Action and Resource only");
            }
        }
        for (String action : actions) {
            if (!READ_ONLY.matcher(action).matches()) {
                faults.add(action + " is not a Describe, List, Get, BatchGet or Search action");
            }
            DATA_READS.stream().filter(data -> covers(action, data))
                    .forEach(data -> faults.add(action + " allows " + data + ", a read of data"));
        }
        assertEquals(List.of(), faults);
        assertTrue(policy.toString().replaceAll("\\s", "").length() <= 6144,
                "a managed policy holds at most 6,144 characters (IAM quotas)");
    }

    @Test
    void itCoversTheReadOfEveryTypeTheStacksRegister() {
        Set<String> types = new TreeSet<>();
        for (String run : StandardRuns.ALL) {
            StandardRuns.get(run).aws().stream().map(Registered::type).forEach(types::add);
        }
        Map<String, List<String>> missing = new TreeMap<>();
        for (String type : types) {
            if (LEFT_OUT.contains(type)) {
                continue;
            }
            List<String> needed = READS.get(type);
            if (needed == null) {
                missing.put(type, List.of("(no entry: add the actions its provider's Read calls to READS and to "
                        + POLICY + ")"));
                continue;
            }
            List<String> uncovered = needed.stream()
                    .filter(n -> actions.stream().noneMatch(a -> covers(a, n))).toList();
            if (!uncovered.isEmpty()) {
                missing.put(type, uncovered);
            }
        }
        assertEquals(Map.of(), missing, "read rights pulumi preview --refresh needs, by type");
        assertTrue(actions.stream().anyMatch(a -> covers(a, "ec2:DescribeAvailabilityZones")),
                "the program's availability-zone data source");
    }

    @Test
    void theActionsAwsAuthorizationDataKnowsAreReadsOfTheirService() {
        List<String> known = actions.stream().filter(a -> !a.contains("*"))
                .filter(a -> AuthorizationData.rule(a).isPresent()).toList();
        assertTrue(known.size() >= 5, "actions confirmed by the authorization data: " + known);
        known.forEach(a -> assertTrue(READ_ONLY.matcher(a).matches(), a));
    }
}
