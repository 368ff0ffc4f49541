package io.multiregion.delivery;

import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.iam.ServiceRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
                                             Optional<DeployTo> deployTo) {
        List<PipelineStageArgs> all = new ArrayList<>(stages);
        deployTo.ifPresent(d -> all.add(d.target().stage("Deploy", releaseArtifact, Optional.empty())));
        return all;
    }

    /**
     * A V2 pipeline in queued mode with its stages and stores, run by its role, created once the role's policy
     * exists: CodePipeline validates the role's permissions when the pipeline is created.
     */
    static Pipeline pipeline(String name, ServiceRole role,
                                                       Resource parent,
                                                       PipelineArgs.Builder args) {
        return new Pipeline(name, args
                .pipelineType("V2")
                .executionMode("QUEUED")
                .roleArn(role.arn())
                .build(),
                CustomResourceOptions.builder().parent(parent)
                        .dependsOn(List.<Resource>of(role.policy())).build());
    }
}
