package io.multiregion.config;

import io.multiregion.regions.AwsRegion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:frontDoor: the switches, the drill and every range against AWS's, without the engine. */
class FrontDoorReaderTest {
    private static final DomainSettings DOMAIN = new DomainSettings("Z0123456789ABCDEFGHIJ", "app.example.com");

    private static FrontDoorSettings read(String json, List<String> problems) {
        return FrontDoorReader.read(ConfigSource.of(Map.of("multiregion:frontDoor", json)), problems);
    }

    @Test
    @DisplayName("unset: CloudFront with WAF and access logs, DNS failover where a domain is set, region A active")
    void defaults() {
        List<String> problems = new ArrayList<>();
        FrontDoorSettings d = FrontDoorReader.read(ConfigSource.of(Map.of()), problems);
        assertEquals(List.of(), problems);
        assertEquals(FrontDoorSettings.DEFAULTS, d);
        assertTrue(d.cloudFront() && d.waf() && d.dnsFailover() && d.distribution().accessLogs());
        assertEquals(FrontDoorSettings.ActiveRegion.PRIMARY, d.activeRegion());
        assertEquals(List.of(500, 502, 503, 504), d.origins().failoverStatusCodes());
        assertFalse(d.healthChecked(Optional.empty()));
        assertTrue(d.healthChecked(Optional.of(DOMAIN)));
    }

