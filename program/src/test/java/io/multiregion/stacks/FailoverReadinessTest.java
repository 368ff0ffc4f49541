package io.multiregion.stacks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.multiregion.data.RegionalCluster;
import io.multiregion.regions.AwsRegion;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a failover and the {@code pulumi up} after it need from the data tier, on every standard run: the standby can
 * read its database credentials, no member of the global database is detached or promoted by drift AWS causes, the
 * version has one owner, and the master password and the secret agree however the first deployment went.
 */
class FailoverReadinessTest {
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String GLOBAL = "aws:rds/globalCluster:GlobalCluster";
    private static final String SECRET = "aws:secretsmanager/secret:Secret";
    private static final String VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

    static Stream<String> runs() {
        return StandardRuns.ALL.stream();
    }

    static Stream<String> primaries() {
        return StandardRuns.ALL.stream().filter(n -> n.startsWith("primary"));
    }

    static Stream<String> secondaries() {
        return StandardRuns.ALL.stream().filter(n -> n.startsWith("secondary"));
    }

    /** The policy of the application instances' role that reads the database secret. */
    private static PolicyView secretPolicy(ProgramRun run) {
        List<PolicyView> found = run.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .map(r -> PolicyView.parse(r.text("policy")))
                .filter(p -> p.statements().stream().anyMatch(s -> s.actions().contains("secretsmanager:GetSecretValue")))
                .toList();
        assertEquals(1, found.size(), "one policy reads the database secret");
        return found.get(0);
    }

    @ParameterizedTest(name = "{0}: the standby reads the secret's replica and decrypts it with the key that encrypts it")
    @MethodSource("secondaries")
    void standbyDecryptsTheReplicaWithItsKey(String name) {
        ProgramRun run = StandardRuns.get(name);
        Map<String, Object> primary = StandardRuns.primaryOutputsOf(name);
        String replicaKey = String.valueOf(primary.get(Value.DATABASE_SECRET_REPLICA_KEY_ARN.key()));
        PolicyView policy = secretPolicy(run);
        assertEquals(List.of(String.valueOf(primary.get(Value.DATABASE_SECRET_REPLICA_ARN.key()))),
                policy.sid("DatabaseSecret").resources());
        assertEquals(List.of("kms:Decrypt"), policy.sid("DatabaseKey").actions());
        assertEquals(List.of(replicaKey), policy.sid("DatabaseKey").resources(),
                "the key the primary named for the replica (through the contract), not this stack's own");
        AwsRegion b = new AwsRegion((String) run.output(Value.SECONDARY_REGION.key()));
        assertEquals(List.of(b.serviceHost("secretsmanager")),
                policy.sid("DatabaseKey").condition("StringEquals", "kms:ViaService"));
        if (name.equals("secondary/cloudtrail") || name.equals("secondary/eventbridge")) {
            // the sample primary's key differs from this stack's own key in B, as two stacks' keys do in AWS
            List<String> ownKeys = run.ofType("aws:kms/key:Key").stream().map(k -> k.name()).toList();
            assertFalse(ownKeys.stream().anyMatch(replicaKey::contains), "not one of " + ownKeys);
        }
    }

    @ParameterizedTest(name = "{0}: the primary exports the key that encrypts the replica, and reads the secret in A with A's key")
    @MethodSource("primaries")
    void primaryExportsTheReplicaKey(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered secret = run.one(SECRET);
        assertEquals(secret.at("replicas", 0, "kmsKeyId"), run.output(Value.DATABASE_SECRET_REPLICA_KEY_ARN.key()));
        String a = (String) run.output(Value.PRIMARY_REGION.key());
        String b = (String) run.output(Value.SECONDARY_REGION.key());
        assertTrue(String.valueOf(run.output(Value.DATABASE_SECRET_REPLICA_KEY_ARN.key())).contains(":" + b + ":"));
        PolicyView policy = secretPolicy(run);
        assertEquals(List.of(secret.text("kmsKeyId")), policy.sid("DatabaseKey").resources());
        assertTrue(policy.sid("DatabaseSecret").resources().get(0).contains(":" + a + ":"));
    }

