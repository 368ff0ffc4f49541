package io.multiregion.iam;

import java.util.List;

/**
 * Every IAM action this program grants, in one place. Lists follow the AWS documentation cited on each.
 */
public final class Actions {
    private Actions() {
    }

    /** Read an object and its versions. */
    public static final List<String> S3_READ_OBJECT = List.of("s3:GetObject", "s3:GetObjectVersion");
    /** Write an object. */
    public static final List<String> S3_WRITE_OBJECT = List.of("s3:PutObject");
    /** Read and write objects (pipeline artifacts). */
    public static final List<String> S3_READ_WRITE_OBJECT = List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject");
    /** What a CodePipeline S3 source action reads on its bucket (CodePipeline User Guide, "Amazon S3 source action reference"). */
    public static final List<String> S3_SOURCE_BUCKET = List.of("s3:GetBucketVersioning", "s3:GetBucketLocation");
    /** What CodeBuild checks on the bucket it reads and writes (CodeBuild User Guide, "Secure access to S3 buckets"). */
    public static final List<String> S3_BUCKET_OWNER_CHECK = List.of("s3:GetBucketAcl", "s3:GetBucketLocation");
    /** What an artifact store needs on the bucket (CodePipeline User Guide, service role policy). */
    public static final List<String> S3_ARTIFACT_BUCKET = List.of("s3:GetBucketVersioning", "s3:GetBucketLocation", "s3:ListBucket");

    /** Replication, source bucket (S3 User Guide, "Setting up permissions for live replication"). */
    public static final List<String> REPLICATION_SOURCE_BUCKET = List.of("s3:GetReplicationConfiguration", "s3:ListBucket");
    /** Replication, source objects (same page). */
    public static final List<String> REPLICATION_SOURCE_OBJECTS = List.of(
            "s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging");
    /** Replication, destination objects (same page). */
    public static final List<String> REPLICATION_DESTINATION_OBJECTS = List.of(
            "s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags");

    /** Decrypt with a KMS key. */
    public static final List<String> KMS_DECRYPT = List.of("kms:Decrypt", "kms:DescribeKey");
    /** Read and write data under a KMS key. */
    public static final List<String> KMS_ENCRYPT_DECRYPT = List.of(
            "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo");

    /**
     * What the account (and through IAM, its administrators) may do with a key: the documented key
     * management and cryptographic operations, named one by one (AWS KMS Developer Guide, "Default key policy").
     */
    public static final List<String> KMS_ACCOUNT_ADMIN = List.of(
            "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:CreateGrant", "kms:Decrypt", "kms:DeleteAlias",
            "kms:DescribeKey", "kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation",
            "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:GetKeyPolicy",
            "kms:GetKeyRotationStatus", "kms:ListGrants", "kms:ListKeyPolicies", "kms:ListKeyRotations",
            "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:RetireGrant",
            "kms:RevokeGrant", "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion", "kms:TagResource",
            "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription");
    /**
     * CloudWatch Logs encrypting a log group (CloudWatch Logs User Guide, "Encrypt log data using AWS KMS"): the
     * cryptographic operations, which all carry the {@code kms:EncryptionContext:aws:logs:arn} key.
     */
    public static final List<String> KMS_FOR_LOGS = List.of(
            "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext");
    /** Describe a key; the request carries no encryption context. */
    public static final List<String> KMS_DESCRIBE = List.of("kms:DescribeKey");
    /** Decrypt only. */
    public static final List<String> KMS_DECRYPT_ONLY = List.of("kms:Decrypt");
    /**
     * CloudTrail encrypting log and digest files: {@code kms:GenerateDataKey*}, the form the CloudTrail User Guide
     * documents ("Configure AWS KMS key policies for CloudTrail"); it covers GenerateDataKey,
     * GenerateDataKeyWithoutPlaintext and the key-pair variants, all of which take the key resource type.
     */
    public static final List<String> KMS_FOR_CLOUDTRAIL = List.of("kms:GenerateDataKey*");

