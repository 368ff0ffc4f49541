package io.multiregion.plan;

import io.multiregion.offline.StackConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
    static final StackConfig PRIMARY = new StackConfig("multiregion", "primary", Map.of(
            "multiregion:primaryRegion", "eu-west-1",
            "multiregion:secondaryRegion", "eu-central-1",
            "multiregion:token", StackConfig.SECRET_PLACEHOLDER), Set.of("multiregion:token"));
    static final StackConfig SECONDARY = new StackConfig("multiregion", "secondary", Map.of(
            "multiregion:primaryRegion", "eu-west-1",
            "multiregion:secondaryRegion", "eu-central-1",
            "multiregion:primaryStack", "acme/multiregion/primary"), Set.of());

    private static Plan.PlannedResource named(Plan plan, String name) {
        return plan.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name));
    }

    @Test
    void resolvesEachResourceToItsProvidersRegionAndParent() {
        Plan plan = Planner.plan(PRIMARY, FixturePrograms.PRIMARY);
        assertEquals("eu-west-1", named(plan, "artifacts-source").region());
        assertEquals("eu-central-1", named(plan, "artifacts-replica").region());
        assertEquals("eu-central-1", named(plan, "aws-b").region());
        Plan.PlannedResource component = named(plan, "artifacts");
        assertFalse(component.custom());
        assertEquals("fixture:storage:ReplicaPair", component.type());
        assertEquals(component.urn(), named(plan, "artifacts-replica").parent());
        assertEquals(named(plan, "aws-b").urn(), named(plan, "artifacts-replica").provider());
        assertEquals(1, plan.resources().stream().filter(Plan.PlannedResource::isStack).count());
    }

    @Test
    void showsReferencesInsteadOfUnknownsAndMasksSecrets() {
        Plan plan = Planner.plan(PRIMARY, FixturePrograms.PRIMARY);
        Plan.PlannedResource source = named(plan, "artifacts-source");
        assertEquals("${artifacts-replica.bucket}", named(plan, "artifacts-replica-versioning").inputs().get("bucket"),
                "a bucket's id is its name, which the cloud assigns");
        assertEquals(Map.of("source", "arn:aws:s3:::${artifacts-source.bucket}"),
                named(plan, "artifacts-replica").inputs().get("tags"), "built from the source's ARN");
        assertEquals(new Plan.Reference("primary", source.urn(), "aws:s3/bucketV2:BucketV2", "artifacts-source",
                "bucket"), plan.references().get("${artifacts-source.bucket}"), "the plan says what it stands for");
        assertEquals(Map.of("tags", List.of("${artifacts-source.bucket}")), named(plan, "artifacts-replica").references());
        assertEquals(Map.of("status", "Enabled"), named(plan, "artifacts-replica-versioning").inputs()
                .get("versioningConfiguration"), "known inputs are shown");
        assertEquals(Plan.SECRET, named(plan, "logs").inputs().get("tags"), "built from a secret");
        assertEquals(Plan.SECRET, plan.outputs().get("token"));
        assertEquals("arn:aws:s3:::${artifacts-source.bucket}", plan.outputs().get("sourceArn"));
        assertEquals(Plan.UNKNOWN, plan.outputs().get("logsGrants"), "an output that is no string stays unknown");
        assertEquals("eu-west-1", plan.outputs().get("region"));
        assertFalse(PlanJson.toJson(plan).contains("v1:"), "nothing secret is written");
        assertTrue(source.dependsOn().isEmpty());
        assertTrue(named(plan, "artifacts-replica").dependsOn().contains(source.urn()));
    }

    @Test
    void answersInvokesWithLabelledPlaceholders() {
        Plan plan = Planner.plan(PRIMARY, FixturePrograms.PRIMARY);
        assertEquals(PlanMocks.PLACEHOLDER_ACCOUNT, plan.outputs().get("accountId"));
        assertEquals(List.of(new Plan.PlannedInvoke("aws:index/getCallerIdentity:getCallerIdentity", "eu-west-1", true)),
                plan.invokes());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("placeholder") && n.contains("${account}")));
    }

    @Test
    void stackReferenceReadsTheEarlierPlanOrStaysUnknown() {
        Plan primary = Planner.plan(PRIMARY, FixturePrograms.PRIMARY);
        Plan withPlan = Planner.plan(SECONDARY, FixturePrograms.SECONDARY,
                name -> name.endsWith("/primary") ? Optional.of(primary) : Optional.empty(), null);
        assertEquals("eu-west-1", withPlan.outputs().get("primaryRegion"));
        Object tags = named(withPlan, "mirror").inputs().get("tags");
        assertEquals(Map.of("primaryRegion", "eu-west-1", "source", "arn:aws:s3:::${primary.artifacts-source.bucket}"),
                tags, "shown as the primary planned it, with the stack named");
        Plan.Reference foreign = withPlan.references().get("${primary.artifacts-source.bucket}");
        assertEquals("primary", foreign.stack());
        assertEquals(named(primary, "artifacts-source").urn(), foreign.urn());
        Plan.PlannedResource ref = named(withPlan, "acme/multiregion/primary");
        assertEquals("pulumi:pulumi:StackReference", ref.type());
        assertTrue(ref.read());

        Plan without = Planner.plan(SECONDARY, FixturePrograms.SECONDARY);
        assertEquals(Plan.UNKNOWN, without.outputs().get("primaryRegion"));
        assertTrue(without.notes().stream().anyMatch(n -> n.startsWith(PlanMocks.UNRESOLVED)), without.notes().toString());
        assertTrue(PlanText.render(without, true).contains("WARNING: " + PlanMocks.UNRESOLVED));
    }

    @Test
    void theProgramsExceptionBecomesAPlanError() {
        PlanException e = assertThrows(PlanException.class, () -> Planner.plan(PRIMARY, FixturePrograms.INVALID));
        assertEquals(PlanException.PROGRAM_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("'tertiary' is not primary or secondary"), e.getMessage());
        // the engine is usable again afterwards
        assertFalse(Planner.plan(PRIMARY, FixturePrograms.PRIMARY).resources().isEmpty());
    }

    @Test
    void rendersTextJsonAndMermaid() {
        Plan plan = Planner.plan(PRIMARY, FixturePrograms.PRIMARY);
        String text = PlanText.render(plan, true);
        assertTrue(text.contains("Region eu-central-1 (3 resources)"), text);
        assertTrue(text.contains("Region eu-west-1 (3 resources)"), text);
        assertTrue(text.contains("  fixture:storage:ReplicaPair artifacts\n    + aws:s3/bucketV2:BucketV2  artifacts-replica"), text);
        assertTrue(text.contains("tags: [secret]"), text);
        assertTrue(text.contains("bucket: \"${artifacts-replica.bucket}\""), text);
        assertTrue(text.contains("${artifacts-source.bucket}  = bucket of aws:s3/bucketV2:BucketV2 artifacts-source"),
                text);
        assertTrue(text.contains("regions: eu-central-1, eu-west-1"), text);
        assertTrue(text.contains("placeholder"), text);

        Plan back = PlanJson.fromJson(PlanJson.toJson(plan));
        assertEquals(plan.resources().size(), back.resources().size());
        assertTrue(PlanDiff.between(plan, back).isEmpty(), "JSON round trip keeps the plan");

        String mermaid = PlanMermaid.render(plan);
        assertTrue(mermaid.startsWith("%%"), mermaid);
        assertTrue(mermaid.contains("flowchart LR"), mermaid);
        MermaidCheck.check(mermaid);
        String ordered = PlanMermaid.render(plan, List.of("eu-west-1", "eu-central-1"));
        assertTrue(ordered.indexOf("Region A: eu-west-1") < ordered.indexOf("Region B: eu-central-1")
                && ordered.contains("Stack primary · Region A"), ordered);
        assertTrue(ordered.contains("n_eu_west_1_artifacts -->|pairs with| n_eu_central_1_artifacts"),
                "a component with resources in both regions is a pair, drawn from A to B: " + ordered);
    }
}
