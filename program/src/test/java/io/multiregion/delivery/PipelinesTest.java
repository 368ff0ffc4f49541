package io.multiregion.delivery;

import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StackFiles;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The source pipeline in A and the replica pipeline in B. */
class PipelinesTest {
    private static ProgramRun primary;
    private static ProgramRun secondary;

    @BeforeAll
    static void run() {
        primary = StandardRuns.get("primary");
        secondary = StandardRuns.get("secondary/cloudtrail");
        assertFalse(primary.failed(), primary::errors);
        assertFalse(secondary.failed(), secondary::errors);
    }

    private static Map<?, ?> action(Registered pipeline, int stage) {
        return (Map<?, ?>) pipeline.at("stages", stage, "actions", 0);
    }

    @Test
    @DisplayName("source pipeline: V2, started by pushes to the configured branch through the connection")
    void sourcePipelineTrigger() {
        Registered pipeline = primary.one("aws:codepipeline/pipeline:Pipeline");
        assertEquals("eu-west-1", pipeline.providerRegion());
        assertEquals("V2", pipeline.text("pipelineType"));
        assertEquals("CodeStarSourceConnection", pipeline.at("triggers", 0, "providerType"));
        assertEquals("Source", pipeline.at("triggers", 0, "gitConfiguration", "sourceActionName"));
        assertEquals(List.of("main"), pipeline.at("triggers", 0, "gitConfiguration", "pushes", 0, "branches", "includes"));
        Map<?, ?> source = action(pipeline, 0);
        assertEquals("Source", source.get("name"));
        assertEquals("CodeStarSourceConnection", source.get("provider"));
        Map<?, ?> config = (Map<?, ?>) source.get("configuration");
        assertEquals("acme-corp/storefront", config.get("FullRepositoryId"));
        assertEquals("main", config.get("BranchName"));
        Registered connection = primary.one("aws:codestarconnections/connection:Connection");
        assertEquals("GitHub", connection.text("providerType"));
        assertTrue(connection.text("name").length() <= 32);
        assertEquals("arn:aws:codeconnections:eu-west-1:123456789012:connection/0b0b0b0b-1111-2222-3333-444444444444",
                config.get("ConnectionArn"));
    }

    @Test
    @DisplayName("source pipeline: CodeBuild tests and packages, then S3 publishes the zip unextracted at the release key")
    void buildAndPublish() {
        Registered pipeline = primary.one("aws:codepipeline/pipeline:Pipeline");
        Map<?, ?> build = action(pipeline, 1);
        assertEquals("CodeBuild", build.get("provider"));
        assertEquals("multiregion-source-package-a1b2c3d", ((Map<?, ?>) build.get("configuration")).get("ProjectName"));
        Map<?, ?> publish = action(pipeline, 2);
        assertEquals("Deploy", publish.get("category"));
        assertEquals("S3", publish.get("provider"));
        Map<?, ?> config = (Map<?, ?>) publish.get("configuration");
        assertEquals("multiregion-release-source-a1b2c3d", config.get("BucketName"));
        assertEquals("releases/app.zip", config.get("ObjectKey"));
        assertEquals("false", config.get("Extract"));
        assertTrue(config.get("KMSEncryptionKeyARN").toString().startsWith("arn:aws:kms:eu-west-1:"));

        Registered project = primary.one("aws:codebuild/project:Project");
        String buildspec = project.at("source", "buildspec").toString();
        assertTrue(buildspec.contains("make test"), buildspec);
        assertTrue(buildspec.contains("'**/*'") || buildspec.contains("\"**/*\"") || buildspec.contains("- '**/*'"), buildspec);
        assertEquals("CODEPIPELINE", project.at("artifacts", "type"));
        assertEquals("ENABLED", project.at("logsConfig", "cloudwatchLogs", "status"));
    }

    @Test
    @DisplayName("an existing connection ARN replaces the connection resource")
    void existingConnection() {
        Map<String, String> config = new HashMap<>(StackFiles.config("primary"));
        String arn = "arn:aws:codeconnections:eu-west-1:123456789012:connection/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
        config.put("multiregion:connectionArn", arn);
        ProgramRun run = ProgramRun.with("primary", config, Map.of());
        assertFalse(run.failed(), run::errors);
        assertTrue(run.ofType("aws:codestarconnections/connection:Connection").isEmpty());
        Map<?, ?> source = action(run.one("aws:codepipeline/pipeline:Pipeline"), 0);
        assertEquals(arn, ((Map<?, ?>) source.get("configuration")).get("ConnectionArn"));
        PolicyView policy = PolicyView.parse(run.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().equals("multiregion-source-pipeline")).get(0).text("policy"));
        assertEquals(List.of(arn), policy.sid("UseConnection").resources());
    }

    @Test
    @DisplayName("source pipeline role: connection, its artifacts, its build and only the release object")
    void sourcePipelineRole() {
        PolicyView policy = PolicyView.parse(primary.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().equals("multiregion-source-pipeline")).get(0).text("policy"));
        assertEquals(List.of("arn:aws:s3:::multiregion-release-source-a1b2c3d/releases/app.zip"),
                policy.sid("PublishReleaseObject").resources());
        assertEquals(List.of("s3:PutObject"), policy.sid("PublishReleaseObject").actions());
        assertEquals(List.of("arn:aws:codebuild:eu-west-1:123456789012:project/multiregion-source-package-a1b2c3d"),
                policy.sid("RunPackageBuild").resources());
    }

    @Test
    @DisplayName("replica pipeline: S3 source on the replica bucket and key, never polling, KMS artifact store in B")
    void replicaPipeline() {
        Registered pipeline = secondary.one("aws:codepipeline/pipeline:Pipeline");
        assertEquals("eu-central-1", pipeline.providerRegion());
        Map<?, ?> source = action(pipeline, 0);
        assertEquals("Source", source.get("category"));
        assertEquals("S3", source.get("provider"));
        Map<?, ?> config = (Map<?, ?>) source.get("configuration");
        assertEquals(Samples.REPLICA_BUCKET, config.get("S3Bucket"));
        assertEquals(Samples.ARTIFACT_KEY, config.get("S3ObjectKey"));
        assertEquals("false", config.get("PollForSourceChanges"));
        assertEquals(1, ((List<?>) pipeline.at("artifactStores")).size());
        assertEquals("KMS", pipeline.at("artifactStores", 0, "encryptionKey", "type"));
        assertTrue(pipeline.at("artifactStores", 0, "encryptionKey", "id").toString().startsWith("arn:aws:kms:eu-central-1:"));
        assertEquals("multiregion-replica-artifacts-a1b2c3d", pipeline.at("artifactStores", 0, "location"));
        assertTrue(pipeline.inputs().get("triggers") == null || ((List<?>) pipeline.inputs().get("triggers")).isEmpty());
    }

    @Test
    @DisplayName("replica pipeline role reads only the release object and decrypts only with the replica key")
    void replicaPipelineRole() {
        PolicyView policy = PolicyView.parse(secondary.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().equals("multiregion-replica-pipeline")).get(0).text("policy"));
        assertEquals(List.of("arn:aws:s3:::" + Samples.REPLICA_BUCKET + "/" + Samples.ARTIFACT_KEY),
                policy.sid("ReadReleaseObject").resources());
        assertEquals(List.of(Samples.REPLICA_KEY_ARN), policy.sid("DecryptReplicas").resources());
    }
}