    @Test
    @DisplayName("every field read, numbers and booleans also as text (pulumi config set --path stores text)")
    void everyField() {
        List<String> problems = new ArrayList<>();
        FrontDoorSettings f = read("{\"cloudFront\":\"false\",\"waf\":false,\"dnsFailover\":true,"
                + "\"activeRegion\":\"secondary\",\"connectionTimeoutSeconds\":\"3\",\"connectionAttempts\":3,"
                + "\"failoverStatusCodes\":[500,503],\"writePaths\":[\"/api/*\",\"/forms/*\"],"
                + "\"healthCheckIntervalSeconds\":30,\"healthCheckFailureThreshold\":1,\"rateLimit\":100,"
                + "\"rateLimitWindowSeconds\":60,\"priceClass\":\"PriceClass_All\",\"accessLogs\":false}", problems);
        assertEquals(List.of(), problems);
        assertEquals(new FrontDoorSettings(false, false, true, FrontDoorSettings.ActiveRegion.SECONDARY,
                new FrontDoorSettings.Origins(3, 3, List.of(500, 503)), new FrontDoorSettings.HealthChecks(30, 1),
                new FrontDoorSettings.RateLimit(100, 60),
                new FrontDoorSettings.Distribution(List.of("/api/*", "/forms/*"), "PriceClass_All", false)), f);
        assertTrue(f.drill());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"cloudFront\":\"yes\"}|multiregion:frontDoor.cloudFront: 'yes' is not a boolean",
            "{\"activeRegion\":\"b\"}|multiregion:frontDoor.activeRegion: 'b' is not a region role; set primary or secondary",
            "{\"connectionTimeoutSeconds\":0}|multiregion:frontDoor.connectionTimeoutSeconds: '0' is out of range; CloudFront accepts 1 to 10",
            "{\"connectionTimeoutSeconds\":11}|multiregion:frontDoor.connectionTimeoutSeconds: '11' is out of range",
            "{\"connectionTimeoutSeconds\":2.5}|multiregion:frontDoor.connectionTimeoutSeconds: '2.5' is not a whole number",
            "{\"connectionAttempts\":4}|multiregion:frontDoor.connectionAttempts: '4' is out of range; CloudFront accepts 1, 2 or 3",
            "{\"connectionAttempts\":0}|multiregion:frontDoor.connectionAttempts: '0' is out of range",
            "{\"failoverStatusCodes\":[429]}|multiregion:frontDoor.failoverStatusCodes: '429' is not a status code an origin group fails over on",
            "{\"failoverStatusCodes\":[500,500]}|multiregion:frontDoor.failoverStatusCodes: '500' is listed twice",
            "{\"failoverStatusCodes\":[]}|multiregion:frontDoor.failoverStatusCodes: '[]' is not a list of status codes",
            "{\"failoverStatusCodes\":500}|multiregion:frontDoor.failoverStatusCodes: '500' is not a list of status codes",
            "{\"writePaths\":\"/api/*\"}|multiregion:frontDoor.writePaths: '\"/api/*\"' is not a list",
            "{\"writePaths\":[\"/*\"]}|multiregion:frontDoor.writePaths: '/*' matches every request",
            "{\"writePaths\":[\"*\"]}|multiregion:frontDoor.writePaths: '*' matches every request",
            "{\"writePaths\":[\"/a b\"]}|multiregion:frontDoor.writePaths: '/a b' is not a CloudFront path pattern",
            "{\"writePaths\":[\"/api/*\",\"/api/*\"]}|multiregion:frontDoor.writePaths: '/api/*' is listed twice",
            "{\"healthCheckIntervalSeconds\":15}|multiregion:frontDoor.healthCheckIntervalSeconds: '15' is out of range; Route 53 checks every 10 or 30 seconds",
            "{\"healthCheckFailureThreshold\":4}|multiregion:frontDoor.healthCheckFailureThreshold: '4' is out of range; set 1 to 3",
            "{\"healthCheckFailureThreshold\":0}|multiregion:frontDoor.healthCheckFailureThreshold: '0' is out of range",
            "{\"rateLimit\":9}|multiregion:frontDoor.rateLimit: '9' is out of range; WAF accepts 10 to 2000000000",
            "{\"rateLimit\":3000000000}|multiregion:frontDoor.rateLimit: '3000000000' is out of range",
            "{\"rateLimitWindowSeconds\":30}|multiregion:frontDoor.rateLimitWindowSeconds: '30' is out of range; WAF accepts 60, 120, 300 or 600",
            "{\"priceClass\":\"PriceClass_300\"}|multiregion:frontDoor.priceClass: 'PriceClass_300' is not a CloudFront price class",
            "{\"accessLogs\":1}|multiregion:frontDoor.accessLogs: '1' is not a boolean",
            "{\"ttl\":60}|multiregion:frontDoor.ttl: '60' is not a front door field",
            "[true]|multiregion:frontDoor: '[true]' is not an object",
    })
    void badValues(String json, String expected) {
        List<String> problems = new ArrayList<>();
        FrontDoorSettings read = read(json, problems);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(expected), problems.get(0));
        // a bad field keeps its default, so that the checks after it still run
        assertEquals(FrontDoorSettings.DEFAULTS, read);
    }

    @Test
    @DisplayName("every bad field is reported at once")
    void everyProblemAtOnce() {
        List<String> problems = new ArrayList<>();
        read("{\"connectionTimeoutSeconds\":0,\"connectionAttempts\":9,\"rateLimit\":1,\"priceClass\":\"x\"}", problems);
        assertEquals(4, problems.size(), problems::toString);
    }

    @Test
    @DisplayName("more write paths than a distribution's behaviours allow")
    void tooManyWritePaths() {
        List<String> problems = new ArrayList<>();
        StringBuilder paths = new StringBuilder("[");
        for (int i = 0; i <= FrontDoorReader.WRITE_PATHS_MAX; i++) {
            paths.append(i == 0 ? "" : ",").append("\"/p").append(i).append("/*\"");
        }
        read("{\"writePaths\":" + paths + "]}", problems);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("set at most 20"), problems.get(0));
    }

    private static Problems check(String json, Optional<DomainSettings> domain, String region) {
        Problems problems = new Problems();
        ConfigSource source = ConfigSource.of(json == null ? Map.of() : Map.of("multiregion:frontDoor", json));
        FrontDoorSettings read = FrontDoorReader.read(source, new ArrayList<>());
        FrontDoorReader.checkWith(source, read, domain, new AwsRegion(region), problems);
        return problems;
    }

    @Test
    @DisplayName("CloudFront, its WAF and the global provider exist in the aws partition only")
    void partition() {
        assertTrue(check(null, Optional.empty(), "eu-west-1").problems().isEmpty());
        List<String> china = check(null, Optional.empty(), "cn-north-1").problems();
        assertEquals(1, china.size(), china::toString);
        assertTrue(china.get(0).startsWith("multiregion:frontDoor: a front door (cloudFront true"), china.get(0));
        assertTrue(china.get(0).contains("set {\"cloudFront\": false, \"dnsFailover\": false}"), china.get(0));
        assertEquals(List.of(), check("{\"cloudFront\":false}", Optional.empty(), "us-gov-west-1").problems(),
                "no front door: nothing to refuse");
        assertEquals(1, check("{\"cloudFront\":false}", Optional.of(DOMAIN), "us-gov-west-1").problems().size(),
                "DNS failover with a domain is a front door too");
    }

    @Test
    @DisplayName("the drill needs a front door to move users with")
    void drillWithoutFrontDoor() {
        List<String> problems = check("{\"cloudFront\":false,\"activeRegion\":\"secondary\"}", Optional.empty(), "eu-west-1")
                .problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("multiregion:frontDoor.activeRegion: 'secondary' has no front door"));
        assertEquals(List.of(), check("{\"cloudFront\":false,\"activeRegion\":\"secondary\"}", Optional.of(DOMAIN),
                "eu-west-1").problems(), "DNS failover moves users");
    }

    @Test
    @DisplayName("a switch set without what it needs is a warning naming the field")
    void switchesWithoutEffect() {
        Problems noCloudFront = check("{\"cloudFront\":false,\"waf\":true,\"writePaths\":[\"/api/*\"]}", Optional.of(DOMAIN),
                "eu-west-1");
        assertEquals(List.of(), noCloudFront.problems());
        assertEquals(2, noCloudFront.warnings().size(), noCloudFront.warnings()::toString);
        assertTrue(noCloudFront.warnings().get(0).startsWith("multiregion:frontDoor.waf: true has no effect"));
        Problems noDomain = check("{\"dnsFailover\":true}", Optional.empty(), "eu-west-1");
        assertEquals(1, noDomain.warnings().size());
        assertTrue(noDomain.warnings().get(0).startsWith("multiregion:frontDoor.dnsFailover: true has no effect without "
                + "multiregion:domain"));
        assertEquals(List.of(), check(null, Optional.empty(), "eu-west-1").warnings(), "defaults never warn");
    }

    @Test
    @DisplayName("the failover name fits in a DNS name for the longest application name")
    void failoverNameFits() {
        String longest = ("a".repeat(60) + ".").repeat(3) + "a".repeat(DomainReader.MAX_NAME - 183);
        assertTrue(("failover." + longest).length() <= 253);
    }
}
