package io.multiregion.delivery;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.codebuild.Project;
import com.pulumi.aws.codebuild.ProjectArgs;
import com.pulumi.aws.codebuild.inputs.ProjectArtifactsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigCloudwatchLogsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.regions.Arns;
import io.multiregion.storage.RegionalKey;
import io.multiregion.storage.SecureBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CodeBuild project run by CodePipeline that tests the application and packages it as one zip:
 * its own KMS-encrypted log group with retention (CodeBuild.4), artifacts encrypted with the region's
 * key (CodeBuild.3), never privileged unless container builds are asked for (CodeBuild.5), and a
 * service role limited to its log group, its pipeline's artifact bucket and key.
 */
public final class BuildProject extends ComponentResource {

    /**
     * How a project builds, shared by every project of a stack.
     *
     * @param testCommands    shell commands run, in order, before packaging (default {@code ["make test"]})
     * @param image           CodeBuild image (default the Amazon Linux standard 5.0 image)
     * @param computeType     CodeBuild compute type (default {@code BUILD_GENERAL1_SMALL})
     * @param timeoutMinutes  build timeout, 5 to 2160 (default 30)
     * @param containerBuilds privileged mode for container builds (default false: FSBP CodeBuild.5)
     */
    public record Build(List<String> testCommands, String image, String computeType, int timeoutMinutes,
                        boolean containerBuilds) {
        public Build {
            testCommands = List.copyOf(testCommands);
        }
    }

    /**
     * The project is created in its key's region through the provider its options carry (or its parent's).
     *
     * @param key              the region's KMS key
     * @param artifacts        the pipeline's artifact bucket
     * @param purpose          one line saying what the project does
     * @param stack            the stack, part of the log group's name
     * @param build            how it builds
     * @param logRetentionDays retention of its log group (default 365)
     */
    public record Args(RegionalKey key, SecureBucket artifacts, String purpose, String stack, Build build,
                       int logRetentionDays) {
    }

    /** The project's name. */
    @Export(name = "projectName", refs = {String.class}, tree = "[0]")
    public final Output<String> projectName;
    /** The project's ARN. */
    @Export(name = "projectArn", refs = {String.class}, tree = "[0]")
    public final Output<String> projectArn;

    public BuildProject(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:delivery:BuildProject", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        // The stack is part of the name: a second deployment of this program in the same account and region
        // would otherwise fail with ResourceAlreadyExistsException.
        LogGroup logs = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .name("/aws/codebuild/" + name + "-" + args.stack())
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.key().arn)
                .build(),
                // CloudWatch Logs checks the key policy when the log group is created.
                args.key().usableBy(CustomResourceOptions.builder().parent(this)).build());

        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow("WriteBuildLogs").actions(Actions.LOGS_WRITE)
                .resource(logs.arn().applyValue(Arns::logStreamsOf)).build());
        statements.addAll(args.artifacts().grantReadWrite("PipelineArtifacts"));
        // CodeBuild checks that the bucket it reads and writes belongs to the expected owner (CodeBuild User
        // Guide, "Secure access to S3 buckets").
        statements.add(Statement.allow("PipelineArtifactsOwnerCheck").actions(Actions.S3_BUCKET_OWNER_CHECK)
                .resource(args.artifacts().arn).build());
        ServiceRole role = ServiceRole.create(name + "-build", "codebuild.amazonaws.com", List.of(),
                "CodeBuild: " + args.purpose(), statements, child);

        Project project = new Project(name, ProjectArgs.builder()
                .description(args.purpose())
                .serviceRole(role.arn())
                .encryptionKey(args.key().arn)
                .buildTimeout(args.build().timeoutMinutes())
                .source(ProjectSourceArgs.builder()
                        .type("CODEPIPELINE")
                        .buildspec(Buildspec.render(args.build().testCommands()))
                        .build())
                .artifacts(ProjectArtifactsArgs.builder().type("CODEPIPELINE").build())
                .environment(ProjectEnvironmentArgs.builder()
                        .type("LINUX_CONTAINER")
                        .computeType(args.build().computeType())
                        .image(args.build().image())
                        // Privileged mode only for container builds (FSBP CodeBuild.5 exception, docs/security.md).
                        .privilegedMode(args.build().containerBuilds())
                        .build())
                .logsConfig(ProjectLogsConfigArgs.builder()
                        .cloudwatchLogs(ProjectLogsConfigCloudwatchLogsArgs.builder()
                                .status("ENABLED").groupName(logs.name()).build())
                        .build())
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // the first build must find its role able to write logs and artifacts.
                        .dependsOn(List.<Resource>of(role.policy())).build());
        this.projectName = project.name();
        this.projectArn = project.arn();
        registerOutputs(Map.of("projectName", projectName, "projectArn", projectArn));
    }

    /** What a pipeline role needs to run this project. */
    public Statement grantRun(String sid) {
        return Statement.allow(sid).actions(Actions.CODEBUILD_RUN).resource(projectArn).build();
    }
}
