package io.multiregion.delivery;

import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushBranchesArgs;
import com.pulumi.aws.codestarconnections.Connection;
import com.pulumi.aws.codestarconnections.ConnectionArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.StackSettings;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.RegionalSupport;
import io.multiregion.storage.SecureBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The source pipeline in region A: a CodeConnections connection to the Git repository
 * (or an existing one), a V2 pipeline started by pushes to the configured branch, a CodeBuild project
 * that tests and packages the source as one zip, and an S3 deploy action that publishes the zip,
 * unextracted and KMS-encrypted, at the fixed release key of the source bucket.
 */
public final class SourcePipeline extends ComponentResource {

    /** Name of the source action, which the branch trigger refers to. */
    public static final String SOURCE_ACTION = "Source";

    /** Pipeline name. */
    @Export(name = "pipelineName", refs = {String.class}, tree = "[0]")
    public final Output<String> pipelineName;
    /** Pipeline ARN. */
    @Export(name = "pipelineArn", refs = {String.class}, tree = "[0]")
    public final Output<String> pipelineArn;
    /** ARN of the connection the pipeline uses (created here or given in config). */
    @Export(name = "connectionArn", refs = {String.class}, tree = "[0]")
    public final Output<String> connectionArn;
    /** Whether this stack created the connection (its handshake must then be completed once in the console). */
    public final boolean createdConnection;

    /**
     * @param region       region A
     * @param release      the source (release) bucket the zip is published to
     * @param settings     stack settings (repository, branch, artifact key, build settings)
     */
    public SourcePipeline(String name, AwsRegion region, SecureBucket release, StackSettings settings,
                          RegionalSupport support, ComponentResourceOptions options) {
        super("multiregion:delivery:SourcePipeline", name, options);
        var provider = support.providers().forRegion(region);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).provider(provider).build();
        ComponentResourceOptions inside = ComponentResourceOptions.builder().parent(this).build();
        RegionalKey key = support.key(region);

        String existingConnection = settings.delivery().connectionArn().orElse(null);
        if (existingConnection != null) {
            this.connectionArn = Output.of(existingConnection);
            this.createdConnection = false;
        } else {
            // Created PENDING: AWS requires a one-time handshake in the console before first use (README).
            Connection connection = new Connection(name + "-connection", ConnectionArgs.builder()
                    .name(Names.fit(settings.project() + "-" + settings.stack() + "-" + settings.delivery().sourceProvider().value(), Names.CONNECTION))
                    .providerType(settings.delivery().sourceProvider().value())
                    .build(), child);
            this.connectionArn = connection.arn();
            this.createdConnection = true;
        }

        SecureBucket artifacts = support.bucket(name + "-artifacts", region, inside, ref -> List.of());
        BuildProject build = new BuildProject(name + "-package",
                new BuildProject.Args(provider, key, artifacts,
                        "Tests " + settings.delivery().repository().orElse("the application") + " and packages it as one zip"),
                settings, inside);

        List<Statement> statements = new ArrayList<>();
        // The service was renamed: a connection's ARN names either codestar-connections or codeconnections, and
        // each prefix's UseConnection takes that prefix's connection resource type (Service Authorization Reference,
        // "AWS CodeConnections" and "AWS CodeStar Connections"), so each action gets the ARN in its own form.
        statements.add(Statement.allow("UseConnection").actions(Actions.CONNECTION_USE)
                .resource(connectionArn.applyValue(arn -> Arns.connectionAs(arn, "codeconnections"))).build());
        statements.add(Statement.allow("UseConnectionLegacyPrefix").actions(Actions.CONNECTION_USE_LEGACY)
                .resource(connectionArn.applyValue(arn -> Arns.connectionAs(arn, "codestar-connections"))).build());
        statements.addAll(artifacts.grantReadWrite("Artifacts"));
        statements.add(build.grantRun("RunPackageBuild"));
        statements.addAll(release.grantPutObject("PublishRelease", settings.delivery().artifactKey()));
        ServiceRole role = ServiceRole.create(name + "-pipeline", "codepipeline.amazonaws.com", List.of(),
                "CodePipeline: source pipeline for " + settings.delivery().repository().orElse("the application"), statements, child);

        String repository = settings.delivery().repository().orElseThrow(); // validated: required in the primary
        Output<Map<String, String>> sourceConfig = connectionArn.applyValue(arn -> ActionConfig.of(
                "ConnectionArn", arn,
                "FullRepositoryId", repository,
                "BranchName", settings.delivery().branch(),
                "OutputArtifactFormat", "CODE_ZIP"));
        Output<Map<String, String>> buildConfig = build.projectName.applyValue(project -> ActionConfig.of("ProjectName", project));
        Output<Map<String, String>> publishConfig = Output.tuple(release.bucketName, key.arn).applyValue(t -> ActionConfig.of(
                "BucketName", t.t1,
                "ObjectKey", settings.delivery().artifactKey(),
                "Extract", "false",
                "KMSEncryptionKeyARN", t.t2));

        Pipeline pipeline = new Pipeline(name, PipelineArgs.builder()
                .pipelineType("V2")
                .executionMode("QUEUED")
                .roleArn(role.arn())
                .artifactStores(ArtifactStores.encrypted(artifacts, key))
                .triggers(PipelineTriggerArgs.builder()
                        .providerType("CodeStarSourceConnection")
                        .gitConfiguration(PipelineTriggerGitConfigurationArgs.builder()
                                .sourceActionName(SOURCE_ACTION)
                                .pushes(PipelineTriggerGitConfigurationPushArgs.builder()
                                        .branches(PipelineTriggerGitConfigurationPushBranchesArgs.builder()
                                                .includes(settings.delivery().branch()).build())
                                        .build())
                                .build())
                        .build())
                .stages(
                        Stages.single("Source", SOURCE_ACTION, "Source", "CodeStarSourceConnection",
                                List.of(), List.of("source"), sourceConfig),
                        Stages.single("Build", "TestAndPackage", "Build", "CodeBuild",
                                List.of("source"), List.of("release"), buildConfig),
                        Stages.single("Publish", "PublishRelease", "Deploy", "S3",
                                List.of("release"), List.of(), publishConfig))
                .build(),
                CustomResourceOptions.builder().parent(this).provider(provider)
                        // CodePipeline validates the role's permissions when the pipeline is created.
                        .dependsOn(List.<Resource>of(role.policy())).build());
        this.pipelineName = pipeline.name();
        this.pipelineArn = pipeline.arn();
        registerOutputs(Map.of("pipelineName", pipelineName, "pipelineArn", pipelineArn, "connectionArn", connectionArn));
    }
}
