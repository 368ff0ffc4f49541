package io.multiregion.data;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.multiregion.config.DatabaseSettings;
import io.multiregion.testing.FakeCloud;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A retry after a partial first deployment: the first {@code pulumi up} stored the secret version and failed before the
 * cluster existed. On the retry the program draws another password, the engine keeps the stored secret document
 * (the version ignores {@code secretString}) and answers it as the version's state; the cluster is created now, and
 * {@code ignoreChanges} does not apply on create (Pulumi docs, resource option {@code ignoreChanges}). The cluster must
 * get the stored password, not the one drawn in the retry.
 */
class StoredPasswordTest {
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

    /** The fake cloud, except that the secret version's state holds the document stored by an earlier run. */
    private static final class EarlierVersionCloud implements Mocks {
        private final FakeCloud cloud = new FakeCloud(Map.of());
        private final String stored;

        EarlierVersionCloud(String stored) {
            this.stored = stored;
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return cloud.newResourceAsync(args).thenApply(result -> {
                if (!args.type.equals(VERSION)) {
                    return result;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> state = new HashMap<>((Map<String, Object>) result.state);
                state.put("secretString", stored);
                return ResourceResult.of(result.id, state);
            });
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return cloud.callAsync(args);
        }
    }

    @Test
    @DisplayName("the cluster created on a retry gets the password the secret stored, not the one drawn in the retry")
    void retryAfterPartialFirstDeployment() {
        String storedPassword = DataPrograms.firstPassword(11);
        String drawnNow = DataPrograms.firstPassword(12);
        assertNotEquals(storedPassword, drawnNow);
        JsonObject document = new JsonObject();
        document.addProperty("engine", "postgres");
        document.addProperty("host", "multiregion-primary-global.global-abc123.global.rds.amazonaws.com");
        document.addProperty("port", 5433);
        document.addProperty("username", "appadmin");
        document.addProperty("password", storedPassword);
        document.addProperty("dbname", "app");

        EarlierVersionCloud cloud = new EarlierVersionCloud(document.toString());
        TestResult result;
        try {
            result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("multiregion").stackName("primary").preview(false).build())
                    .mocks(cloud)
                    .build()
                    .runTest(DataPrograms.primary(DatabaseSettings.defaults(), DataPrograms.PRIMARY_SIZING,
                            DataPrograms.seeded(12)));
        } finally {
            PulumiTest.cleanup();
        }
        assertTrue(result.exceptions().isEmpty(), () -> result.exceptions().toString());
        List<Registered> registered = cloud.cloud.registered();
        Registered version = registered.stream().filter(r -> r.type().equals(VERSION)).findFirst().orElseThrow();
        Registered cluster = registered.stream().filter(r -> r.type().equals(CLUSTER)).findFirst().orElseThrow();
        assertEquals(drawnNow, JsonParser.parseString(version.text("secretString")).getAsJsonObject().get("password")
                .getAsString(), "the retry draws a new password, which the engine ignores for the existing version");
        assertEquals(storedPassword, cluster.text("masterPassword"), "the cluster and the secret agree");
    }
}
