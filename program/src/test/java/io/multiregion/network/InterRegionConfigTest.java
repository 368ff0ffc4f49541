package io.multiregion.network;

import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.InterRegionRuns;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StackFiles;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code multiregion:interRegion} on the engine: a bad value fails with its key, value and fix and registers nothing;
 * a secondary whose value disagrees with the primary's exports registers no AWS resource; a secondary that switches
 * it off before the primary does is the first step of switching off, and runs.
 */
class InterRegionConfigTest {
    private static final String PRIMARY_STACK = "acme-corp/multiregion/primary";

    private static Map<String, String> config(String stack, String interRegion) {
        Map<String, String> config = new HashMap<>(StackFiles.config(stack));
        config.put("multiregion:interRegion", interRegion);
        return config;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "primary|{\"primaryAsn\": 70000}|multiregion:interRegion.primaryAsn: '70000' is not a private ASN AWS accepts",
            "secondary|{\"primaryAsn\": 70000}|multiregion:interRegion.primaryAsn: '70000' is not a private ASN AWS accepts",
            "primary|{\"secondaryAsn\": 4294967295}|multiregion:interRegion.secondaryAsn: '4294967295' is not a private ASN",
            "primary|{\"primaryAsn\": 64520, \"secondaryAsn\": 64520}|multiregion:interRegion.secondaryAsn: '64520' is primaryAsn too",
            "secondary|{\"secondaryAsn\": 64512}|multiregion:interRegion.secondaryAsn: '64512' is primaryAsn too",
            "primary|{\"enabled\": \"yes\"}|multiregion:interRegion.enabled: 'yes' is not a boolean",
            "secondary|{\"asn\": 64512}|multiregion:interRegion.asn: '64512' is not a field of multiregion:interRegion",
            "primary|[true]|multiregion:interRegion: '[true]' is not an object"})
    @DisplayName("a bad value fails with its key, value and fix, and registers nothing at all")
    void badValue(String stack, String value, String fragment) {
        ProgramRun run = ProgramRun.with(stack, config(stack, value), Samples.primaryOutputs());
        String errors = run.errors();
        assertTrue(run.failed(), "the run must fail");
        assertTrue(errors.contains("Invalid configuration for stack '" + stack + "'"), errors);
        assertTrue(errors.contains(fragment), errors);
        assertEquals(List.of(), run.all(), "nothing may be registered, not even a provider or component");
    }

    private static void refusedAgainstPrimary(ProgramRun run, String fragment) {
        String errors = run.errors();
        assertTrue(run.failed(), "the run must fail");
        assertTrue(errors.contains("Invalid configuration for stack 'secondary'"), errors);
        assertTrue(errors.contains(fragment), errors);
        assertEquals(List.of("pulumi:pulumi:StackReference"), run.all().stream().map(Registered::type).toList(),
                "only the reference to the primary stack may be registered");
    }

    @Test
    @DisplayName("on in the secondary, off in the deployed primary: refused, the primary must be deployed with it first")
    void onAgainstPrimaryOff() {
        refusedAgainstPrimary(ProgramRun.with("secondary", StackFiles.config("secondary"),
                        StandardRuns.get("primary/inter-region-off").exports()),
                "multiregion:interRegion.enabled: 'true' disagrees with the primary stack " + PRIMARY_STACK);
    }

    @Test
    @DisplayName("an ASN that differs from the primary's: refused")
    void asnDisagrees() {
        refusedAgainstPrimary(ProgramRun.with("secondary",
                        config("secondary", "{\"primaryAsn\": 64512, \"secondaryAsn\": 64700}"), Samples.primaryOutputs()),
                "multiregion:interRegion.secondaryAsn: '64700' disagrees with the primary stack " + PRIMARY_STACK
                        + ", which uses 64513");
    }

    @Test
    @DisplayName("B's zones differ from the primary's file, so would the database flow's subnets: refused")
    void subnetsDisagree() {
        Map<String, String> config = new HashMap<>(StackFiles.config("secondary"));
        config.put("multiregion:network", "{\"primary\": {\"cidr\": \"10.10.0.0/16\", \"zones\": 3}, "
                + "\"secondary\": {\"cidr\": \"10.20.0.0/16\", \"zones\": 3}}");
        refusedAgainstPrimary(ProgramRun.with("secondary", config, Samples.primaryOutputs()),
                "multiregion:network.secondary: B's application subnets are [10.20.0.0/19, 10.20.32.0/19, 10.20.64.0/19] here");
    }

    @Test
    @DisplayName("a primary deployed before the inter-region network existed: the secondary asks for pulumi up -s primary first")
    void primaryBeforeTheFeature() {
        Map<String, Object> old = new HashMap<>(Samples.primaryOutputs());
        old.remove(Value.INTER_REGION.key());
        old.remove(Value.SECONDARY_TRANSIT_GATEWAY.key());
        old.remove(Value.SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE.key());
        refusedAgainstPrimary(ProgramRun.with("secondary", StackFiles.config("secondary"), old),
                "does not export interRegion, secondaryTransitGatewayId, secondaryTransitGatewayRouteTableId");
    }

    @Test
    @DisplayName("off in the secondary while the primary still runs it: the first step of switching off runs, with a warning, and attaches nothing")
    void offFirstInTheSecondary() {
        ProgramRun run = ProgramRun.with("secondary", InterRegionRuns.config("secondary"), Samples.primaryOutputs());
        assertFalse(run.failed(), run::errors);
        assertTrue(run.warnings().stream().anyMatch(w -> w.startsWith("multiregion:interRegion.enabled: 'false' is set here, but "
                + "the primary stack " + PRIMARY_STACK + " still runs the inter-region network")), () -> run.warnings().toString());
        for (String type : InterRegionNetworkTest.TYPES) {
            assertEquals(List.of(), run.ofType(type), type);
        }
    }
}
