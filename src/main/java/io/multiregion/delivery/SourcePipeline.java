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
import io.multiregion.config.SourceProvider;
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
import java.util.Optional;

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
     * The pipeline is created in {@code region} through the provider its options carry.
     *
     * @param region             region A
     * @param stack              the stack, in physical names
     * @param connectionName     the connection's name when one is created ({@code <project>-<stack>-<host>})
     * @param sourceProvider     the Git host (default GitHub)
     * @param repository         the repository id on that host
     * @param branch             the branch whose pushes start the pipeline (default {@code main})
     * @param existingConnection an existing connection's ARN, or empty to create one (default empty)
     * @param artifactKey        the release object's key (default {@code releases/app.zip})
     * @param release            the source (release) bucket the zip is published to
     * @param build              how the package project builds
     * @param logRetentionDays   retention of the build's log group (default 365)
     * @param deployTo           region A's CodeDeploy target, deployed after the release is published (default none)
     */
    public record Args(AwsRegion region, String stack, String connectionName, SourceProvider sourceProvider, String repository, String branch,
                       Optional<String> existingConnection, String artifactKey, SecureBucket release,
                       BuildProject.Build build, int logRetentionDays, Optional<DeployTo> deployTo) {
    }

    /**
     * @param support the stack's per-region key and buckets (the artifact store is one of them)
     */
    public SourcePipeline(String name, Args args, RegionalSupport support, ComponentResourceOptions options) {
        super("multiregion:delivery:SourcePipeline", name, options);
        AwsRegion region = args.region();
        SecureBucket release = args.release();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        ComponentResourceOptions inside = ComponentResourceOptions.builder().parent(this).build();
        RegionalKey key = support.key(region);

        String existingConnection = args.existingConnection().orElse(null);
        if (existingConnection != null) {
            this.connectionArn = Output.of(existingConnection);
            this.createdConnection = false;
        } else {
            // Created PENDING: AWS requires a one-time handshake in the console before first use (README).
            Connection connection = new Connection(name + "-connection", ConnectionArgs.builder()
                    .name(Names.fit(args.connectionName(), Names.CONNECTION))
                    .providerType(args.sourceProvider().value())
                    .build(), child);
            this.connectionArn = connection.arn();
            this.createdConnection = true;
        }

        SecureBucket artifacts = support.bucket(name + "-artifacts", region, this, ref -> List.of());
        BuildProject build = new BuildProject(name + "-package",
                new BuildProject.Args(key, artifacts, "Tests " + args.repository() + " and packages it as one zip",
                        args.stack(), args.build(), args.logRetentionDays()),
                inside);

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
        statements.addAll(release.grantPutObject("PublishRelease", args.artifactKey()));
        args.deployTo().ifPresent(d -> statements.addAll(d.target().grantDeploy("DeployRelease")));
        ServiceRole role = ServiceRole.create(name + "-pipeline", "codepipeline.amazonaws.com", List.of(),
                "CodePipeline: source pipeline for " + args.repository(), statements, child);

        String repository = args.repository();
        Output<Map<String, String>> sourceConfig = connectionArn.applyValue(arn -> ActionConfig.of(
                "ConnectionArn", arn,
                "FullRepositoryId", repository,
                "BranchName", args.branch(),
                "OutputArtifactFormat", "CODE_ZIP"));
        Output<Map<String, String>> buildConfig = build.projectName.applyValue(project -> ActionConfig.of("ProjectName", project));
        Output<Map<String, String>> publishConfig = Output.tuple(release.bucketName, key.arn).applyValue(t -> ActionConfig.of(
                "BucketName", t.t1,
                "ObjectKey", args.artifactKey(),
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
                                                .includes(args.branch()).build())
                                        .build())
                                .build())
                        .build())
                .stages(Stages.thenDeploy(List.of(
                        Stages.single("Source", SOURCE_ACTION, "Source", "CodeStarSourceConnection",
                                List.of(), List.of("source"), sourceConfig),
                        Stages.single("Build", "TestAndPackage", "Build", "CodeBuild",
                                List.of("source"), List.of("release"), buildConfig),
                        Stages.single("Publish", "PublishRelease", "Deploy", "S3",
                                List.of("release"), List.of(), publishConfig)), "release", args.deployTo()))
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // CodePipeline validates the role's permissions when the pipeline is created.
                        .dependsOn(List.<Resource>of(role.policy())).build());
        // the instances of region A download the revisions this pipeline stores
        args.deployTo().ifPresent(d -> d.grantRevisions(name, region, artifacts, key, child));
        this.pipelineName = pipeline.name();
        this.pipelineArn = pipeline.arn();
        registerOutputs(Map.of("pipelineName", pipelineName, "pipelineArn", pipelineArn, "connectionArn", connectionArn));
    }
}
