package io.multiregion.delivery;

import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreEncryptionKeyArgs;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.SecureBucket;

import java.util.Optional;

/** CodePipeline artifact stores: always in a secure bucket of the store's region, encrypted with that region's KMS key. */
final class ArtifactStores {
    private ArtifactStores() {
    }

    /** The one store of a pipeline whose actions all run in its own region: no region field. */
    static PipelineArtifactStoreArgs encrypted(SecureBucket bucket, RegionalKey key) {
        return store(bucket, key, Optional.empty());
    }

    /**
     * One of the stores of a pipeline with cross-region actions: a pipeline with more than one store names the
     * region of each, its own included (CloudFormation User Guide, AWS::CodePipeline::Pipeline ArtifactStoreMap:
     * "There must be an artifact store for the pipeline Region and for each cross-region action"; terraform
     * aws_codepipeline, artifact_store.region: required for a cross-region pipeline, not provided otherwise). The
     * bucket and the key are both in that region.
     */
    static PipelineArtifactStoreArgs inRegion(SecureBucket bucket, RegionalKey key) {
        if (!bucket.region.equals(key.region)) {
            throw new IllegalArgumentException("an artifact store in " + bucket.region + " needs a key of that region, not "
                    + key.region);
        }
        return store(bucket, key, Optional.of(bucket.region));
    }

    private static PipelineArtifactStoreArgs store(SecureBucket bucket, RegionalKey key, Optional<AwsRegion> region) {
        var builder = PipelineArtifactStoreArgs.builder()
                .type("S3")
                .location(bucket.bucketName)
                .encryptionKey(PipelineArtifactStoreEncryptionKeyArgs.builder().type("KMS").id(key.arn).build());
        region.ifPresent(r -> builder.region(r.code()));
        return builder.build();
    }
}
