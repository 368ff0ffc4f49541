package io.multiregion.delivery;

import com.pulumi.core.Output;

/**
 * What the secondary stack knows of the replica, read from the primary stack's outputs.
 *
 * @param bucketName  replica bucket name in B
 * @param bucketArn   replica bucket ARN
 * @param keyArn      ARN of B's KMS key that encrypts the replicas
 * @param artifactKey object key of the release zip
 */
public record ReplicaSource(Output<String> bucketName, Output<String> bucketArn, Output<String> keyArn,
                            Output<String> artifactKey) {

    /** The ARN of the release object in the replica bucket. */
    public Output<String> objectArn() {
        return Output.tuple(bucketArn, artifactKey).applyValue(t -> t.t1 + "/" + t.t2);
    }
}
