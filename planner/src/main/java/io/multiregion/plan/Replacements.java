package io.multiregion.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs whose change makes AWS (through the provider) replace a resource instead of updating it, by type. The
 * source is the Terraform AWS provider that the Pulumi AWS provider bridges: each input here is declared
 * {@code ForceNew: true} in the resource's schema (terraform-provider-aws, {@code internal/service/<service>/<resource>.go};
 * the registry docs say "Forces new resource" / "Changing this forces a new resource"). A change of an input not
 * listed "may replace": the offline plan cannot ask the provider.
 */
public final class Replacements {
    private Replacements() {
    }

    /** What a changed input does to its resource. */
    public enum Effect {
        /** the input forces a replacement (delete and create, or create and delete) */
        REPLACE,
        /** an input the table does not know: the provider decides between update and replacement */
        MAY_REPLACE
    }

    /** Inputs of every S3 bucket sub-resource (versioning, encryption, policy, ...) that name the bucket. */
    private static final Set<String> S3_BUCKET_CHILD = Set.of("bucket", "expectedBucketOwner");

    private static final Map<String, Set<String>> FORCE_NEW = Map.ofEntries(
            // s3/bucket.go: bucket, bucket_prefix, object_lock_enabled
            Map.entry("aws:s3/bucketV2:BucketV2", Set.of("bucket", "bucketPrefix", "objectLockEnabled")),
            Map.entry("aws:s3/bucket:Bucket", Set.of("bucket", "bucketPrefix", "objectLockEnabled")),
            // s3/bucket_{versioning,server_side_encryption_configuration,lifecycle_configuration,logging,policy,
            // public_access_block,ownership_controls}.go: bucket (and expected_bucket_owner)
            Map.entry("aws:s3/bucketVersioningV2:BucketVersioningV2", S3_BUCKET_CHILD),
            Map.entry("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    S3_BUCKET_CHILD),
            Map.entry("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", S3_BUCKET_CHILD),
            Map.entry("aws:s3/bucketLoggingV2:BucketLoggingV2", S3_BUCKET_CHILD),
            Map.entry("aws:s3/bucketPolicy:BucketPolicy", Set.of("bucket")),
            Map.entry("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", Set.of("bucket")),
            Map.entry("aws:s3/bucketOwnershipControls:BucketOwnershipControls", Set.of("bucket")),
            Map.entry("aws:s3/bucketReplicationConfig:BucketReplicationConfig", Set.of("bucket")),
            Map.entry("aws:s3/bucketNotification:BucketNotification", Set.of("bucket")),
            // kms/key.go: customer_master_key_spec, key_usage, multi_region, custom_key_store_id, xks_key_id
            Map.entry("aws:kms/key:Key", Set.of("customerMasterKeySpec", "keyUsage", "multiRegion",
                    "customKeyStoreId", "xksKeyId")),
            Map.entry("aws:kms/keyPolicy:KeyPolicy", Set.of("keyId")),
            Map.entry("aws:kms/alias:Alias", Set.of("name", "namePrefix")),
            // iam/role.go: name, name_prefix, path; role_policy.go: name, name_prefix, role; policy.go
            Map.entry("aws:iam/role:Role", Set.of("name", "namePrefix", "path")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", Set.of("name", "namePrefix", "role")),
            Map.entry("aws:iam/policy:Policy", Set.of("name", "namePrefix", "path", "description")),
            Map.entry("aws:iam/instanceProfile:InstanceProfile", Set.of("name", "namePrefix", "path")),
            // logs/group.go: name, name_prefix; events/rule.go, target.go
            Map.entry("aws:cloudwatch/logGroup:LogGroup", Set.of("name", "namePrefix")),
            Map.entry("aws:cloudwatch/eventRule:EventRule", Set.of("name", "namePrefix", "eventBusName")),
            Map.entry("aws:cloudwatch/eventTarget:EventTarget", Set.of("rule", "targetId", "eventBusName")),
            // cloudtrail/trail.go: name
            Map.entry("aws:cloudtrail/trail:Trail", Set.of("name")),
            // configservice/configuration_recorder.go, delivery_channel.go, config_rule.go: name;
            // securityhub/standards_subscription.go: standards_arn; iam/service_linked_role.go: aws_service_name,
            // custom_suffix
            Map.entry("aws:cfg/recorder:Recorder", Set.of("name")),
            Map.entry("aws:cfg/deliveryChannel:DeliveryChannel", Set.of("name")),
            Map.entry("aws:cfg/rule:Rule", Set.of("name")),
            Map.entry("aws:securityhub/standardsSubscription:StandardsSubscription", Set.of("standardsArn")),
            Map.entry("aws:iam/serviceLinkedRole:ServiceLinkedRole", Set.of("awsServiceName", "customSuffix")),
            // codepipeline/codepipeline.go: name; codebuild/project.go: name; codestarconnections/connection.go
            Map.entry("aws:codepipeline/pipeline:Pipeline", Set.of("name")),
            Map.entry("aws:codebuild/project:Project", Set.of("name")),
            Map.entry("aws:codestarconnections/connection:Connection", Set.of("name", "providerType", "hostArn")),
            // deploy/app.go: compute_platform; deployment_group.go: app_name
            Map.entry("aws:codedeploy/application:Application", Set.of("computePlatform")),
            Map.entry("aws:codedeploy/deploymentGroup:DeploymentGroup", Set.of("appName")),
            // ec2/vpc_.go: cidr_block; vpc_subnet.go: cidr_block, availability_zone(_id), vpc_id;
            // vpc_security_group.go: name, name_prefix, description, vpc_id; ec2_launch_template.go: name, name_prefix
            Map.entry("aws:ec2/vpc:Vpc", Set.of("cidrBlock", "ipv4IpamPoolId")),
            Map.entry("aws:ec2/subnet:Subnet", Set.of("cidrBlock", "availabilityZone", "availabilityZoneId", "vpcId")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", Set.of("name", "namePrefix", "description", "vpcId")),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", Set.of("name", "namePrefix")),
            Map.entry("aws:ec2/natGateway:NatGateway", Set.of("subnetId", "allocationId", "connectivityType")),
            Map.entry("aws:ec2/routeTable:RouteTable", Set.of("vpcId")),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", Set.of("vpcId", "serviceName", "vpcEndpointType")),
            Map.entry("aws:ec2transitgateway/vpcAttachment:VpcAttachment", Set.of("transitGatewayId", "vpcId")),
            // elbv2/load_balancer.go: name, name_prefix, internal, load_balancer_type; target_group.go: name,
            // name_prefix, port, protocol, protocol_version, target_type, vpc_id; listener.go: load_balancer_arn
            Map.entry("aws:lb/loadBalancer:LoadBalancer", Set.of("name", "namePrefix", "internal", "loadBalancerType")),
            Map.entry("aws:alb/loadBalancer:LoadBalancer", Set.of("name", "namePrefix", "internal", "loadBalancerType")),
            Map.entry("aws:lb/targetGroup:TargetGroup", Set.of("name", "namePrefix", "port", "protocol",
                    "protocolVersion", "targetType", "vpcId")),
            Map.entry("aws:alb/targetGroup:TargetGroup", Set.of("name", "namePrefix", "port", "protocol",
                    "protocolVersion", "targetType", "vpcId")),
            Map.entry("aws:lb/listener:Listener", Set.of("loadBalancerArn")),
            Map.entry("aws:alb/listener:Listener", Set.of("loadBalancerArn")),
            // autoscaling/group.go: name, name_prefix
            Map.entry("aws:autoscaling/group:Group", Set.of("name", "namePrefix")),
            // rds/cluster.go: cluster_identifier(_prefix), engine, engine_mode, storage_encrypted, kms_key_id,
            // database_name, db_subnet_group_name, availability_zones, snapshot_identifier;
            // cluster_instance.go: identifier(_prefix), cluster_identifier, engine; global_cluster.go
            Map.entry("aws:rds/cluster:Cluster", Set.of("clusterIdentifier", "clusterIdentifierPrefix", "engine",
                    "engineMode", "storageEncrypted", "kmsKeyId", "databaseName", "dbSubnetGroupName",
                    "availabilityZones", "snapshotIdentifier")),
            Map.entry("aws:rds/clusterInstance:ClusterInstance", Set.of("identifier", "identifierPrefix",
                    "clusterIdentifier", "engine")),
            Map.entry("aws:rds/globalCluster:GlobalCluster", Set.of("globalClusterIdentifier", "storageEncrypted",
                    "databaseName", "sourceDbClusterIdentifier")),
            // secretsmanager/secret.go: name, name_prefix; ecr/repository.go: name, encryption_configuration
            Map.entry("aws:secretsmanager/secret:Secret", Set.of("name", "namePrefix")),
            Map.entry("aws:ecr/repository:Repository", Set.of("name", "encryptionConfigurations")),
            // acm/certificate.go: domain_name, subject_alternative_names, key_algorithm; sns/topic.go: name, fifo
            Map.entry("aws:acm/certificate:Certificate", Set.of("domainName", "subjectAlternativeNames",
                    "keyAlgorithm")),
            Map.entry("aws:sns/topic:Topic", Set.of("name", "namePrefix", "fifoTopic")),
            // a provider whose region changes is a provider for another region: its resources move with it
            Map.entry("pulumi:providers:aws", Set.of("region")));

    /**
     * What a change of this input does.
     *
     * @param type             the resource's type token
     * @param input            the top-level input that changed
     * @param replaceOnChanges the resource's own {@code replaceOnChanges} option
     */
    public static Effect of(String type, String input, List<String> replaceOnChanges) {
        if (replaceOnChanges.contains(input) || replaceOnChanges.contains("*")) {
            return Effect.REPLACE;
        }
        return FORCE_NEW.getOrDefault(type, Set.of()).contains(input) ? Effect.REPLACE : Effect.MAY_REPLACE;
    }

    /** The inputs known to force a replacement of a type (empty when the table does not know the type). */
    public static Set<String> forcing(String type) {
        return FORCE_NEW.getOrDefault(type, Set.of());
    }
}
