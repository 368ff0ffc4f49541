package io.multiregion.delivery;

import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;

/** CodePipeline stages of one AWS-owned action, as both pipelines here are built. */
final class Stages {
    private Stages() {
    }

    /**
     * @param stage     stage name
     * @param action    action name
     * @param category  Source, Build, Test or Deploy
     * @param provider  action provider (S3, CodeBuild, CodeStarSourceConnection)
     * @param inputs    input artifact names
     * @param outputs   output artifact names
     * @param config    the action's configuration
     */
    static PipelineStageArgs single(String stage, String action, String category, String provider,
                                    List<String> inputs, List<String> outputs, Output<Map<String, String>> config) {
        var builder = PipelineStageActionArgs.builder()
                .name(action).category(category).owner("AWS").provider(provider).version("1")
                .configuration(config);
        // an action without artifacts of a kind leaves the list out, as CodePipeline shows it
        if (!inputs.isEmpty()) {
            builder.inputArtifacts(inputs);
        }
        if (!outputs.isEmpty()) {
            builder.outputArtifacts(outputs);
        }
        return PipelineStageArgs.builder().name(stage).actions(builder.build()).build();
    }
}
