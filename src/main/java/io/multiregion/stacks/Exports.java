package io.multiregion.stacks;

/**
 * Names of the stacks' outputs. The secondary stack reads the primary's through its StackReference, so the
 * primary's names are the contract between the two stacks.
 */
public final class Exports {
    private Exports() {
    }

    /** Both stacks: region A's code. The secondary refuses a primary whose value differs from its own. */
    public static final String PRIMARY_REGION = "primaryRegion";
    /** Both stacks: region B's code. */
    public static final String SECONDARY_REGION = "secondaryRegion";
    /** Primary: object key of the release zip in the source and replica buckets. */
    public static final String ARTIFACT_KEY = "artifactKey";
    /** Primary: the source (release) bucket in A. */
    public static final String SOURCE_BUCKET = "sourceBucketName";
    /** Primary: the replica bucket in B (the DR upload target). */
    public static final String REPLICA_BUCKET = "replicaBucketName";
    /** Primary: the replica bucket's ARN. */
    public static final String REPLICA_BUCKET_ARN = "replicaBucketArn";
    /** Primary: ARN of B's KMS key that encrypts the replicas. */
    public static final String REPLICA_KEY_ARN = "replicaKeyArn";
    /** Primary: the source pipeline's name in A. */
    public static final String SOURCE_PIPELINE = "sourcePipelineName";
    /** Primary: the Git connection's ARN. */
    public static final String CONNECTION_ARN = "connectionArn";
    /** Primary: whether the connection still needs its one-time console handshake. */
    public static final String CONNECTION_NOTE = "connectionHandshake";
    /** Primary: the replication role's ARN. */
    public static final String REPLICATION_ROLE_ARN = "replicationRoleArn";

    /** Secondary: the pipeline's name in B. */
    public static final String REPLICA_PIPELINE = "replicaPipelineName";
    /** Secondary: {@code cloudtrail} or {@code eventbridge}. */
    public static final String TRIGGER_MODE = "triggerMode";
    /** Secondary: the EventBridge rule that starts B's pipeline. */
    public static final String TRIGGER_RULE = "triggerRuleName";
    /** Secondary, cloudtrail mode: the data-event trail's name. */
    public static final String TRIGGER_TRAIL = "triggerTrailName";
    /** Secondary: {@code s3://bucket/key} of the release object that starts B's pipeline. */
    public static final String RELEASE_OBJECT = "releaseObject";
}
