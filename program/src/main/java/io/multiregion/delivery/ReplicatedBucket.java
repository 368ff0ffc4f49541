package io.multiregion.delivery;

import com.pulumi.aws.Provider;
import com.pulumi.aws.s3.BucketNotification;
import com.pulumi.aws.s3.BucketNotificationArgs;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketReplicationConfigArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.RegionalSupport;
import io.multiregion.storage.SecureBucket;

import java.util.List;
import java.util.Map;

/**
 * The release bucket in region A and its replica in region B, joined by S3 Cross-Region Replication
 * Built in the primary stack with both regions' providers.
 *
 * <ul>
 *   <li>Both buckets are versioned and SSE-KMS encrypted with a customer managed key of their own region.</li>
 *   <li>KMS-encrypted objects are selected for replication and re-encrypted with B's key.</li>
 *   <li>Replication Time Control (15 minutes) and replication metrics are on.</li>
 *   <li>The replication role is trusted only by {@code s3.amazonaws.com} and holds exactly the documented
 *       actions on exactly these two buckets and two keys.</li>
 *   <li>Delete markers are <em>not</em> replicated by default ({@code replicateDeleteMarkers}): deleting a
 *       release in A must never hide the last good release in B during a disaster.</li>
 * </ul>
 */
public final class ReplicatedBucket extends ComponentResource {

    /** RTC's replication-time threshold: 15 minutes is the only value S3 accepts (S3 User Guide, "S3 Replication Time Control"). */
    public static final int RTC_MINUTES = 15;

    /**
     * This component spans two regions, so it takes both regions' providers here instead of from its options:
     * the source bucket and the replication in A, the replica bucket, its key and its notifications in B.
     *
     * @param sourceRegion            region A
     * @param replicaRegion           region B
     * @param sourceProvider          region A's provider
     * @param replicaProvider         region B's provider
     * @param replicateDeleteMarkers  replicate delete markers (default false)
     */
    public record Args(AwsRegion sourceRegion, AwsRegion replicaRegion, Provider sourceProvider, Provider replicaProvider,
                       boolean replicateDeleteMarkers) {
    }

    /** Source bucket in A. */
    public final SecureBucket source;
    /** Replica bucket in B. */
    public final SecureBucket replica;
    /** B's key, encrypting the replicas. */
    public final RegionalKey replicaKey;
    /** ARN of the replication role. */
    @Export(name = "replicationRoleArn", refs = {String.class}, tree = "[0]")
    public final Output<String> replicationRoleArn;

