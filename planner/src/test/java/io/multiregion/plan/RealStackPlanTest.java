package io.multiregion.plan;

import io.multiregion.offline.StackConfig;
import io.multiregion.offline.ConfigLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan of the real program with the real stack files. Asserts structure, not counts: it holds however the
 * program grows.
 */
class RealStackPlanTest {
    private static final Path PROJECT = Path.of(".");

    private static void assertStructure(Plan plan, StackConfig config) {
        assertEquals("multiregion", plan.project());
        assertEquals(1, plan.resources().stream().filter(Plan.PlannedResource::isStack).count());
        Set<String> regions = Set.of(config.value("multiregion:primaryRegion"),
                config.value("multiregion:secondaryRegion"), "us-east-1");
        for (Plan.PlannedResource r : plan.resources()) {
            if (!r.isStack()) {
                assertNotNull(r.parent(), "every resource but the stack has a parent: " + r.urn());
            }
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
        Plan primary = CommittedPlans.primary();
        assertStructure(primary, ConfigLoader.read(PROJECT, "primary").config());
        Plan secondary = CommittedPlans.secondary();
        assertStructure(secondary, ConfigLoader.read(PROJECT, "secondary").config());
        secondary.resources().stream()
                .filter(r -> r.type().equals("pulumi:pulumi:StackReference"))
                .forEach(r -> assertEquals(ConfigLoader.read(PROJECT, "secondary").config().value("multiregion:primaryStack"),
                        r.name()));
    }

    @Test
    @DisplayName("the plan shows the delivery path each stack chose and why, under its counts, and as the deliveryPath output")
    void thePlanShowsTheDeliveryPath() {
        Plan primary = CommittedPlans.primary();
        String text = PlanText.render(primary, false);
        List<String> head = text.lines().limit(4).toList();
        assertTrue(head.get(2).startsWith("  Delivery: bespoke (multiregion:delivery auto): auto: region B eu-central-1 "
                + "offers AWS CodePipeline and AWS CodeBuild"), head.toString());
        assertTrue(head.get(3).startsWith("  Source: connection: default: region A eu-west-1 offers AWS CodeConnections"),
                head.toString());
        assertTrue(text.contains("\nOutputs\n"), text);
        assertTrue(text.substring(text.indexOf("\nOutputs\n")).contains("deliveryPath"), text);
        Plan secondary = CommittedPlans.secondary();
        List<String> secondaryHead = PlanText.render(secondary, false).lines().limit(4).toList();
        assertTrue(secondaryHead.get(2).startsWith("  Delivery: bespoke (multiregion:delivery auto)"), secondaryHead.toString());
        assertFalse(secondaryHead.get(3).startsWith("  Source:"), "the source is the primary's");
    }

    @Test
    void theCliAcceptsBothStackFilesAndTheCommandPlansThem() {
        for (String stack : new String[] {"primary", "secondary"}) {
            assertEquals(List.of(), ConfigLoader.read(PROJECT, stack).cliErrors(), "the Pulumi CLI would refuse " + stack);
            var run = PlanCommandTest.run(OfflineRun.APP, "--out", "target/plan-test", stack);
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().startsWith("Plan of stack '" + stack + "'"), run.out());
        }
    }

    @Test
    void thePlanListsExactlyWhatTheProgramRegisters() {
        Plan primary = CommittedPlans.primary();
        ProgramRun registered = ProgramRun.of("primary", Map.of());
        assertEquals(typesAndNames(registered.all()), primary.resources().stream()
                .filter(r -> !r.isStack())
                .map(r -> r.type() + " " + r.name()).collect(Collectors.toCollection(TreeSet::new)));

        Plan secondary = CommittedPlans.secondary();
        ProgramRun registeredSecondary = ProgramRun.of("secondary", Samples.primaryOutputs());
        assertEquals(typesAndNames(registeredSecondary.all()), secondary.resources().stream()
                .filter(r -> !r.isStack())
                .map(r -> r.type() + " " + r.name()).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static TreeSet<String> typesAndNames(List<Registered> resources) {
        return resources.stream().map(r -> r.type() + " " + r.name()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void brokenRealStackFileFailsWithEveryProblemAndWritesNothing(@TempDir Path dir) throws Exception {
        Files.copy(PROJECT.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        String broken = Files.readString(PROJECT.resolve("Pulumi.primary.yaml"))
                .replace("multiregion:secondaryRegion: eu-central-1", "multiregion:secondaryRegion: eu-west-1")
                .replace("  pulumi:disable-default-providers: [\"*\"]\n", "");
        Files.writeString(dir.resolve("Pulumi.primary.yaml"), broken);
        var run = PlanCommandTest.run(OfflineRun.APP, "--dir", dir.toString(), "--out", dir.resolve("plan").toString(), "primary");
        assertEquals(PlanException.PROGRAM_FAILED, run.code(), run.err());
        assertTrue(run.err().contains("Invalid configuration for stack 'primary' (2 problems)"), run.err());
        assertTrue(run.err().contains("pulumi:disable-default-providers: not set"), run.err());
        assertTrue(run.err().contains("multiregion:secondaryRegion: 'eu-west-1' is the same as multiregion:primaryRegion"), run.err());
        assertEquals("", run.out());
        assertTrue(Files.notExists(dir.resolve("plan").resolve("primary.json")));
    }
}
