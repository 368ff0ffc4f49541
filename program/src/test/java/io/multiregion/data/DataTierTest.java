package io.multiregion.data;

import com.pulumi.core.Output;
import io.multiregion.config.DatabaseSettings;
import io.multiregion.config.Engine;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.multiregion.data.DataPrograms.A;
import static io.multiregion.data.DataPrograms.B;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data tier: global database, both clusters, credentials. */
class DataTierTest {
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String GLOBAL = "aws:rds/globalCluster:GlobalCluster";
    private static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String SECRET = "aws:secretsmanager/secret:Secret";
    private static final String VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final DatabaseSettings DB = DatabaseSettings.defaults();

    private static final ProgramRun PRIMARY = run(DataPrograms.primary(DB, DataPrograms.PRIMARY_SIZING, DataPrograms.seeded(1)));
    private static final ProgramRun SECONDARY = ProgramRun.program("secondary", Map.of(), DataPrograms.secondary(DB,
            DataPrograms.STANDBY_SIZING, String.valueOf(PRIMARY.output("globalClusterIdentifier"))));

    private static ProgramRun run(java.util.function.Consumer<com.pulumi.Context> program) {
        ProgramRun run = ProgramRun.program("primary", Map.of(), program);
        if (run.failed()) {
            throw new AssertionError(run.errors());
        }
        return run;
    }

    private static Registered primaryCluster() {
        return PRIMARY.one(CLUSTER);
    }

    private static Registered secondaryCluster() {
        return SECONDARY.one(CLUSTER);
    }

    @Test
    @DisplayName("both clusters join the one global cluster the primary registers, under names unique across regions")
    void membership() {
        assertFalse(SECONDARY.failed(), SECONDARY::errors);
        Registered global = PRIMARY.one(GLOBAL);
        String identifier = global.text("globalClusterIdentifier");
        assertAll(
                () -> assertEquals("multiregion-primary-global", identifier),
                () -> assertEquals(identifier, PRIMARY.output("globalClusterIdentifier")),
                () -> assertEquals(identifier, primaryCluster().text("globalClusterIdentifier")),
                () -> assertEquals(identifier, secondaryCluster().text("globalClusterIdentifier")),
                () -> assertEquals("multiregion-primary-eu-west-1", primaryCluster().text("clusterIdentifier")),
                () -> assertEquals("multiregion-secondary-eu-central-1", secondaryCluster().text("clusterIdentifier")),
                () -> assertEquals(A.code(), global.providerRegion()),
                () -> assertEquals(A.code(), primaryCluster().providerRegion()),
                () -> assertEquals(B.code(), secondaryCluster().providerRegion()),
                () -> assertEquals(List.of(), SECONDARY.ofType(GLOBAL), "the secondary registers no global cluster"),
                () -> assertEquals(List.of(), SECONDARY.ofType(SECRET), "nor a secret"),
                () -> assertTrue(SECONDARY.aws().stream().allMatch(r -> B.code().equals(r.providerRegion())),
                        "the secondary registers nothing in A"),
                () -> assertTrue(primaryCluster().dependsOn(global), "the primary waits for the global cluster"));
    }

    @Test
    @DisplayName("the global cluster: engine and version pinned, encrypted, deletion protection, never force-destroyed, protected")
    void globalCluster() {
        Registered global = PRIMARY.one(GLOBAL);
        assertAll(
                () -> assertEquals("aurora-postgresql", global.text("engine")),
                () -> assertEquals("16.8", global.text("engineVersion")),
                () -> assertEquals(true, global.inputs().get("storageEncrypted")),
                () -> assertEquals(true, global.inputs().get("deletionProtection")),
                () -> assertEquals(false, global.inputs().get("forceDestroy")),
                () -> assertTrue(global.protect()));
    }