    /**
     * Write to a log group's streams. Both actions take the log-stream resource type
     * ({@code ...:log-group:NAME:log-stream:NAME}) only (Service Authorization Reference, Amazon CloudWatch Logs).
     */
    public static final List<String> LOGS_WRITE = List.of("logs:CreateLogStream", "logs:PutLogEvents");
    /**
     * What the flow-logs role may do on its log group itself: list the group's streams (Service Authorization
     * Reference, Amazon CloudWatch Logs: DescribeLogStreams takes the log-group resource type, which IAM matches in the
     * form {@code ...:log-group:NAME:*}: {@link io.multiregion.regions.Arns#logGroupForActions}). Writing
     * ({@link #LOGS_WRITE}: CreateLogStream, PutLogEvents) takes the log-stream resource type.
     */
    public static final List<String> LOGS_LIST_STREAMS = List.of("logs:DescribeLogStreams");
    /** Run a CodeBuild project from CodePipeline. */
    public static final List<String> CODEBUILD_RUN = List.of("codebuild:StartBuild", "codebuild:BatchGetBuilds");
    /** Use a Git connection (AWS CodeConnections). */
    public static final List<String> CONNECTION_USE = List.of("codeconnections:UseConnection");
    /** Use a Git connection under the service's former prefix, which AWS still honours (AWS CodeStar Connections). */
    public static final List<String> CONNECTION_USE_LEGACY = List.of("codestar-connections:UseConnection");
    /** What EventBridge may do to the pipeline it starts: exactly one action. */
    public static final List<String> PIPELINE_START = List.of("codepipeline:StartPipelineExecution");

