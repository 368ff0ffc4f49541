package io.multiregion.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Both stacks of region pairs whose regions offer less than eu-west-1 and eu-central-1, from the stack files with the
 * regions changed: {@code us-west-2 -> mx-central-1} (B offers no CodePipeline or CodeBuild: pipeline-free delivery)
 * and {@code cn-north-1 -> cn-northwest-1} (A offers no CodeConnections: the release is uploaded). Each secondary
 * reads exactly what its primary exported. Run once, then shared (see {@link StandardRuns}).
 */
public final class RegionPairRuns {
    private RegionPairRuns() {
    }

    /** The pipeline-free pair. */
    public static final String[] PIPELINE_FREE = {"us-west-2", "mx-central-1"};
    /** The upload pair. */
    public static final String[] UPLOAD = {"cn-north-1", "cn-northwest-1"};

    /** A stack file's configuration with the regions of a pair. */
    public static Map<String, String> config(String stack, String[] pair) {
        Map<String, String> config = new HashMap<>(StackFiles.config(stack));
        config.put("multiregion:primaryRegion", pair[0]);
        config.put("multiregion:secondaryRegion", pair[1]);
        return config;
    }

    /** The upload pair's configuration: no Git settings, which an upload source does not read. */
    public static Map<String, String> uploadConfig(String stack) {
        Map<String, String> config = config(stack, UPLOAD);
        for (String git : new String[] {"repository", "sourceProvider", "branch"}) {
            config.remove("multiregion:" + git);
        }
        return config;
    }

}
