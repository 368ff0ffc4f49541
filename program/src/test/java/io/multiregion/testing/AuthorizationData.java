package io.multiregion.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of AWS's Service Authorization Reference that covers every action this program grants: for each
 * action, the ARN shapes of the resource types it accepts (empty: it accepts only {@code *}) and the
 * service-specific condition keys that apply to it. Global keys ({@code aws:*}) apply to every action.
 *
 * <p>Sources: Service Authorization Reference, "Actions, resources, and condition keys for" Amazon S3, AWS KMS,
 * Amazon CloudWatch Logs, AWS CodeBuild, AWS CodePipeline, AWS CodeConnections, AWS CodeStar Connections,
 * AWS Security Token Service, AWS Systems Manager, AWS CodeDeploy, AWS Secrets Manager, Amazon ECR, AWS Step Functions,
 * Amazon EC2, AWS Identity and Access Management, Amazon SNS, Amazon EventBridge, Amazon RDS, Amazon EC2 Auto Scaling,
 * Amazon CloudWatch, Amazon Message Delivery Service. An action missing here fails the test that reads it: add it
 * with its source.
 */
public final class AuthorizationData {
    private AuthorizationData() {
    }

    /** One action: the ARN patterns of the resource types it accepts, and its own condition keys. */
    public record ActionRule(List<Pattern> resourceTypes, Set<String> conditionKeys) {
        public boolean acceptsOnlyStar() {
            return resourceTypes.isEmpty();
        }

        public boolean accepts(String arn) {
            return resourceTypes.stream().anyMatch(p -> p.matcher(arn).matches());
        }

        /** Whether a condition key applies to this action (global keys always do). */
        public boolean appliesTo(String conditionKey) {
            if (conditionKey.startsWith("aws:")) {
                return true;
            }
            return conditionKeys.stream().anyMatch(k -> k.endsWith("*")
                    ? conditionKey.startsWith(k.substring(0, k.length() - 1)) : k.equals(conditionKey));
        }
    }

    private static final String P = "arn:aws[a-z-]*:";
    private static final String REGION = "[a-z]{2}(-[a-z]+)+-[0-9]";
    private static final String ACCOUNT = "[0-9]{12}";