    /**
     * What EventBridge may do to the state machine it starts (pipeline-free delivery): exactly one action, on the
     * stateMachine resource type (Service Authorization Reference, AWS Step Functions).
     */
    public static final List<String> STATE_MACHINE_START = List.of("states:StartExecution");
    /**
     * The state machine's check that the release version it was started for is still the newest: HeadObject, which
     * IAM authorizes as {@code s3:GetObject} on the object (S3 API Reference, HeadObject, Permissions).
     */
    public static final List<String> S3_HEAD_OBJECT = List.of("s3:GetObject");
    /**
     * A state machine's delivery of its execution log to CloudWatch Logs (Step Functions Developer Guide, "Logging
     * execution history in Step Functions", IAM policies for logging to CloudWatch Logs). These actions configure the
     * account's log deliveries and take no resource type, so their statement names {@code *}.
     */
    public static final List<String> LOGS_DELIVERY = List.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
            "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
            "logs:DescribeResourcePolicies", "logs:DescribeLogGroups");
    /**
     * What a CI needs to upload a release zip into a bucket encrypted with a customer managed key: the data key for a
     * PutObject, and Decrypt for the parts of a multipart upload ({@code aws s3 cp} of a file above 8 MB) (S3 User
     * Guide, "Specifying server-side encryption with AWS KMS (SSE-KMS)", permissions; "Uploading and copying objects
     * using multipart upload", kms:Decrypt).
     */
    public static final List<String> KMS_FOR_UPLOAD = List.of("kms:GenerateDataKey", "kms:Decrypt");

    /** For the TLS-only deny statement on every bucket (FSBP S3.5 checks for this form). */
    public static final List<String> S3_ALL = List.of("s3:*");

    /**
     * Session Manager on an instance, first part: the SSM agent's registration and heartbeat (Systems Manager User
     * Guide, "Create a custom IAM role for Session Manager"). It accepts the EC2 {@code instance} and the Systems
     * Manager {@code managed-instance} resource types (Service Authorization Reference, AWS Systems Manager), so it is
     * granted on the account's instances in the region, not on {@code *}.
     */
    public static final List<String> SSM_INSTANCE_INFORMATION = List.of("ssm:UpdateInstanceInformation");
    /**
     * Session Manager on an instance, second part: the message channels (same guide; the same actions as the AWS managed
     * policy AWSCloud9SSMInstanceProfile). None of them accepts a resource type (Service Authorization Reference,
     * Amazon Message Gateway Service), so they take {@code *}.
     */
    public static final List<String> SSM_MESSAGES = List.of("ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");
    /** Read one secret's value (Secrets Manager User Guide, "Authentication and access control"); resource type: secret. */
    public static final List<String> SECRET_READ = List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");

    /**
     * What the EC2 Auto Scaling service-linked role may do with a customer managed key that encrypts its instances'
     * EBS volumes (EC2 Auto Scaling User Guide, "Required AWS KMS key policy for use with encrypted volumes"; the
     * page's {@code kms:ReEncrypt*} and {@code kms:GenerateDataKey*} named one by one).
     */
    public static final List<String> KMS_FOR_AUTOSCALING_EBS = List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom",
            "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey");
    /** The grant the service-linked role creates for EC2 (same page), only for AWS resources. */
    public static final List<String> KMS_CREATE_GRANT = List.of("kms:CreateGrant");

    /**
     * What CodeDeploy's service role needs beyond the AWS managed policy AWSCodeDeployRole when the Auto Scaling group
     * launches from a launch template (CodeDeploy User Guide, "Step 2: Create a service role for CodeDeploy": "If you
     * create your Auto Scaling group with a launch template, you must add the following permissions: ec2:RunInstances,
     * ec2:CreateTags, iam:PassRole"), each on the resource types the Service Authorization Reference gives it.
     */
    public static final List<String> EC2_RUN_INSTANCES = List.of("ec2:RunInstances");
    /** Tag what RunInstances creates (see {@link #EC2_RUN_INSTANCES}); limited to tagging at launch by {@code ec2:CreateAction}. */
    public static final List<String> EC2_CREATE_TAGS = List.of("ec2:CreateTags");
    /** Pass the instances' role to EC2 (see {@link #EC2_RUN_INSTANCES}); limited by {@code iam:PassedToService}. */
    public static final List<String> IAM_PASS_ROLE = List.of("iam:PassRole");

    /** CodePipeline's CodeDeploy action, on the deployment group (CodePipeline User Guide, "CodeDeploy action reference", service role permissions; resource type deploymentgroup). */
    public static final List<String> CODEDEPLOY_DEPLOY = List.of("codedeploy:CreateDeployment", "codedeploy:GetDeployment");
    /** Same action, on the application (resource type application). */
    public static final List<String> CODEDEPLOY_REVISION = List.of("codedeploy:GetApplication",
            "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision");
    /** Same action, on the deployment configuration (resource type deploymentconfig). */
    public static final List<String> CODEDEPLOY_CONFIG = List.of("codedeploy:GetDeploymentConfig");
    /**
     * Decrypt a secret's value: {@code GetSecretValue} needs only {@code kms:Decrypt} on the secret's key (Secrets
     * Manager User Guide, "Secret encryption and decryption in AWS Secrets Manager").
     */
    public static final List<String> KMS_DECRYPT_SECRET = List.of("kms:Decrypt");
    /**
     * Pull an image from one repository (Amazon ECR User Guide, "Private repository policy examples": pull access);
     * all three accept the repository resource type.
     */
    public static final List<String> ECR_PULL = List.of(
            "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability");
    /**
     * Log in to the registry. This action takes no resource type, so its statement names {@code *} (Service
     * Authorization Reference, "Actions defined by Amazon Elastic Container Registry": GetAuthorizationToken has an
     * empty resource-type column; Amazon ECR User Guide, "Private registry authentication").
     */
    public static final List<String> ECR_LOGIN = List.of("ecr:GetAuthorizationToken");

    /**
     * What a service that publishes to a KMS-encrypted SNS topic needs on the topic's key: {@code kms:Decrypt} and
     * {@code kms:GenerateDataKey*}, the form the SNS Developer Guide documents ("Configuring AWS KMS permissions",
     * "Enabling compatibility between event sources from AWS services and encrypted topics"). Both take the key
     * resource type.
     */
    public static final List<String> KMS_FOR_SNS_PUBLISHERS = List.of("kms:Decrypt", "kms:GenerateDataKey*");
    /** Publish to a topic (resource type: topic). */
    public static final List<String> SNS_PUBLISH = List.of("sns:Publish");
    /**
     * Send events to an event bus, the only action a cross-region bus target's role needs (EventBridge User Guide,
     * "Sending and receiving events between AWS Regions"; resource type: event-bus).
     */
    public static final List<String> EVENTS_PUT = List.of("events:PutEvents");

    /**
     * Fail the global database over to another region's cluster (Aurora User Guide, "Using failover in an Amazon
     * Aurora global database"); both take the cluster and the global-cluster resource types.
     */
    public static final List<String> RDS_GLOBAL_FAILOVER = List.of("rds:FailoverGlobalCluster",
            "rds:SwitchoverGlobalCluster");
    /** Read the global database's members and writer (resource type: global-cluster). */
    public static final List<String> RDS_DESCRIBE_GLOBAL = List.of("rds:DescribeGlobalClusters");
    /** Change a group's sizes (resource type: autoScalingGroup). */
    public static final List<String> AUTOSCALING_UPDATE = List.of("autoscaling:UpdateAutoScalingGroup");
    /** Read groups: DescribeAutoScalingGroups accepts only {@code *} (Service Authorization Reference, Amazon EC2 Auto Scaling). */
    public static final List<String> AUTOSCALING_DESCRIBE = List.of("autoscaling:DescribeAutoScalingGroups");
    /**
     * Publish a custom metric: PutMetricData accepts only {@code *}; the {@code cloudwatch:namespace} condition
     * key scopes it (Service Authorization Reference, Amazon CloudWatch).
     */
    public static final List<String> CLOUDWATCH_PUT_METRIC = List.of("cloudwatch:PutMetricData");
    /** Read alarms (resource type: alarm). */
    public static final List<String> CLOUDWATCH_DESCRIBE_ALARMS = List.of("cloudwatch:DescribeAlarms");

    /**
     * What a maintenance window's Run Command task runs with: send the command (resource types document and
     * instance) ... (Systems Manager User Guide, "Configure permissions for maintenance windows"; the AWS managed
     * policy AmazonSSMMaintenanceWindowRole grants the same for Run Command tasks).
     */
    public static final List<String> SSM_SEND_COMMAND = List.of("ssm:SendCommand");
    /** ... and follow it: both accept only {@code *}. */
    public static final List<String> SSM_FOLLOW_COMMANDS = List.of("ssm:ListCommands", "ssm:ListCommandInvocations");
    /**
     * Run Command on an instance: the SSM Agent's message channel (Systems Manager User Guide, "Step 1: Create an
     * IAM instance profile", the ec2messages statements of AmazonSSMManagedInstanceCore); none takes a resource type.
     */
    public static final List<String> EC2_MESSAGES = List.of("ec2messages:AcknowledgeMessage", "ec2messages:DeleteMessage",
            "ec2messages:FailMessage", "ec2messages:GetEndpoint", "ec2messages:GetMessages", "ec2messages:SendReply");
    /** Patch Manager on an instance: the patch snapshot of its baseline (accepts only {@code *}). */
    public static final List<String> SSM_PATCH_SNAPSHOT = List.of("ssm:GetDeployablePatchSnapshotForInstance");
    /** Patch Manager on an instance: report patch compliance (resource type: instance). */
    public static final List<String> SSM_REPORT_COMPLIANCE = List.of("ssm:PutComplianceItems");

    /**
     * What AWS Config checks on its delivery bucket before it writes (AWS Config Developer Guide, "Permissions for the
     * Amazon S3 Bucket for the AWS Config delivery channel"): the ACL check and the existence check; both take the
     * bucket resource type.
     */
    public static final List<String> S3_CONFIG_BUCKET_CHECK = List.of("s3:GetBucketAcl", "s3:ListBucket");
    /**
     * AWS Config, through its service-linked role, encrypting what it delivers to a KMS-encrypted bucket (AWS Config
     * Developer Guide, "Permissions for the KMS Key"); both take the key resource type.
     */
    public static final List<String> KMS_FOR_CONFIG = List.of("kms:Decrypt", "kms:GenerateDataKey");
}
