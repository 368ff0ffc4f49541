package io.multiregion.config;

import io.multiregion.regions.AwsRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:domain: the zone and the application's name, or nothing (each bad value: {@link BadValuesTest}). */
class DomainSettingsTest {

    private static Optional<DomainSettings> read(String json) {
        return Configs.settings("primary", Configs.with("primary", json == null ? "" : "domain=" + json)).domain();
    }

    @Test
    void unsetMeansNoDomain() {
        assertEquals(Optional.empty(), read(null));
    }

    @Test
    void wellFormed() {
        Optional<DomainSettings> domain = read("{\"zoneId\":\"Z0123456789ABCDEFGHIJ\",\"name\":\"app.example.com\"}");
        assertEquals(Optional.of(new DomainSettings("Z0123456789ABCDEFGHIJ", "app.example.com")), domain);
        assertEquals("eu-west-1.app.example.com", domain.orElseThrow().regionalName(new AwsRegion("eu-west-1")));
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void labelLength(int length) {
        assertEquals(length <= 63, DomainSettings.wellFormedName("a".repeat(length) + ".example.com"));
    }

    @Test
    void regionalNameStaysWithinDnsLimit() {
        String longest = ("a".repeat(60) + ".").repeat(3) + "a".repeat(DomainSettings.MAX_NAME - 183);
        assertEquals(DomainSettings.MAX_NAME, longest.length());
        assertTrue(DomainSettings.wellFormedName(longest));
        assertTrue(new DomainSettings("Z1", longest).regionalName(new AwsRegion("ap-southeast-2")).length() <= 253);
        assertTrue(("failover." + longest).length() <= 253, "the failover name fits in a DNS name too");
        assertFalse(DomainSettings.wellFormedName(longest + "a"));
    }
}