    @ParameterizedTest(name = "{0}: every member of the global database ignores replicationSourceIdentifier, "
            + "globalClusterIdentifier and engineVersion")
    @MethodSource("runs")
    void everyMemberIgnoresMembershipDrift(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Registered> clusters = run.ofType(CLUSTER);
        assertEquals(1, clusters.size());
        Registered cluster = clusters.get(0);
        assertTrue(cluster.text("globalClusterIdentifier") != null, "a member of the global database");
        assertTrue(cluster.ignoreChanges().containsAll(RegionalCluster.MEMBER_DRIFT), cluster.ignoreChanges().toString());
        assertTrue(Set.copyOf(cluster.ignoreChanges()).containsAll(Set.of("replicationSourceIdentifier",
                "globalClusterIdentifier", "engineVersion")), "after a switchover AWS sets these on either cluster "
                + "(terraform-provider-aws#43214, #45398)");
        if (name.startsWith("primary")) {
            assertEquals(Set.of("replicationSourceIdentifier", "globalClusterIdentifier", "engineVersion", "masterPassword"),
                    Set.copyOf(cluster.ignoreChanges()));
        } else {
            assertEquals(Set.of("replicationSourceIdentifier", "globalClusterIdentifier", "engineVersion"),
                    Set.copyOf(cluster.ignoreChanges()));
        }
    }

    @ParameterizedTest(name = "{0}: the global cluster owns the engine version; the members take it and ignore drift")
    @MethodSource("runs")
    void engineVersionOwnedByTheGlobalCluster(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered cluster = run.one(CLUSTER);
        if (name.startsWith("primary")) {
            Registered global = run.one(GLOBAL);
            assertEquals(List.of("engineVersion"), global.ignoreChanges(),
                    "upgrades happen outside Pulumi; it never goes back, nor upgrades itself (terraform-provider-aws#30358)");
            assertEquals(global.text("engineVersion"), cluster.text("engineVersion"));
            assertTrue(cluster.dependsOn(global), "the member takes the global cluster's version");
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> database = (Map<String, Object>) StandardRuns.primaryOutputsOf(name).get(Value.DATABASE.key());
            assertEquals(database.get("engineVersion"), cluster.text("engineVersion"), "the version the primary runs");
            assertEquals(List.of(), run.ofType(GLOBAL));
        }
        run.ofType("aws:rds/clusterInstance:ClusterInstance").forEach(i -> assertTrue(i.ignoreChanges().contains("engineVersion")));
    }

    @ParameterizedTest(name = "{0}: the cluster's password is the stored one, and the secret is the full connection document")
    @MethodSource("primaries")
    void storedPasswordAndConnectionDocument(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered cluster = run.one(CLUSTER);
        Registered version = run.one(VERSION);
        assertTrue(cluster.dependsOn(version), "the password comes from the secret version's state, which exists first");
        assertEquals(List.of("secretString"), version.ignoreChanges());
        JsonObject document = JsonParser.parseString(version.text("secretString")).getAsJsonObject();
        assertEquals(Set.of("engine", "host", "port", "username", "password", "dbname"), document.keySet());
        assertEquals(document.get("password").getAsString(), cluster.text("masterPassword"));
        assertEquals("postgres", document.get("engine").getAsString(), "the value the rotation functions accept");
        assertEquals(run.output(Value.DATABASE_WRITER_ENDPOINT.key()), document.get("host").getAsString(),
                "the global writer endpoint, known before either cluster and right in both regions");
        assertTrue(version.dependsOn(run.one(GLOBAL)));
        assertEquals(((Number) cluster.at("port")).intValue(), document.get("port").getAsInt());
        assertEquals(cluster.text("masterUsername"), document.get("username").getAsString());
        assertEquals(cluster.text("databaseName"), document.get("dbname").getAsString());
    }
}
