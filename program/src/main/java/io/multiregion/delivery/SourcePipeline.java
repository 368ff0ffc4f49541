package io.multiregion.delivery;

import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushBranchesArgs;
import com.pulumi.aws.codestarconnections.Connection;
import com.pulumi.aws.codestarconnections.ConnectionArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.s3.BucketNotification;
import com.pulumi.aws.s3.BucketNotificationArgs;
import com.pulumi.resources.Resource;
import io.multiregion.iam.PolicyDocument;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.config.SourceMode;
import io.multiregion.config.SourceProvider;
import io.multiregion.deploy.DeployTarget;
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
import java.util.Objects;
import java.util.Optional;

/**
 * The source pipeline in region A: a CodeConnections connection to the Git repository
 * (or an existing one), a V2 pipeline started by pushes to the configured branch, a CodeBuild project
 * that tests and packages the source as one zip, and an S3 deploy action that publishes the zip,
 * unextracted and KMS-encrypted, at the fixed release key of the source bucket.
 *
 * <p>In native delivery ({@link Args#crossRegion}) the same pipeline also deploys to region B: after A's deploy
 * stage, a CodeDeploy action that runs in B deploys the release to B's target. CodePipeline copies the release into an
 * artifact store in B (CodePipeline User Guide, "Add a cross-Region action in CodePipeline": one artifact bucket per
 * region where an action runs, and CodePipeline copies the artifacts between them); that store and B's key are built
 * here, through B's provider (a pair owned by the primary), by the stack's per-region support.
 *
 * <p>With an upload source ({@link Args#source}, for a region A without CodeConnections, or by choice) there is no
 * connection: the user's CI uploads the release zip into the source bucket (versioned, KMS-encrypted, TLS-only), S3
 * sends its Object Created event to EventBridge, and a rule on exactly that bucket and key starts the pipeline, whose
 * S3 source action reads that object without polling (CodePipeline User Guide, "Amazon S3 source actions and
 * EventBridge with S3 event notifications"). The pipeline then tests the uploaded release (no Publish stage: the
 * release is already in place) and deploys it. The CI's permissions are a customer managed policy,
 * {@link #uploadPolicyArn}, to attach to the CI's role.
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
    /** ARN of the connection the pipeline uses (created here or given in config); empty with an upload source. */
    @Export(name = "connectionArn", refs = {String.class}, tree = "[0]")
    public final Output<String> connectionArn;
    /** Whether this stack created the connection (its handshake must then be completed once in the console). */
    public final boolean createdConnection;
    /** Native delivery: the artifact store in B (encrypted with B's key), which B's instances read revisions from. */
    public final Optional<SecureBucket> secondaryStore;
    /** Upload source: the managed policy a CI attaches to upload releases (exactly the release object and its key). */
    public final Optional<Output<String>> uploadPolicyArn;
    /** Upload source: the command a CI runs to upload a release. */
    public final Optional<Output<String>> uploadCommand;

    /**
     * The pipeline is created in {@code region} through the provider its options carry. Built with {@link #builder()}.
     *
     * @param region             region A
     * @param stack              the stack, in physical names
     * @param connectionName     the connection's name when one is created ({@code <project>-<stack>-<host>})
     * @param sourceProvider     the Git host
     * @param repository         the repository id on that host
     * @param branch             the branch whose pushes start the pipeline
     * @param existingConnection an existing connection's ARN, or empty to create one (default empty)
     * @param artifactKey        the release object's key
     * @param release            the source (release) bucket the zip is published to
     * @param build              how the package project builds
     * @param logRetentionDays   retention of the build's log group
     * @param deployTo           region A's CodeDeploy target, deployed after the release is published (default none)
     * @param crossRegion        native delivery: B's CodeDeploy target, deployed by an action that runs in B after
     *                           A's deploy stage (default none: bespoke delivery)
     * @param source             how releases enter: a Git connection (default) or an upload into {@code release} by
     *                           the user's CI (the connection, host, repository and branch are then not used)
     */
    public record Args(AwsRegion region, String stack, String connectionName, SourceProvider sourceProvider,
                       String repository, String branch, Optional<String> existingConnection, String artifactKey,
                       SecureBucket release, BuildProject.Build build, int logRetentionDays, Optional<DeployTo> deployTo,
                       Optional<CrossRegionDeploy> crossRegion, SourceMode source) {

        public Args {
            if (crossRegion.isPresent() && deployTo.isEmpty()) {
                throw new IllegalArgumentException("a deploy action in another region follows the deploy stage in "
                        + region + ": give deployTo too");
            }
            crossRegion.filter(c -> c.region().equals(region)).ifPresent(c -> {
                throw new IllegalArgumentException("the cross-region deploy action must run in another region than " + region);
            });
        }

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private AwsRegion region;
            private String stack;
            private String connectionName;
            private SourceProvider sourceProvider;
            private String repository;
            private String branch;
            private Optional<String> existingConnection = Optional.empty();
            private String artifactKey;
            private SecureBucket release;
            private BuildProject.Build build;
            private Integer logRetentionDays;
            private Optional<DeployTo> deployTo = Optional.empty();
            private Optional<CrossRegionDeploy> crossRegion = Optional.empty();
            private SourceMode source = SourceMode.CONNECTION;

            private Builder() {
            }

            /** Region A. */
            public Builder region(AwsRegion region) {
                this.region = region;
                return this;
            }

            /** The stack, in physical names. */
            public Builder stack(String stack) {
                this.stack = stack;
                return this;
            }

            /**
             * How releases enter: a Git connection (default) or an upload into the release bucket by the user's CI (the
             * connection, host, repository and branch are then not used).
             */
            public Builder source(SourceMode source) {
                this.source = source;
                return this;
            }

            /** The Git host, the repository id on that host and the branch whose pushes start the pipeline. */
            public Builder repository(SourceProvider sourceProvider, String repository, String branch) {
                this.sourceProvider = sourceProvider;
                this.repository = repository;
                this.branch = branch;
                return this;
            }

            /**
             * The connection's name when one is created ({@code <project>-<stack>-<host>}), and an existing connection's
             * ARN, or empty to create one (default empty).
             */
            public Builder connection(String connectionName, Optional<String> existingConnection) {
                this.connectionName = connectionName;
                this.existingConnection = existingConnection;
                return this;
            }

            /** The source (release) bucket the zip is published to, and the release object's key. */
            public Builder release(SecureBucket release, String artifactKey) {
                this.release = release;
                this.artifactKey = artifactKey;
                return this;
            }

            /** How the package project builds, and the retention of its log group. */
            public Builder buildProject(BuildProject.Build build, int logRetentionDays) {
                this.build = build;
                this.logRetentionDays = logRetentionDays;
                return this;
            }

            /** Region A's CodeDeploy target, deployed after the release is published (default none). */
            public Builder deployTo(DeployTo deployTo) {
                this.deployTo = Optional.of(deployTo);
                return this;
            }

            /**
             * Native delivery: B's CodeDeploy target, deployed by an action that runs in B after A's deploy stage
             * (default none: bespoke delivery).
             */
            public Builder crossRegion(CrossRegionDeploy crossRegion) {
                this.crossRegion = Optional.of(crossRegion);
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                if (source == SourceMode.CONNECTION) {
                    Objects.requireNonNull(repository, "repository is required with a connection source");
                    Objects.requireNonNull(connectionName, "connection is required with a connection source");
                }
                return new Args(Objects.requireNonNull(region, "region is required"),
                        Objects.requireNonNull(stack, "stack is required"), connectionName, sourceProvider, repository,
                        branch, existingConnection, artifactKey, Objects.requireNonNull(release, "release is required"),
                        Objects.requireNonNull(build, "buildProject is required"), logRetentionDays, deployTo,
                        crossRegion, source);
            }
        }
    }

    /**
     * A CodeDeploy target in another region, known by name only (it belongs to another stack, deployed later).
     *
     * @param region           the region the deploy action runs in (region B)
     * @param applicationName  its CodeDeploy application's name
     * @param deploymentGroup  its deployment group's name
     * @param deploymentConfig its deployment configuration, one of {@link DeployTarget#CONFIGS} (the primary passes
     *                         {@link DeployTarget#DEFAULT_CONFIG}, as B's target uses)
     */
    public record CrossRegionDeploy(AwsRegion region, String applicationName, String deploymentGroup,
                                    String deploymentConfig) {
    }

    /** Name of the stage (and its one action) that deploys to region B in native delivery. */
    public static final String CROSS_REGION_STAGE = "DeploySecondary";

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

        boolean upload = args.source() == SourceMode.UPLOAD;
        String existingConnection = args.existingConnection().orElse(null);
        if (upload) {
            this.connectionArn = Output.of("");
            this.createdConnection = false;
        } else if (existingConnection != null) {
            this.connectionArn = Output.of(existingConnection);
            this.createdConnection = false;
        } else {
            // Created PENDING: AWS requires a one-time handshake in the console before first use (docs/deploying.md).
            Connection connection = new Connection(name + "-connection", ConnectionArgs.builder()
                    .name(Names.fit(args.connectionName(), Names.CONNECTION))
                    .providerType(args.sourceProvider().value())
                    .build(), child);
            this.connectionArn = connection.arn();
            this.createdConnection = true;
        }

        SecureBucket artifacts = support.bucket(name + "-artifacts", region, this, ref -> List.of());
        BuildProject build = new BuildProject(name + "-package",
                new BuildProject.Args(key, artifacts, upload ? "Tests the uploaded release in " + region
                        : "Tests " + args.repository() + " and packages it as one zip",
                        args.stack(), args.build(), args.logRetentionDays()),
                inside);
        Output<String> releaseObject = release.arn.applyValue(a -> a + "/" + args.artifactKey());

        List<Statement> statements = new ArrayList<>();
        if (upload) {
            // the S3 source action reads the uploaded object and checks its bucket (CodePipeline User Guide, "Amazon
            // S3 source action reference", service role permissions); the key is the artifacts' (both A's)
            statements.add(Statement.allow("ReadUploadedRelease").actions(Actions.S3_READ_OBJECT)
                    .resource(releaseObject).build());
            statements.add(Statement.allow("ReadReleaseBucket").actions(Actions.S3_SOURCE_BUCKET)
                    .resource(release.arn).build());
        } else {
            // The service was renamed: a connection's ARN names either codestar-connections or codeconnections, and
            // each prefix's UseConnection takes that prefix's connection resource type (Service Authorization
            // Reference, "AWS CodeConnections" and "AWS CodeStar Connections"), so each action gets the ARN in its own
            // form.
            statements.add(Statement.allow("UseConnection").actions(Actions.CONNECTION_USE)
                    .resource(connectionArn.applyValue(arn -> Arns.connectionAs(arn, "codeconnections"))).build());
            statements.add(Statement.allow("UseConnectionLegacyPrefix").actions(Actions.CONNECTION_USE_LEGACY)
                    .resource(connectionArn.applyValue(arn -> Arns.connectionAs(arn, "codestar-connections"))).build());
        }
        statements.addAll(artifacts.grantReadWrite("Artifacts"));
        statements.add(build.grantRun("RunPackageBuild"));
        if (!upload) {
            statements.addAll(release.grantPutObject("PublishRelease", args.artifactKey()));
        }
        args.deployTo().ifPresent(d -> statements.addAll(d.target().grantDeploy("DeployRelease")));
        // Native delivery: the artifact store in B, with B's key, and the deploy action in B.
        Optional<SecureBucket> storeInB = args.crossRegion().map(c ->
                support.bucket(name + "-artifacts-" + c.region().code(), c.region(), this, ref -> List.of()));
        args.crossRegion().ifPresent(c -> {
            // CodePipeline copies each artifact an action in B uses into B's store, with the pipeline's role (CodePipeline
            // User Guide, "Add a cross-Region action in CodePipeline"): reading A's store (above) and writing B's.
            statements.addAll(storeInB.orElseThrow().grantReadWrite("SecondaryArtifacts"));
            statements.addAll(DeployTarget.deployStatements("DeploySecondary", c.region(), support.key(c.region()).accountId,
                    Output.of(c.applicationName()), Output.of(c.deploymentGroup()), c.deploymentConfig()));
        });
        ServiceRole role = ServiceRole.create(name + "-pipeline", "codepipeline.amazonaws.com", List.of(),
                "CodePipeline: source pipeline for " + (upload ? "the releases uploaded to " + region
                        : args.repository()), statements, child);

        Output<Map<String, String>> buildConfig = build.projectName.applyValue(project -> ActionConfig.of("ProjectName", project));
        List<PipelineStageArgs> stages;
        if (upload) {
            Output<Map<String, String>> uploadedConfig = release.bucketName.applyValue(bucket -> ActionConfig.of(
                    "S3Bucket", bucket,
                    "S3ObjectKey", args.artifactKey(),
                    // EventBridge starts this pipeline (below); polling would start it twice and cost API calls.
                    "PollForSourceChanges", "false"));
            stages = List.of(
                    Stages.single("Source", SOURCE_ACTION, "Source", "S3", List.of(), List.of("release"), uploadedConfig),
                    Stages.single("Test", "TestRelease", "Test", "CodeBuild", List.of("release"), List.of("tested"),
                            buildConfig));
        } else {
            String repository = args.repository();
            Output<Map<String, String>> sourceConfig = connectionArn.applyValue(arn -> ActionConfig.of(
                    "ConnectionArn", arn,
                    "FullRepositoryId", repository,
                    "BranchName", args.branch(),
                    "OutputArtifactFormat", "CODE_ZIP"));
            Output<Map<String, String>> publishConfig = Output.tuple(release.bucketName, key.arn).applyValue(t -> ActionConfig.of(
                    "BucketName", t.t1,
                    "ObjectKey", args.artifactKey(),
                    "Extract", "false",
                    "KMSEncryptionKeyARN", t.t2));
            stages = List.of(
                    Stages.single("Source", SOURCE_ACTION, "Source", "CodeStarSourceConnection",
                            List.of(), List.of("source"), sourceConfig),
                    Stages.single("Build", "TestAndPackage", "Build", "CodeBuild",
                            List.of("source"), List.of("release"), buildConfig),
                    Stages.single("Publish", "PublishRelease", "Deploy", "S3",
                            List.of("release"), List.of(), publishConfig));
        }

        PipelineArgs.Builder pipelineArgs = PipelineArgs.builder()
                .artifactStores(storeInB.map(b -> List.of(ArtifactStores.inRegion(artifacts, key),
                                ArtifactStores.inRegion(b, support.key(b.region))))
                        .orElseGet(() -> List.of(ArtifactStores.encrypted(artifacts, key))))
                .stages(thenDeployToB(Stages.thenDeploy(stages, "release", args.deployTo()), "release", args.crossRegion()));
        if (!upload) {
            pipelineArgs.triggers(PipelineTriggerArgs.builder()
                    .providerType("CodeStarSourceConnection")
                    .gitConfiguration(PipelineTriggerGitConfigurationArgs.builder()
                            .sourceActionName(SOURCE_ACTION)
                            .pushes(PipelineTriggerGitConfigurationPushArgs.builder()
                                    .branches(PipelineTriggerGitConfigurationPushBranchesArgs.builder()
                                            .includes(args.branch()).build())
                                    .build())
                            .build())
                    .build());
        }
        Pipeline pipeline = Stages.pipeline(name, role, this, pipelineArgs);
        if (upload) {
            uploadTrigger(name, region, release, args.artifactKey(), pipeline, child);
            this.uploadPolicyArn = Optional.of(uploadPolicy(name, region, release, releaseObject, key, child));
            this.uploadCommand = Optional.of(release.bucketName.applyValue(bucket -> "aws s3 cp <release.zip> s3://"
                    + bucket + "/" + args.artifactKey() + " --region " + region.code()));
        } else {
            this.uploadPolicyArn = Optional.empty();
            this.uploadCommand = Optional.empty();
        }
        // the instances of region A download the revisions this pipeline stores
        args.deployTo().ifPresent(d -> d.grantRevisions(name, region, artifacts, key, child));
        this.pipelineName = pipeline.name();
        this.pipelineArn = pipeline.arn();
        this.secondaryStore = storeInB;
        registerOutputs(Map.of("pipelineName", pipelineName, "pipelineArn", pipelineArn, "connectionArn", connectionArn));
    }

    /**
     * Upload source: S3 sends the source bucket's events to EventBridge, and a rule on the release object's Object
     * Created event starts the pipeline, through a role that EventBridge may assume for this rule only and that may only
     * start this pipeline. The bucket's notification configuration is written here only: PutBucketNotificationConfiguration
     * replaces the whole configuration (S3 API Reference), and nothing else in the program writes this bucket's.
     */
    private void uploadTrigger(String name, AwsRegion region, SecureBucket release, String artifactKey, Pipeline pipeline,
                               CustomResourceOptions child) {
        BucketNotification events = new BucketNotification(name + "-upload-events", BucketNotificationArgs.builder()
                .bucket(release.bucketName)
                .eventbridge(true)
                .build(), child);
        EventRule rule = new EventRule(Names.autoNamed(name + "-upload", Names.EVENT_RULE), EventRuleArgs.builder()
                .description("Starts the source pipeline in " + region + " when the CI uploads a release")
                .eventPattern(release.bucketName.applyValue(bucket -> EventPatterns.objectCreated(bucket, artifactKey)))
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // the rule only sees the bucket's events once S3 sends them to EventBridge.
                        .dependsOn(List.<Resource>of(events)).build());
        ServiceRole role = ServiceRole.create(name + "-upload-events", "events.amazonaws.com",
                List.of(Statement.Condition.of("StringEquals", "aws:SourceArn", rule.arn())),
                "EventBridge: starts the source pipeline in " + region + " on an uploaded release",
                List.of(Statement.allow("StartSourcePipeline").actions(Actions.PIPELINE_START).resource(pipeline.arn())
                        .build()),
                child);
        new EventTarget(name + "-upload-pipeline", EventTargetArgs.builder()
                .rule(rule.id()) // on the default bus a rule's id is its name
                .arn(pipeline.arn())
                .roleArn(role.arn())
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // the target is useless until its role may start the pipeline.
                        .dependsOn(List.<Resource>of(role.policy())).build());
    }

    /**
     * The customer managed policy a CI needs to upload a release, and nothing else: PutObject on exactly the release
     * object, and the region's key for that upload through S3 only ({@code kms:ViaService}). Users attach it to the
     * CI's role ({@code aws iam attach-role-policy}); the program does not know that role.
     */
    private Output<String> uploadPolicy(String name, AwsRegion region, SecureBucket release, Output<String> releaseObject,
                                        RegionalKey key, CustomResourceOptions child) {
        Policy policy = new Policy(Names.autoNamed(name + "-upload", Names.IAM_POLICY), PolicyArgs.builder()
                .description("CI upload of the release zip into " + region + "'s source bucket")
                .policy(PolicyDocument.of(
                        Statement.allow("UploadRelease").actions(Actions.S3_WRITE_OBJECT).resource(releaseObject).build(),
                        Statement.allow("EncryptRelease").actions(Actions.KMS_FOR_UPLOAD).resource(key.arn)
                                .condition("StringEquals", "kms:ViaService", region.serviceHost("s3")).build()))
                .build(), child);
        return policy.arn();
    }

    /** The stages, followed in native delivery by the stage whose one action deploys the release in B. */
    private static List<PipelineStageArgs> thenDeployToB(List<PipelineStageArgs> stages, String releaseArtifact,
                                                         Optional<CrossRegionDeploy> crossRegion) {
        List<PipelineStageArgs> all = new ArrayList<>(stages);
        crossRegion.ifPresent(c -> all.add(DeployTarget.deployStage(CROSS_REGION_STAGE, releaseArtifact,
                Output.of(c.applicationName()), Output.of(c.deploymentGroup()), Optional.of(c.region()))));
        return all;
    }
}
