package io.multiregion.delivery;

import com.pulumi.core.Output;

/**
 * What the secondary stack knows of the replica, read from the primary stack's outputs.
 *
 * @param bucketName  replica bucket name in B
 * @param bucketArn   replica bucket ARN
 * @param keyArn      ARN of B's KMS key that encrypts the replicas
 * @param artifactKey object key of the release zip
 * @param objectArn   ARN of the release object in the replica bucket (see {@link #of})
 */
public record ReplicaSource(Output<String> bucketName, Output<String> bucketArn, Output<String> keyArn,
                            Output<String> artifactKey, Output<String> objectArn) {

    /** The replica, with the release object's ARN derived once for every statement and selector that names it. */
    public static ReplicaSource of(Output<String> bucketName, Output<String> bucketArn, Output<String> keyArn,
                                  Output<String> artifactKey) {
        return new ReplicaSource(bucketName, bucketArn, keyArn, artifactKey,
                Output.tuple(bucketArn, artifactKey).applyValue(t -> t.t1 + "/" + t.t2));
    }
}
