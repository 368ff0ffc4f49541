package io.multiregion.delivery;

import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreEncryptionKeyArgs;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.SecureBucket;

/** CodePipeline artifact stores: always in a secure bucket of the pipeline's region, encrypted with its KMS key. */
final class ArtifactStores {
    private ArtifactStores() {
    }

    static PipelineArtifactStoreArgs encrypted(SecureBucket bucket, RegionalKey key) {
        return PipelineArtifactStoreArgs.builder()
                .type("S3")
                .location(bucket.bucketName)
                .encryptionKey(PipelineArtifactStoreEncryptionKeyArgs.builder().type("KMS").id(key.arn).build())
                .build();
    }
}
