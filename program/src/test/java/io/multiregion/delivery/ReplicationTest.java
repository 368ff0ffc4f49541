package io.multiregion.delivery;

import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replicating bucket pair: S3 Cross-Region Replication from A to B. */
class ReplicationTest {
    private static final String A = "eu-west-1";
    private static final String B = "eu-central-1";
    private static ProgramRun primary;

    @BeforeAll
    static void run() {
        primary = StandardRuns.get("primary");
        assertFalse(primary.failed(), primary::errors);
    }

    private static Registered bucket(String name) {
        return primary.where(r -> r.type().equals("aws:s3/bucketV2:BucketV2") && r.name().equals(name)).get(0);
    }

    private static String keyArn(String region) {
        return "arn:aws:kms:" + region + ":123456789012:key/multiregion-key-" + region + "-0000-1111";
    }

    @Test
    @DisplayName("source bucket in A, replica bucket in B")
    void bucketsInTheirRegions() {
        assertEquals(A, bucket("multiregion-release-source").providerRegion());
        assertEquals(B, bucket("multiregion-release-replica").providerRegion());
    }

    @Test
    @DisplayName("both buckets are versioned and SSE-KMS encrypted with their own region's key")
    void versionedAndEncryptedPerRegion() {
        for (String side : List.of("source", "replica")) {
            String name = "multiregion-release-" + side;
            String region = side.equals("source") ? A : B;
            Registered versioning = primary.where(r -> r.name().equals(name + "-versioning")).get(0);
            assertEquals("Enabled", versioning.at("versioningConfiguration", "status"));
            assertEquals(name + "-a1b2c3d", versioning.text("bucket"));
            Registered sse = primary.where(r -> r.name().equals(name + "-encryption")).get(0);
            assertEquals("aws:kms", sse.at("rules", 0, "applyServerSideEncryptionByDefault", "sseAlgorithm"));
            assertEquals(keyArn(region), sse.at("rules", 0, "applyServerSideEncryptionByDefault", "kmsMasterKeyId"));
            assertEquals(true, sse.at("rules", 0, "bucketKeyEnabled"));
            assertEquals(region, sse.providerRegion());
        }
    }

    @Test
    @DisplayName("one storage KMS key per region (besides A's notification key), rotation on, 30-day deletion window")
    void keysPerRegion() {
        // the delivery path's key in A (governance has its own audit key there, the operations their topic's key)
        assertEquals(1, primary.inRegion("aws:kms/key:Key", A).stream()
                .filter(k -> !k.name().startsWith("multiregion-governance") && !k.name().endsWith("-topic-key")).count());
        assertEquals(1, primary.inRegion("aws:kms/key:Key", B).size());
        for (Registered key : primary.ofType("aws:kms/key:Key")) {
            assertEquals(true, key.at("enableKeyRotation"));
            assertEquals(30.0, ((Number) key.at("deletionWindowInDays")).doubleValue());
        }
    }

    @Test
    @DisplayName("replication rule: KMS objects selected, B's key for replicas, RTC and metrics at 15 minutes, no delete markers")
    void replicationRule() {
        Registered config = primary.one("aws:s3/bucketReplicationConfig:BucketReplicationConfig");
        assertEquals(A, config.providerRegion());
        assertEquals("multiregion-release-source-a1b2c3d", config.text("bucket"));
        assertEquals("arn:aws:iam::123456789012:role/multiregion-release-replication-a1b2c3d", config.text("role"));
        assertEquals("Enabled", config.at("rules", 0, "status"));
        assertEquals("Enabled", config.at("rules", 0, "sourceSelectionCriteria", "sseKmsEncryptedObjects", "status"));
        assertEquals("Disabled", config.at("rules", 0, "deleteMarkerReplication", "status"));
        assertEquals("arn:aws:s3:::multiregion-release-replica-a1b2c3d", config.at("rules", 0, "destination", "bucket"));
        assertEquals(keyArn(B), config.at("rules", 0, "destination", "encryptionConfiguration", "replicaKmsKeyId"));
        assertEquals("Enabled", config.at("rules", 0, "destination", "replicationTime", "status"));
        assertEquals(15.0, ((Number) config.at("rules", 0, "destination", "replicationTime", "time", "minutes")).doubleValue());
        assertEquals("Enabled", config.at("rules", 0, "destination", "metrics", "status"));
        assertEquals(15.0, ((Number) config.at("rules", 0, "destination", "metrics", "eventThreshold", "minutes")).doubleValue());
    }

    @Test
    @DisplayName("replicateDeleteMarkers=true is honoured (the choice is explicit)")
    void deleteMarkersOnRequest() {
        Map<String, String> config = new HashMap<>(io.multiregion.testing.StackFiles.config("primary"));
        config.put("multiregion:replicateDeleteMarkers", "true");
        ProgramRun run = ProgramRun.with("primary", config, Map.of());
        assertFalse(run.failed(), run::errors);
        assertEquals("Enabled", run.one("aws:s3/bucketReplicationConfig:BucketReplicationConfig")
                .at("rules", 0, "deleteMarkerReplication", "status"));
    }

    @Test
    @DisplayName("the replication role is trusted only by s3.amazonaws.com")
    void replicationRoleTrust() {
        Registered role = primary.where(r -> r.type().equals("aws:iam/role:Role")
                && r.name().equals("multiregion-release-replication")).get(0);
        PolicyView trust = PolicyView.parse(role.text("assumeRolePolicy"));
        assertEquals(1, trust.statements().size());
        assertEquals(Map.of("Service", List.of("s3.amazonaws.com")), trust.statements().get(0).principals());
        assertEquals(List.of("sts:AssumeRole"), trust.statements().get(0).actions());
    }

    @Test
    @DisplayName("the replication role holds exactly the documented actions on exactly these buckets and keys")
    void replicationPolicyExactlyScoped() {
        Registered policy = primary.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().equals("multiregion-release-replication")).get(0);
        PolicyView view = PolicyView.parse(policy.text("policy"));
        String source = "arn:aws:s3:::multiregion-release-source-a1b2c3d";
        String replica = "arn:aws:s3:::multiregion-release-replica-a1b2c3d";
        assertEquals(Set.of("s3:GetReplicationConfiguration", "s3:ListBucket", "s3:GetObjectVersionForReplication",
                        "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging", "s3:ReplicateObject", "s3:ReplicateDelete",
                        "s3:ReplicateTags", "kms:Decrypt", "kms:Encrypt"),
                Set.copyOf(view.allActions()));
        assertEquals(Set.of(source, source + "/*", replica + "/*", keyArn(A), keyArn(B)), Set.copyOf(view.allResources()));
        assertEquals(List.of(source), view.sid("ReadReplicationConfiguration").resources());
        assertEquals(List.of(replica + "/*"), view.sid("WriteReplicas").resources());
        assertEquals(List.of(keyArn(A)), view.sid("DecryptSourceObjects").resources());
        assertEquals(List.of("s3.eu-west-1.amazonaws.com"), view.sid("DecryptSourceObjects").condition("StringEquals", "kms:ViaService"));
        assertEquals(List.of(keyArn(B)), view.sid("EncryptReplicas").resources());
        assertEquals(List.of("s3.eu-central-1.amazonaws.com"), view.sid("EncryptReplicas").condition("StringEquals", "kms:ViaService"));
        assertTrue(view.sid("EncryptReplicas").condition("StringLike", "kms:EncryptionContext:aws:s3:arn").contains(replica + "/*"));
        assertTrue(view.statements().stream().allMatch(PolicyView.StatementView::allows));
    }
}