    @Test
    @DisplayName("each cluster, its instances' Performance Insights and its log groups use a key of their own region")
    void regionalKeys() {
        assertAll(
                () -> assertEquals(PRIMARY.output("keyArnA"), primaryCluster().text("kmsKeyId")),
                () -> assertTrue(primaryCluster().text("kmsKeyId").contains(":" + A.code() + ":")),
                () -> assertEquals(SECONDARY.output("keyArnB"), secondaryCluster().text("kmsKeyId")),
                () -> assertTrue(secondaryCluster().text("kmsKeyId").contains(":" + B.code() + ":")),
                () -> PRIMARY.ofType(INSTANCE).forEach(i -> assertEquals(PRIMARY.output("keyArnA"), i.text("performanceInsightsKmsKeyId"))),
                () -> SECONDARY.ofType(INSTANCE).forEach(i -> assertEquals(SECONDARY.output("keyArnB"), i.text("performanceInsightsKmsKeyId"))),
                () -> PRIMARY.ofType(LOG_GROUP).forEach(g -> assertEquals(PRIMARY.output("keyArnA"), g.text("kmsKeyId"))),
                () -> SECONDARY.ofType(LOG_GROUP).forEach(g -> assertEquals(SECONDARY.output("keyArnB"), g.text("kmsKeyId"))));
    }

    @Test
    @DisplayName("the secret in A has A's key; its replica is in B with B's key")
    void secretAndReplica() {
        Registered secret = PRIMARY.one(SECRET);
        assertAll(
                () -> assertEquals(A.code(), secret.providerRegion()),
                () -> assertEquals("multiregion/primary/database/master", secret.text("name")),
                () -> assertEquals(PRIMARY.output("keyArnA"), secret.text("kmsKeyId")),
                () -> assertEquals(30, ((Number) secret.inputs().get("recoveryWindowInDays")).intValue()),
                () -> assertEquals(false, secret.inputs().get("forceOverwriteReplicaSecret")),
                () -> assertEquals(1, ((List<?>) secret.inputs().get("replicas")).size()),
                () -> assertEquals(B.code(), secret.at("replicas", 0, "region")),
                () -> assertEquals(PRIMARY.output("keyArnB"), secret.at("replicas", 0, "kmsKeyId")),
                () -> assertNull(secret.inputs().get("policy"), "a replica cannot have its own policy; the primary has none"),
                () -> assertTrue(secret.protect()),
                () -> assertEquals(List.of(), PRIMARY.ofType("aws:secretsmanager/secretRotation:SecretRotation"),
                        "rotation is set up on the primary secret outside this program"));
    }

    @Test
    @DisplayName("the replica's ARN is the secret's with B's region")
    void replicaArn() {
        String secretArn = String.valueOf(PRIMARY.output("secretArn"));
        String replicaArn = String.valueOf(PRIMARY.output("replicaArn"));
        assertEquals(secretArn.replace(":" + A.code() + ":", ":" + B.code() + ":"), replicaArn);
        assertNotEquals(secretArn, replicaArn);
    }