    // Resource types
    private static final Pattern S3_BUCKET = Pattern.compile(P + "s3:::[a-z0-9][a-z0-9.-]{1,62}");
    private static final Pattern S3_OBJECT = Pattern.compile(P + "s3:::[a-z0-9][a-z0-9.-]{1,62}/.+");
    private static final Pattern KMS_KEY = Pattern.compile(P + "kms:" + REGION + ":" + ACCOUNT + ":key/[A-Za-z0-9-]+");
    private static final Pattern KMS_ALIAS = Pattern.compile(P + "kms:" + REGION + ":" + ACCOUNT + ":alias/.+");
    private static final Pattern LOG_STREAM = Pattern.compile(P + "logs:" + REGION + ":" + ACCOUNT
            + ":log-group:[^:]+:log-stream:.+");
    private static final Pattern CODEBUILD_PROJECT = Pattern.compile(P + "codebuild:" + REGION + ":" + ACCOUNT + ":project/.+");
    private static final Pattern PIPELINE = Pattern.compile(P + "codepipeline:" + REGION + ":" + ACCOUNT + ":[A-Za-z0-9.@_-]+");
    private static final Pattern CODECONNECTIONS = Pattern.compile(P + "codeconnections:" + REGION + ":" + ACCOUNT + ":connection/.+");
    private static final Pattern CODESTAR_CONNECTIONS = Pattern.compile(P + "codestar-connections:" + REGION + ":" + ACCOUNT
            + ":connection/.+");
    /**
     * A log group in the form IAM matches for every log-group action but tagging: {@code ...:log-group:NAME:*}
     * (CloudWatch Logs User Guide, "Overview of managing access permissions to your CloudWatch Logs resources": the
     * form without {@code :*} is for TagResource, UntagResource and ListTagsForResource only).
     */
    private static final Pattern LOG_GROUP = Pattern.compile(P + "logs:" + REGION + ":" + ACCOUNT + ":log-group:[^:]+:\\*");
    private static final Pattern CODEDEPLOY_APPLICATION = Pattern.compile(P + "codedeploy:" + REGION + ":" + ACCOUNT
            + ":application:[A-Za-z0-9_.+=,@-]+");
    private static final Pattern CODEDEPLOY_GROUP = Pattern.compile(P + "codedeploy:" + REGION + ":" + ACCOUNT
            + ":deploymentgroup:[A-Za-z0-9_.+=,@-]+/[A-Za-z0-9_.+=,@-]+");
    private static final Pattern CODEDEPLOY_CONFIG = Pattern.compile(P + "codedeploy:" + REGION + ":" + ACCOUNT
            + ":deploymentconfig:[A-Za-z0-9_.+=,@-]+");
    private static final Pattern SECRET = Pattern.compile(P + "secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:.+");
    private static final Pattern ECR_REPOSITORY = Pattern.compile(P + "ecr:" + REGION + ":" + ACCOUNT + ":repository/.+");
    private static final Pattern STATE_MACHINE = Pattern.compile(P + "states:" + REGION + ":" + ACCOUNT
            + ":stateMachine:[A-Za-z0-9_-]{1,80}");
    private static final Pattern IAM_ROLE = Pattern.compile(P + "iam::" + ACCOUNT + ":role/.+");
    // Amazon EC2 resource types (arn:${Partition}:ec2:${Region}:${Account}:<type>/<id>; images without the account)
    private static Pattern ec2(String type) {
        return Pattern.compile(P + "ec2:" + REGION + ":" + ACCOUNT + ":" + type + "/.+");
    }
    private static final Pattern EC2_INSTANCE = ec2("instance");
    private static final Pattern EC2_VOLUME = ec2("volume");
    private static final Pattern EC2_NETWORK_INTERFACE = ec2("network-interface");
    private static final Pattern EC2_SUBNET = ec2("subnet");
    private static final Pattern EC2_SECURITY_GROUP = ec2("security-group");
    private static final Pattern EC2_LAUNCH_TEMPLATE = ec2("launch-template");
    private static final Pattern EC2_KEY_PAIR = ec2("key-pair");
    private static final Pattern EC2_PLACEMENT_GROUP = ec2("placement-group");
    private static final Pattern EC2_IMAGE = Pattern.compile(P + "ec2:" + REGION + ":(" + ACCOUNT + ")?:image/.+");
    private static final Pattern EC2_SNAPSHOT = Pattern.compile(P + "ec2:" + REGION + ":(" + ACCOUNT + ")?:snapshot/.+");
    private static final Pattern SNS_TOPIC = Pattern.compile(P + "sns:" + REGION + ":" + ACCOUNT + ":[A-Za-z0-9_-]{1,256}");
    private static final Pattern EVENT_BUS = Pattern.compile(P + "events:" + REGION + ":" + ACCOUNT + ":event-bus/[A-Za-z0-9._-]+");
    private static final Pattern RDS_CLUSTER = Pattern.compile(P + "rds:" + REGION + ":" + ACCOUNT + ":cluster:[a-z][a-z0-9-]*");
    private static final Pattern RDS_GLOBAL_CLUSTER = Pattern.compile(P + "rds::" + ACCOUNT + ":global-cluster:[a-z][a-z0-9-]*");
    private static final Pattern AUTOSCALING_GROUP = Pattern.compile(P + "autoscaling:" + REGION + ":" + ACCOUNT
            + ":autoScalingGroup:[a-z0-9-]+:autoScalingGroupName/.+");
    private static final Pattern CLOUDWATCH_ALARM = Pattern.compile(P + "cloudwatch:" + REGION + ":" + ACCOUNT + ":alarm:.+");
    private static final Pattern SSM_DOCUMENT = Pattern.compile(P + "ssm:" + REGION + ":(" + ACCOUNT + ")?:document/.+");
    private static final Pattern SSM_MANAGED_INSTANCE = Pattern.compile(P + "ssm:" + REGION + ":" + ACCOUNT
            + ":managed-instance/.+");

