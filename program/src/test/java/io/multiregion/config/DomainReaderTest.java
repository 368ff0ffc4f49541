package io.multiregion.config;

import io.multiregion.regions.AwsRegion;
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

/** multiregion:domain: the zone and the application's name, or nothing (HTTP only). */
class DomainReaderTest {

    private static Optional<DomainSettings> read(String json, List<String> problems) {
        return DomainReader.read(ConfigSource.of(Map.of("multiregion:domain", json)), problems);
    }

    @Test
    void unsetMeansNoDomain() {
        List<String> problems = new ArrayList<>();
        assertEquals(Optional.empty(), DomainReader.read(ConfigSource.of(Map.of()), problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void wellFormed() {
        List<String> problems = new ArrayList<>();
        Optional<DomainSettings> domain = read("{\"zoneId\":\"Z0123456789ABCDEFGHIJ\",\"name\":\"app.example.com\"}", problems);
        assertEquals(List.of(), problems);
        assertEquals(Optional.of(new DomainSettings("Z0123456789ABCDEFGHIJ", "app.example.com")), domain);
        assertEquals("eu-west-1.app.example.com", domain.orElseThrow().regionalName(new AwsRegion("eu-west-1")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"zoneId\":\"/hostedzone/Z0123\",\"name\":\"app.example.com\"}|multiregion:domain.zoneId: '/hostedzone/Z0123' is not a Route 53 hosted zone id",
            "{\"zoneId\":\"z0123\",\"name\":\"app.example.com\"}|multiregion:domain.zoneId: 'z0123' is not a Route 53 hosted zone id",
            "{\"zoneId\":\"Z0123\",\"name\":\"App.Example.com\"}|multiregion:domain.name: 'App.Example.com' is not a DNS name",
            "{\"zoneId\":\"Z0123\",\"name\":\"*.example.com\"}|multiregion:domain.name: '*.example.com' is not a DNS name",
            "{\"zoneId\":\"Z0123\",\"name\":\"app.example.com.\"}|multiregion:domain.name: 'app.example.com.' is not a DNS name",
            "{\"zoneId\":\"Z0123\",\"name\":\"localhost\"}|multiregion:domain.name: 'localhost' is not a DNS name",
            "{\"zoneId\":\"Z0123\",\"name\":\"-app.example.com\"}|multiregion:domain.name: '-app.example.com' is not a DNS name",
            "{\"zoneId\":\"Z0123\"}|multiregion:domain.name: missing",
            "{\"name\":\"app.example.com\"}|multiregion:domain.zoneId: missing",
            "{\"zoneId\":5,\"name\":\"app.example.com\"}|multiregion:domain.zoneId: '5' is not text",
            "{\"zoneId\":\"Z0123\",\"name\":\"app.example.com\",\"ttl\":60}|multiregion:domain.ttl: '60' is not a domain field",
            "app.example.com|multiregion:domain: 'app.example.com' is not an object",
    })
    void badValues(String json, String expected) {
        List<String> problems = new ArrayList<>();
        assertEquals(Optional.empty(), read(json, problems));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(expected), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void labelLength(int length) {
        String name = "a".repeat(length) + ".example.com";
        assertEquals(length <= 63, DomainReader.wellFormedName(name));
    }

    @Test
    void regionalNameStaysWithinDnsLimit() {
        String longest = ("a".repeat(60) + ".").repeat(3) + "a".repeat(DomainReader.MAX_NAME - 183);
        assertEquals(DomainReader.MAX_NAME, longest.length());
        assertTrue(DomainReader.wellFormedName(longest));
        assertTrue(new DomainSettings("Z1", longest).regionalName(new AwsRegion("ap-southeast-2")).length() <= 253);
        assertFalse(DomainReader.wellFormedName(longest + "a"));
    }
}
