package io.multiregion.stacks;

import io.multiregion.regions.ProviderRegistry;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.GlobalServices;
import io.multiregion.testing.NativeRuns;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StackFiles;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both delivery modes on both stacks, run from the stack files with {@code multiregion:delivery} set: what each mode
 * builds in which region, the native pipeline's cross-region action and artifact stores, and the names the two stacks
 * must agree on without a cycle.
 */
class DeliveryModesTest {
    private static final String A = "eu-west-1";
    private static final String B = "eu-central-1";
    private static final String PIPELINE = "aws:codepipeline/pipeline:Pipeline";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

    private static ProgramRun bespokePrimary;
    private static ProgramRun bespokeSecondary;
    private static ProgramRun nativePrimary;
    private static ProgramRun nativeSecondary;
    private static Map<String, Object> nativeExports;

    private static Map<String, String> nativeConfig(String stack) {
        return NativeRuns.config(stack);
    }

    @BeforeAll
    static void run() {
        bespokePrimary = StandardRuns.get("primary");
        bespokeSecondary = StandardRuns.get("secondary/cloudtrail");
        nativePrimary = NativeRuns.primary();
        assertFalse(nativePrimary.failed(), nativePrimary::errors);
        nativeExports = NativeRuns.primaryExports();
        nativeSecondary = NativeRuns.secondary();
        for (ProgramRun run : List.of(bespokePrimary, bespokeSecondary, nativeSecondary)) {
            assertFalse(run.failed(), run::errors);
        }
    }

