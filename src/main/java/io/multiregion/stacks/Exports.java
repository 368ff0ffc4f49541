package io.multiregion.stacks;

/**
 * Names of the primary stack's outputs. The secondary stack reads exactly these through its
 * StackReference, so they are part of the contract between the two stacks.
 */
public final class Exports {
    private Exports() {
    }

    public static final String PRIMARY_REGION = "primaryRegion";
    public static final String SECONDARY_REGION = "secondaryRegion";
    public static final String ARTIFACT_KEY = "artifactKey";
    public static final String SOURCE_BUCKET = "sourceBucketName";
    public static final String REPLICA_BUCKET = "replicaBucketName";
    public static final String REPLICA_BUCKET_ARN = "replicaBucketArn";
    public static final String REPLICA_KEY_ARN = "replicaKeyArn";
    public static final String SOURCE_PIPELINE = "sourcePipelineName";
    public static final String CONNECTION_ARN = "connectionArn";
    public static final String CONNECTION_NOTE = "connectionHandshake";
    public static final String REPLICATION_ROLE_ARN = "replicationRoleArn";

    public static final String REPLICA_PIPELINE = "replicaPipelineName";
    public static final String TRIGGER_MODE = "triggerMode";
    public static final String TRIGGER_RULE = "triggerRuleName";
    public static final String TRIGGER_TRAIL = "triggerTrailName";
    public static final String RELEASE_OBJECT = "releaseObject";
}
