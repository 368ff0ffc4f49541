package io.multiregion.delivery;

import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.compute.AppTier;
import io.multiregion.deploy.DeployTarget;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.SecureBucket;

/**
 * Where a pipeline deploys its releases: a region's CodeDeploy target, and the role of the instances that
 * download the release revisions from the pipeline's artifact store.
 *
 * @param target           the CodeDeploy application and deployment group
 * @param instanceRoleName the role of the instances the CodeDeploy agent runs on
 */
public record DeployTo(DeployTarget target, Output<String> instanceRoleName) {

    /**
     * The grant that lives with the revisions' owner: the instances may read the pipeline's artifacts and decrypt
     * them through S3 (CodeDeploy User Guide, "Create an IAM instance profile for your Amazon EC2 instances").
     */
    void grantRevisions(String name, AwsRegion region, SecureBucket artifacts, RegionalKey key,
                        CustomResourceOptions options) {
        grantRevisions(name, region, new AppTier.ReleaseSource(artifacts.arn, key.arn), options);
    }

    /**
     * The same grant on a store known by its ARNs: native delivery's store in B belongs to the primary, whose pipeline
     * copies the revisions there, but B's instance role belongs to the secondary. A bucket policy naming that role
     * would be refused by S3 while the role does not exist yet (the primary is deployed first), so the secondary
     * grants its own role, on the ARNs the primary exports ({@code StackContract}).
     */
    public void grantRevisions(String name, AwsRegion region, AppTier.ReleaseSource store, CustomResourceOptions options) {
        new RolePolicy(name + "-release-read", RolePolicyArgs.builder()
                .role(instanceRoleName)
                .policy(PolicyDocument.of(AppTier.releaseStatements(region, store)))
                .build(), options);
    }
}