    private static Map<?, ?> action(Registered pipeline, String stageName) {
        List<?> stages = (List<?>) pipeline.inputs().get("stages");
        return stages.stream().map(s -> (Map<?, ?>) s).filter(s -> stageName.equals(s.get("name")))
                .map(s -> (Map<?, ?>) ((List<?>) s.get("actions")).get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + stageName));
    }

    private static PolicyView policy(ProgramRun run, String name) {
        return PolicyView.parse(run.where(r -> r.type().equals(ROLE_POLICY) && r.name().equals(name)).get(0).text("policy"));
    }

    @Test
    @DisplayName("both modes: each stack exports its delivery mode")
    void deliveryModeExported() {
        assertEquals("bespoke", bespokePrimary.output(Value.DELIVERY_MODE.key()));
        assertEquals("bespoke", bespokeSecondary.output(Value.DELIVERY_MODE.key()));
        assertEquals("native", nativePrimary.output(Value.DELIVERY_MODE.key()));
        assertEquals("native", nativeSecondary.output(Value.DELIVERY_MODE.key()));
    }

    @Test
    @DisplayName("native primary: no replica bucket, no replication, no notifications; the release archive stays in A")
    void nativePrimaryHasNoReplication() {
        assertTrue(nativePrimary.ofType("multiregion:delivery:ReplicatedBucket").isEmpty());
        assertTrue(nativePrimary.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig").isEmpty());
        assertTrue(nativePrimary.ofType("aws:s3/bucketNotification:BucketNotification").isEmpty());
        assertTrue(nativePrimary.where(r -> r.type().equals("aws:iam/role:Role") && r.name().contains("replication")).isEmpty());
        // bespoke builds them, as before
        assertEquals(1, bespokePrimary.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig").size());
        // the publish step keeps its archive in A, at the release key
        Map<?, ?> publish = action(nativePrimary.one(PIPELINE), "Publish");
        Object archive = ((Map<?, ?>) publish.get("configuration")).get("BucketName");
        assertEquals(archive, nativePrimary.output(Value.SOURCE_BUCKET.key()));
        assertTrue(nativePrimary.inRegion("aws:s3/bucketV2:BucketV2", A).stream()
                .anyMatch(bucket -> archive.equals(bucket.name() + "-a1b2c3d")), "archive bucket " + archive + " not in A");
    }

    @Test
    @DisplayName("native primary: one pipeline, in A, with one KMS-encrypted artifact store per region, each with its region's key")
    void nativeArtifactStores() {
        assertEquals(1, nativePrimary.ofType(PIPELINE).size());
        Registered pipeline = nativePrimary.one(PIPELINE);
        assertEquals(A, pipeline.providerRegion());
        List<?> stores = (List<?>) pipeline.inputs().get("artifactStores");
        assertEquals(2, stores.size());
        Set<String> regions = stores.stream().map(s -> (String) ((Map<?, ?>) s).get("region")).collect(Collectors.toSet());
        assertEquals(Set.of(A, B), regions);
        for (Object o : stores) {
            Map<?, ?> store = (Map<?, ?>) o;
            String region = (String) store.get("region");
            Map<?, ?> key = (Map<?, ?>) store.get("encryptionKey");
            assertEquals("S3", store.get("type"));
            assertEquals("KMS", key.get("type"));
            assertTrue(key.get("id").toString().startsWith("arn:aws:kms:" + region + ":"), key.toString());
            // the key is the stack's key of that region, and the bucket is a bucket of that region
            assertTrue(nativePrimary.inRegion("aws:kms/key:Key", region).stream()
                    .anyMatch(k -> key.get("id").toString().endsWith(":key/" + k.name() + "-0000-1111")), key.toString());
            assertTrue(nativePrimary.inRegion("aws:s3/bucketV2:BucketV2", region).stream()
                    .anyMatch(bucket -> store.get("location").equals(bucket.name() + "-a1b2c3d")), store.toString());
        }
        // one key per region: B's store reuses the stack's key in B
        assertEquals(1, nativePrimary.inRegion("aws:kms/key:Key", B).size());
        // a single-region pipeline keeps the one store without a region
        List<?> bespokeStores = (List<?>) bespokePrimary.one(PIPELINE).inputs().get("artifactStores");
        assertEquals(1, bespokeStores.size());
        assertNull(((Map<?, ?>) bespokeStores.get(0)).get("region"));
    }

    @Test
    @DisplayName("native primary: the pipeline waits for both stores, both keys and its role's permissions")
    void nativePipelineWaitsForWhatCodePipelineChecks() {
        Registered pipeline = nativePrimary.one(PIPELINE);
        for (String region : List.of(A, B)) {
            // CodePipeline checks at creation that each artifact store's bucket exists in its region
            assertTrue(nativePrimary.inRegion("aws:s3/bucketV2:BucketV2", region).stream().anyMatch(pipeline::dependsOn),
                    "no store bucket in " + region);
            assertTrue(nativePrimary.inRegion("aws:kms/key:Key", region).stream().anyMatch(pipeline::dependsOn),
                    "no key in " + region);
        }
        // CodePipeline validates the role's permissions when the pipeline is created
        Registered rolePolicy = nativePrimary.where(r -> r.type().equals(ROLE_POLICY)
                && r.name().equals("multiregion-source-pipeline")).get(0);
        assertTrue(pipeline.dependsOn(rolePolicy));
    }

    @Test
    @DisplayName("native primary: A's deploy stage runs in A, then a CodeDeploy action runs in B for B's target")
    void nativeActionRegions() {
        Registered pipeline = nativePrimary.one(PIPELINE);
        Map<?, ?> deployA = action(pipeline, "Deploy");
        assertNull(deployA.get("region"), "A's actions run in the pipeline's region");
        Map<?, ?> deployB = action(pipeline, "DeploySecondary");
        assertEquals(B, deployB.get("region"));
        assertEquals("CodeDeploy", deployB.get("provider"));
        assertEquals("Deploy", deployB.get("category"));
        assertEquals(List.of("release"), deployB.get("inputArtifacts"));
        Map<?, ?> config = (Map<?, ?>) deployB.get("configuration");
        assertEquals("multiregion-primary-" + B, config.get("ApplicationName"));
        assertEquals("multiregion-deploy-group", config.get("DeploymentGroupName"));
        List<?> stages = (List<?>) pipeline.inputs().get("stages");
        assertEquals("DeploySecondary", ((Map<?, ?>) stages.get(stages.size() - 1)).get("name"),
                "B is deployed only after A's deployment succeeded");
        // no action of the bespoke pipeline names a region
        for (Object s : (List<?>) bespokePrimary.one(PIPELINE).inputs().get("stages")) {
            assertNull(((Map<?, ?>) ((List<?>) ((Map<?, ?>) s).get("actions")).get(0)).get("region"));
        }
    }

    @Test
    @DisplayName("native: the secondary creates B's CodeDeploy target with exactly the names A's pipeline deploys to")
    void namesAgreeWithoutACycle() {
        Map<?, ?> config = (Map<?, ?>) action(nativePrimary.one(PIPELINE), "DeploySecondary").get("configuration");
        Registered application = nativeSecondary.one("aws:codedeploy/application:Application");
        Registered group = nativeSecondary.one("aws:codedeploy/deploymentGroup:DeploymentGroup");
        assertEquals(B, application.providerRegion());
        assertEquals(config.get("ApplicationName"), application.text("name"));
        assertEquals(config.get("DeploymentGroupName"), group.text("deploymentGroupName"));
        assertEquals(config.get("ApplicationName"), group.text("appName"));
        // the primary's own target keeps its bespoke name
        assertEquals("multiregion-primary", nativePrimary.one("aws:codedeploy/application:Application").text("name"));
        assertEquals("multiregion-secondary", bespokeSecondary.one("aws:codedeploy/application:Application").text("name"));
    }

    @Test
    @DisplayName("native primary: the pipeline role reads and writes each region's store and key, and deploys only to B's target")
    void nativePipelineRole() {
        PolicyView policy = policy(nativePrimary, "multiregion-source-pipeline");
        String storeB = (String) nativeExports.get(Value.NATIVE_STORE_ARN.key());
        String keyB = (String) nativeExports.get(Value.NATIVE_STORE_KEY_ARN.key());
        assertTrue(storeB.startsWith("arn:aws:s3:::multiregion-source-artifacts-" + B), storeB);
        assertTrue(keyB.startsWith("arn:aws:kms:" + B + ":"), keyB);
        assertEquals(List.of(storeB + "/*"), policy.sid("SecondaryArtifactsObjects").resources());
        assertEquals(List.of(storeB), policy.sid("SecondaryArtifactsBucket").resources());
        assertEquals(List.of(keyB), policy.sid("SecondaryArtifactsKey").resources());
        assertTrue(policy.sid("ArtifactsKey").resources().get(0).startsWith("arn:aws:kms:" + A + ":"));
        String prefix = "arn:aws:codedeploy:" + B + ":123456789012:";
        assertEquals(List.of(prefix + "deploymentgroup:multiregion-primary-" + B + "/multiregion-deploy-group"),
                policy.sid("DeploySecondaryDeployments").resources());
        assertEquals(List.of(prefix + "application:multiregion-primary-" + B), policy.sid("DeploySecondaryRevisions").resources());
        assertEquals(List.of(prefix + "deploymentconfig:CodeDeployDefault.OneAtATime"),
                policy.sid("DeploySecondaryConfig").resources());
        // nothing on any other region's or account's resources, and no wildcard resource
        assertTrue(policy.allResources().stream().noneMatch("*"::equals));
    }

    @Test
    @DisplayName("native secondary: no trigger, no trail, no pipeline and no build in B; the slice and its CodeDeploy target stay")
    void nativeSecondaryHasNoDelivery() {
        for (String type : List.of("multiregion:delivery:ReplicaTrigger", "multiregion:delivery:ReplicaPipeline", PIPELINE,
                "aws:cloudtrail/trail:Trail", "aws:codebuild/project:Project")) {
            assertTrue(nativeSecondary.ofType(type).isEmpty(), type);
        }
        // the only rules are the region's operations (failed deployments, events to and from region A)
        assertTrue(nativeSecondary.ofType("aws:cloudwatch/eventRule:EventRule").stream()
                .allMatch(r -> r.name().startsWith("multiregion-ops-")));
        assertEquals(1, nativeSecondary.ofType("multiregion:slice:RegionSlice").size());
        assertEquals(1, nativeSecondary.ofType("multiregion:deploy:DeployTarget").size());
        assertTrue(nativeSecondary.aws().stream().allMatch(r -> B.equals(r.providerRegion())
                || ProviderRegistry.GLOBAL_PROVIDER.equals(nativeSecondary.providerName(r))),
                "secondary stays in B (and the front door's global provider)");
        // bespoke builds them
        assertEquals(1, bespokeSecondary.ofType("multiregion:delivery:ReplicaTrigger").size());
        assertEquals(1, bespokeSecondary.ofType(PIPELINE).size());
        for (Value v : List.of(Value.REPLICA_PIPELINE, Value.TRIGGER_RULE, Value.TRIGGER_MODE, Value.RELEASE_OBJECT)) {
            assertNull(nativeSecondary.output(v.key()), v.key());
        }
    }

    @Test
    @DisplayName("native secondary: B's instances read revisions from the primary's store in B, decrypting through S3 only")
    void nativeSecondaryGrantsItsInstances() {
        Registered grant = nativeSecondary.where(r -> r.type().equals(ROLE_POLICY)
                && r.name().equals("multiregion-native-release-read")).get(0);
        PolicyView policy = PolicyView.parse(grant.text("policy"));
        assertEquals(List.of(nativeExports.get(Value.NATIVE_STORE_ARN.key()) + "/*"),
                policy.sid("ReadReleaseRevisions").resources());
        assertEquals(List.of(nativeExports.get(Value.NATIVE_STORE_KEY_ARN.key())),
                policy.sid("DecryptReleaseRevisions").resources());
        assertEquals(List.of("s3." + B + ".amazonaws.com"),
                policy.sid("DecryptReleaseRevisions").condition("StringEquals", "kms:ViaService"));
        Registered instanceRole = nativeSecondary.where(r -> r.type().equals("aws:iam/role:Role")
                && r.name().contains("-app-instance")).get(0);
        assertEquals(instanceRole.name() + "-a1b2c3d", grant.text("role"));
    }

    @Test
    @DisplayName("exports follow the mode: native exports B's store and key, bespoke the replica bucket")
    void exportsFollowTheMode() {
        for (Value v : List.of(Value.NATIVE_STORE_BUCKET, Value.NATIVE_STORE_ARN, Value.NATIVE_STORE_KEY_ARN)) {
            assertTrue(v.fits(nativePrimary.output(v.key())), v.key());
            assertNull(bespokePrimary.output(v.key()), v.key());
        }
        for (Value v : List.of(Value.REPLICA_BUCKET, Value.REPLICA_BUCKET_ARN, Value.REPLICA_KEY_ARN, Value.REPLICATION_ROLE_ARN)) {
            assertNull(nativePrimary.output(v.key()), v.key());
        }
        assertFalse(StackContract.readBySecondary(io.multiregion.config.DeliveryMode.NATIVE).contains(Value.REPLICA_BUCKET));
        assertTrue(StackContract.readBySecondary(io.multiregion.config.DeliveryMode.NATIVE).contains(Value.NATIVE_STORE_ARN));
        assertFalse(StackContract.readBySecondary(io.multiregion.config.DeliveryMode.BESPOKE).contains(Value.NATIVE_STORE_ARN));
    }

    @Test
    @DisplayName("a secondary whose mode disagrees with the primary's is refused, naming the fix, and registers nothing")
    void modesMustAgree() {
        ProgramRun nativeOnBespoke = ProgramRun.with("secondary", nativeConfig("secondary"), Samples.primaryOutputs());
        assertTrue(nativeOnBespoke.failed());
        assertTrue(nativeOnBespoke.errors().contains("multiregion:delivery: 'native' disagrees with the primary stack "
                + "acme-corp/multiregion/primary, which was deployed with 'bespoke'"), nativeOnBespoke.errors());
        assertFalse(nativeOnBespoke.errors().contains("does not export"), nativeOnBespoke.errors());
        assertTrue(nativeOnBespoke.aws().isEmpty());

        ProgramRun bespokeOnNative = ProgramRun.with("secondary", StackFiles.config("secondary"), nativeExports);
        assertTrue(bespokeOnNative.failed());
        assertTrue(bespokeOnNative.errors().contains("multiregion:delivery: 'bespoke' disagrees with the primary stack"),
                bespokeOnNative.errors());
        assertTrue(bespokeOnNative.aws().isEmpty());
    }

    @Test
    @DisplayName("native where CodePipeline has no cross-region actions is refused, naming the mode that works, with nothing registered")
    void unsupportedRegionPairRegistersNothing() {
        for (String stack : List.of("primary", "secondary")) {
            Map<String, String> config = nativeConfig(stack);
            config.put("multiregion:secondaryRegion", "ap-southeast-7");
            ProgramRun run = ProgramRun.with(stack, config, Samples.primaryOutputs(A, "ap-southeast-7"));
            assertTrue(run.failed(), stack);
            assertTrue(run.errors().contains("multiregion:delivery: 'native' needs CodePipeline cross-region actions in "
                    + "both regions, and multiregion:secondaryRegion ap-southeast-7 has none"), run.errors());
            // ap-southeast-7 offers CodeBuild but no CodePipeline: pipeline-free is what works there
            assertTrue(run.errors().contains("set multiregion:delivery to pipeline-free"), run.errors());
            assertTrue(run.all().isEmpty() || run.aws().isEmpty(), stack + " registered resources");
        }
    }

    @Test
    @DisplayName("native: a bespoke-only key set on purpose is warned about when the stack runs")
    void bespokeOnlyKeyWarned() {
        Map<String, String> config = nativeConfig("secondary");
        config.put("multiregion:trigger", "eventbridge");
        ProgramRun run = ProgramRun.with("secondary", config, nativeExports);
        assertFalse(run.failed(), run::errors);
        assertTrue(run.warnings().stream().anyMatch(w -> w.contains("multiregion:trigger: 'eventbridge' is set for the "
                + "secondary stack, but only bespoke delivery reads it")), run.warnings().toString());
    }
}
