package io.multiregion.delivery;

import com.google.gson.JsonObject;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What starts B's pipeline, in both trigger modes. */
class TriggerTest {
    private static final String B = "eu-central-1";
    private static final String OBJECT_ARN = "arn:aws:s3:::" + Samples.REPLICA_BUCKET + "/" + Samples.ARTIFACT_KEY;
    private static ProgramRun cloudtrail;
    private static ProgramRun eventbridge;

    @BeforeAll
    static void run() {
        cloudtrail = StandardRuns.get("secondary/cloudtrail");
        eventbridge = StandardRuns.get("secondary/eventbridge");
        assertFalse(cloudtrail.failed(), cloudtrail::errors);
        assertFalse(eventbridge.failed(), eventbridge::errors);
    }

    private static ProgramRun mode(String mode) {
        return mode.equals("cloudtrail") ? cloudtrail : eventbridge;
    }

    @Test
    @DisplayName("cloudtrail: one single-region trail in B logging WriteOnly data events for exactly the replica object")
    void trailLogsOnlyTheReplicaObjectWrites() {
        Registered trail = cloudtrail.one("aws:cloudtrail/trail:Trail");
        assertEquals(B, trail.providerRegion());
        assertEquals(false, trail.at("isMultiRegionTrail"));
        assertEquals(false, trail.at("includeGlobalServiceEvents"));
        assertEquals(true, trail.at("enableLogFileValidation"));
        assertEquals(true, trail.at("enableLogging"));
        assertTrue(trail.text("kmsKeyId").startsWith("arn:aws:kms:eu-central-1:"));
        assertTrue(trail.text("cloudWatchLogsGroupArn").endsWith(":*"));
        assertEquals(1, ((List<?>) trail.at("eventSelectors")).size());
        assertEquals("WriteOnly", trail.at("eventSelectors", 0, "readWriteType"));
        assertEquals(false, trail.at("eventSelectors", 0, "includeManagementEvents"));
        assertEquals("AWS::S3::Object", trail.at("eventSelectors", 0, "dataResources", 0, "type"));
        assertEquals(List.of(OBJECT_ARN), trail.at("eventSelectors", 0, "dataResources", 0, "values"));
        assertTrue(trail.inputs().get("advancedEventSelectors") == null
                || ((List<?>) trail.inputs().get("advancedEventSelectors")).isEmpty());
    }

    @Test
    @DisplayName("cloudtrail: the log bucket policy lets only this trail check the ACL and write with bucket-owner-full-control")
    void trailLogBucketPolicy() {
        Registered policy = cloudtrail.where(r -> r.type().equals("aws:s3/bucketPolicy:BucketPolicy")
                && r.name().equals("multiregion-trigger-trail-logs-policy")).get(0);
        PolicyView view = PolicyView.parse(policy.text("policy"));
        String trailArn = "arn:aws:cloudtrail:eu-central-1:123456789012:trail/multiregion-secondary-release-trigger";
        String bucketArn = "arn:aws:s3:::multiregion-trigger-trail-logs-a1b2c3d";

        PolicyView.StatementView acl = view.sid("AWSCloudTrailAclCheck");
        assertEquals(List.of("s3:GetBucketAcl"), acl.actions());
        assertEquals(List.of(bucketArn), acl.resources());
        assertEquals(Map.of("Service", List.of("cloudtrail.amazonaws.com")), acl.principals());
        assertEquals(List.of(trailArn), acl.condition("StringEquals", "aws:SourceArn"));

        PolicyView.StatementView write = view.sid("AWSCloudTrailWrite");
        assertEquals(List.of("s3:PutObject"), write.actions());
        assertEquals(List.of(bucketArn + "/AWSLogs/123456789012/*"), write.resources());
        assertEquals(List.of("bucket-owner-full-control"), write.condition("StringEquals", "s3:x-amz-acl"));
        assertEquals(List.of(trailArn), write.condition("StringEquals", "aws:SourceArn"));

        Registered trail = cloudtrail.one("aws:cloudtrail/trail:Trail");
        assertEquals("multiregion-trigger-trail-logs-a1b2c3d", trail.text("s3BucketName"));
        assertEquals(trail.text("s3BucketName"), policy.text("bucket"), "the policy is on the trail's own bucket");
        assertEquals("multiregion-secondary-release-trigger", trail.text("name"));
    }

