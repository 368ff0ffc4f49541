package io.multiregion.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network concern's reader: defaults, a full value, and every refusal with its key, value and fix. */
class NetworkReaderTest {

    private static final Map<String, String> REGIONS = Map.of(
            "multiregion:primaryRegion", "eu-west-1", "multiregion:secondaryRegion", "eu-central-1");

    private static ConfigSource source(String network) {
        Map<String, String> values = new HashMap<>(REGIONS);
        if (network != null) {
            values.put("multiregion:network", network);
        }
        return ConfigSource.of(values);
    }

    private static List<String> problems(String network) {
        List<String> problems = new ArrayList<>();
        NetworkSettings settings = NetworkReader.read(source(network), problems);
        if (!problems.isEmpty()) {
            assertEquals(NetworkSettings.DEFAULTS, settings, "an invalid value yields the defaults");
        }
        return problems;
    }

    @Test
    void unsetMeansTheDocumentedDefaults() {
        List<String> problems = new ArrayList<>();
        NetworkSettings settings = NetworkReader.read(source(null), problems);
        assertEquals(List.of(), problems);
        assertEquals(new NetworkSettings(
                new NetworkSettings.RegionNetwork("10.10.0.0/16", 3, Optional.empty()),
                new NetworkSettings.RegionNetwork("10.20.0.0/16", 2, Optional.empty()), 365), settings);
        assertEquals(settings.primary(), settings.of(Role.PRIMARY));
        assertEquals(settings.secondary(), settings.of(Role.SECONDARY));
    }

    @Test
    void everyFieldSet() {
        List<String> problems = new ArrayList<>();
        NetworkSettings settings = NetworkReader.read(source("""
                {"primary": {"cidr": "172.16.0.0/20", "zones": 3},
                 "secondary": {"cidr": "192.168.8.0/22", "availabilityZones": ["eu-central-1b", "eu-central-1c"]},
                 "flowLogRetentionDays": 90}"""), problems);
        assertEquals(List.of(), problems);
        assertEquals(new NetworkSettings.RegionNetwork("172.16.0.0/20", 3, Optional.empty()), settings.primary());
        assertEquals(new NetworkSettings.RegionNetwork("192.168.8.0/22", 2,
                Optional.of(List.of("eu-central-1b", "eu-central-1c"))), settings.secondary());
        assertEquals(90, settings.flowLogRetentionDays());
    }

