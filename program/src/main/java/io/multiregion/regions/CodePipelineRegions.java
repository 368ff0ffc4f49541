package io.multiregion.regions;

import java.util.Set;

/**
 * Where CodePipeline can run a cross-region action, in one place: the native delivery mode needs it in both regions
 * (a pipeline in A, a deploy action in B).
 *
 * <p>CodePipeline User Guide, "Add a cross-Region action in CodePipeline": cross-region actions are supported and can
 * only be created in the AWS Regions where CodePipeline is supported. That list is the AWS General Reference page
 * "AWS CodePipeline endpoints and quotas" (service endpoints table). Regions the AWS provider knows but that page does
 * not list (for example ap-southeast-7, ca-west-1, mx-central-1, us-gov-east-1 and the ISO regions) are left out: add
 * a region here once that page lists it.
 */
public final class CodePipelineRegions {
    private CodePipelineRegions() {
    }

    /** Region codes with a CodePipeline endpoint (General Reference, "AWS CodePipeline endpoints and quotas"). */
    public static final Set<String> CROSS_REGION_ACTIONS = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1",
            "ap-east-1", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "ap-southeast-5", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ca-central-1",
            "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2",
            "eu-west-3",
            "il-central-1", "me-central-1", "me-south-1",
            "sa-east-1",
            "cn-north-1", "cn-northwest-1",
            "us-gov-west-1");

    /** Whether a pipeline in this region, or an action of another region's pipeline running here, is possible. */
    public static boolean supportsCrossRegionActions(AwsRegion region) {
        return CROSS_REGION_ACTIONS.contains(region.code());
    }
}
