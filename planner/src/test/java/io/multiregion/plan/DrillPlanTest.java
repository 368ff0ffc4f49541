package io.multiregion.plan;

import io.multiregion.offline.ConfigLoader;
import io.multiregion.offline.StackConfig;
import io.multiregion.testing.FrontDoorRuns;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The front door's failover drill and its reverse, as {@code bin/plan diff} shows them to a reviewer. */
class DrillPlanTest {
    private static final String HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";

    private static Plan plan(String stack, Map<String, String> config, Optional<Plan> primary) {
        StackConfig files = ConfigLoader.read(StackFiles.ROOT, stack).config();
        return Planner.plan(new StackConfig(files.project(), files.stack(), config, files.secretKeys()), OfflineRun.APP,
                name -> primary, null);
    }

    @Test
    @DisplayName("the drill and its reverse, as bin/plan diff shows them: the origin group's order and A's gate change "
            + "in place, nothing is added, removed or replaced")
    void drillAsAPlanDiff() {
        Plan primary = plan("primary", FrontDoorRuns.config("primary", true, Map.of()), Optional.empty());
        Plan normal = plan("secondary", FrontDoorRuns.config("secondary", true, Map.of()), Optional.of(primary));
        Plan drill = plan("secondary", FrontDoorRuns.config("secondary", true, Map.of("activeRegion", "secondary")),
                Optional.of(primary));
        for (PlanDiff diff : List.of(PlanDiff.between(normal, drill), PlanDiff.between(drill, normal))) {
            assertEquals(List.of(), diff.added());
            assertEquals(List.of(), diff.removed());
            assertEquals(Set.of("multiregion-front-door-distribution", "multiregion-front-door-dns-primary-gate"),
                    Set.copyOf(diff.changed().stream().map(c -> c.resource().name()).toList()), diff.render(false));
            diff.changed().forEach(c -> assertFalse(c.replaces(), c.resource().name() + " would be replaced"));
            assertEquals(List.of("originGroups"), diff.changed().stream()
                    .filter(c -> c.resource().name().endsWith("distribution")).findFirst().orElseThrow().keys());
            assertEquals(List.of("childHealthThreshold"), diff.changed().stream()
                    .filter(c -> c.resource().name().endsWith("gate")).findFirst().orElseThrow().keys());
            String text = diff.render(false);
            assertTrue(text.contains("childHealthThreshold"), text);
        }
    }

    @Test
    @DisplayName("a health check's interval cannot change without replacing it; the drill's threshold can")
    void intervalChangeReplaces() {
        assertEquals(Replacements.Effect.REPLACE, Replacements.of(
                HEALTH_CHECK, "requestInterval", List.of()));
        assertFalse(Replacements.forcing(HEALTH_CHECK).contains("childHealthThreshold"));
    }

}