    @Test
    @DisplayName("the application reads its own region's copy of the secret, decrypting only through Secrets Manager there")
    void applicationStatements() {
        PolicyView a = PolicyView.parse(String.valueOf(PRIMARY.output("appPolicyA")));
        PolicyView b = PolicyView.parse(String.valueOf(PRIMARY.output("appPolicyB")));
        assertAll(
                () -> assertEquals(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"), a.sid("DatabaseSecret").actions()),
                () -> assertEquals(List.of(PRIMARY.output("secretArn")), a.sid("DatabaseSecret").resources()),
                () -> assertEquals(List.of("kms:Decrypt"), a.sid("DatabaseKey").actions()),
                () -> assertEquals(List.of(PRIMARY.output("keyArnA")), a.sid("DatabaseKey").resources()),
                () -> assertEquals(List.of("secretsmanager.eu-west-1.amazonaws.com"), a.sid("DatabaseKey").condition("StringEquals", "kms:ViaService")),
                () -> assertEquals(List.of(PRIMARY.output("replicaArn")), b.sid("DatabaseSecret").resources()),
                () -> assertEquals(List.of(PRIMARY.output("keyArnB")), b.sid("DatabaseKey").resources()),
                () -> assertEquals(List.of("secretsmanager.eu-central-1.amazonaws.com"), b.sid("DatabaseKey").condition("StringEquals", "kms:ViaService")));
    }

    @Test
    @DisplayName("the secondary, holding only the primary's outputs, grants exactly what the component grants in B")
    void secondaryStatementsFromOutputs() {
        String fromOutputs = PolicyView.parse(ProgramRun.program("secondary", Map.of(), ctx ->
                ctx.export("policy", PolicyDocument.of(DatabaseCredentials.readStatements("Database", B,
                        Output.of(String.valueOf(PRIMARY.output("replicaArn"))),
                        Output.of(String.valueOf(PRIMARY.output("keyArnB")))))))
                .output("policy").toString()).statements().toString();
        PolicyView fromComponent = PolicyView.parse(String.valueOf(PRIMARY.output("appPolicyB")));
        assertEquals(List.of(fromComponent.sid("DatabaseSecret"), fromComponent.sid("DatabaseKey")).toString(), fromOutputs);
    }

    @Test
    @DisplayName("security groups: the database port from the application's group only, no CIDR, no egress; the app's way there")
    void securityGroupChain() {
        for (ProgramRun run : List.of(PRIMARY, SECONDARY)) {
            Registered group = run.one("aws:ec2/securityGroup:SecurityGroup");
            Registered rule = run.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
            String appGroup = run == PRIMARY ? DataPrograms.APP_SG_A : DataPrograms.APP_SG_B;
            assertAll(
                    () -> assertEquals(run == PRIMARY ? DataPrograms.VPC_A : DataPrograms.VPC_B, group.text("vpcId")),
                    () -> assertEquals(List.of(), group.inputs().get("egress"), "no egress rule"),
                    () -> assertNull(group.inputs().get("ingress"), "ingress only through the separate rule"),
                    () -> assertEquals(appGroup, rule.text("referencedSecurityGroupId")),
                    () -> assertEquals("tcp", rule.text("ipProtocol")),
                    () -> assertEquals(5433, ((Number) rule.inputs().get("fromPort")).intValue()),
                    () -> assertEquals(5433, ((Number) rule.inputs().get("toPort")).intValue()),
                    () -> assertNull(rule.inputs().get("cidrIpv4")),
                    () -> assertNull(rule.inputs().get("cidrIpv6")),
                    () -> assertNull(rule.inputs().get("prefixListId")),
                    () -> assertTrue(rule.dependsOn(group)),
                    () -> {
                        // the cluster's egress is none; the one egress rule is the application's, to this port only
                        Registered out = run.one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
                        assertEquals("app-to-db", out.name());
                        assertEquals(appGroup, out.text("securityGroupId"));
                        assertEquals(group.name() + "-id", out.text("referencedSecurityGroupId"));
                        assertEquals(5433, ((Number) out.inputs().get("fromPort")).intValue());
                        assertEquals(5433, ((Number) out.inputs().get("toPort")).intValue());
                        assertNull(out.inputs().get("cidrIpv4"));
                    },
                    () -> assertEquals(1, ((List<?>) run.one(CLUSTER).inputs().get("vpcSecurityGroupIds")).size()),
                () -> assertEquals(List.of(), run.ofType("aws:rds/clusterParameterGroup:ClusterParameterGroup"),
                        "Aurora PostgreSQL keeps the default parameter group"),
                    () -> assertTrue(run.one(CLUSTER).dependsOn(group)),
                    () -> assertEquals(5433, ((Number) run.one(CLUSTER).inputs().get("port")).intValue()));
        }
    }

    @Test
    @DisplayName("both clusters sit in the isolated subnets of their region")
    void isolatedSubnets() {
        assertEquals(DataPrograms.SUBNETS_A, PRIMARY.one("aws:rds/subnetGroup:SubnetGroup").inputs().get("subnetIds"));
        assertEquals(DataPrograms.SUBNETS_B, SECONDARY.one("aws:rds/subnetGroup:SubnetGroup").inputs().get("subnetIds"));
        assertTrue(primaryCluster().dependsOn(PRIMARY.one("aws:rds/subnetGroup:SubnetGroup")));
    }

    @Test
    @DisplayName("FSBP RDS controls hold on both clusters and every instance")
    void fsbp() {
        for (ProgramRun run : List.of(PRIMARY, SECONDARY)) {
            Registered c = run.one(CLUSTER);
            assertAll(
                    () -> assertEquals(true, c.inputs().get("storageEncrypted"), "RDS.27"),
                    () -> assertEquals(true, c.inputs().get("deletionProtection"), "RDS.7"),
                    () -> assertEquals(true, c.inputs().get("iamDatabaseAuthenticationEnabled"), "RDS.12"),
                    () -> assertEquals(true, c.inputs().get("copyTagsToSnapshot"), "RDS.16"),
                    () -> assertTrue(((Number) c.inputs().get("backupRetentionPeriod")).intValue() >= 7, "RDS.11"),
                    () -> assertEquals(List.of("postgresql"), c.inputs().get("enabledCloudwatchLogsExports"), "logs exported"),
                    () -> assertNotEquals(5432, ((Number) c.inputs().get("port")).intValue(), "RDS.23"),
                    () -> assertNull(c.inputs().get("backtrackWindow"), "global databases cannot backtrack (RDS.14 exception)"),
                    () -> assertEquals(false, c.inputs().get("skipFinalSnapshot")),
                    () -> assertEquals(c.text("clusterIdentifier") + "-final", c.text("finalSnapshotIdentifier")),
                    () -> assertNull(c.inputs().get("manageMasterUserPassword"), "not supported for global databases"),
                () -> assertNull(c.inputs().get("enableGlobalWriteForwarding"), "write forwarding off"),
                    () -> assertTrue(c.protect()));
            List<Registered> instances = run.ofType(INSTANCE);
            for (Registered i : instances) {
                assertAll(
                        () -> assertEquals(false, i.inputs().get("publiclyAccessible"), "RDS.2"),
                        () -> assertEquals(true, i.inputs().get("autoMinorVersionUpgrade"), "RDS.13/RDS.35"),
                        () -> assertEquals(true, i.inputs().get("performanceInsightsEnabled")),
                        () -> assertTrue(i.dependsOn(c)),
                        () -> assertTrue(i.text("identifier").startsWith(c.text("clusterIdentifier") + "-")));
            }
        }
        Registered primary = primaryCluster();
        assertAll(
                () -> assertEquals("appadmin", primary.text("masterUsername"), "RDS.24: not postgres/admin"),
                () -> assertEquals("app", primary.text("databaseName")),
                () -> assertEquals(2, PRIMARY.ofType(INSTANCE).size()),
                () -> assertEquals(Set.of("db.r6g.xlarge"), Set.copyOf(PRIMARY.ofType(INSTANCE).stream().map(i -> i.text("instanceClass")).toList())),
                () -> assertEquals(1, SECONDARY.ofType(INSTANCE).size()),
                () -> assertEquals("db.r6g.large", SECONDARY.one(INSTANCE).text("instanceClass")));
    }

    @Test
    @DisplayName("the secondary takes no user, no password, no replication source, and ignores the drift the provider reports")
    void secondaryInputs() {
        Registered c = secondaryCluster();
        assertAll(
                () -> assertNull(c.inputs().get("masterUsername")),
                () -> assertNull(c.inputs().get("masterPassword")),
                () -> assertNull(c.inputs().get("replicationSourceIdentifier")),
                () -> assertNull(c.inputs().get("databaseName"), "inherited from the primary"),
                () -> assertEquals(Set.of("replicationSourceIdentifier", "globalClusterIdentifier", "engineVersion"),
                        Set.copyOf(c.ignoreChanges())));
    }

    @Test
    @DisplayName("the password set at creation is kept: the secret value and the cluster's password ignore changes")
    void passwordKept() {
        assertAll(
                () -> assertTrue(primaryCluster().ignoreChanges().contains("masterPassword")),
                () -> assertTrue(primaryCluster().ignoreChanges().contains("engineVersion")),
                () -> assertEquals(List.of("secretString"), PRIMARY.one(VERSION).ignoreChanges()),
                () -> assertTrue(PRIMARY.one(VERSION).dependsOn(PRIMARY.one(SECRET))));
    }

    @Test
    @DisplayName("a second run draws another password, yet every input it changes is one the engine ignores: no diff")
    void secondRunNoDiff() {
        ProgramRun again = run(DataPrograms.primary(DB, DataPrograms.PRIMARY_SIZING, DataPrograms.seeded(2)));
        String first = DataPrograms.firstPassword(1);
        String second = DataPrograms.firstPassword(2);
        assertNotEquals(first, second);
        assertEquals(first, primaryCluster().text("masterPassword"));
        assertEquals(second, again.one(CLUSTER).text("masterPassword"));
        for (Registered before : PRIMARY.all()) {
            Registered after = again.all().stream().filter(r -> r.type().equals(before.type()) && r.name().equals(before.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("gone in the second run: " + before.name()));
            for (String key : before.inputs().keySet()) {
                if (!before.ignoreChanges().contains(key)) {
                    assertEquals(before.inputs().get(key), after.inputs().get(key), before.name() + "." + key + " changed between runs");
                }
            }
            assertEquals(before.ignoreChanges(), after.ignoreChanges());
        }
    }

    @Test
    @DisplayName("the password travels only as a secret, only to the secret value and the cluster")
    void passwordOnlyAsSecret() {
        String password = DataPrograms.firstPassword(7);
        List<SecretInputs.Leaf> leaves = SecretInputs.of("primary", DataPrograms.primary(DB, DataPrograms.PRIMARY_SIZING,
                DataPrograms.seeded(7)));
        List<SecretInputs.Leaf> carrying = leaves.stream().filter(l -> l.text().contains(password)).toList();
        assertAll(
                () -> assertEquals(Set.of(VERSION + " secretString", CLUSTER + " masterPassword"),
                        Set.copyOf(carrying.stream().map(l -> l.type() + " " + l.path()).toList())),
                () -> assertTrue(carrying.stream().allMatch(SecretInputs.Leaf::secret), () -> "sent in the clear: " + carrying),
                () -> assertTrue(leaves.stream().noneMatch(l -> l.path().toLowerCase().contains("userdata"))));
    }

    @Test
    @DisplayName("database log groups exist, with retention and key, after the key policy and before the cluster")
    void logGroups() {
        for (ProgramRun run : List.of(PRIMARY, SECONDARY)) {
            Registered cluster = run.one(CLUSTER);
            List<Registered> policies = run.inRegion("aws:kms/keyPolicy:KeyPolicy", cluster.providerRegion());
            assertEquals(1, policies.size());
            Registered policy = policies.get(0);
            List<Registered> groups = run.ofType(LOG_GROUP);
            assertEquals(1, groups.size());
            Registered group = groups.get(0);
            assertAll(
                    () -> assertEquals("/aws/rds/cluster/" + cluster.text("clusterIdentifier") + "/postgresql", group.text("name")),
                    () -> assertEquals(365, ((Number) group.inputs().get("retentionInDays")).intValue()),
                    () -> assertTrue(group.dependsOn(policy), "CloudWatch Logs checks the key policy at creation"),
                    () -> assertTrue(cluster.dependsOn(group), "RDS would create the group itself, unencrypted"));
        }
    }

    @Test
    @DisplayName("aurora-mysql exports audit, error, general and slow-query logs (RDS.34), one group each")
    void mysql() {
        DatabaseSettings mysql = new DatabaseSettings(Engine.AURORA_MYSQL, Engine.AURORA_MYSQL.defaultVersion(), 3307, 7,
                Optional.of("03:00-03:30"), Optional.of("sun:04:00-sun:04:30"), "appadmin", "app");
        ProgramRun run = run(DataPrograms.primary(mysql, DataPrograms.PRIMARY_SIZING, DataPrograms.seeded(3)));
        Registered cluster = run.one(CLUSTER);
        assertAll(
                () -> assertEquals(List.of("audit", "error", "general", "slowquery"), cluster.inputs().get("enabledCloudwatchLogsExports")),
                () -> assertEquals(4, run.ofType(LOG_GROUP).size()),
                () -> assertEquals("aurora-mysql8.0", run.one("aws:rds/clusterParameterGroup:ClusterParameterGroup").text("family")),
                () -> assertEquals("1", run.one("aws:rds/clusterParameterGroup:ClusterParameterGroup").at("parameters", 0, "value")),
                () -> assertEquals("server_audit_logging", run.one("aws:rds/clusterParameterGroup:ClusterParameterGroup").at("parameters", 0, "name")),
                () -> assertTrue(cluster.dependsOn(run.one("aws:rds/clusterParameterGroup:ClusterParameterGroup")),
                        "the audit log is written only with Advanced Auditing on"),
                () -> assertEquals("aurora-mysql", run.one(GLOBAL).text("engine")),
                () -> assertEquals("03:00-03:30", cluster.text("preferredBackupWindow")),
                () -> assertEquals("sun:04:00-sun:04:30", cluster.text("preferredMaintenanceWindow")),
                () -> assertNotNull(cluster.text("masterPassword")));
    }
}
