package io.multiregion.testing;

import java.util.Map;

/** What the primary stack exports, as the secondary's StackReference would read it. */
public final class Samples {
    private Samples() {
    }

    public static final String REPLICA_BUCKET = "multiregion-release-replica-a1b2c3d";
    public static final String REPLICA_KEY_ARN = "arn:aws:kms:eu-central-1:123456789012:key/multiregion-key-eu-central-1-0000-1111";
    public static final String ARTIFACT_KEY = "releases/app.zip";

    public static Map<String, Object> primaryOutputs() {
        return Map.of(
                "primaryRegion", "eu-west-1",
                "secondaryRegion", "eu-central-1",
                "artifactKey", ARTIFACT_KEY,
                "replicaBucketName", REPLICA_BUCKET,
                "replicaBucketArn", "arn:aws:s3:::" + REPLICA_BUCKET,
                "replicaKeyArn", REPLICA_KEY_ARN);
    }
}
