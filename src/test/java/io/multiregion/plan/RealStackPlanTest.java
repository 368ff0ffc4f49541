package io.multiregion.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiregion.App;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plan of the real program with the real stack files. Asserts structure, not counts: it holds however the
 * program grows.
 */
class RealStackPlanTest {
    private static final Path PROJECT = Path.of(".");

    private static Plan plan(String stack, Optional<Plan> primary) {
        StackConfig config = ConfigLoader.read(PROJECT, stack).config();
        return Planner.plan(config, App::stack, name -> primary, null);
    }

    private static void assertStructure(Plan plan, StackConfig config) {
        assertEquals("multiregion", plan.project());
        assertEquals(1, plan.resources().stream().filter(Plan.PlannedResource::isStack).count());
        Set<String> regions = Set.of(config.value("multiregion:primaryRegion"),
                config.value("multiregion:secondaryRegion"), "us-east-1");
        for (Plan.PlannedResource r : plan.resources()) {
            assertNotNull(r.parent() == null && !r.isStack() ? null : r.urn(), "every resource has a parent: " + r.urn());
            if (r.isProvider()) {
                assertTrue(regions.contains(r.region()), "provider " + r.name() + " in " + r.region());
            } else if (r.custom() && !r.read() && r.type().startsWith("aws:")) {
                assertNotNull(r.provider(), "explicit provider for " + r.urn());
                assertTrue(regions.contains(r.region()), r.urn() + " in " + r.region());
            }
        }
        String text = PlanText.render(plan, true);
        assertTrue(text.startsWith("Plan of stack '" + plan.stack() + "'"), text);
        assertTrue(PlanMermaid.render(plan).contains("flowchart LR"));
        assertTrue(PlanDiff.between(plan, PlanJson.fromJson(PlanJson.toJson(plan))).isEmpty());
    }

    @Test
    void primaryAndSecondaryPlanOffline() {
        Plan primary = plan("primary", Optional.empty());
        assertStructure(primary, ConfigLoader.read(PROJECT, "primary").config());
        Plan secondary = plan("secondary", Optional.of(primary));
        assertStructure(secondary, ConfigLoader.read(PROJECT, "secondary").config());
        secondary.resources().stream()
                .filter(r -> r.type().equals("pulumi:pulumi:StackReference"))
                .forEach(r -> assertEquals(ConfigLoader.read(PROJECT, "secondary").config().value("multiregion:primaryStack"),
                        r.name()));
    }

    @Test
    void theCommandEitherPlansTheRealStackOrSaysWhatTheCliWouldRefuse() {
        for (String stack : new String[] {"primary", "secondary"}) {
            var cliErrors = ConfigLoader.read(PROJECT, stack).cliErrors();
            var run = PlanCommandTest.run(App::stack, "--out", "target/plan-test", stack);
            if (cliErrors.isEmpty()) {
                assertEquals(0, run.code(), run.err());
                assertTrue(run.out().startsWith("Plan of stack '" + stack + "'"), run.out());
            } else {
                assertEquals(PlanException.BAD_INPUT, run.code(), run.err());
                cliErrors.forEach(e -> assertTrue(run.err().contains(e), run.err()));
                assertEquals("", run.out());
            }
        }
    }
}
