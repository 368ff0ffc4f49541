package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inter-region concern's reader and its agreement with the primary: defaults, values, and every refusal. */
class InterRegionReaderTest {

    private static final String KEY = "multiregion:interRegion";

    private static List<String> problems(String value) {
        List<String> problems = new ArrayList<>();
        InterRegionSettings settings = InterRegionReader.read(ConfigSource.of(Map.of(KEY, value)), problems);
        if (!problems.isEmpty()) {
            assertEquals(InterRegionSettings.DEFAULTS, settings, "an invalid value yields the defaults");
        }
        return problems;
    }

    private static InterRegionSettings read(String value) {
        List<String> problems = new ArrayList<>();
        InterRegionSettings settings = InterRegionReader.read(ConfigSource.of(Map.of(KEY, value)), problems);
        assertEquals(List.of(), problems);
        return settings;
    }

    @Test
    @DisplayName("unset: on, with ASNs 64512 and 64513")
    void unsetMeansTheDocumentedDefaults() {
        List<String> problems = new ArrayList<>();
        assertEquals(new InterRegionSettings(true, 64512, 64513),
                InterRegionReader.read(ConfigSource.of(Map.of()), problems));
        assertEquals(List.of(), problems);
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"primaryAsn\": 64511}|multiregion:interRegion.primaryAsn: '64511' is not a private ASN AWS accepts",
            "{\"primaryAsn\": 65535}|multiregion:interRegion.primaryAsn: '65535' is not a private ASN AWS accepts",
            "{\"secondaryAsn\": 4199999999}|multiregion:interRegion.secondaryAsn: '4199999999' is not a private ASN",
            "{\"secondaryAsn\": 4294967295}|multiregion:interRegion.secondaryAsn: '4294967295' is not a private ASN",
            "{\"primaryAsn\": 0}|multiregion:interRegion.primaryAsn: '0' is not a private ASN",
            "{\"primaryAsn\": -64512}|multiregion:interRegion.primaryAsn: '-64512' is not a whole number",
            "{\"primaryAsn\": 64512.5}|multiregion:interRegion.primaryAsn: '64512.5' is not a whole number",
            "{\"primaryAsn\": \"AS64512\"}|multiregion:interRegion.primaryAsn: 'AS64512' is not a whole number",
            "{\"primaryAsn\": [64512]}|multiregion:interRegion.primaryAsn: '[64512]' is not a whole number",
            "{\"primaryAsn\": 64520, \"secondaryAsn\": 64520}|multiregion:interRegion.secondaryAsn: '64520' is primaryAsn too",
            "{\"secondaryAsn\": 64512}|multiregion:interRegion.secondaryAsn: '64512' is primaryAsn too; give each gateway its own ASN",
            "{\"enabled\": \"yes\"}|multiregion:interRegion.enabled: 'yes' is not true or false",
            "{\"enabled\": 1}|multiregion:interRegion.enabled: '1' is not true or false",
            "{\"enable\": true}|multiregion:interRegion.enable: 'true' is not a field of multiregion:interRegion",
            "[64512, 64513]|multiregion:interRegion: '[64512, 64513]' is not an object",
            "on|multiregion:interRegion: 'on' is not an object"})
    @DisplayName("refused, one problem naming the key, the value and the fix")
    void refused(String value, String fragment) {
        List<String> problems = problems(value);
        assertEquals(1, problems.size(), () -> problems.toString());
        assertTrue(problems.get(0).startsWith(fragment), () -> problems.get(0));
    }

    @Test
    @DisplayName("an out-of-range ASN names both ranges and their source; every problem is reported at once")
    void rangesNamedAndAllReported() {
        List<String> problems = problems("{\"enabled\": \"maybe\", \"primaryAsn\": 70000, \"secondaryAsn\": 1}");
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(1).contains("use 64512 to 65534 or 4200000000 to 4294967294 (EC2 API Reference, "
                + "TransitGatewayRequestOptions, AmazonSideAsn), e.g. 64512"), problems.get(1));
    }

    @ParameterizedTest
    @ValueSource(longs = {64512, 65000, 65534, 4_200_000_000L, 4_294_967_294L})
    void privateAsns(long asn) {
        assertTrue(InterRegionReader.isPrivateAsn(asn));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 64511, 65535, 4_199_999_999L, 4_294_967_295L})
    void publicOrReservedAsns(long asn) {
        assertFalse(InterRegionReader.isPrivateAsn(asn));
    }

    // --- the secondary against the primary's export ---------------------------------------------------------------

    private static final String PRIMARY = "acme-corp/multiregion/primary";

    /** A primary's export, as its StackReference hands it over (numbers as doubles, as exported). */
    private static Map<String, Object> theirs(InterRegionSettings settings, NetworkSettings network) {
        return InterRegionReader.export(settings, network);
    }

    @Test
    @DisplayName("the same value in both stack files agrees")
    void agreement() {
        assertEquals(List.of(), InterRegionReader.checkAgainstPrimary(InterRegionSettings.DEFAULTS, NetworkSettings.DEFAULTS,
                theirs(InterRegionSettings.DEFAULTS, NetworkSettings.DEFAULTS), PRIMARY));
        InterRegionSettings off = new InterRegionSettings(false, 64512, 64513);
        assertEquals(List.of(), InterRegionReader.checkAgainstPrimary(off, NetworkSettings.DEFAULTS,
                theirs(off, NetworkSettings.DEFAULTS), PRIMARY));
    }

    @Test
    @DisplayName("on here but off in the primary: refused, the primary goes first")
    void onAgainstOff() {
        List<String> problems = InterRegionReader.checkAgainstPrimary(InterRegionSettings.DEFAULTS, NetworkSettings.DEFAULTS,
                theirs(new InterRegionSettings(false, 64512, 64513), NetworkSettings.DEFAULTS), PRIMARY);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("multiregion:interRegion.enabled: 'true' disagrees with the primary stack "
                + PRIMARY), problems.get(0));
        assertTrue(problems.get(0).contains("run pulumi up -s primary first"), problems.get(0));
    }

    @Test
    @DisplayName("off here while the primary still runs it: no problem (the first step of switching off), a warning")
    void offAgainstOn() {
        InterRegionSettings off = new InterRegionSettings(false, 64512, 64513);
        Map<String, Object> on = theirs(InterRegionSettings.DEFAULTS, NetworkSettings.DEFAULTS);
        assertEquals(List.of(), InterRegionReader.checkAgainstPrimary(off, NetworkSettings.DEFAULTS, on, PRIMARY));
        List<String> warnings = InterRegionReader.warningsAgainstPrimary(off, on, PRIMARY);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("run pulumi up -s primary to remove the gateways"), warnings.get(0));
        assertEquals(List.of(), InterRegionReader.warningsAgainstPrimary(InterRegionSettings.DEFAULTS, on, PRIMARY));
    }

    @Test
    @DisplayName("an ASN that differs from the primary's is refused, on or off")
    void asnDisagreement() {
        for (boolean enabled : List.of(true, false)) {
            List<String> problems = InterRegionReader.checkAgainstPrimary(new InterRegionSettings(enabled, 64512, 64600),
                    NetworkSettings.DEFAULTS, theirs(new InterRegionSettings(enabled, 64512, 64513), NetworkSettings.DEFAULTS),
                    PRIMARY);
            assertEquals(List.of("multiregion:interRegion.secondaryAsn: '64600' disagrees with the primary stack " + PRIMARY
                    + ", which uses 64513; set the same multiregion:interRegion in both stack files"), problems);
        }
    }

    @Test
    @DisplayName("a zone count that differs from the primary's file changes the flow's subnets: refused, naming the network")
    void subnetsDisagreement() {
        NetworkSettings mine = new NetworkSettings(NetworkSettings.DEFAULTS.primary(),
                new NetworkSettings.RegionNetwork("10.20.0.0/16", 3, Optional.empty()), 365);
        List<String> problems = InterRegionReader.checkAgainstPrimary(InterRegionSettings.DEFAULTS, mine,
                theirs(InterRegionSettings.DEFAULTS, NetworkSettings.DEFAULTS), PRIMARY);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("multiregion:network.secondary: B's application subnets are "
                + "[10.20.0.0/19, 10.20.32.0/19, 10.20.64.0/19] here, but the primary stack " + PRIMARY
                + " opened the database flow for [10.20.0.0/18, 10.20.64.0/18]"), problems.get(0));
    }

    @Test
    @DisplayName("the export: settings always, the flow's subnets only when on")
    void export() {
        assertEquals(Map.of("enabled", true, "primaryAsn", 64512.0, "secondaryAsn", 64513.0,
                        "databaseSubnets", List.of("10.10.192.0/20", "10.10.208.0/20", "10.10.224.0/20"),
                        "applicationSubnets", List.of("10.20.0.0/18", "10.20.64.0/18")),
                InterRegionReader.export(InterRegionSettings.DEFAULTS, NetworkSettings.DEFAULTS));
        assertEquals(Map.of("enabled", false, "primaryAsn", 4.2e9, "secondaryAsn", 64513.0),
                InterRegionReader.export(new InterRegionSettings(false, 4_200_000_000L, 64513), NetworkSettings.DEFAULTS));
        assertTrue(InterRegionReader.fitsExport(InterRegionReader.export(InterRegionSettings.DEFAULTS,
                NetworkSettings.DEFAULTS)));
        assertFalse(InterRegionReader.fitsExport(Map.of("enabled", "yes")));
    }
}
