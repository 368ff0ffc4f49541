package io.multiregion.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a changed input does to its resource, by type: replace it (delete and create) or update it in place. The
 * source is the Terraform AWS provider that the Pulumi AWS provider bridges: an input replaces its resource when the
 * resource's schema declares it {@code ForceNew: true} (SDKv2 resources, {@code internal/service/<service>/<resource>.go}
 * in terraform-provider-aws) or gives it a {@code RequiresReplace} plan modifier (Plugin Framework resources); the
 * registry docs say "Forces new resource". Every other input of a type listed here is updated in place (the resource's
 * Update function applies it). Tags never replace a resource (they are changed with the service's tagging API). A
 * change of an input of a type the table does not list "may replace": the offline plan cannot ask the provider.
 */
public final class Replacements {
    private Replacements() {
    }

    /** What a changed input does. */
    public enum Effect {
        /** the input forces a replacement (delete and create, or create and delete) */
        REPLACE,
        /** the provider updates the resource in place */
        UPDATE,
        /** an input of a type the table does not know: the provider decides between update and replacement */
        MAY_REPLACE
    }

    /** Inputs of every S3 bucket sub-resource (versioning, encryption, policy, ...) that name the bucket. */
    private static final Set<String> S3_BUCKET_CHILD = Set.of("bucket", "expectedBucketOwner");
    /** Tags: changed through the service's tagging API, never by a replacement. */
    private static final Set<String> TAGS = Set.of("tags", "tagsAll");

    /**
     * For each type: every top-level input whose change forces a new resource. The rest of the type's inputs update in
     * place. The comment above each entry names the provider's source file and what it declares.
     */
    private static final Map<String, Set<String>> FORCE_NEW = Map.ofEntries(
            // s3/bucket.go: bucket, bucket_prefix, object_lock_enabled (force_destroy, tags: in place)
            Map.entry("aws:s3/bucketV2:BucketV2", Set.of("bucket", "bucketPrefix", "objectLockEnabled")),
            Map.entry("aws:s3/bucket:Bucket", Set.of("bucket", "bucketPrefix", "objectLockEnabled")),
            // s3/bucket_{versioning,server_side_encryption_configuration,lifecycle_configuration,logging,policy,
            // public_access_block,ownership_controls,replication_configuration,notification}.go: bucket (and
            // expected_bucket_owner); their rules, policy and settings are put again in place
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
            // kms/key.go: customer_master_key_spec, key_usage, multi_region, custom_key_store_id, xks_key_id;
            // key_policy.go: key_id; alias.go: name, name_prefix (target_key_id in place)
            Map.entry("aws:kms/key:Key", Set.of("customerMasterKeySpec", "keyUsage", "multiRegion",
                    "customKeyStoreId", "xksKeyId")),
            Map.entry("aws:kms/keyPolicy:KeyPolicy", Set.of("keyId")),
            Map.entry("aws:kms/alias:Alias", Set.of("name", "namePrefix")),
            // iam/role.go: name, name_prefix, path; role_policy.go: name, name_prefix, role; policy.go: name,
            // name_prefix, path, description; instance_profile.go: name, name_prefix, path (role in place);
            // role_policy_attachment.go: role, policy_arn
            Map.entry("aws:iam/role:Role", Set.of("name", "namePrefix", "path")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", Set.of("name", "namePrefix", "role")),
            Map.entry("aws:iam/policy:Policy", Set.of("name", "namePrefix", "path", "description")),
            Map.entry("aws:iam/instanceProfile:InstanceProfile", Set.of("name", "namePrefix", "path")),
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", Set.of("role", "policyArn")),
            // logs/group.go: name, name_prefix, log_group_class (kms_key_id, retention_in_days in place)
            Map.entry("aws:cloudwatch/logGroup:LogGroup", Set.of("name", "namePrefix", "logGroupClass")),
            // events/rule.go: name, name_prefix, event_bus_name; events/target.go: rule, target_id, event_bus_name
            Map.entry("aws:cloudwatch/eventRule:EventRule", Set.of("name", "namePrefix", "eventBusName")),
            Map.entry("aws:cloudwatch/eventTarget:EventTarget", Set.of("rule", "targetId", "eventBusName")),
            // cloudwatch/metric_alarm.go: alarm_name; cloudwatch/composite_alarm.go: alarm_name;
            // cloudwatch/dashboard.go: dashboard_name
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", Set.of("name")),
            Map.entry("aws:cloudwatch/compositeAlarm:CompositeAlarm", Set.of("alarmName")),
            Map.entry("aws:cloudwatch/dashboard:Dashboard", Set.of("dashboardName")),
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
            // codepipeline/codepipeline.go: name; codebuild/project.go: name;
            // codestarconnections/connection.go: name, provider_type, host_arn
            Map.entry("aws:codepipeline/pipeline:Pipeline", Set.of("name")),
            Map.entry("aws:codebuild/project:Project", Set.of("name")),
            Map.entry("aws:codestarconnections/connection:Connection", Set.of("name", "providerType", "hostArn")),
            // deploy/app.go: compute_platform (the name is changed with UpdateApplication); deployment_group.go:
            // app_name (deployment_group_name is changed with UpdateDeploymentGroup)
            Map.entry("aws:codedeploy/application:Application", Set.of("computePlatform")),
            Map.entry("aws:codedeploy/deploymentGroup:DeploymentGroup", Set.of("appName")),
            // ec2/vpc_.go: cidr_block, ipv4_ipam_pool_id, ipv4_netmask_length; vpc_subnet.go: cidr_block,
            // availability_zone(_id), vpc_id, outpost_arn; vpc_security_group.go: name, name_prefix, description,
            // vpc_id; vpc_default_security_group.go: vpc_id; ec2_launch_template.go: name, name_prefix (every other
            // setting makes a new version); vpc_nat_gateway.go: subnet_id, allocation_id, connectivity_type,
            // private_ip; vpc_route_table.go: vpc_id; vpc_route.go: route_table_id and the destination (targets in
            // place); vpc_route_table_association.go: subnet_id, gateway_id (route_table_id replaced in place);
            // vpc_internet_gateway.go: none (vpc_id is attached and detached); ec2_eip.go: domain, address,
            // network_border_group, public_ipv4_pool, customer_owned_ipv4_pool; vpc_flow_log.go: every setting but
            // tags; vpc_endpoint.go: vpc_id, service_name, vpc_endpoint_type, service_region (route_table_ids in place)
            Map.entry("aws:ec2/vpc:Vpc", Set.of("cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength")),
            Map.entry("aws:ec2/subnet:Subnet", Set.of("cidrBlock", "availabilityZone", "availabilityZoneId", "vpcId",
                    "outpostArn")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", Set.of("name", "namePrefix", "description", "vpcId")),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", Set.of("vpcId")),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", Set.of("name", "namePrefix")),
            Map.entry("aws:ec2/natGateway:NatGateway", Set.of("subnetId", "allocationId", "connectivityType",
                    "privateIp")),
            Map.entry("aws:ec2/routeTable:RouteTable", Set.of("vpcId")),
            Map.entry("aws:ec2/route:Route", Set.of("routeTableId", "destinationCidrBlock",
                    "destinationIpv6CidrBlock", "destinationPrefixListId")),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", Set.of("subnetId", "gatewayId")),
            Map.entry("aws:ec2/internetGateway:InternetGateway", Set.of()),
            Map.entry("aws:ec2/eip:Eip", Set.of("domain", "address", "networkBorderGroup", "publicIpv4Pool",
                    "customerOwnedIpv4Pool", "vpc")),
            Map.entry("aws:ec2/flowLog:FlowLog", Set.of("iamRoleArn", "logDestination", "logDestinationType",
                    "trafficType", "vpcId", "subnetId", "eniId", "transitGatewayId", "transitGatewayAttachmentId",
                    "logFormat", "maxAggregationInterval", "destinationOptions", "deliverCrossAccountRole",
                    "logGroupName")),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", Set.of("vpcId", "serviceName", "vpcEndpointType",
                    "serviceRegion")),
            // vpc/security_group_{ingress,egress}_rule.go (Plugin Framework): security_group_id requires replace;
            // the rule itself is changed with ModifySecurityGroupRules
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", Set.of("securityGroupId")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", Set.of("securityGroupId")),
            // ec2/transitgateway_.go: amazon_side_asn; transitgateway_vpc_attachment.go: transit_gateway_id, vpc_id
            // (subnet_ids in place); transitgateway_peering_attachment.go: peer_account_id, peer_region,
            // peer_transit_gateway_id, transit_gateway_id; transitgateway_peering_attachment_accepter.go:
            // transit_gateway_attachment_id; transitgateway_route_table.go: transit_gateway_id;
            // transitgateway_route.go, transitgateway_route_table_association.go and
            // transitgateway_route_table_propagation.go: every argument
            Map.entry("aws:ec2transitgateway/transitGateway:TransitGateway", Set.of("amazonSideAsn")),
            Map.entry("aws:ec2transitgateway/vpcAttachment:VpcAttachment", Set.of("transitGatewayId", "vpcId")),
            Map.entry("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", Set.of("peerAccountId",
                    "peerRegion", "peerTransitGatewayId", "transitGatewayId")),
            Map.entry("aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter",
                    Set.of("transitGatewayAttachmentId")),
            Map.entry("aws:ec2transitgateway/routeTable:RouteTable", Set.of("transitGatewayId")),
            Map.entry("aws:ec2transitgateway/route:Route", Set.of("destinationCidrBlock",
                    "transitGatewayAttachmentId", "transitGatewayRouteTableId", "blackhole")),
            Map.entry("aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation",
                    Set.of("transitGatewayAttachmentId", "transitGatewayRouteTableId")),
            Map.entry("aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation",
                    Set.of("transitGatewayAttachmentId", "transitGatewayRouteTableId")),
            // elbv2/load_balancer.go: name, name_prefix, internal, load_balancer_type, customer_owned_ipv4_pool;
            // target_group.go: name, name_prefix, port, protocol, protocol_version, target_type, vpc_id,
            // ip_address_type; listener.go: load_balancer_arn (port, protocol, actions in place)
            Map.entry("aws:lb/loadBalancer:LoadBalancer", Set.of("name", "namePrefix", "internal", "loadBalancerType",
                    "customerOwnedIpv4Pool")),
            Map.entry("aws:alb/loadBalancer:LoadBalancer", Set.of("name", "namePrefix", "internal", "loadBalancerType",
                    "customerOwnedIpv4Pool")),
            Map.entry("aws:lb/targetGroup:TargetGroup", Set.of("name", "namePrefix", "port", "protocol",
                    "protocolVersion", "targetType", "vpcId", "ipAddressType")),
            Map.entry("aws:alb/targetGroup:TargetGroup", Set.of("name", "namePrefix", "port", "protocol",
                    "protocolVersion", "targetType", "vpcId", "ipAddressType")),
            Map.entry("aws:lb/listener:Listener", Set.of("loadBalancerArn")),
            // elbv2/listener_rule.go: listener_arn (priority, conditions and actions change in place)
            Map.entry("aws:lb/listenerRule:ListenerRule", Set.of("listenerArn")),
            Map.entry("aws:alb/listener:Listener", Set.of("loadBalancerArn")),
            // autoscaling/group.go: name, name_prefix (sizes, launch template, subnets, health checks in place);
            // autoscaling/policy.go: name, autoscaling_group_name
            Map.entry("aws:autoscaling/group:Group", Set.of("name", "namePrefix")),
            Map.entry("aws:autoscaling/policy:Policy", Set.of("name", "autoscalingGroupName")),
            // rds/cluster.go: cluster_identifier(_prefix), engine, engine_mode, storage_encrypted, kms_key_id,
            // database_name, db_subnet_group_name, availability_zones, snapshot_identifier, master_username,
            // source_region, restore_to_point_in_time, s3_import (engine_version, instance counts, backups,
            // global_cluster_identifier, security groups in place); cluster_instance.go: identifier(_prefix),
            // cluster_identifier, engine, db_subnet_group_name, availability_zone, custom_iam_instance_profile
            // (instance_class in place); global_cluster.go: global_cluster_identifier, storage_encrypted,
            // database_name, source_db_cluster_identifier, engine; subnet_group.go: name, name_prefix
            Map.entry("aws:rds/cluster:Cluster", Set.of("clusterIdentifier", "clusterIdentifierPrefix", "engine",
                    "engineMode", "storageEncrypted", "kmsKeyId", "databaseName", "dbSubnetGroupName",
                    "availabilityZones", "snapshotIdentifier", "masterUsername", "sourceRegion",
                    "restoreToPointInTime", "s3Import")),
            Map.entry("aws:rds/clusterInstance:ClusterInstance", Set.of("identifier", "identifierPrefix",
                    "clusterIdentifier", "engine", "dbSubnetGroupName", "availabilityZone",
                    "customIamInstanceProfile")),
            Map.entry("aws:rds/globalCluster:GlobalCluster", Set.of("globalClusterIdentifier", "storageEncrypted",
                    "databaseName", "sourceDbClusterIdentifier", "engine")),
            Map.entry("aws:rds/subnetGroup:SubnetGroup", Set.of("name", "namePrefix")),
            // secretsmanager/secret.go: name, name_prefix (kms_key_id, replicas, recovery window in place);
            // secret_version.go: secret_id, secret_string, secret_binary (a new value is a new version)
            Map.entry("aws:secretsmanager/secret:Secret", Set.of("name", "namePrefix")),
            Map.entry("aws:secretsmanager/secretVersion:SecretVersion", Set.of("secretId", "secretString",
                    "secretBinary")),
            // ecr/repository.go: name, encryption_configuration; lifecycle_policy.go: repository;
            // replication_configuration.go: none
            Map.entry("aws:ecr/repository:Repository", Set.of("name", "encryptionConfigurations")),
            Map.entry("aws:ecr/lifecyclePolicy:LifecyclePolicy", Set.of("repository")),
            Map.entry("aws:ecr/replicationConfiguration:ReplicationConfiguration", Set.of()),
            // acm/certificate.go: domain_name, subject_alternative_names, key_algorithm, validation_method,
            // certificate_authority_arn; sns/topic.go: name, name_prefix, fifo_topic; sns/topic_policy.go: arn
            Map.entry("aws:acm/certificate:Certificate", Set.of("domainName", "subjectAlternativeNames",
                    "keyAlgorithm", "validationMethod", "certificateAuthorityArn")),
            Map.entry("aws:sns/topic:Topic", Set.of("name", "namePrefix", "fifoTopic")),
            Map.entry("aws:sns/topicPolicy:TopicPolicy", Set.of("arn")),
            // route53/health_check.go: type, request_interval, measure_latency, reference_name, routing_control_arn
            Map.entry("aws:route53/healthCheck:HealthCheck", Set.of("type", "requestInterval", "measureLatency",
                    "referenceName", "routingControlArn")),
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
        Set<String> forceNew = FORCE_NEW.get(type);
        if (forceNew != null) {
            return forceNew.contains(input) ? Effect.REPLACE : Effect.UPDATE;
        }
        return type.startsWith("aws:") && TAGS.contains(input) ? Effect.UPDATE : Effect.MAY_REPLACE;
    }

    /** The inputs known to force a replacement of a type (empty when the table does not know the type). */
    public static Set<String> forcing(String type) {
        return FORCE_NEW.getOrDefault(type, Set.of());
    }

    /** Whether the table knows the type: its inputs outside {@link #forcing} are updated in place. */
    public static boolean knows(String type) {
        return FORCE_NEW.containsKey(type);
    }
}