    @Test
    void partialValueKeepsTheOtherDefaults() {
        List<String> problems = new ArrayList<>();
        NetworkSettings settings = NetworkReader.read(source("{\"secondary\": {\"zones\": 3}}"), problems);
        assertEquals(List.of(), problems);
        assertEquals(NetworkSettings.DEFAULTS.primary(), settings.primary());
        assertEquals(new NetworkSettings.RegionNetwork("10.20.0.0/16", 3, Optional.empty()), settings.secondary());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[1, 2]|multiregion:network: '[1, 2]' is not an object",
            "{not json|multiregion:network: '{not json' is not valid structured config",
            "{\"primary\": 3}|multiregion:network.primary: '3' is not an object",
            "{\"primary\": {\"cidr\": \"10.10.0.0/33\"}}|multiregion:network.primary.cidr: '10.10.0.0/33' is not an IPv4 CIDR block; write it as address/prefix",
            "{\"primary\": {\"cidr\": 10}}|multiregion:network.primary.cidr: '10' is not a string",
            "{\"primary\": {\"cidr\": \"10.10.0.1/16\"}}|multiregion:network.primary.cidr: '10.10.0.1/16' has host bits set; use the block's first address: 10.10.0.0/16",
            "{\"primary\": {\"cidr\": \"8.8.0.0/16\"}}|multiregion:network.primary.cidr: '8.8.0.0/16' is not in a private range",
            "{\"primary\": {\"cidr\": \"10.0.0.0/12\"}}|multiregion:network.primary.cidr: '10.0.0.0/12' is a /12; AWS accepts VPC blocks from /16 to /28",
            "{\"primary\": {\"cidr\": \"10.10.0.0/25\"}}|multiregion:network.primary.cidr: '10.10.0.0/25' is too small for public, private and isolated subnets in 3 zones",
            "{\"secondary\": {\"cidr\": \"10.10.128.0/17\"}}|multiregion:network.secondary.cidr: '10.10.128.0/17' overlaps the primary's 10.10.0.0/16",
            "{\"primary\": {\"zones\": 1}}|multiregion:network.primary.zones: '1' is outside 2 to 6",
            "{\"primary\": {\"zones\": 7}}|multiregion:network.primary.zones: '7' is outside 2 to 6",
            "{\"primary\": {\"zones\": \"three\"}}|multiregion:network.primary.zones: 'three' is not a whole number",
            "{\"primary\": {\"zones\": 3, \"availabilityZones\": [\"eu-west-1a\", \"eu-west-1b\"]}}|multiregion:network.primary.zones: '3' disagrees with the 2 availabilityZones listed",
            "{\"primary\": {\"availabilityZones\": [\"eu-west-1a\"]}}|multiregion:network.primary.availabilityZones: '[\"eu-west-1a\"]' names 1 zone(s); list at least 2",
            "{\"primary\": {\"availabilityZones\": \"eu-west-1a\"}}|multiregion:network.primary.availabilityZones: '\"eu-west-1a\"' is not a list",
            "{\"primary\": {\"availabilityZones\": [\"eu-west-1a\", \"west-1b\"]}}|multiregion:network.primary.availabilityZones: 'west-1b' is not an availability zone name",
            "{\"primary\": {\"availabilityZones\": [\"eu-west-1a\", \"eu-central-1b\"]}}|multiregion:network.primary.availabilityZones: 'eu-central-1b' is not a zone of eu-west-1",
            "{\"secondary\": {\"availabilityZones\": [\"eu-central-1a\", \"eu-central-1a\"]}}|multiregion:network.secondary.availabilityZones: 'eu-central-1a' is listed twice",
            "{\"primary\": {\"cidrBlock\": \"10.10.0.0/16\"}}|multiregion:network.primary.cidrBlock: '\"10.10.0.0/16\"' is not a field of multiregion:network.primary; did you mean cidr?",
            "{\"primary\": {\"zone\": 3}}|did you mean zones?",
            "{\"secundary\": {}}|multiregion:network.secundary: '{}' is not a field of multiregion:network; did you mean secondary?",
            "{\"flowLogRetentionDays\": 100}|multiregion:network.flowLogRetentionDays: '100' is not a retention CloudWatch Logs accepts; use one of 1, 3, 5",
            "{\"flowLogRetentionDays\": 1.5}|multiregion:network.flowLogRetentionDays: '1.5' is not a whole number"})
    void refused(String network, String expected) {
        List<String> problems = problems(network);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " not in " + problems);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problems("""
                {"primary": {"cidr": "8.8.0.0/16", "zones": 9},
                 "secondary": {"cidr": "banana"}, "flowLogRetentionDays": 2, "extra": true}""");
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.startsWith("multiregion:network")), problems.toString());
    }

    @Test
    void problemsAreAppendedToTheCallersList() {
        List<String> problems = new ArrayList<>(List.of("multiregion:role: earlier problem"));
        NetworkReader.read(source("{\"primary\": {\"zones\": 0}}"), problems);
        assertEquals("multiregion:role: earlier problem", problems.get(0));
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void secondaryAgreesWithThePrimarysCidrs() {
        assertEquals(List.of(), NetworkReader.checkAgainstPrimary(NetworkSettings.DEFAULTS, "10.10.0.0/16", "10.20.0.0/16"));
        assertEquals(List.of("multiregion:network.primary.cidr: '10.10.0.0/16' disagrees with the primary stack, which uses "
                        + "10.11.0.0/16; set the same multiregion:network value in Pulumi.primary.yaml and Pulumi.secondary.yaml",
                "multiregion:network.secondary.cidr: '10.20.0.0/16' disagrees with the primary stack, which uses "
                        + "10.30.0.0/16; set the same multiregion:network value in Pulumi.primary.yaml and Pulumi.secondary.yaml"),
                NetworkReader.checkAgainstPrimary(NetworkSettings.DEFAULTS, "10.11.0.0/16", "10.30.0.0/16"));
    }

    @Test
    void keysAreTheShortNamesRead() {
        assertEquals(java.util.Set.of("network"), NetworkReader.KEYS);
    }
}
