package io.multiregion.edge;

import io.multiregion.config.DeliveryMode;
import io.multiregion.config.DomainSettings;
import io.multiregion.config.FrontDoorSettings;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.FrontDoorRuns;
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
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failover as numbers, the drill and its configuration, and the front door's configuration refused before anything
 * exists. The drill as {@code bin/plan diff} shows it is the planner's test ({@code DrillPlanTest}).
 */
class FailoverTest {
    private static final DomainSettings DOMAIN = new DomainSettings(FrontDoorRuns.ZONE_ID, FrontDoorRuns.NAME);

    @Test
    @DisplayName("recovery: attempts × timeout through CloudFront, interval × threshold + 60 s TTL by DNS, the database's "
            + "typical lag, RTC's 15 minutes")
    void recoveryFromTheConfiguration() {
        FrontDoorSettings d = FrontDoorSettings.DEFAULTS;
        assertEquals(Map.of("readFailoverThroughCloudFront", 10, "dnsFailover", 90, "databaseRpo", 1, "artifactRpo", 900),
                Recovery.of(d, Optional.of(DOMAIN), DeliveryMode.BESPOKE).export());
        FrontDoorSettings slow = new FrontDoorSettings(true, true, true, FrontDoorSettings.ActiveRegion.PRIMARY,
                new FrontDoorSettings.Origins(3, 3, List.of(502)), new FrontDoorSettings.HealthChecks(30, 2),
                d.rateLimit(), d.distribution());
        assertEquals(Map.of("readFailoverThroughCloudFront", 9, "dnsFailover", 120, "databaseRpo", 1, "artifactRpo", 900),
                Recovery.of(slow, Optional.of(DOMAIN), DeliveryMode.BESPOKE).export());
        assertEquals(Map.of("readFailoverThroughCloudFront", 10, "databaseRpo", 1, "artifactRpo", 900),
                Recovery.of(d, Optional.empty(), DeliveryMode.BESPOKE).export(), "no domain: no DNS failover");
        FrontDoorSettings dnsOnly = new FrontDoorSettings(false, true, true, d.activeRegion(), d.origins(),
                d.healthChecks(), d.rateLimit(), d.distribution());
        assertEquals(Map.of("dnsFailover", 90, "databaseRpo", 1, "artifactRpo", 900),
                Recovery.of(dnsOnly, Optional.of(DOMAIN), DeliveryMode.BESPOKE).export(), "no CloudFront");
        assertEquals(Map.of("readFailoverThroughCloudFront", 10, "databaseRpo", 1),
                Recovery.of(d, Optional.empty(), DeliveryMode.NATIVE).export(), "native delivery replicates no archive");
    }

    @ParameterizedTest(name = "{0}: recovery = {1}")
    @CsvSource(delimiter = '|', value = {
            "secondary/cloudtrail|{readFailoverThroughCloudFront=10, databaseRpo=1, artifactRpo=900}",
            "secondary/domain|{readFailoverThroughCloudFront=10, dnsFailover=90, databaseRpo=1, artifactRpo=900}",
            "secondary/dns|{dnsFailover=90, databaseRpo=1, artifactRpo=900}",
            "secondary/native|{readFailoverThroughCloudFront=10, databaseRpo=1}",
            "secondary/domain-drill|{readFailoverThroughCloudFront=10, dnsFailover=90, databaseRpo=1, artifactRpo=900}",
    })
    void recoveryOutput(String run, String expected) {
        Object recovery = StandardRuns.get(run).output(Value.RECOVERY.key());
        assertEquals(expected, String.valueOf(recovery));
        assertTrue(Value.RECOVERY.fits(recovery), "an object of numbers");
    }

    @Test
    @DisplayName("the drill is the secondary's alone: a primary with activeRegion: secondary registers what it did")
    void primaryIgnoresTheDrill() {
        ProgramRun drill = ProgramRun.with("primary", FrontDoorRuns.config("primary", true,
                Map.of("activeRegion", "secondary")), Map.of());
        ProgramRun normal = StandardRuns.get("primary/domain");
        assertFalse(drill.failed(), drill::errors);
        assertEquals(normal.urns(), drill.urns());
        assertEquals(normal.output(Value.ORIGIN_ACCESS.key()), drill.output(Value.ORIGIN_ACCESS.key()));
        // the secrets each run draws anew (the origin header, the database's master password) aside
        Set<String> drawn = Set.of(FrontDoorTest.LISTENER_RULE, "aws:secretsmanager/secretVersion:SecretVersion",
                "aws:rds/cluster:Cluster");
        for (Registered r : normal.aws()) {
            Registered same = drill.byUrn(r.urn()).orElseThrow();
            if (!drawn.contains(r.type())) {
                assertEquals(r.inputs(), same.inputs(), r.name());
            }
        }
    }

    @Test
    @DisplayName("without a domain the drill also moves the writes' origin to B")
    void drillWithoutDomain() {
        Registered normal = StandardRuns.get("secondary/cloudtrail").one(FrontDoorTest.DISTRIBUTION);
        Registered drill = StandardRuns.get("secondary/drill").one(FrontDoorTest.DISTRIBUTION);
        assertEquals(FrontDoor.PRIMARY_ORIGIN, normal.at("orderedCacheBehaviors", 0, "targetOriginId"));
        assertEquals(FrontDoor.SECONDARY_ORIGIN, drill.at("orderedCacheBehaviors", 0, "targetOriginId"));
    }

    @Test
    @DisplayName("a bad front door value fails with its key, value and fix, and registers nothing")
    void badValueRegistersNothing() {
        for (String stack : List.of("primary", "secondary")) {
            Map<String, String> config = FrontDoorRuns.config(stack, false, Map.of("connectionAttempts", 5,
                    "healthCheckIntervalSeconds", 20));
            ProgramRun run = ProgramRun.with(stack, config, Samples.primaryOutputs());
            assertTrue(run.failed());
            assertTrue(run.errors().contains("multiregion:frontDoor.connectionAttempts: '5' is out of range; CloudFront "
                    + "accepts 1, 2 or 3 attempts"), run.errors());
            assertTrue(run.errors().contains("multiregion:frontDoor.healthCheckIntervalSeconds: '20' is not a health check interval"),
                    run.errors());
            assertEquals(List.of(), run.all(), "nothing may be registered");
        }
    }

    @Test
    @DisplayName("a secondary whose front door disagrees with what A's load balancer admits is refused")
    void disagreementWithThePrimary() {
        Map<String, Object> outputs = new HashMap<>(Samples.primaryOutputs());
        ProgramRun run = ProgramRun.with("secondary", FrontDoorRuns.config("secondary", false, Map.of("cloudFront", false)),
                outputs);
        assertTrue(run.failed());
        assertTrue(run.errors().contains("multiregion:frontDoor: this stack's front door needs A's load balancer to admit "
                + "anyone (no CloudFront), but the primary stack acme-corp/multiregion/primary admits CloudFront only"),
                run.errors());
        assertTrue(run.errors().contains("run pulumi up -s primary first"), run.errors());
        assertEquals(List.of(), run.aws(), "no aws: resource may be registered");
    }
}
