package io.multiregion.security;

import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules that only a real deployment would reveal, checked on the registered graph: what AWS checks when a
 * resource is created must exist, complete, before it (the mocks accept any order).
 */
class CreateTimeRulesTest {
    private static final String KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

    /** Types that AWS checks against their KMS key's policy at creation (CloudWatch Logs, CloudTrail). */
    private static final Set<String> CHECKS_KEY_AT_CREATION = Set.of("aws:cloudwatch/logGroup:LogGroup",
            "aws:cloudtrail/trail:Trail");

    static Stream<String> runs() {
        return StandardRuns.BESPOKE.stream();
    }

    @ParameterizedTest(name = "{0}: every log group and trail that uses a key waits for that key's policy")
    @MethodSource("runs")
    void keyConsumersWaitForThePolicy(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Registered> consumers = run.where(r -> CHECKS_KEY_AT_CREATION.contains(r.type()) && r.text("kmsKeyId") != null);
        assertFalse(consumers.isEmpty());
        for (Registered consumer : consumers) {
            String keyArn = consumer.text("kmsKeyId");
            String keyId = keyArn.substring(keyArn.lastIndexOf('/') + 1);
            List<Registered> policies = run.where(r -> r.type().equals(KEY_POLICY) && keyId.equals(r.text("keyId")));
            assertEquals(1, policies.size(), "the policy of " + keyArn);
            assertTrue(consumer.dependsOn(policies.get(0)),
                    consumer.type() + " " + consumer.name() + " does not wait for " + policies.get(0).name()
                            + " (terraform-provider-aws#8042)");
        }
    }

    @Test
    @DisplayName("the trail waits for its bucket policy, its logs role's policy and its key policy")
    void trailWaitsForWhatCloudTrailChecks() {
        ProgramRun run = StandardRuns.get("secondary/cloudtrail");
        Registered trail = run.one("aws:cloudtrail/trail:Trail");
        Registered bucketPolicy = run.where(r -> r.type().equals("aws:s3/bucketPolicy:BucketPolicy")
                && r.text("bucket").equals(trail.text("s3BucketName"))).get(0);
        assertTrue(trail.dependsOn(bucketPolicy));
        List<Registered> rolePolicies = run.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().contains("trail-logs"));
        assertEquals(1, rolePolicies.size());
        assertTrue(trail.dependsOn(rolePolicies.get(0)));
    }

    @Test
    @DisplayName("the replica bucket's notification setting is written by its owner only, whatever the trigger mode")
    void notificationOwnedByThePrimary() {
        Registered notification = StandardRuns.get("primary").one("aws:s3/bucketNotification:BucketNotification");
        assertEquals("eu-central-1", notification.providerRegion());
        assertEquals(true, notification.at("eventbridge"));
        Registered replica = StandardRuns.get("primary").where(r -> r.type().equals("aws:s3/bucketV2:BucketV2")
                && r.name().contains("release-replica")).get(0);
        assertTrue(notification.dependsOn(replica), "the notification names the replica bucket");
        for (String secondary : List.of("secondary/cloudtrail", "secondary/eventbridge")) {
            assertEquals(List.of(), StandardRuns.get(secondary).ofType("aws:s3/bucketNotification:BucketNotification"),
                    secondary + " must not write the notification configuration of a bucket it does not own");
        }
    }

    @ParameterizedTest(name = "{0}: access-log buckets admit this account's project buckets, which log there once admitted")
    @MethodSource("runs")
    void accessLogDeliveryIsScoped(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Registered> loggings = run.ofType("aws:s3/bucketLoggingV2:BucketLoggingV2");
        assertFalse(loggings.isEmpty());
        List<Registered> targets = run.where(r -> r.type().equals("aws:s3/bucketV2:BucketV2") && r.name().contains("access-logs"));
        assertFalse(targets.isEmpty());
        for (Registered target : targets) {
            String bucket = target.name() + "-a1b2c3d";
            Registered policy = run.where(r -> r.type().equals("aws:s3/bucketPolicy:BucketPolicy")
                    && bucket.equals(r.text("bucket"))).get(0);
            PolicyView.StatementView delivery = PolicyView.parse(policy.text("policy")).sid("S3ServerAccessLogDelivery");
            // S3 User Guide, "Enabling Amazon S3 server access logging", "Permissions for log delivery"
            assertEquals(Map.of("Service", List.of("logging.s3.amazonaws.com")), delivery.principals());
            assertEquals(List.of("s3:PutObject"), delivery.actions());
            assertEquals(List.of("123456789012"), delivery.condition("StringEquals", "aws:SourceAccount"));
            // the project's buckets, never every bucket of the account
            assertEquals(List.of("arn:aws:s3:::multiregion-*"), delivery.condition("ArnLike", "aws:SourceArn"));
            assertEquals(List.of("arn:aws:s3:::" + bucket + "/multiregion-*"), delivery.resources());
            List<Registered> logged = loggings.stream().filter(l -> bucket.equals(l.text("targetBucket"))).toList();
            assertFalse(logged.isEmpty());
            for (Registered l : logged) {
                assertTrue(delivery.like("ArnLike", "aws:SourceArn", "arn:aws:s3:::" + l.text("bucket")),
                        l.text("bucket") + " logs to " + bucket + ", which does not admit it");
                assertTrue(PolicyView.matchesLike(delivery.resources().get(0),
                                "arn:aws:s3:::" + bucket + "/" + l.text("targetPrefix") + "2025-01-01-00-00-00-0123456789ABCDEF"),
                        l.name() + " writes under " + l.text("targetPrefix") + ", which the policy does not admit");
                assertTrue(l.dependsOn(policy), l.name() + " starts before the target admits it");
            }
        }
    }

    @ParameterizedTest(name = "{0}: every fixed physical name contains the stack; the rest are auto-named")
    @MethodSource("runs")
    void fixedNamesCarryTheStack(String name) {
        String stack = name.startsWith("primary") ? "primary" : "secondary";
        List<String> clashes = new ArrayList<>();
        int checked = 0;
        for (Registered r : StandardRuns.get(name).aws()) {
            for (String key : List.of("name", "namePrefix", "roleName", "bucket", "functionName", "identifier",
                    "clusterIdentifier", "globalClusterIdentifier", "finalSnapshotIdentifier")) {
                if (r.inputs().get(key) instanceof String physical && isOwnName(r, key)) {
                    checked++;
                    if (!physical.contains(stack)) {
                        clashes.add(r.type() + " " + r.name() + " " + key + "=" + physical);
                    }
                }
            }
        }
        assertTrue(checked >= 2, "fixed names found: " + checked);
        assertEquals(List.of(), clashes, "a second deployment in the same account and region would fail on these");
    }

    /** Whether an input is the resource's own physical name (not a reference to another resource's). */
    private static boolean isOwnName(Registered r, String key) {
        if (key.equals("bucket")) {
            return r.type().equals("aws:s3/bucketV2:BucketV2");
        }
        if (key.equals("clusterIdentifier")) {
            return r.type().equals("aws:rds/cluster:Cluster"); // an instance names the cluster it joins
        }
        if (key.equals("globalClusterIdentifier")) {
            return r.type().equals("aws:rds/globalCluster:GlobalCluster"); // a cluster names the one it joins
        }
        return !r.type().startsWith("aws:s3/bucket") || r.type().equals("aws:s3/bucketV2:BucketV2");
    }
}