    @Test
    @DisplayName("cloudtrail: the rule matches the CloudTrail API call for the replica bucket and key")
    void cloudTrailRulePattern() {
        JsonObject pattern = triggerRule(cloudtrail).json("eventPattern").getAsJsonObject();
        assertEquals("[\"aws.s3\"]", pattern.get("source").toString());
        assertEquals("[\"AWS API Call via CloudTrail\"]", pattern.get("detail-type").toString());
        JsonObject detail = pattern.getAsJsonObject("detail");
        assertEquals("[\"s3.amazonaws.com\"]", detail.get("eventSource").toString());
        assertEquals("[\"PutObject\",\"CopyObject\",\"CompleteMultipartUpload\"]", detail.get("eventName").toString());
        assertEquals("[\"" + Samples.REPLICA_BUCKET + "\"]", detail.getAsJsonObject("requestParameters").get("bucketName").toString());
        assertEquals("[\"" + Samples.ARTIFACT_KEY + "\"]", detail.getAsJsonObject("requestParameters").get("key").toString());
        assertTrue(cloudtrail.ofType("aws:s3/bucketNotification:BucketNotification").isEmpty());
    }

    @Test
    @DisplayName("eventbridge: a rule on Object Created, no trail, and no write to the notification setting of the "
            + "replica bucket, which its owner (the primary) turns on")
    void eventBridgeMode() {
        assertTrue(eventbridge.ofType("aws:s3/bucketNotification:BucketNotification").isEmpty());
        assertTrue(eventbridge.ofType("aws:cloudtrail/trail:Trail").isEmpty());
        JsonObject pattern = triggerRule(eventbridge).json("eventPattern").getAsJsonObject();
        assertEquals("[\"Object Created\"]", pattern.get("detail-type").toString());
        assertEquals("[\"" + Samples.REPLICA_BUCKET + "\"]",
                pattern.getAsJsonObject("detail").getAsJsonObject("bucket").get("name").toString());
        assertEquals("[\"" + Samples.ARTIFACT_KEY + "\"]",
                pattern.getAsJsonObject("detail").getAsJsonObject("object").get("key").toString());
    }

    @ParameterizedTest(name = "{0}: the rule's only target is B's pipeline, through a role only EventBridge can assume")
    @ValueSource(strings = {"cloudtrail", "eventbridge"})
    void targetAndRole(String mode) {
        ProgramRun run = mode(mode);
        Registered rule = triggerRule(run);
        List<Registered> targets = run.where(r -> r.type().equals("aws:cloudwatch/eventTarget:EventTarget")
                && r.name().startsWith("multiregion-trigger"));
        assertEquals(1, targets.size(), "the trigger's targets: " + targets);
        Registered target = targets.get(0);
        Registered pipeline = run.one("aws:codepipeline/pipeline:Pipeline");
        String pipelineArn = "arn:aws:codepipeline:eu-central-1:123456789012:multiregion-replica-a1b2c3d";
        assertEquals(B, rule.providerRegion());
        assertEquals(B, target.providerRegion());
        assertEquals("multiregion-trigger-a1b2c3d", target.text("rule"));
        assertEquals(pipelineArn, target.text("arn"));
        assertEquals("multiregion-replica", pipeline.name());

        Registered role = run.where(r -> r.type().equals("aws:iam/role:Role") && r.name().equals("multiregion-trigger-events")).get(0);
        assertEquals("arn:aws:iam::123456789012:role/multiregion-trigger-events-a1b2c3d", target.text("roleArn"));
        PolicyView trust = PolicyView.parse(role.text("assumeRolePolicy"));
        assertEquals(1, trust.statements().size());
        assertEquals(Map.of("Service", List.of("events.amazonaws.com")), trust.statements().get(0).principals());
        assertEquals(List.of("arn:aws:events:eu-central-1:123456789012:rule/multiregion-trigger-a1b2c3d"),
                trust.statements().get(0).condition("StringEquals", "aws:SourceArn"));

        Registered policy = run.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().equals("multiregion-trigger-events")).get(0);
        PolicyView view = PolicyView.parse(policy.text("policy"));
        assertEquals(1, view.statements().size());
        assertEquals(List.of("codepipeline:StartPipelineExecution"), view.statements().get(0).actions());
        assertEquals(List.of(pipelineArn), view.statements().get(0).resources());
    }

    @ParameterizedTest(name = "{0}: role and rule are distinct resources with distinct names")
    @ValueSource(strings = {"cloudtrail", "eventbridge"})
    void roleAndRuleAreDistinct(String mode) {
        ProgramRun run = mode(mode);
        String ruleName = triggerRule(run).name();
        assertTrue(run.ofType("aws:iam/role:Role").stream().noneMatch(r -> r.name().equals(ruleName)));
        assertTrue(run.all().stream().noneMatch(r -> r.type().toLowerCase().contains("eventrole")));
    }

    /** The trigger's rule: the one rule of the trigger component (the stack's operations have rules of their own). */
    private static Registered triggerRule(ProgramRun run) {
        List<Registered> rules = run.where(r -> r.type().equals("aws:cloudwatch/eventRule:EventRule")
                && r.name().startsWith("multiregion-trigger"));
        assertEquals(1, rules.size(), "the trigger's rules: " + rules);
        return rules.get(0);
    }
}
