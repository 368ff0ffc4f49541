package io.multiregion.regions;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS service this program (or its planned tiers) registers resources of, named as AWS's endpoint data names it:
 * {@link #endpointPrefix()} is the service's key in {@code endpoints.json} as the AWS SDK ships it
 * ({@code software.amazon.awssdk:regions}), which {@link RegionCapabilities} reads. Each Pulumi resource type maps to
 * the service whose endpoint creates it ({@link #ofResourceType}).
 */
public enum Service {
    S3("s3", "Amazon S3"),
    KMS("kms", "AWS KMS"),
    /** Global: one endpoint per partition. */
    IAM("iam", "AWS IAM"),
    CLOUDTRAIL("cloudtrail", "AWS CloudTrail"),
    CLOUDWATCH_LOGS("logs", "Amazon CloudWatch Logs"),
    CLOUDWATCH("monitoring", "Amazon CloudWatch"),
    EVENTBRIDGE("events", "Amazon EventBridge"),
    CODEPIPELINE("codepipeline", "AWS CodePipeline"),
    CODEBUILD("codebuild", "AWS CodeBuild"),
    CODEDEPLOY("codedeploy", "AWS CodeDeploy"),
    /** CodeConnections, still under its former endpoint prefix in the endpoint data. */
    CODECONNECTIONS("codestar-connections", "AWS CodeConnections"),
    STEP_FUNCTIONS("states", "AWS Step Functions"),
    SYSTEMS_MANAGER("ssm", "AWS Systems Manager"),
    EC2("ec2", "Amazon EC2"),
    ELASTIC_LOAD_BALANCING("elasticloadbalancing", "Elastic Load Balancing"),
    AUTO_SCALING("autoscaling", "Amazon EC2 Auto Scaling"),
    RDS("rds", "Amazon RDS (Aurora)"),
    SECRETS_MANAGER("secretsmanager", "AWS Secrets Manager"),
    /** The ECR API's endpoint prefix ({@code ecr} alone has no endpoints). */
    ECR("api.ecr", "Amazon ECR"),
    SNS("sns", "Amazon SNS"),
    ACM("acm", "AWS Certificate Manager"),
    /** Global: one endpoint per partition. */
    ROUTE53("route53", "Amazon Route 53"),
    /** Global: one endpoint per partition. */
    CLOUDFRONT("cloudfront", "Amazon CloudFront"),
    WAF("wafv2", "AWS WAF"),
    CONFIG("config", "AWS Config"),
    SECURITY_HUB("securityhub", "AWS Security Hub");

    private final String endpointPrefix;
    private final String title;

    Service(String endpointPrefix, String title) {
        this.endpointPrefix = endpointPrefix;
        this.title = title;
    }

    /** The service's key in AWS's endpoint data, e.g. {@code codestar-connections}. */
    public String endpointPrefix() {
        return endpointPrefix;
    }

    /** The name users know, e.g. {@code AWS CodePipeline}. */
    public String title() {
        return title;
    }

    @Override
    public String toString() {
        return title;
    }

    /** Pulumi AWS modules whose every resource type is created through one service's endpoint. */
    private static final Map<String, Service> MODULES = Map.ofEntries(
            Map.entry("s3", S3), Map.entry("kms", KMS), Map.entry("iam", IAM), Map.entry("cloudtrail", CLOUDTRAIL),
            Map.entry("codepipeline", CODEPIPELINE), Map.entry("codebuild", CODEBUILD),
            Map.entry("codedeploy", CODEDEPLOY), Map.entry("codestarconnections", CODECONNECTIONS),
            Map.entry("codeconnections", CODECONNECTIONS), Map.entry("sfn", STEP_FUNCTIONS),
            Map.entry("ssm", SYSTEMS_MANAGER), Map.entry("ec2", EC2), Map.entry("vpc", EC2),
            Map.entry("ec2transitgateway", EC2), Map.entry("lb", ELASTIC_LOAD_BALANCING),
            Map.entry("alb", ELASTIC_LOAD_BALANCING), Map.entry("autoscaling", AUTO_SCALING), Map.entry("rds", RDS),
            Map.entry("secretsmanager", SECRETS_MANAGER), Map.entry("ecr", ECR), Map.entry("sns", SNS),
            Map.entry("acm", ACM), Map.entry("route53", ROUTE53), Map.entry("cloudfront", CLOUDFRONT),
            Map.entry("wafv2", WAF), Map.entry("cfg", CONFIG), Map.entry("securityhub", SECURITY_HUB));

    /** The {@code cloudwatch} module spans three services: its log groups, its events and its alarms. */
    private static final Map<String, Service> CLOUDWATCH_TYPES = Map.ofEntries(
            Map.entry("logGroup", CLOUDWATCH_LOGS), Map.entry("logStream", CLOUDWATCH_LOGS),
            Map.entry("logResourcePolicy", CLOUDWATCH_LOGS),
            // vended-log deliveries (CloudWatch Logs API: PutDeliverySource, PutDeliveryDestination, CreateDelivery)
            Map.entry("logDeliverySource", CLOUDWATCH_LOGS), Map.entry("logDeliveryDestination", CLOUDWATCH_LOGS),
            Map.entry("logDelivery", CLOUDWATCH_LOGS),
            Map.entry("eventRule", EVENTBRIDGE), Map.entry("eventTarget", EVENTBRIDGE), Map.entry("eventBus", EVENTBRIDGE),
            Map.entry("eventBusPolicy", EVENTBRIDGE),
            Map.entry("metricAlarm", CLOUDWATCH), Map.entry("compositeAlarm", CLOUDWATCH), Map.entry("dashboard", CLOUDWATCH));

    /**
     * The service whose endpoint creates a resource of this Pulumi type ({@code aws:sfn/stateMachine:StateMachine} is
     * Step Functions); empty for a type that is no AWS resource (components, providers) or not mapped yet.
     */
    public static Optional<Service> ofResourceType(String type) {
        String[] parts = type.split(":");
        if (parts.length != 3 || !parts[0].equals("aws")) {
            return Optional.empty();
        }
        String[] module = parts[1].split("/");
        if (module.length != 2) {
            return Optional.empty();
        }
        if (module[0].equals("cloudwatch")) {
            return Optional.ofNullable(CLOUDWATCH_TYPES.get(module[1]));
        }
        return Optional.ofNullable(MODULES.get(module[0]));
    }

    /** The service with this endpoint prefix. */
    public static Optional<Service> ofEndpointPrefix(String prefix) {
        return Arrays.stream(values()).filter(s -> s.endpointPrefix.equals(prefix)).findFirst();
    }
}
