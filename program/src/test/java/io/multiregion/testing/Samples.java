package io.multiregion.testing;

import io.multiregion.stacks.StackContract.Value;

import java.util.List;
import java.util.Map;

/** What the primary stack exports, as the secondary's StackReference would read it. */
public final class Samples {
    private Samples() {
    }

    public static final String REPLICA_BUCKET = "multiregion-release-replica-a1b2c3d";
    public static final String REPLICA_KEY_ARN = replicaKeyArn("eu-central-1");
    public static final String ARTIFACT_KEY = "releases/app.zip";
    /** B's transit gateway and its route table, as the primary deployed them. */
    public static final String SECONDARY_TRANSIT_GATEWAY = "tgw-0b0b0b0b0b0b0b0b0";
    public static final String SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE = "tgw-rtb-0c0c0c0c0c0c0c0c0";

    /** The exports of the primary deployed from Pulumi.primary.yaml. */
    public static Map<String, Object> primaryOutputs() {
        return primaryOutputs("eu-west-1", "eu-central-1");
    }

    /** The exports of a primary deployed with these regions. */
    public static Map<String, Object> primaryOutputs(String primaryRegion, String secondaryRegion) {
        return Map.ofEntries(
                Map.entry(Value.GLOBAL_CLUSTER.key(), "multiregion-primary-global"),
                Map.entry(Value.DATABASE.key(), Map.of("engine", "aurora-postgresql", "engineVersion", "16.8", "port", 5433.0)),
                Map.entry(Value.DATABASE_SECRET_REPLICA_ARN.key(), "arn:aws:secretsmanager:" + secondaryRegion
                        + ":123456789012:secret:multiregion/primary/database/master-AbCdEf"),
                Map.entry(Value.DATABASE_SECRET_REPLICA_KEY_ARN.key(), secretReplicaKeyArn(secondaryRegion)),
                Map.entry(Value.APPLICATION_NAME_RECORD.key(), ""),
                Map.entry(Value.IMAGE_REPOSITORY_REPLICA_ARN.key(), "arn:aws:ecr:" + secondaryRegion
                        + ":123456789012:repository/multiregion-primary/app"),
                Map.entry(Value.NETWORK.key(), Map.of("primaryCidr", "10.10.0.0/16", "secondaryCidr", "10.20.0.0/16")),
                Map.entry(Value.SIZING.key(), Map.of("instanceType", "m7i.large", "minSize", 3.0, "desiredCapacity", 3.0,
                        "maxSize", 12.0, "natGateways", 3.0, "dbInstanceClass", "db.r6g.large", "dbInstances", 2.0)),
                Map.entry(Value.DOMAIN.key(), ""),
                Map.entry(Value.PRIMARY_REGION.key(), primaryRegion),
                Map.entry(Value.SECONDARY_REGION.key(), secondaryRegion),
                Map.entry(Value.ARTIFACT_KEY.key(), ARTIFACT_KEY),
                Map.entry(Value.REPLICA_BUCKET.key(), REPLICA_BUCKET),
                Map.entry(Value.REPLICA_BUCKET_ARN.key(), "arn:aws:s3:::" + REPLICA_BUCKET),
                Map.entry(Value.REPLICA_KEY_ARN.key(), replicaKeyArn(secondaryRegion)),
                Map.entry(Value.INTER_REGION.key(), Map.of("enabled", true, "primaryAsn", 64512.0, "secondaryAsn", 64513.0,
                        "databaseSubnets", List.of("10.10.192.0/20", "10.10.208.0/20", "10.10.224.0/20"),
                        "applicationSubnets", List.of("10.20.0.0/18", "10.20.64.0/18"))),
                Map.entry(Value.SECONDARY_TRANSIT_GATEWAY.key(), SECONDARY_TRANSIT_GATEWAY),
                Map.entry(Value.SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE.key(), SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE),
                Map.entry(Value.PRIMARY_LOAD_BALANCER_DNS.key(), primaryLoadBalancerDns(primaryRegion)),
                Map.entry(Value.PRIMARY_LOAD_BALANCER_ZONE.key(), "Z32O12XQLNTSW2"),
                Map.entry(Value.PRIMARY_REGIONAL_NAME.key(), ""),
                Map.entry(Value.ORIGIN_SECRET.key(), ORIGIN_SECRET),
                Map.entry(Value.ORIGIN_ACCESS.key(), Map.of("cloudFront", true, "healthCheckers", false)),
                Map.entry(Value.MONITORING.key(), monitoring(primaryRegion, secondaryRegion)));
    }

    /** The value of the X-Origin-Verify header the sample primary generated. */
    public static final String ORIGIN_SECRET = "Sample0riginVerifySecretAbcdefghijklmnopqrstuvwx";

    /** A's load balancer's DNS name in the sample primary. */
    public static String primaryLoadBalancerDns(String region) {
        return "multiregion-web-a1b2c3d-0123456789abcdef." + region + ".elb.amazonaws.com";
    }

    /**
     * The key the primary named for the database secret's replica in B: the primary stack's key in B, whose id differs
     * from the secondary stack's own key in B (the fake cloud names keys by their logical name, which both stacks share).
     */
    public static String secretReplicaKeyArn(String region) {
        return "arn:aws:kms:" + region + ":123456789012:key/primary-stack-key-" + region + "-2222-3333";
    }

    public static final String SOURCE_BUCKET = "multiregion-release-a1b2c3d";

    /** What the primary exports of region A's metrics. */
    public static Map<String, Object> monitoring(String primaryRegion, String secondaryRegion) {
        return Map.of("region", primaryRegion,
                "loadBalancer", "app/multiregion-web-a1b2c3d/0123456789abcdef",
                "targetGroup", "targetgroup/multiregion-web-tg-a1b2c3d/fedcba9876543210",
                "autoScalingGroup", "multiregion-app-a1b2c3d",
                "cluster", "multiregion-primary-" + primaryRegion,
                "deliveryFailedRule", "multiregion-ops-alarms-delivery-failed-a1b2c3d",
                "deliveryRunsRule", "multiregion-ops-events-forward-delivery-a1b2c3d",
                "failingAlarm", "multiregion-primary-" + primaryRegion + "-failing",
                "replication", Map.of("sourceBucket", SOURCE_BUCKET, "destinationBucket", REPLICA_BUCKET,
                        "ruleId", "to-" + secondaryRegion));
    }

    private static String replicaKeyArn(String region) {
        return "arn:aws:kms:" + region + ":123456789012:key/multiregion-key-" + region + "-0000-1111";
    }
}
