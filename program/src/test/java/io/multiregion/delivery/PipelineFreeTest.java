package io.multiregion.delivery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.multiregion.config.TriggerMode;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pipeline-free delivery, {@code us-west-2 -> mx-central-1} (B offers no CodePipeline or CodeBuild): the trigger's
 * rule starts a state machine that deploys exactly the replicated object version with CodeDeploy, one deployment at a
 * time, failing visibly. The patterns are matched with event-ruler; the deployment's inputs are followed from the
 * sample event through the target's input transformer into the state machine's CreateDeployment parameters.
 */
class PipelineFreeTest {
    private static final String B = RegionPairRuns.PIPELINE_FREE[1];
    private static final String MACHINE = "aws:sfn/stateMachine:StateMachine";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

    private static ProgramRun primary;
    private static final Map<TriggerMode, ProgramRun> SECONDARY = new TreeMap<>();
    private static String bucket;
    private static String key;

    @BeforeAll
    static void run() {
        primary = StandardRuns.get("primary/pipeline-free");
        SECONDARY.put(TriggerMode.CLOUDTRAIL, StandardRuns.get("secondary/pipeline-free"));
        Map<String, String> config = RegionPairRuns.config("secondary", RegionPairRuns.PIPELINE_FREE);
        config.put("multiregion:trigger", "eventbridge");
        ProgramRun eventbridge = ProgramRun.with("secondary", config, primary.exports());
        assertFalse(eventbridge.failed(), eventbridge::errors);
        SECONDARY.put(TriggerMode.EVENTBRIDGE, eventbridge);
        bucket = (String) primary.output(Value.REPLICA_BUCKET.key());
        key = (String) primary.output(Value.ARTIFACT_KEY.key());
    }

    private static JsonObject definition(ProgramRun run) {
        return JsonParser.parseString(run.one(MACHINE).text("definition")).getAsJsonObject();
    }

    private static JsonObject state(ProgramRun run, String name) {
        return definition(run).getAsJsonObject("States").getAsJsonObject(name);
    }

    private static Registered target(ProgramRun run) {
        return one(run.where(r -> r.type().equals("aws:cloudwatch/eventTarget:EventTarget")
                && r.name().startsWith("multiregion-trigger")));
    }

    private static PolicyView policy(ProgramRun run, String name) {
        return PolicyView.parse(run.where(r -> r.type().equals(ROLE_POLICY) && r.name().equals(name)).get(0).text("policy"));
    }

