package io.multiregion.delivery;

import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
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
 * B's pipeline: its source is the release object in the replica bucket, read only when
 * EventBridge starts the pipeline ({@code PollForSourceChanges: "false"}); its artifact store is in B
 * and KMS-encrypted with B's key. Its second stage tests the replicated release in B with the same
 * commands as A, so a release that cannot run in B is caught before B's deploy stage (added with the
 * application tier) uses it.
 */
public final class ReplicaPipeline extends ComponentResource {

    /** Pipeline name. */
    @Export(name = "pipelineName", refs = {String.class}, tree = "[0]")
    public final Output<String> pipelineName;
    /** Pipeline ARN (the trigger's only target). */
    @Export(name = "pipelineArn", refs = {String.class}, tree = "[0]")
    public final Output<String> pipelineArn;

    /**
     * The pipeline is created in {@code region} through the provider its options carry. Built with {@link #builder()}.
     *
     * @param region           region B
     * @param stack            the stack, in physical names
     * @param replica          the replica bucket, its key and the release key, read from the primary stack
     * @param build            how the verify project builds
     * @param logRetentionDays retention of the build's log group
     * @param deployTo         region B's CodeDeploy target, deployed after the release is verified (default none)
     */
    public record Args(AwsRegion region, String stack, ReplicaSource replica, BuildProject.Build build,
                       int logRetentionDays, Optional<DeployTo> deployTo) {

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private AwsRegion region;
            private String stack;
            private ReplicaSource replica;
            private BuildProject.Build build;
            private Integer logRetentionDays;
            private Optional<DeployTo> deployTo = Optional.empty();

            private Builder() {
            }

            /** Region B. */
            public Builder region(AwsRegion region) {
                this.region = region;
                return this;
            }

            /** The stack, in physical names. */
            public Builder stack(String stack) {
                this.stack = stack;
                return this;
            }

            /** The replica bucket, its key and the release key, read from the primary stack. */
            public Builder replica(ReplicaSource replica) {
                this.replica = replica;
                return this;
            }

            /** How the verify project builds, and the retention of its log group. */
            public Builder buildProject(BuildProject.Build build, int logRetentionDays) {
                this.build = build;
                this.logRetentionDays = logRetentionDays;
                return this;
            }

            /** Region B's CodeDeploy target, deployed after the release is verified (default none). */
            public Builder deployTo(DeployTo deployTo) {
                this.deployTo = Optional.of(deployTo);
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(region, "region is required"),
                        Objects.requireNonNull(stack, "stack is required"),
                        Objects.requireNonNull(replica, "replica is required"),
                        Objects.requireNonNull(build, "buildProject is required"), logRetentionDays, deployTo);
            }
        }
    }

    /**
     * @param support the stack's per-region key and buckets (the artifact store is one of them)
     */
    public ReplicaPipeline(String name, Args args, RegionalSupport support, ComponentResourceOptions options) {
        super("multiregion:delivery:ReplicaPipeline", name, options);
        AwsRegion region = args.region();
        ReplicaSource replica = args.replica();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        ComponentResourceOptions inside = ComponentResourceOptions.builder().parent(this).build();
        RegionalKey key = support.key(region);

        SecureBucket artifacts = support.bucket(name + "-artifacts", region, this, ref -> List.of());
        BuildProject verify = new BuildProject(name + "-verify",
                new BuildProject.Args(key, artifacts, "Tests the replicated release in " + region, args.stack(),
                        args.build(), args.logRetentionDays()),
                inside);

        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow("ReadReleaseObject").actions(Actions.S3_READ_OBJECT)
                .resource(replica.objectArn()).build());
        statements.add(Statement.allow("ReadReplicaBucket").actions(Actions.S3_SOURCE_BUCKET)
                .resource(replica.bucketArn()).build());
        statements.add(Statement.allow("DecryptReplicas").actions(Actions.KMS_DECRYPT).resource(replica.keyArn()).build());
        statements.addAll(artifacts.grantReadWrite("Artifacts"));
        statements.add(verify.grantRun("RunVerifyBuild"));
        args.deployTo().ifPresent(d -> statements.addAll(d.target().grantDeploy("DeployRelease")));
        ServiceRole role = ServiceRole.create(name + "-pipeline", "codepipeline.amazonaws.com", List.of(),
                "CodePipeline: release pipeline in " + region + " fed by the replica bucket", statements, child);

        Output<Map<String, String>> sourceConfig = Output.tuple(replica.bucketName(), replica.artifactKey())
                .applyValue(t -> ActionConfig.of(
                        "S3Bucket", t.t1,
                        "S3ObjectKey", t.t2,
                        // EventBridge starts this pipeline; polling would start it twice and cost API calls.
                        "PollForSourceChanges", "false"));
        Output<Map<String, String>> verifyConfig = verify.projectName.applyValue(project -> ActionConfig.of("ProjectName", project));

        Pipeline pipeline = Stages.pipeline(name, role, this, PipelineArgs.builder()
                .artifactStores(ArtifactStores.encrypted(artifacts, key))
                .stages(Stages.thenDeploy(List.of(
                        Stages.single("Source", "ReplicaRelease", "Source", "S3",
                                List.of(), List.of("release"), sourceConfig),
                        Stages.single("Verify", "TestRelease", "Test", "CodeBuild",
                                List.of("release"), List.of("verified"), verifyConfig)), "release", args.deployTo()))
                );
        // the instances of region B download the revisions this pipeline stores
        args.deployTo().ifPresent(d -> d.grantRevisions(name, region, artifacts, key, child));
        this.pipelineName = pipeline.name();
        this.pipelineArn = pipeline.arn();
        registerOutputs(Map.of("pipelineName", pipelineName, "pipelineArn", pipelineArn));
    }
}
