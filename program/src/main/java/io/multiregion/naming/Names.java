package io.multiregion.naming;

import java.util.Locale;

/**
 * Physical-name limits of the AWS resource types this program names, and the checks that keep every
 * name inside them. Pulumi auto-names a resource as its logical name plus '-' and 7 random characters,
 * so an auto-named resource's logical name must leave {@link #RANDOM_SUFFIX} characters free.
 */
public final class Names {
    private Names() {
    }

    /** '-' plus Pulumi's 7 random hex characters. */
    public static final int RANDOM_SUFFIX = 8;
    /** S3 bucket names: 3 to 63 characters (S3 User Guide, "Bucket naming rules"). */
    public static final int S3_BUCKET = 63;
    /** IAM role names: 64 characters (IAM User Guide, "IAM and AWS STS quotas"). */
    public static final int IAM_ROLE = 64;
    /** EventBridge rule names: 64 characters (EventBridge API Reference, PutRule). */
    public static final int EVENT_RULE = 64;
    /** CodeConnections connection names: 32 characters (CodeConnections API Reference, CreateConnection). */
    public static final int CONNECTION = 32;
    /** CodePipeline names: 100 characters (CodePipeline User Guide, quotas). */
    public static final int PIPELINE = 100;
    /** CodeBuild project names: 2 to 255 characters (CodeBuild API Reference, CreateProject). */
    public static final int CODEBUILD_PROJECT = 255;
    /** CloudTrail trail names: 3 to 128 characters (CloudTrail API Reference, CreateTrail). */
    public static final int TRAIL = 128;

    /**
     * Aurora global, DB cluster and DB instance identifiers: 1 to 63 letters, digits or hyphens, starting with a
     * letter, no trailing hyphen and no two consecutive hyphens (RDS API Reference, CreateDBCluster,
     * CreateGlobalCluster, CreateDBInstance).
     */
    public static final int RDS_IDENTIFIER = 63;
    /** DB cluster snapshot identifiers: 1 to 255 characters, same rules (RDS API Reference, CreateDBClusterSnapshot). */
    public static final int RDS_SNAPSHOT = 255;
    /** DB subnet group names: 255 characters (RDS API Reference, CreateDBSubnetGroup). */
    public static final int RDS_SUBNET_GROUP = 255;
    /** Secrets Manager secret names: 512 characters of letters, digits and /_+=.@- (Secrets Manager API Reference, CreateSecret). */
    public static final int SECRET = 512;
    /** ECR repository names: 2 to 256 lower-case characters (Amazon ECR API Reference, CreateRepository). */
    public static final int ECR_REPOSITORY = 256;

    /** A lower-case, hyphenated name of at most {@code max} characters, trimmed of trailing hyphens. */
    public static String fit(String name, int max) {
        String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-{2,}", "-");
        String cut = clean.length() <= max ? clean : clean.substring(0, max);
        return cut.replaceAll("^-+|-+$", "");
    }

    /** Checks that an auto-named resource's logical name leaves room for the random suffix. */
    public static String autoNamed(String logicalName, int limit) {
        if (logicalName.length() + RANDOM_SUFFIX > limit) {
            throw new IllegalArgumentException("logical name '" + logicalName + "' is too long: with Pulumi's random suffix "
                    + "it would exceed the AWS limit of " + limit + " characters");
        }
        return logicalName;
    }

    /** An S3 bucket's logical name: lower case letters, digits and hyphens, room left for the suffix. */
    public static String bucket(String logicalName) {
        if (!logicalName.matches("^[a-z0-9][a-z0-9-]*$")) {
            throw new IllegalArgumentException("bucket logical name '" + logicalName + "' must be lower-case letters, digits, '-'");
        }
        return autoNamed(logicalName, S3_BUCKET);
    }

    /** Application Load Balancer names: 32 characters, letters, digits and hyphens (ELB API Reference, CreateLoadBalancer). */
    public static final int LOAD_BALANCER = 32;
    /** Target group names: 32 characters, letters, digits and hyphens (ELB API Reference, CreateTargetGroup). */
    public static final int TARGET_GROUP = 32;
    /** Launch template names: 3 to 128 characters (EC2 API Reference, CreateLaunchTemplate). */
    public static final int LAUNCH_TEMPLATE = 128;
    /** Auto Scaling group names: 1 to 255 characters (EC2 Auto Scaling API Reference, CreateAutoScalingGroup). */
    public static final int AUTO_SCALING_GROUP = 255;
    /** Instance profile names: 128 characters (IAM User Guide, "IAM and AWS STS quotas"). */
    public static final int INSTANCE_PROFILE = 128;
    /** Security group names: 255 characters (EC2 API Reference, CreateSecurityGroup). */
    public static final int SECURITY_GROUP = 255;
    /** CodeDeploy application and deployment group names: 100 characters (CodeDeploy API Reference, CreateApplication, CreateDeploymentGroup). */
    public static final int CODEDEPLOY = 100;

    /** A load balancer's or target group's logical name: letters, digits and inner hyphens, room left for the suffix. */
    public static String elb(String logicalName, int limit) {
        if (!logicalName.matches("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$") || logicalName.startsWith("internal-")) {
            throw new IllegalArgumentException("load balancer logical name '" + logicalName
                    + "' must be letters, digits and inner hyphens, not starting with internal-");
        }
        return autoNamed(logicalName, limit);
    }

    /** AWS Config recorder and delivery channel names: 1 to 256 characters (AWS Config API Reference, ConfigurationRecorder, DeliveryChannel). */
    public static final int CONFIG_RECORDER = 256;
    /** AWS Config rule names: 1 to 128 characters (AWS Config API Reference, ConfigRule). */
    public static final int CONFIG_RULE = 128;
}
