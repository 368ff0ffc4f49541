package io.multiregion.config;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AWS Config managed rules this program deploys: each checks something the program builds (the FSBP control it
 * corresponds to in parentheses). Identifiers and trigger types are those of each rule's page in the AWS Config
 * Developer Guide ("List of AWS Config Managed Rules"); none of these rules needs a parameter.
 *
 * <p>Not every managed rule is offered in every region (each rule's page has an "AWS Region" line, and it changes:
 * {@code RDS_CLUSTER_MULTI_AZ_ENABLED} is missing in China (Beijing), for one). A rule a region does not offer fails
 * {@code PutConfigRule}; leave it out with {@code multiregion:governance.excludedRules}.
 */
public final class ManagedRules {
    private ManagedRules() {
    }

    /** Where a rule runs. */
    public enum Scope {
        /** In each region that has the program's resources (both stacks). */
        EACH_REGION,
        /**
         * In region A only: the rule checks the account as a whole or global resources (IAM), which are recorded in A
         * only, so a copy in B would evaluate the same thing twice (AWS Config Developer Guide, "Managed Rules and
         * Global IAM Resource Types": deploy periodic rules on global IAM types to one region).
         */
        HOME_REGION
    }

    /**
     * One managed rule.
     *
     * @param identifier the managed rule's source identifier
     * @param slug       the rule's name after the stack prefix (lower case, as AWS names the rule's page)
     * @param checks     what it checks, for its description
     * @param control    the FSBP control it corresponds to, or empty
     * @param scope      where it runs
     */
    public record Rule(String identifier, String slug, String checks, String control, Scope scope) {
    }

    /** Every rule, in the order they are registered. */
    public static final List<Rule> ALL = List.of(
            // EC2 and VPC: the application tier and the network
            new Rule("ENCRYPTED_VOLUMES", "encrypted-volumes", "attached EBS volumes are encrypted", "EC2.3",
                    Scope.EACH_REGION),
            new Rule("EC2_IMDSV2_CHECK", "ec2-imdsv2-check", "instances require IMDSv2", "EC2.8", Scope.EACH_REGION),
            new Rule("EC2_INSTANCE_NO_PUBLIC_IP", "ec2-instance-no-public-ip", "instances have no public IPv4 address",
                    "EC2.9", Scope.EACH_REGION),
            new Rule("INCOMING_SSH_DISABLED", "restricted-ssh", "no security group admits SSH from 0.0.0.0/0",
                    "EC2.13", Scope.EACH_REGION),
            new Rule("VPC_DEFAULT_SECURITY_GROUP_CLOSED", "vpc-default-security-group-closed",
                    "default security groups allow no traffic", "EC2.2", Scope.EACH_REGION),
            new Rule("VPC_FLOW_LOGS_ENABLED", "vpc-flow-logs-enabled", "every VPC has flow logs", "EC2.6",
                    Scope.EACH_REGION),
            // S3: every bucket
            new Rule("S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", "s3-bucket-level-public-access-prohibited",
                    "buckets block public access", "S3.8", Scope.EACH_REGION),
            new Rule("S3_BUCKET_SSL_REQUESTS_ONLY", "s3-bucket-ssl-requests-only", "bucket policies refuse plain HTTP",
                    "S3.5", Scope.EACH_REGION),
            new Rule("S3_BUCKET_VERSIONING_ENABLED", "s3-bucket-versioning-enabled", "buckets are versioned", "S3.14",
                    Scope.EACH_REGION),
            new Rule("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "s3-bucket-server-side-encryption-enabled",
                    "buckets encrypt objects by default", "", Scope.EACH_REGION),
            // RDS: the Aurora clusters
            new Rule("RDS_STORAGE_ENCRYPTED", "rds-storage-encrypted", "DB instances are encrypted at rest", "RDS.3",
                    Scope.EACH_REGION),
            new Rule("RDS_CLUSTER_MULTI_AZ_ENABLED", "rds-cluster-multi-az-enabled",
                    "Aurora clusters have instances in several zones", "RDS.15", Scope.EACH_REGION),
            new Rule("RDS_CLUSTER_DELETION_PROTECTION_ENABLED", "rds-cluster-deletion-protection-enabled",
                    "Aurora clusters have deletion protection", "RDS.7", Scope.EACH_REGION),
            // Keys, logs, trails
            new Rule("CMK_BACKING_KEY_ROTATION_ENABLED", "cmk-backing-key-rotation-enabled",
                    "customer managed keys rotate", "KMS.4", Scope.EACH_REGION),
            new Rule("CLOUDWATCH_LOG_GROUP_ENCRYPTED", "cloudwatch-log-group-encrypted",
                    "log groups are encrypted with a KMS key", "", Scope.EACH_REGION),
            new Rule("CLOUD_TRAIL_ENABLED", "cloudtrail-enabled", "a trail logs this region", "CloudTrail.3",
                    Scope.EACH_REGION),
            new Rule("CLOUD_TRAIL_ENCRYPTION_ENABLED", "cloud-trail-encryption-enabled", "trails are KMS-encrypted",
                    "CloudTrail.2", Scope.EACH_REGION),
            new Rule("CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "cloud-trail-log-file-validation-enabled",
                    "trails validate their log files", "CloudTrail.4", Scope.EACH_REGION),
            new Rule("CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", "cloud-trail-cloud-watch-logs-enabled",
                    "trails deliver to CloudWatch Logs", "CloudTrail.5", Scope.EACH_REGION),
            // Load balancers and images
            new Rule("ALB_HTTP_DROP_INVALID_HEADER_ENABLED", "alb-http-drop-invalid-header-enabled",
                    "load balancers drop invalid headers", "ELB.4", Scope.EACH_REGION),
            new Rule("ELB_DELETION_PROTECTION_ENABLED", "elb-deletion-protection-enabled",
                    "load balancers have deletion protection", "ELB.6", Scope.EACH_REGION),
            new Rule("ECR_PRIVATE_IMAGE_SCANNING_ENABLED", "ecr-private-image-scanning-enabled",
                    "image repositories scan on push", "ECR.1", Scope.EACH_REGION),
            // The account as a whole
            new Rule("MULTI_REGION_CLOUD_TRAIL_ENABLED", "multi-region-cloudtrail-enabled",
                    "a multi-region trail logs management events", "CloudTrail.1", Scope.HOME_REGION),
            new Rule("IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", "iam-policy-no-statements-with-admin-access",
                    "no customer managed policy grants *:*", "IAM.1", Scope.HOME_REGION));

    /** Every rule identifier. */
    public static Set<String> identifiers() {
        return ALL.stream().map(Rule::identifier).collect(Collectors.toUnmodifiableSet());
    }

    /** The rules one region runs: all of them in region A, those of {@link Scope#EACH_REGION} elsewhere, less the excluded. */
    public static List<Rule> forRegion(boolean homeRegion, Set<String> excluded) {
        return ALL.stream().filter(r -> homeRegion || r.scope() == Scope.EACH_REGION)
                .filter(r -> !excluded.contains(r.identifier())).toList();
    }
}
