package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:interRegion and its agreement with the primary (each bad value: {@link BadValuesTest}). */
class InterRegionSettingsTest {

    private static final String KEY = "multiregion:interRegion";

    private static InterRegionSettings read(String value) {
        return Configs.settings("primary", Configs.with("primary", value == null ? "" : "interRegion=" + value)).interRegion();
    }

    @Test
    @DisplayName("unset: on, with ASNs 64512 and 64513")
    void unsetMeansTheDocumentedDefaults() {
        assertEquals(new InterRegionSettings(true, 64512, 64513), read(null));
        assertEquals(InterRegionSettings.DEFAULTS, read(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"enabled\": false}|false|64512|64513",
            "{\"enabled\": \"false\"}|false|64512|64513",
            "{\"primaryAsn\": 65534, \"secondaryAsn\": 64512}|true|65534|64512",
            "{\"primaryAsn\": 4200000000, \"secondaryAsn\": 4294967294}|true|4200000000|4294967294",
            "{\"primaryAsn\": \"64600\", \"secondaryAsn\": 64601}|true|64600|64601",
            "{}|true|64512|64513"})
    @DisplayName("accepted values, the bounds of both private ranges included")
    void accepted(String value, boolean enabled, long primaryAsn, long secondaryAsn) {
        assertEquals(new InterRegionSettings(enabled, primaryAsn, secondaryAsn), read(value));
    }

    @Test
    @DisplayName("an out-of-range ASN names both ranges and their source; every problem is reported at once")
    void rangesNamedAndAllReported() {
        List<Problem> problems = Configs.problems("primary", Configs.with("primary",
                "interRegion={\"enabled\": \"maybe\", \"primaryAsn\": 70000, \"secondaryAsn\": 1}"));
        assertEquals(3, problems.size(), problems::toString);
        Configs.has(problems, "interRegion.primaryAsn", Problem.Kind.OUT_OF_RANGE, "use 64512 to 65534 or 4200000000 to "
                + "4294967294 (EC2 API Reference, TransitGatewayRequestOptions, AmazonSideAsn), e.g. 64512");
    }

    @ParameterizedTest
    @ValueSource(longs = {64512, 65000, 65534, 4_200_000_000L, 4_294_967_294L})
    void privateAsns(long asn) {
        assertTrue(InterRegionSettings.isPrivateAsn(asn));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 64511, 65535, 4_199_999_999L, 4_294_967_295L})
    void publicOrReservedAsns(long asn) {
        assertFalse(InterRegionSettings.isPrivateAsn(asn));
    }

    // --- the secondary against the primary's export ---------------------------------------------------------------

    private static final String PRIMARY = "acme-corp/multiregion/primary";

    /** A primary's export, as its StackReference hands it over (numbers as doubles, as exported). */
    private static Map<String, Object> theirs(InterRegionSettings settings, NetworkSettings network) {
        return settings.export(network);
    }

    @Test
    @DisplayName("the same value in both stack files agrees")
    void agreement() {
        assertEquals(List.of(), InterRegionSettings.DEFAULTS.checkAgainstPrimary(NetworkSettings.DEFAULTS,
                theirs(InterRegionSettings.DEFAULTS, NetworkSettings.DEFAULTS), PRIMARY));
        InterRegionSettings off = new InterRegionSettings(false, 64512, 64513);
        assertEquals(List.of(), off.checkAgainstPrimary(NetworkSettings.DEFAULTS, theirs(off, NetworkSettings.DEFAULTS),
                PRIMARY));
    }

    @Test
    @DisplayName("on here but off in the primary: refused, the primary goes first")
    void onAgainstOff() {
        List<Problem> problems = InterRegionSettings.DEFAULTS.checkAgainstPrimary(NetworkSettings.DEFAULTS,
                theirs(new InterRegionSettings(false, 64512, 64513), NetworkSettings.DEFAULTS), PRIMARY);
        Configs.only(problems, "interRegion.enabled", Problem.Kind.DISAGREES_WITH_PRIMARY, "run pulumi up -s primary first");
    }

    @Test
    @DisplayName("off here while the primary still runs it: no problem (the first step of switching off), a warning")
    void offAgainstOn() {
        InterRegionSettings off = new InterRegionSettings(false, 64512, 64513);
        Map<String, Object> on = theirs(InterRegionSettings.DEFAULTS, NetworkSettings.DEFAULTS);
        assertEquals(List.of(), off.checkAgainstPrimary(NetworkSettings.DEFAULTS, on, PRIMARY));
        Configs.only(off.warningsAgainstPrimary(on, PRIMARY), "interRegion.enabled", Problem.Kind.DISAGREES_WITH_PRIMARY,
                "run pulumi up -s primary to remove the gateways");
        assertEquals(List.of(), InterRegionSettings.DEFAULTS.warningsAgainstPrimary(on, PRIMARY));
    }

    @Test
    @DisplayName("an ASN that differs from the primary's is refused, on or off")
    void asnDisagreement() {
        for (boolean enabled : List.of(true, false)) {
            List<Problem> problems = new InterRegionSettings(enabled, 64512, 64600).checkAgainstPrimary(
                    NetworkSettings.DEFAULTS, theirs(new InterRegionSettings(enabled, 64512, 64513), NetworkSettings.DEFAULTS),
                    PRIMARY);
            Configs.only(problems, "interRegion.secondaryAsn", Problem.Kind.DISAGREES_WITH_PRIMARY, "which uses 64513");
        }
    }

    @Test
    @DisplayName("a zone count that differs from the primary's file changes the flow's subnets: refused, naming the network")
    void subnetsDisagreement() {
        NetworkSettings mine = new NetworkSettings(NetworkSettings.DEFAULTS.primary(),
                new NetworkSettings.RegionNetwork("10.20.0.0/16", 3, Optional.empty()), 365);
        List<Problem> problems = InterRegionSettings.DEFAULTS.checkAgainstPrimary(mine,
                theirs(InterRegionSettings.DEFAULTS, NetworkSettings.DEFAULTS), PRIMARY);
        Configs.only(problems, "network.secondary", Problem.Kind.DISAGREES_WITH_PRIMARY,
                "opened the database flow for [10.20.0.0/18, 10.20.64.0/18]");
    }

    @Test
    @DisplayName("the export: settings always, the flow's subnets only when on")
    void export() {
        assertEquals(Map.of("enabled", true, "primaryAsn", 64512.0, "secondaryAsn", 64513.0,
                        "databaseSubnets", List.of("10.10.192.0/20", "10.10.208.0/20", "10.10.224.0/20"),
                        "applicationSubnets", List.of("10.20.0.0/18", "10.20.64.0/18")),
                InterRegionSettings.DEFAULTS.export(NetworkSettings.DEFAULTS));
        assertEquals(Map.of("enabled", false, "primaryAsn", 4.2e9, "secondaryAsn", 64513.0),
                new InterRegionSettings(false, 4_200_000_000L, 64513).export(NetworkSettings.DEFAULTS));
        assertTrue(InterRegionSettings.fitsExport(InterRegionSettings.DEFAULTS.export(NetworkSettings.DEFAULTS)));
        assertFalse(InterRegionSettings.fitsExport(Map.of("enabled", "yes")));
    }
}
