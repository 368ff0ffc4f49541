package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** multiregion:network: defaults, a full value, and the primary's blocks (each bad value: {@link BadValuesTest}). */
class NetworkSettingsTest {

    private static NetworkSettings read(String json) {
        return Configs.settings("primary", Configs.with("primary", json == null ? "" : "network=" + json)).network();
    }

    @Test
    @DisplayName("unset: A 10.10.0.0/16 in 3 zones, B 10.20.0.0/16 in 2, flow logs kept a year")
    void unsetMeansTheDocumentedDefaults() {
        NetworkSettings settings = read(null);
        assertEquals(new NetworkSettings(new NetworkSettings.RegionNetwork("10.10.0.0/16", 3, Optional.empty()),
                new NetworkSettings.RegionNetwork("10.20.0.0/16", 2, Optional.empty()), 365), settings);
        assertEquals(settings.primary(), settings.of(Role.PRIMARY));
        assertEquals(settings.secondary(), settings.of(Role.SECONDARY));
    }

    @Test
    @DisplayName("every field set; zones follow the names listed")
    void everyFieldSet() {
        NetworkSettings settings = read("""
                {"primary": {"cidr": "172.16.0.0/20", "zones": 3},
                 "secondary": {"cidr": "192.168.8.0/22", "availabilityZones": ["eu-central-1b", "eu-central-1c"]},
                 "flowLogRetentionDays": 90}""");
        assertEquals(new NetworkSettings.RegionNetwork("172.16.0.0/20", 3, Optional.empty()), settings.primary());
        assertEquals(new NetworkSettings.RegionNetwork("192.168.8.0/22", 2,
                Optional.of(List.of("eu-central-1b", "eu-central-1c"))), settings.secondary());
        assertEquals(90, settings.flowLogRetentionDays());
    }

    @Test
    @DisplayName("a partial value keeps the other defaults")
    void partialValueKeepsTheOtherDefaults() {
        NetworkSettings settings = read("{\"secondary\": {\"zones\": 3}}");
        assertEquals(NetworkSettings.DEFAULTS.primary(), settings.primary());
        assertEquals(new NetworkSettings.RegionNetwork("10.20.0.0/16", 3, Optional.empty()), settings.secondary());
    }

    @Test
    @DisplayName("every problem is reported at once")
    void everyProblemIsReportedAtOnce() {
        List<Problem> problems = Configs.problems("primary", Configs.with("primary", """
                network={"primary": {"cidr": "8.8.0.0/16", "zones": 9}, \
                "secondary": {"cidr": "banana"}, "flowLogRetentionDays": 2, "extra": true}"""));
        assertEquals(List.of("multiregion:network.extra", "multiregion:network.flowLogRetentionDays",
                "multiregion:network.primary.cidr", "multiregion:network.primary.zones",
                "multiregion:network.secondary.cidr"), problems.stream().map(Problem::key).sorted().toList());
    }

    @Test
    @DisplayName("the secondary's blocks must be the ones the primary deployed")
    void secondaryAgreesWithThePrimarysCidrs() {
        assertEquals(List.of(), NetworkSettings.checkAgainstPrimary(NetworkSettings.DEFAULTS, "10.10.0.0/16", "10.20.0.0/16"));
        List<Problem> problems = NetworkSettings.checkAgainstPrimary(NetworkSettings.DEFAULTS, "10.11.0.0/16", "10.30.0.0/16");
        assertEquals(2, problems.size(), problems::toString);
        Configs.has(problems, "network.primary.cidr", Problem.Kind.DISAGREES_WITH_PRIMARY, "which uses 10.11.0.0/16");
        Configs.has(problems, "network.secondary.cidr", Problem.Kind.DISAGREES_WITH_PRIMARY, "Pulumi.secondary.yaml");
    }
}
