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

    /**
     * The stages, followed by a deploy stage to a CodeDeploy target when there is one. The release zip (with its
     * {@code appspec.yml} at the root) is the deploy action's input artifact.
     */
    static List<PipelineStageArgs> thenDeploy(List<PipelineStageArgs> stages, String releaseArtifact,
                                             java.util.Optional<DeployTo> deployTo) {
        List<PipelineStageArgs> all = new java.util.ArrayList<>(stages);
        deployTo.ifPresent(d -> all.add(d.target().stage("Deploy", releaseArtifact, java.util.Optional.empty())));
        return all;
    }
}
