package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:frontDoor: the switches, the drill and the partition (each bad value: {@link BadValuesTest}). */
class FrontDoorSettingsTest {
    private static final String DOMAIN = "domain={\"zoneId\":\"Z0123456789ABCDEFGHIJ\",\"name\":\"app.example.com\"}";

    private static SettingsReader.Reading read(String changes) {
        return Configs.read("secondary", Configs.with("secondary", changes));
    }

    @Test
    @DisplayName("unset: CloudFront with WAF and access logs, DNS failover where a domain is set, region A active")
    void defaults() {
        FrontDoorSettings d = read("").settings().orElseThrow().frontDoor();
        assertEquals(FrontDoorSettings.DEFAULTS, d);
        assertTrue(d.cloudFront() && d.waf() && d.dnsFailover() && d.distribution().accessLogs());
        assertEquals(FrontDoorSettings.ActiveRegion.PRIMARY, d.activeRegion());
        assertEquals(List.of(500, 502, 503, 504), d.origins().failoverStatusCodes());
        assertFalse(d.healthChecked(Optional.empty()));
        assertTrue(d.healthChecked(Optional.of(new DomainSettings("Z1", "app.example.com"))));
    }

    @Test
    @DisplayName("every field read, numbers and booleans also as text (pulumi config set --path stores text)")
    void everyField() {
        FrontDoorSettings f = read("frontDoor={\"cloudFront\":\"false\",\"waf\":false,\"dnsFailover\":true,"
                + "\"activeRegion\":\"secondary\",\"connectionTimeoutSeconds\":\"3\",\"connectionAttempts\":3,"
                + "\"failoverStatusCodes\":[500,503],\"writePaths\":[\"/api/*\",\"/forms/*\"],"
                + "\"healthCheckIntervalSeconds\":30,\"healthCheckFailureThreshold\":1,\"rateLimit\":100,"
                + "\"rateLimitWindowSeconds\":60,\"priceClass\":\"PriceClass_All\",\"accessLogs\":false} && " + DOMAIN)
                .settings().orElseThrow().frontDoor();
        assertEquals(new FrontDoorSettings(false, false, true, FrontDoorSettings.ActiveRegion.SECONDARY,
                new FrontDoorSettings.Origins(3, 3, List.of(500, 503)), new FrontDoorSettings.HealthChecks(30, 1),
                new FrontDoorSettings.RateLimit(100, 60),
                new FrontDoorSettings.Distribution(List.of("/api/*", "/forms/*"), "PriceClass_All", false)), f);
        assertTrue(f.drill(), "DNS failover moves users in the drill");
    }

    @Test
    @DisplayName("every bad field is reported at once, and more write paths than a distribution's behaviours allow")
    void everyProblemAtOnce() {
        List<Problem> problems = read("frontDoor={\"connectionTimeoutSeconds\":0,\"connectionAttempts\":9,"
                + "\"rateLimit\":1,\"priceClass\":\"x\"}").problems();
        assertEquals(4, problems.size(), problems::toString);
        StringBuilder paths = new StringBuilder("[");
        for (int i = 0; i <= FrontDoorSettings.WRITE_PATHS_MAX; i++) {
            paths.append(i == 0 ? "" : ",").append("\"/p").append(i).append("/*\"");
        }
        Configs.only(read("frontDoor={\"writePaths\":" + paths + "]}").problems(), "frontDoor.writePaths",
                Problem.Kind.OUT_OF_RANGE, "set at most 20");
    }

    @Test
    @DisplayName("CloudFront, its WAF and the global provider exist in the aws partition only: off by default elsewhere")
    void partition() {
        String gov = "primaryRegion=us-gov-west-1 && secondaryRegion=us-gov-east-1 && ";
        SettingsReader.Reading unset = read(gov + DOMAIN);
        assertEquals(List.of(), unset.problems());
        assertFalse(unset.settings().orElseThrow().frontDoor().present(unset.settings().orElseThrow().domain()));
        Configs.only(read(gov + DOMAIN + " && frontDoor={\"cloudFront\":false,\"dnsFailover\":true}").problems(),
                "frontDoor", Problem.Kind.UNSUPPORTED_IN_REGION, "set {\"cloudFront\": false, \"dnsFailover\": false}");
    }

    @Test
    @DisplayName("a switch set without what it needs is a warning naming the field; defaults never warn")
    void switchesWithoutEffect() {
        List<Problem> noCloudFront = read("frontDoor={\"cloudFront\":false,\"waf\":true,\"writePaths\":[\"/api/*\"]} && "
                + DOMAIN).warnings();
        assertEquals(List.of("multiregion:frontDoor.waf", "multiregion:frontDoor.writePaths"),
                noCloudFront.stream().map(Problem::key).toList());
        assertTrue(noCloudFront.stream().allMatch(w -> w.kind() == Problem.Kind.NO_EFFECT), noCloudFront::toString);
        Configs.only(read("frontDoor={\"dnsFailover\":true}").warnings(), "frontDoor.dnsFailover", Problem.Kind.NO_EFFECT,
                "without multiregion:domain");
        assertEquals(List.of(), read("").warnings());
    }
}
