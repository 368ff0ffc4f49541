package io.multiregion.delivery;

import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.Events;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.RegionPairRuns;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload source, {@code cn-north-1 -> cn-northwest-1} (no China region offers CodeConnections): the user's CI puts
 * the release zip into the source bucket in A, whose Object Created event starts the pipeline in A (S3 source, no
 * polling); the CI's exact permissions are a managed policy the primary exports.
 */
class UploadSourceTest {
    private static final String A = RegionPairRuns.UPLOAD[0];
    private static final String PIPELINE = "aws:codepipeline/pipeline:Pipeline";

    private static ProgramRun primary;
    private static String bucket;
    private static final String KEY = "releases/app.zip";

    @BeforeAll
    static void run() {
        primary = StandardRuns.get("primary/upload");
        bucket = (String) primary.output(Value.SOURCE_BUCKET.key());
    }

    private static List<Map<?, ?>> stages() {
        return ((List<?>) primary.one(PIPELINE).inputs().get("stages")).stream().<Map<?, ?>>map(s -> (Map<?, ?>) s).toList();
    }

    private static Map<?, ?> action(String stage) {
        return stages().stream().filter(s -> stage.equals(s.get("name")))
                .map(s -> (Map<?, ?>) ((List<?>) s.get("actions")).get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + stage));
    }

    @Test
    @DisplayName("no connection: the pipeline in A starts from an S3 source on the release object, without polling, then tests and deploys it")
    void s3SourceWithoutPolling() {
        assertTrue(primary.ofType("aws:codestarconnections/connection:Connection").isEmpty());
        Registered pipeline = primary.one(PIPELINE);
        assertEquals(A, pipeline.providerRegion());
        assertNull(pipeline.inputs().get("triggers"), "no Git trigger without a connection");
        Map<?, ?> source = action("Source");
        assertEquals("S3", source.get("provider"));
        Map<?, ?> config = (Map<?, ?>) source.get("configuration");
        assertEquals(Map.of("S3Bucket", bucket, "S3ObjectKey", KEY, "PollForSourceChanges", "false"), config);
        assertEquals(List.of("Source", "Test", "Deploy"), stages().stream().map(s -> s.get("name")).toList(),
                "no Publish: the release is already in the bucket");
        assertEquals("CodeBuild", action("Test").get("provider"));
        assertEquals(List.of("release"), action("Deploy").get("inputArtifacts"));
        Map<?, ?> path = (Map<?, ?>) primary.output(Value.DELIVERY_PATH.key());
        assertEquals("upload", path.get("source"));
        assertTrue(((String) path.get("sourceReason")).contains("cn-north-1 offers no AWS CodeConnections"));
        assertNull(primary.output(Value.CONNECTION_ARN.key()));
        assertNull(primary.output(Value.CONNECTION_NOTE.key()));
    }

    @Test
    @DisplayName("event-driven: the source bucket sends its events to EventBridge, and a rule on the release's Object Created starts the pipeline (event-ruler)")
    void eventDriven() {
        List<Registered> notifications = primary.inRegion("aws:s3/bucketNotification:BucketNotification", A);
        Registered notification = notifications.stream().filter(n -> bucket.equals(n.text("bucket"))).findFirst()
                .orElseThrow(() -> new AssertionError("no notification on " + bucket));
        assertEquals(true, notification.at("eventbridge"));
        Registered rule = primary.inRegion("aws:cloudwatch/eventRule:EventRule", A).get(0);
        assertTrue(rule.dependsOn(notification));
        String pattern = rule.text("eventPattern");
        assertTrue(Events.matches(pattern, Events.sample("s3-object-created.json", bucket, KEY, A)));
        assertFalse(Events.matches(pattern, Events.sample("s3-object-created.json", bucket, "releases/other.zip", A)));
        assertFalse(Events.matches(pattern, Events.sample("s3-object-created.json", "other-bucket", KEY, A)));
        assertFalse(Events.matches(pattern, Events.sample("s3-object-deleted.json", bucket, KEY, A)));

        Registered target = primary.inRegion("aws:cloudwatch/eventTarget:EventTarget", A).get(0);
        assertTrue(target.text("arn").startsWith("arn:aws-cn:codepipeline:" + A + ":"), target.text("arn"));
        PolicyView events = PolicyView.parse(primary.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().equals("multiregion-source-upload-events")).get(0).text("policy"));
        assertEquals(List.of("codepipeline:StartPipelineExecution"), events.allActions());
        assertEquals(List.of(target.text("arn")), events.allResources());
    }

    @Test
    @DisplayName("the source bucket is versioned, KMS-encrypted with A's key and TLS-only")
    void sourceBucketIsSecure() {
        Registered bucketResource = primary.where(r -> r.type().equals("aws:s3/bucketV2:BucketV2")
                && bucket.equals(r.name() + "-a1b2c3d")).get(0);
        String name = bucketResource.name();
        assertEquals(A, bucketResource.providerRegion());
        assertEquals("Enabled", primary.where(r -> r.name().equals(name + "-versioning")).get(0)
                .at("versioningConfiguration", "status"));
        Registered encryption = primary.where(r -> r.name().equals(name + "-encryption")).get(0);
        assertEquals("aws:kms", encryption.at("rules", 0, "applyServerSideEncryptionByDefault", "sseAlgorithm"));
        assertTrue(((String) encryption.at("rules", 0, "applyServerSideEncryptionByDefault", "kmsMasterKeyId"))
                .startsWith("arn:aws-cn:kms:" + A + ":"));
        PolicyView policy = PolicyView.parse(primary.where(r -> r.name().equals(name + "-policy")).get(0).text("policy"));
        assertEquals(List.of("false"), policy.sid("DenyInsecureTransport").condition("Bool", "aws:SecureTransport"));
    }

    @Test
    @DisplayName("the CI's exact permissions: PutObject on the release object, A's key through S3 only; exported with the upload command")
    void ciPolicy() {
        Registered policy = primary.one("aws:iam/policy:Policy");
        PolicyView view = PolicyView.parse(policy.text("policy"));
        assertEquals(List.of("s3:PutObject"), view.sid("UploadRelease").actions());
        assertEquals(List.of("arn:aws-cn:s3:::" + bucket + "/" + KEY), view.sid("UploadRelease").resources());
        assertEquals(List.of("kms:GenerateDataKey", "kms:Decrypt"), view.sid("EncryptRelease").actions());
        assertTrue(view.sid("EncryptRelease").resources().get(0).startsWith("arn:aws-cn:kms:" + A + ":"));
        assertEquals(List.of("s3." + A + ".amazonaws.com.cn"), view.sid("EncryptRelease").condition("StringEquals",
                "kms:ViaService"));
        assertEquals(2, view.statements().size());
        assertTrue(((String) primary.output(Value.UPLOAD_POLICY_ARN.key())).startsWith("arn:aws-cn:iam::123456789012:policy/"));
        assertEquals("aws s3 cp <release.zip> s3://" + bucket + "/" + KEY + " --region " + A,
                primary.output(Value.UPLOAD_COMMAND.key()));
    }

    @Test
    @DisplayName("B is unchanged by the source: the replica reaches a bespoke pipeline in cn-northwest-1")
    void secondaryUnchanged() {
        ProgramRun secondary = StandardRuns.get("secondary/upload");
        assertEquals("bespoke", secondary.output(Value.DELIVERY_MODE.key()));
        assertEquals(1, secondary.inRegion(PIPELINE, "cn-northwest-1").size());
        assertEquals(1, primary.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig").size());
    }

    @Test
    @DisplayName("native delivery with an upload source: the uploaded release is tested, deployed to A, then to B by an action in B")
    void nativeWithUpload() {
        Map<String, String> config = RegionPairRuns.uploadConfig("primary");
        config.put("multiregion:delivery", "native");
        ProgramRun run = ProgramRun.with("primary", config, Map.of());
        assertFalse(run.failed(), run::errors);
        List<?> stages = (List<?>) run.one(PIPELINE).inputs().get("stages");
        assertEquals(List.of("Source", "Test", "Deploy", "DeploySecondary"),
                stages.stream().map(st -> ((Map<?, ?>) st).get("name")).toList());
        Map<?, ?> secondary = (Map<?, ?>) ((List<?>) ((Map<?, ?>) stages.get(3)).get("actions")).get(0);
        assertEquals("cn-northwest-1", secondary.get("region"));
        assertTrue(run.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig").isEmpty());
        // the upload's arrival starts the pipeline: one rule of the source (the stack's operations add their own)
        assertEquals(1, run.inRegion("aws:cloudwatch/eventRule:EventRule", A).stream()
                .filter(r -> r.name().startsWith("multiregion-source")).count());
    }

    @Test
    @DisplayName("an explicit connection in China is refused, naming upload, and registers nothing")
    void connectionRefused() {
        Map<String, String> config = RegionPairRuns.uploadConfig("primary");
        config.put("multiregion:source", "connection");
        config.put("multiregion:repository", "acme-corp/storefront");
        ProgramRun run = ProgramRun.with("primary", config, Map.of());
        assertTrue(run.failed());
        assertTrue(run.errors().contains("multiregion:source: 'connection' needs AWS CodeConnections in region A, and "
                + "multiregion:primaryRegion cn-north-1 offers none"), run.errors());
        assertTrue(run.errors().contains("set multiregion:source to upload"), run.errors());
        assertTrue(run.aws().isEmpty());
    }
}