    public ReplicatedBucket(String name, Args args, RegionalSupport support, ComponentResourceOptions options) {
        super("multiregion:delivery:ReplicatedBucket", name, options);
        AwsRegion a = args.sourceRegion();
        AwsRegion b = args.replicaRegion();
        this.source = support.bucket(name + "-source", a, this, ref -> List.of());
        this.replica = support.bucket(name + "-replica", b, this, ref -> List.of());
        RegionalKey sourceKey = support.key(a);
        this.replicaKey = support.key(b);

        // S3 to EventBridge notifications on the replica bucket, whatever the trigger mode: the bucket's
        // notification configuration belongs to the bucket's owner, this stack, because
        // PutBucketNotificationConfiguration replaces the whole configuration (S3 API Reference), so a second
        // writer would erase this one. Turning it on has no charge of its own; only the rules that match the
        // events are billed (S3 User Guide, "Using EventBridge"). The secondary only adds its rule.
        new BucketNotification(name + "-replica-events", BucketNotificationArgs.builder()
                .bucket(replica.bucketName)
                .eventbridge(true)
                .build(), CustomResourceOptions.builder().parent(this).provider(args.replicaProvider()).build());

        CustomResourceOptions inA = CustomResourceOptions.builder().parent(this).provider(args.sourceProvider()).build();
        ServiceRole role = ServiceRole.create(name + "-replication", "s3.amazonaws.com", List.of(),
                "S3 replication of " + name + " from " + a + " to " + b,
                replicationPolicy(a, b, source, replica, sourceKey, replicaKey), inA);
        this.replicationRoleArn = role.arn();

        new BucketReplicationConfig(name + "-replication", BucketReplicationConfigArgs.builder()
                .bucket(source.bucket.id())
                .role(role.arn())
                .rules(BucketReplicationConfigRuleArgs.builder()
                        .id(ruleId(b))
                        .status("Enabled")
                        .priority(1)
                        .filter(BucketReplicationConfigRuleFilterArgs.builder().prefix("").build())
                        .deleteMarkerReplication(BucketReplicationConfigRuleDeleteMarkerReplicationArgs.builder()
                                .status(args.replicateDeleteMarkers() ? "Enabled" : "Disabled").build())
                        .sourceSelectionCriteria(BucketReplicationConfigRuleSourceSelectionCriteriaArgs.builder()
                                .sseKmsEncryptedObjects(BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs
                                        .builder().status("Enabled").build())
                                .build())
                        .destination(BucketReplicationConfigRuleDestinationArgs.builder()
                                .bucket(replica.arn)
                                .encryptionConfiguration(BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs.builder()
                                        .replicaKmsKeyId(replicaKey.arn).build())
                                .replicationTime(BucketReplicationConfigRuleDestinationReplicationTimeArgs.builder()
                                        .status("Enabled")
                                        .time(BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs.builder()
                                                .minutes(RTC_MINUTES).build())
                                        .build())
                                .metrics(BucketReplicationConfigRuleDestinationMetricsArgs.builder()
                                        .status("Enabled")
                                        .eventThreshold(BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs.builder()
                                                .minutes(RTC_MINUTES).build())
                                        .build())
                                .build())
                        .build())
                .build(),
                CustomResourceOptions.builder().parent(this).provider(args.sourceProvider())
                        // S3 refuses a replication configuration until both buckets are versioned, and the
                        // role must already hold its permissions when S3 validates it.
                        .dependsOn(List.<Resource>of(source.versioning, replica.versioning, role.policy()))
                        .build());

        registerOutputs(Map.of(
                "sourceBucketName", source.bucketName,
                "replicaBucketName", replica.bucketName,
                "replicationRoleArn", replicationRoleArn));
    }

    /**
     * Exactly the documented permissions (S3 User Guide, "Setting up permissions for live replication" and
     * "Replicating objects created with server-side encryption (SSE-C, SSE-S3, SSE-KMS, DSSE-KMS)").
     */
    static List<Statement> replicationPolicy(AwsRegion a, AwsRegion b, SecureBucket source, SecureBucket replica,
                                             RegionalKey sourceKey, RegionalKey replicaKey) {
        Output<String> sourceObjects = source.objectsArn;
        Output<String> replicaObjects = replica.objectsArn;
        return List.of(
                Statement.allow("ReadReplicationConfiguration").actions(Actions.REPLICATION_SOURCE_BUCKET)
                        .resource(source.arn).build(),
                Statement.allow("ReadSourceObjectVersions").actions(Actions.REPLICATION_SOURCE_OBJECTS)
                        .resource(sourceObjects).build(),
                Statement.allow("WriteReplicas").actions(Actions.REPLICATION_DESTINATION_OBJECTS)
                        .resource(replicaObjects).build(),
                Statement.allow("DecryptSourceObjects").actions("kms:Decrypt").resource(sourceKey.arn)
                        .condition("StringEquals", "kms:ViaService", a.serviceHost("s3"))
                        .conditionAnyOf("StringLike", "kms:EncryptionContext:aws:s3:arn", List.of(source.arn, sourceObjects))
                        .build(),
                Statement.allow("EncryptReplicas").actions("kms:Encrypt").resource(replicaKey.arn)
                        .condition("StringEquals", "kms:ViaService", b.serviceHost("s3"))
                        .conditionAnyOf("StringLike", "kms:EncryptionContext:aws:s3:arn", List.of(replica.arn, replicaObjects))
                        .build());
    }

    /** The replication rule's id, the {@code RuleId} dimension of its replication metrics. */
    public static String ruleId(AwsRegion replicaRegion) {
        return "to-" + replicaRegion.code();
    }
}