    private static final Set<String> KMS_CRYPTO_KEYS = Set.of("kms:CallerAccount", "kms:ViaService",
            "kms:EncryptionContext:*", "kms:EncryptionContextKeys", "kms:EncryptionAlgorithm", "kms:RequestAlias");
    private static final Set<String> KMS_KEY_KEYS = Set.of("kms:CallerAccount", "kms:ViaService", "kms:RequestAlias");

    private static final Map<String, ActionRule> ACTIONS = new LinkedHashMap<>();

    static {
        // Amazon S3
        for (String a : List.of("GetBucketAcl", "GetBucketLocation", "GetBucketVersioning", "ListBucket",
                "GetReplicationConfiguration")) {
            put("s3:" + a, List.of(S3_BUCKET), Set.of("s3:ResourceAccount", "s3:TlsVersion", "s3:authType",
                    "s3:signatureAge", "s3:signatureversion", "s3:x-amz-content-sha256", "s3:prefix", "s3:delimiter",
                    "s3:max-keys", "s3:ListObjectsV2:*"));
        }
        for (String a : List.of("GetObject", "GetObjectVersion", "GetObjectVersionForReplication", "GetObjectVersionAcl",
                "GetObjectVersionTagging", "ReplicateObject", "ReplicateDelete", "ReplicateTags")) {
            put("s3:" + a, List.of(S3_OBJECT), Set.of("s3:ResourceAccount", "s3:TlsVersion", "s3:authType",
                    "s3:signatureAge", "s3:signatureversion", "s3:x-amz-content-sha256", "s3:ExistingObjectTag/*",
                    "s3:versionid", "s3:x-amz-server-side-encryption", "s3:x-amz-server-side-encryption-aws-kms-key-id"));
        }
        put("s3:PutObject", List.of(S3_OBJECT), Set.of("s3:ResourceAccount", "s3:TlsVersion", "s3:authType",
                "s3:signatureAge", "s3:signatureversion", "s3:x-amz-content-sha256", "s3:x-amz-acl",
                "s3:x-amz-server-side-encryption", "s3:x-amz-server-side-encryption-aws-kms-key-id",
                "s3:RequestObjectTag/*", "s3:RequestObjectTagKeys", "s3:x-amz-storage-class", "s3:object-lock-mode"));
        // AWS KMS: every operation here takes the key resource type; aliases add the alias type.
        for (String a : List.of("Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext",
                "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo")) {
            put("kms:" + a, List.of(KMS_KEY), KMS_CRYPTO_KEYS);
        }
        put("kms:CreateGrant", List.of(KMS_KEY), Set.of("kms:CallerAccount", "kms:ViaService", "kms:EncryptionContext:*",
                "kms:EncryptionContextKeys", "kms:GrantConstraintType", "kms:GrantIsForAWSResource", "kms:GrantOperations",
                "kms:GranteePrincipal", "kms:RetiringPrincipal"));
        for (String a : List.of("CreateAlias", "DeleteAlias", "UpdateAlias")) {
            put("kms:" + a, List.of(KMS_KEY, KMS_ALIAS), Set.of("kms:CallerAccount", "kms:ViaService"));
        }
        for (String a : List.of("CancelKeyDeletion", "DescribeKey", "DisableKey", "DisableKeyRotation", "EnableKey",
                "EnableKeyRotation", "GetKeyPolicy", "GetKeyRotationStatus", "ListGrants", "ListKeyPolicies",
                "ListKeyRotations", "ListResourceTags", "PutKeyPolicy", "RetireGrant", "RevokeGrant", "RotateKeyOnDemand",
                "ScheduleKeyDeletion", "TagResource", "UntagResource", "UpdateKeyDescription")) {
            put("kms:" + a, List.of(KMS_KEY), KMS_KEY_KEYS);
        }
        // Amazon CloudWatch Logs
        put("logs:CreateLogStream", List.of(LOG_STREAM), Set.of());
        put("logs:PutLogEvents", List.of(LOG_STREAM), Set.of());
        put("logs:DescribeLogStreams", List.of(LOG_GROUP), Set.of());
        // Log delivery of vended logs (a Step Functions state machine's execution log): these configure the account's
        // deliveries and take no resource type, only "*" (Service Authorization Reference, Amazon CloudWatch Logs;
        // Step Functions Developer Guide, "Logging execution history in Step Functions").
        for (String a : List.of("CreateLogDelivery", "GetLogDelivery", "UpdateLogDelivery", "DeleteLogDelivery",
                "ListLogDeliveries", "PutResourcePolicy", "DescribeResourcePolicies", "DescribeLogGroups")) {
            put("logs:" + a, List.of(), Set.of());
        }
        // AWS Systems Manager: UpdateInstanceInformation takes the EC2 instance and the managed-instance resource types;
        // the Message Gateway Service's actions take no resource type, only "*" (Service Authorization Reference,
        // "Actions, resources, and condition keys for AWS Systems Manager" and "... Amazon Message Gateway Service").
        put("ssm:UpdateInstanceInformation", List.of(EC2_INSTANCE, SSM_MANAGED_INSTANCE), Set.of("ssm:SourceInstanceARN",
                "ec2:SourceInstanceARN", "ssm:resourceTag/*"));
        for (String a : List.of("CreateControlChannel", "CreateDataChannel", "OpenControlChannel", "OpenDataChannel")) {
            put("ssmmessages:" + a, List.of(), Set.of());
        }
        // AWS CodeDeploy
        put("codedeploy:CreateDeployment", List.of(CODEDEPLOY_GROUP), Set.of());
        put("codedeploy:GetDeployment", List.of(CODEDEPLOY_GROUP), Set.of());
        put("codedeploy:GetApplication", List.of(CODEDEPLOY_APPLICATION), Set.of());
        put("codedeploy:GetApplicationRevision", List.of(CODEDEPLOY_APPLICATION), Set.of());
        put("codedeploy:RegisterApplicationRevision", List.of(CODEDEPLOY_APPLICATION), Set.of());
        put("codedeploy:GetDeploymentConfig", List.of(CODEDEPLOY_CONFIG), Set.of());
        // AWS Secrets Manager
        put("secretsmanager:GetSecretValue", List.of(SECRET), Set.of("secretsmanager:SecretId",
                "secretsmanager:ResourceTag/*", "secretsmanager:resource/AllowRotationLambdaArn", "secretsmanager:VersionId",
                "secretsmanager:VersionStage"));
        put("secretsmanager:DescribeSecret", List.of(SECRET), Set.of("secretsmanager:SecretId",
                "secretsmanager:ResourceTag/*", "secretsmanager:resource/AllowRotationLambdaArn"));
        // Amazon ECR: GetAuthorizationToken takes no resource type
        put("ecr:GetAuthorizationToken", List.of(), Set.of());
        for (String a : List.of("BatchGetImage", "GetDownloadUrlForLayer", "BatchCheckLayerAvailability")) {
            put("ecr:" + a, List.of(ECR_REPOSITORY), Set.of("ecr:ResourceTag/*"));
        }
        // AWS CodeBuild
        put("codebuild:StartBuild", List.of(CODEBUILD_PROJECT), Set.of());
        put("codebuild:BatchGetBuilds", List.of(CODEBUILD_PROJECT), Set.of());
        // AWS CodePipeline
        put("codepipeline:StartPipelineExecution", List.of(PIPELINE), Set.of());
        // AWS Step Functions: StartExecution takes the stateMachine resource type
        put("states:StartExecution", List.of(STATE_MACHINE), Set.of());
        // AWS CodeConnections and its former prefix
        put("codeconnections:UseConnection", List.of(CODECONNECTIONS), Set.of("codeconnections:FullRepositoryId",
                "codeconnections:ProviderAction", "codeconnections:ProviderPermissionsRequired", "codeconnections:BranchName",
                "codeconnections:OwnerId", "codeconnections:RepositoryName"));
        put("codestar-connections:UseConnection", List.of(CODESTAR_CONNECTIONS), Set.of(
                "codestar-connections:FullRepositoryId", "codestar-connections:ProviderAction",
                "codestar-connections:ProviderPermissionsRequired", "codestar-connections:BranchName",
                "codestar-connections:OwnerId", "codestar-connections:RepositoryName"));
        // Amazon EC2 ("Actions, resources, and condition keys for Amazon EC2"): RunInstances and CreateTags on the
        // resource types a launch from a template touches; their service-specific condition keys.
        put("ec2:RunInstances", List.of(EC2_INSTANCE, EC2_VOLUME, EC2_NETWORK_INTERFACE, EC2_SUBNET, EC2_SECURITY_GROUP,
                EC2_LAUNCH_TEMPLATE, EC2_IMAGE, EC2_KEY_PAIR, EC2_PLACEMENT_GROUP, EC2_SNAPSHOT), Set.of(
                "ec2:AssociatePublicIpAddress", "ec2:AuthorizedService", "ec2:AvailabilityZone", "ec2:AvailabilityZoneId",
                "ec2:CpuOptionsAmdSevSnp", "ec2:EbsOptimized", "ec2:ElasticGpuType", "ec2:Encrypted", "ec2:ImageID",
                "ec2:ImageType", "ec2:InstanceAutoRecovery", "ec2:InstanceBandwidthWeighting", "ec2:InstanceID",
                "ec2:InstanceMarketType", "ec2:InstanceMetadataTags", "ec2:InstanceProfile", "ec2:InstanceType",
                "ec2:IsLaunchTemplateResource", "ec2:KeyPairName", "ec2:KeyPairType", "ec2:LaunchTemplate",
                "ec2:ManagedResourceOperator", "ec2:MetadataHttpEndpoint", "ec2:MetadataHttpPutResponseHopLimit",
                "ec2:MetadataHttpTokens", "ec2:NetworkInterfaceID", "ec2:Owner", "ec2:ParentSnapshot", "ec2:ParentVolume",
                "ec2:PlacementGroup", "ec2:PlacementGroupName", "ec2:PlacementGroupStrategy", "ec2:ProductCode",
                "ec2:Public", "ec2:Region", "ec2:ResourceTag/*", "ec2:RootDeviceType", "ec2:SecurityGroupID",
                "ec2:SnapshotID", "ec2:SnapshotTime", "ec2:Subnet", "ec2:SubnetID", "ec2:Tenancy", "ec2:VolumeID",
                "ec2:VolumeInitializationRate", "ec2:VolumeIops", "ec2:VolumeSize", "ec2:VolumeThroughput",
                "ec2:VolumeType", "ec2:Vpc"));
        put("ec2:CreateTags", List.of(EC2_INSTANCE, EC2_VOLUME, EC2_NETWORK_INTERFACE, EC2_SUBNET, EC2_SECURITY_GROUP,
                EC2_LAUNCH_TEMPLATE, EC2_IMAGE, EC2_KEY_PAIR, EC2_PLACEMENT_GROUP, EC2_SNAPSHOT), Set.of(
                "ec2:CreateAction", "ec2:AvailabilityZone", "ec2:AvailabilityZoneId", "ec2:Encrypted", "ec2:ImageID",
                "ec2:InstanceID", "ec2:InstanceProfile", "ec2:InstanceType", "ec2:NetworkInterfaceID", "ec2:Owner",
                "ec2:Region", "ec2:ResourceTag/*", "ec2:SecurityGroupID", "ec2:SnapshotID", "ec2:Subnet",
                "ec2:SubnetID", "ec2:VolumeID", "ec2:VolumeType", "ec2:Vpc", "ec2:VpcID"));
        // AWS Identity and Access Management: PassRole on the role, with the keys that name where it is passed.
        put("iam:PassRole", List.of(IAM_ROLE), Set.of("iam:PassedToService", "iam:AssociatedResourceArn",
                "iam:ResourceTag/*"));
        // Amazon SNS: Publish takes the topic resource type.
        put("sns:Publish", List.of(SNS_TOPIC), Set.of());
        // Amazon EventBridge: PutEvents takes the event-bus resource type.
        put("events:PutEvents", List.of(EVENT_BUS), Set.of("events:detail-type", "events:source",
                "events:eventBusInvocation"));
        // Amazon RDS: the global database's failover and switchover take the cluster and the global-cluster resource
        // types; describing global clusters takes the global-cluster type.
        for (String a : List.of("FailoverGlobalCluster", "SwitchoverGlobalCluster")) {
            put("rds:" + a, List.of(RDS_CLUSTER, RDS_GLOBAL_CLUSTER), Set.of());
        }
        put("rds:DescribeGlobalClusters", List.of(RDS_GLOBAL_CLUSTER), Set.of());
        // Amazon EC2 Auto Scaling: UpdateAutoScalingGroup takes the autoScalingGroup type; describing accepts only *.
        put("autoscaling:UpdateAutoScalingGroup", List.of(AUTOSCALING_GROUP), Set.of("autoscaling:ResourceTag/*",
                "autoscaling:LaunchConfigurationName", "autoscaling:LaunchTemplateVersionSpecified",
                "autoscaling:MaxSize", "autoscaling:MinSize", "autoscaling:VPCZoneIdentifiers"));
        put("autoscaling:DescribeAutoScalingGroups", List.of(), Set.of());
        // Amazon CloudWatch: PutMetricData accepts only *, scoped by the namespace key; DescribeAlarms takes alarms.
        put("cloudwatch:PutMetricData", List.of(), Set.of("cloudwatch:namespace", "cloudwatch:requestManagedResourceARNs"));
        put("cloudwatch:DescribeAlarms", List.of(CLOUDWATCH_ALARM), Set.of());
        // AWS Systems Manager: SendCommand takes the document and the instances it runs on; following commands and
        // fetching a patch snapshot accept only *; compliance is reported on the instance.
        put("ssm:SendCommand", List.of(SSM_DOCUMENT, EC2_INSTANCE, SSM_MANAGED_INSTANCE), Set.of("ssm:resourceTag/*",
                "ssm:SessionDocumentAccessCheck"));
        put("ssm:ListCommands", List.of(), Set.of());
        put("ssm:ListCommandInvocations", List.of(), Set.of());
        put("ssm:GetDeployablePatchSnapshotForInstance", List.of(), Set.of());
        put("ssm:PutComplianceItems", List.of(EC2_INSTANCE, SSM_MANAGED_INSTANCE), Set.of());
        // Amazon Message Delivery Service (ec2messages): none takes a resource type.
        for (String a : List.of("AcknowledgeMessage", "DeleteMessage", "FailMessage", "GetEndpoint", "GetMessages",
                "SendReply")) {
            put("ec2messages:" + a, List.of(), Set.of());
        }
        // AWS STS: a trust policy's resource is the role itself, so statements carry no Resource.
        put("sts:AssumeRole", List.of(IAM_ROLE), Set.of());
    }

    private static void put(String action, List<Pattern> types, Set<String> keys) {
        ACTIONS.put(action, new ActionRule(types, keys));
    }

    /** The rule of an action, or empty when the action is not in this table. */
    public static Optional<ActionRule> rule(String action) {
        return Optional.ofNullable(ACTIONS.get(action));
    }

    /** The actions a documented wildcard action such as {@code kms:GenerateDataKey*} stands for, in this table. */
    public static List<String> expand(String action) {
        if (!action.endsWith("*")) {
            return List.of(action);
        }
        String prefix = action.substring(0, action.length() - 1);
        return ACTIONS.keySet().stream().filter(a -> a.startsWith(prefix)).toList();
    }
}