    @Test
    @DisplayName("no pipeline and no build in B: one state machine, in B, started by the trigger's rule")
    void noPipelineInB() {
        ProgramRun run = SECONDARY.get(TriggerMode.CLOUDTRAIL);
        assertTrue(run.ofType("aws:codepipeline/pipeline:Pipeline").isEmpty());
        assertTrue(run.ofType("aws:codebuild/project:Project").isEmpty());
        Registered machine = run.one(MACHINE);
        assertEquals(B, machine.providerRegion());
        assertEquals("STANDARD", machine.text("type"));
        assertEquals("multiregion-secondary-release-deployer", machine.text("name"));
        Registered target = target(run);
        assertEquals(B, target.providerRegion());
        assertTrue(target.text("arn").endsWith(":states:" + B + ":123456789012:stateMachine:" + machine.text("name")),
                target.text("arn"));
        assertEquals("pipeline-free", run.output(Value.DELIVERY_MODE.key()));
        assertEquals(target.text("arn"), run.output(Value.RELEASE_DEPLOYER.key()));
        assertEquals(null, run.output(Value.REPLICA_PIPELINE.key()));
        // the primary replicates to B as in bespoke delivery
        assertEquals(1, primary.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig").size());
        assertEquals("pipeline-free", primary.output(Value.DELIVERY_MODE.key()));
    }

    @ParameterizedTest(name = "{0} trigger: the rule matches the release's write events only (event-ruler)")
    @EnumSource(TriggerMode.class)
    void patternMatchesTheReleaseOnly(TriggerMode mode) {
        String pattern = triggerRule(SECONDARY.get(mode)).text("eventPattern");
        String created = mode == TriggerMode.CLOUDTRAIL ? "cloudtrail-put-object.json" : "s3-object-created.json";
        assertTrue(Events.matches(pattern, Events.sample(created, bucket, key, B)));
        assertFalse(Events.matches(pattern, Events.sample(created, bucket, "releases/other.zip", B)));
        assertFalse(Events.matches(pattern, Events.sample(created, "another-bucket", key, B)));
        String deleted = mode == TriggerMode.CLOUDTRAIL ? "cloudtrail-delete-object.json" : "s3-object-deleted.json";
        assertFalse(Events.matches(pattern, Events.sample(deleted, bucket, key, B)));
        if (mode == TriggerMode.CLOUDTRAIL) {
            assertTrue(Events.matches(pattern, Events.sample("cloudtrail-copy-object.json", bucket, key, B)));
            assertTrue(Events.matches(pattern, Events.sample("cloudtrail-complete-multipart-upload.json", bucket, key, B)));
            assertFalse(Events.matches(pattern, Events.sample("cloudtrail-put-object-denied.json", bucket, key, B)));
            assertFalse(Events.matches(pattern, Events.sample("cloudtrail-get-object.json", bucket, key, B)));
        }
    }

    @ParameterizedTest(name = "{0} trigger: CreateDeployment deploys the bucket, key, version (and ETag) of the matched event")
    @EnumSource(TriggerMode.class)
    void deploymentInputsComeFromTheEvent(TriggerMode mode) {
        ProgramRun run = SECONDARY.get(mode);
        String file = mode == TriggerMode.CLOUDTRAIL ? "cloudtrail-put-object.json" : "s3-object-created.json";
        String event = Events.sample(file, bucket, key, B);
        assertTrue(Events.matches(triggerRule(run).text("eventPattern"), event));
        JsonElement parsed = JsonParser.parseString(event);
        String version = Events.at(parsed, mode == TriggerMode.CLOUDTRAIL ? "$.detail.responseElements.x-amz-version-id"
                : "$.detail.object.version-id").orElseThrow().getAsString();

        // EventBridge builds the execution's input from the event with the target's input transformer
        Map<?, ?> transformer = (Map<?, ?>) target(run).inputs().get("inputTransformer");
        @SuppressWarnings("unchecked")
        Map<String, String> paths = (Map<String, String>) transformer.get("inputPaths");
        JsonObject input = Events.transform(event, paths, (String) transformer.get("inputTemplate"));
        JsonObject release = input.getAsJsonObject(DeploymentWorkflow.INPUT);
        assertEquals(bucket, release.get("bucket").getAsString());
        assertEquals(key, release.get("key").getAsString());
        assertEquals(version, release.get("versionId").getAsString());

        // the state machine deploys exactly that object version
        JsonObject create = state(run, "CreateDeployment");
        assertTrue(create.get("Resource").getAsString().endsWith(":states:::aws-sdk:codedeploy:createDeployment"));
        JsonObject parameters = create.getAsJsonObject("Parameters");
        JsonObject location = parameters.getAsJsonObject("Revision").getAsJsonObject("S3Location");
        assertEquals("S3", parameters.getAsJsonObject("Revision").get("RevisionType").getAsString());
        assertEquals("zip", location.get("BundleType").getAsString());
        assertEquals(bucket, Events.at(input, location.get("Bucket.$").getAsString()).orElseThrow().getAsString());
        assertEquals(key, Events.at(input, location.get("Key.$").getAsString()).orElseThrow().getAsString());
        assertEquals(version, Events.at(input, location.get("Version.$").getAsString()).orElseThrow().getAsString());
        if (mode == TriggerMode.EVENTBRIDGE) {
            String etag = Events.at(parsed, "$.detail.object.etag").orElseThrow().getAsString();
            assertEquals(etag, Events.at(input, location.get("ETag.$").getAsString()).orElseThrow().getAsString());
        } else {
            assertFalse(location.has("ETag.$"), "a CloudTrail PutObject event carries no ETag");
        }
        // to B's own deployment group, with its deployment configuration
        assertEquals(run.one("aws:codedeploy/application:Application").text("name"),
                parameters.get("ApplicationName").getAsString());
        assertEquals(run.one("aws:codedeploy/deploymentGroup:DeploymentGroup").text("deploymentGroupName"),
                parameters.get("DeploymentGroupName").getAsString());
        assertEquals("CodeDeployDefault.OneAtATime", parameters.get("DeploymentConfigName").getAsString());
        // only a version that is still the newest is deployed: the check reads the same bucket and key
        JsonObject head = state(run, "ReadCurrentVersion").getAsJsonObject("Parameters");
        assertEquals(bucket, Events.at(input, head.get("Bucket.$").getAsString()).orElseThrow().getAsString());
        assertEquals(key, Events.at(input, head.get("Key.$").getAsString()).orElseThrow().getAsString());
        assertEquals("$.release.versionId", state(run, "StillCurrent").getAsJsonArray("Choices").get(0)
                .getAsJsonObject().get("StringEqualsPath").getAsString());
    }

    @Test
    @DisplayName("one deployment at a time, and a failed deployment fails the execution")
    void oneAtATimeAndFailureVisible() {
        ProgramRun run = SECONDARY.get(TriggerMode.CLOUDTRAIL);
        JsonObject definition = definition(run);
        assertEquals("ReadCurrentVersion", definition.get("StartAt").getAsString());
        assertEquals(DeploymentWorkflow.TIMEOUT_SECONDS, definition.get("TimeoutSeconds").getAsInt());
        // a busy group: wait, then check again whether this version is still the one to deploy
        JsonObject busy = state(run, "CreateDeployment").getAsJsonArray("Catch").get(0).getAsJsonObject();
        assertEquals(DeploymentWorkflow.GROUP_BUSY, busy.getAsJsonArray("ErrorEquals").get(0).getAsString());
        assertEquals("WaitForRunningDeployment", busy.get("Next").getAsString());
        assertEquals("ReadCurrentVersion", state(run, "WaitForRunningDeployment").get("Next").getAsString());
        // the execution follows the deployment to its end
        Map<String, String> outcome = new TreeMap<>();
        state(run, "Finished").getAsJsonArray("Choices").forEach(c -> outcome.put(
                c.getAsJsonObject().get("StringEquals").getAsString(), c.getAsJsonObject().get("Next").getAsString()));
        assertEquals(Map.of("Succeeded", "Deployed", "Failed", "DeploymentFailed", "Stopped", "DeploymentFailed"), outcome);
        assertEquals("Fail", state(run, "DeploymentFailed").get("Type").getAsString());
        assertEquals("WaitForDeployment", state(run, "Finished").get("Default").getAsString());
        // every Next names a state
        JsonObject states = definition.getAsJsonObject("States");
        states.entrySet().forEach(s -> {
            JsonObject body = s.getValue().getAsJsonObject();
            if (body.has("Next")) {
                assertTrue(states.has(body.get("Next").getAsString()), s.getKey());
            }
        });
        // the execution log: errors, to a log group encrypted with B's key
        Registered machine = run.one(MACHINE);
        assertEquals("ERROR", machine.at("loggingConfiguration", "level"));
        Registered log = run.where(r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup")
                && r.name().equals("multiregion-deployer-executions")).get(0);
        assertTrue(log.text("name").startsWith("/aws/vendedlogs/states/multiregion-secondary-"), log.text("name"));
        assertTrue(log.text("kmsKeyId").startsWith("arn:aws:kms:" + B + ":"));
        assertTrue(machine.text("loggingConfiguration").isEmpty()
                || ((String) machine.at("loggingConfiguration", "logDestination")).endsWith(":*"));
    }

    @Test
    @DisplayName("the state machine's role deploys to B's group only and reads the release object only; trusted for this state machine only")
    void deployerRole() {
        ProgramRun run = SECONDARY.get(TriggerMode.CLOUDTRAIL);
        PolicyView policy = policy(run, "multiregion-deployer-states");
        String prefix = "arn:aws:codedeploy:" + B + ":123456789012:";
        assertEquals(List.of(prefix + "deploymentgroup:multiregion-secondary/multiregion-deploy-group"),
                policy.sid("DeployReleaseDeployments").resources());
        assertEquals(List.of(prefix + "application:multiregion-secondary"), policy.sid("DeployReleaseRevisions").resources());
        assertEquals(List.of(prefix + "deploymentconfig:CodeDeployDefault.OneAtATime"),
                policy.sid("DeployReleaseConfig").resources());
        assertEquals(List.of("arn:aws:s3:::" + bucket + "/" + key), policy.sid("ReadCurrentReleaseVersion").resources());
        assertEquals(List.of("s3:GetObject"), policy.sid("ReadCurrentReleaseVersion").actions());
        assertEquals(List.of("*"), policy.sid("DeliverExecutionLog").resources());
        assertTrue(policy.sid("DeliverExecutionLog").actions().stream().allMatch(a -> a.startsWith("logs:")));
        assertEquals(5, policy.statements().size(), "nothing else");

        Registered role = run.where(r -> r.type().equals("aws:iam/role:Role") && r.name().equals("multiregion-deployer-states"))
                .get(0);
        PolicyView trust = PolicyView.parse(role.text("assumeRolePolicy"));
        assertEquals(List.of("states.amazonaws.com"), trust.statements().get(0).principals().get("Service"));
        assertEquals(List.of(run.output(Value.RELEASE_DEPLOYER.key())),
                trust.statements().get(0).condition("ArnEquals", "aws:SourceArn"));

        PolicyView events = policy(run, "multiregion-trigger-events");
        assertEquals(List.of("states:StartExecution"), events.allActions());
        assertEquals(List.of(run.output(Value.RELEASE_DEPLOYER.key())), events.allResources());
        // B's instances read the release from the replica bucket
        PolicyView instances = policy(run, "multiregion-deployer-release-read");
        assertEquals(List.of("arn:aws:s3:::" + bucket + "/*"), instances.sid("ReadReleaseRevisions").resources());
    }

    @Test
    @DisplayName("creation order: the state machine waits for its role's policy and its log group, the log group for the key policy, the target for its role's policy")
    void creationOrder() {
        ProgramRun run = SECONDARY.get(TriggerMode.CLOUDTRAIL);
        Registered machine = run.one(MACHINE);
        Registered rolePolicy = run.where(r -> r.type().equals(ROLE_POLICY) && r.name().equals("multiregion-deployer-states"))
                .get(0);
        Registered log = run.where(r -> r.name().equals("multiregion-deployer-executions")).get(0);
        // the key the executions' log group names (the stack's key in B, not governance's audit key)
        List<Registered> keyPolicies = run.where(r -> r.type().equals("aws:kms/keyPolicy:KeyPolicy")
                && log.text("kmsKeyId").endsWith("/" + r.text("keyId")));
        assertEquals(1, keyPolicies.size(), keyPolicies::toString);
        Registered keyPolicy = keyPolicies.get(0);
        assertTrue(machine.dependsOn(rolePolicy));
        assertTrue(machine.dependsOn(log));
        assertTrue(log.dependsOn(keyPolicy));
        Registered eventsPolicy = run.where(r -> r.type().equals(ROLE_POLICY) && r.name().equals("multiregion-trigger-events"))
                .get(0);
        assertTrue(target(run).dependsOn(eventsPolicy));
    }

    @Test
    @DisplayName("DeploymentWorkflow: the transformer's paths exist in the sample events of their trigger mode")
    void inputPathsExistInTheirEvents() {
        for (TriggerMode mode : TriggerMode.values()) {
            String file = mode == TriggerMode.CLOUDTRAIL ? "cloudtrail-put-object.json" : "s3-object-created.json";
            JsonElement event = JsonParser.parseString(Events.sample(file, "b", "k", B));
            DeploymentWorkflow.inputPaths(mode).forEach((field, path) ->
                    assertTrue(Events.at(event, path).isPresent(), mode + ": " + path));
            JsonObject template = JsonParser.parseString(DeploymentWorkflow.inputTemplate(mode)).getAsJsonObject();
            assertEquals(DeploymentWorkflow.inputPaths(mode).keySet(),
                    template.getAsJsonObject(DeploymentWorkflow.INPUT).keySet());
        }
    }

    /** The trigger's own rule (the stack's operations add rules of their own). */
    private static Registered triggerRule(ProgramRun run) {
        return one(run.where(r -> r.type().equals("aws:cloudwatch/eventRule:EventRule")
                && r.name().startsWith("multiregion-trigger")));
    }

    private static Registered one(List<Registered> found) {
        assertEquals(1, found.size(), found::toString);
        return found.get(0);
    }
}
