package io.multiregion.stacks;

import io.multiregion.regions.ProviderRegistry;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both stacks, run from their real stack files: providers, regions, ownership and exports. */
class StackCompositionTest {
    private static ProgramRun primary;
    private static ProgramRun secondary;

    @BeforeAll
    static void run() {
        primary = ProgramRun.of("primary", Map.of());
        secondary = ProgramRun.of("secondary", Samples.primaryOutputs());
        assertFalse(primary.failed(), primary::errors);
        assertFalse(secondary.failed(), secondary::errors);
    }

    @Test
    @DisplayName("every AWS resource of both stacks goes through an explicit provider")
    void everyAwsResourceHasAnExplicitProvider() {
        for (ProgramRun run : List.of(primary, secondary)) {
            assertFalse(run.aws().isEmpty());
            for (Registered r : run.aws()) {
                assertNotNull(r.providerRegion(), r.type() + " " + r.name() + " has no explicit provider");
                assertFalse(r.providerRegion().equals("<default provider>"), r.name() + " used a default provider");
            }
        }
    }

    @Test
    @DisplayName("one provider per region, each with its region and the project's default tags")
    void oneProviderPerRegionWithDefaultTags() {
        List<Registered> providers = primary.ofType("pulumi:providers:aws");
        assertEquals(Set.of("eu-west-1", "eu-central-1"),
                providers.stream().map(p -> p.text("region")).collect(Collectors.toSet()));
        assertEquals(2, providers.size());
        for (Registered p : providers) {
            // provider inputs reach the engine as JSON text
            var tags = p.json("defaultTags").getAsJsonObject().getAsJsonObject("tags");
            assertEquals("multiregion", tags.get("project").getAsString());
            assertEquals("primary", tags.get("stack").getAsString());
            assertEquals("primary", tags.get("role").getAsString());
        }
    }

    @Test
    @DisplayName("the primary stack uses exactly regions A and B")
    void primaryUsesBothRegions() {
        Set<String> regions = primary.aws().stream().map(Registered::providerRegion).collect(Collectors.toSet());
        assertEquals(Set.of("eu-west-1", "eu-central-1"), regions);
    }

    @Test
    @DisplayName("the secondary stack registers nothing in region A and has no provider for it; only the front door "
            + "uses the global provider")
    void secondaryNeverTouchesRegionA() {
        assertTrue(secondary.aws().stream().allMatch(r -> r.providerRegion().equals("eu-central-1")
                || ProviderRegistry.GLOBAL_PROVIDER.equals(secondary.providerName(r))));
        assertEquals(List.of("eu-central-1", "us-east-1"),
                secondary.ofType("pulumi:providers:aws").stream().map(p -> p.text("region")).sorted().toList());
        assertEquals(List.of("aws-eu-central-1", ProviderRegistry.GLOBAL_PROVIDER),
                secondary.ofType("pulumi:providers:aws").stream().map(Registered::name).sorted().toList());
        assertEquals(1, secondary.ofType("pulumi:pulumi:StackReference").size());
        assertEquals("acme-corp/multiregion/primary", secondary.one("pulumi:pulumi:StackReference").name());
    }

    @Test
    @DisplayName("ownership: the pair and source pipeline in the primary, trigger and pipeline B in the secondary")
    void ownership() {
        assertEquals(1, primary.ofType("multiregion:delivery:ReplicatedBucket").size());
        assertEquals(1, primary.ofType("multiregion:delivery:SourcePipeline").size());
        assertTrue(primary.ofType("multiregion:delivery:ReplicaTrigger").isEmpty());
        // the primary's only trail is the account trail (governance), never a trigger trail
        assertTrue(primary.ofType("aws:cloudtrail/trail:Trail").stream()
                .allMatch(t -> Boolean.TRUE.equals(t.at("isMultiRegionTrail"))));
        assertEquals(1, secondary.ofType("multiregion:delivery:ReplicaTrigger").size());
        assertEquals(1, secondary.ofType("multiregion:delivery:ReplicaPipeline").size());
        assertTrue(secondary.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig").isEmpty());
        assertTrue(secondary.ofType("aws:codestarconnections/connection:Connection").isEmpty());
    }

    @Test
    @DisplayName("the primary exports what the secondary and users need")
    void primaryExports() {
        assertEquals("eu-west-1", primary.output(StackContract.Value.PRIMARY_REGION.key()));
        assertEquals("eu-central-1", primary.output(StackContract.Value.SECONDARY_REGION.key()));
        assertEquals("releases/app.zip", primary.output(StackContract.Value.ARTIFACT_KEY.key()));
        for (String name : List.of(StackContract.Value.SOURCE_BUCKET.key(), StackContract.Value.REPLICA_BUCKET.key(), StackContract.Value.REPLICA_BUCKET_ARN.key(),
                StackContract.Value.REPLICA_KEY_ARN.key(), StackContract.Value.SOURCE_PIPELINE.key(), StackContract.Value.CONNECTION_ARN.key(), StackContract.Value.CONNECTION_NOTE.key())) {
            assertNotNull(primary.output(name), name);
        }
        assertTrue(primary.output(StackContract.Value.CONNECTION_NOTE.key()).toString().contains("handshake"));
        assertTrue(primary.output(StackContract.Value.REPLICA_KEY_ARN.key()).toString().contains(":kms:eu-central-1:"));
    }

    @Test
    @DisplayName("the secondary reads the replica from the primary's exports, verbatim")
    void secondaryReadsPrimaryExports() {
        assertEquals("s3://" + Samples.REPLICA_BUCKET + "/" + Samples.ARTIFACT_KEY, secondary.output(StackContract.Value.RELEASE_OBJECT.key()));
        assertEquals("cloudtrail", secondary.output(StackContract.Value.TRIGGER_MODE.key()));
        assertNotNull(secondary.output(StackContract.Value.REPLICA_PIPELINE.key()));
    }

    @Test
    @DisplayName("the primary's exports feed the secondary unchanged (the two stacks agree on names)")
    void primaryExportsFeedSecondary() {
        Map<String, Object> exported = primary.exports();
        ProgramRun fed = ProgramRun.of("secondary", exported);
        assertFalse(fed.failed(), fed::errors);
        assertEquals("s3://" + exported.get(StackContract.Value.REPLICA_BUCKET.key()) + "/releases/app.zip", fed.output(StackContract.Value.RELEASE_OBJECT.key()));
    }

    @Test
    @DisplayName("every child of a component is parented under it and named from it")
    void componentsNameTheirChildren() {
        for (ProgramRun run : List.of(primary, secondary)) {
            List<String> components = run.where(r -> r.type().startsWith("multiregion:")).stream()
                    .map(Registered::name).toList();
            assertFalse(components.isEmpty());
            for (Registered r : run.aws()) {
                assertTrue(components.stream().anyMatch(c -> r.name().startsWith(c)),
                        r.name() + " is not named from any component");
            }
        }
    }
}
