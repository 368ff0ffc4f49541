package io.multiregion.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    private static Plan.PlannedResource bucket(String name, String region, Map<String, Object> inputs) {
        return new Plan.PlannedResource("urn:pulumi:s::p::aws:s3/bucketV2:BucketV2::" + name, "aws:s3/bucketV2:BucketV2",
                name, null, true, false, "urn:provider-" + region, region, inputs, List.of());
    }

    private static Plan plan(Map<String, Object> outputs, Plan.PlannedResource... resources) {
        return new Plan("p", "s", List.of(resources), outputs, List.of(), List.of());
    }

    @Test
    void reportsAddedRemovedAndChangedKeys() {
        Plan before = plan(Map.of("a", 1L),
                bucket("kept", "eu-west-1", Map.of("bucket", "x", "tags", Map.of("t", "1"))),
                bucket("moved", "eu-west-1", Map.of()),
                bucket("gone", "eu-west-1", Map.of()),
                bucket("same", "eu-west-1", Map.of("n", 30L)));
        Plan after = plan(Map.of("a", 2L),
                bucket("kept", "eu-west-1", Map.of("bucket", "x", "tags", Map.of("t", "2"), "acl", "private")),
                bucket("moved", "eu-central-1", Map.of()),
                bucket("new", "eu-west-1", Map.of()),
                bucket("same", "eu-west-1", Map.of("n", 30.0)));
        PlanDiff diff = PlanDiff.between(before, after);
        assertEquals(List.of("new"), diff.added().stream().map(Plan.PlannedResource::name).toList());
        assertEquals(List.of("gone"), diff.removed().stream().map(Plan.PlannedResource::name).toList());
        assertEquals(2, diff.changed().size());
        assertEquals(List.of("acl", "tags"), diff.changed().get(0).keys());
        assertEquals(List.of("(region)", "(provider)"), diff.changed().get(1).keys());
        assertEquals(List.of("a"), diff.outputs().stream().map(PlanDiff.ValueChange::key).toList());

        String text = diff.render(false);
        assertTrue(text.contains("1 to add, 2 to change (1 replaced), 1 to remove"), text);
        assertTrue(text.contains("+ aws:s3/bucketV2:BucketV2  new  [eu-west-1]"), text);
        assertTrue(text.contains("- aws:s3/bucketV2:BucketV2  gone  [eu-west-1]"), text);
        assertTrue(text.contains("~ aws:s3/bucketV2:BucketV2  kept  [eu-west-1]  update (may replace)"), text);
        assertTrue(text.contains("    acl: (none) → \"private\"  [may replace]"), text);
        assertTrue(text.contains("        t: \"1\" → \"2\""), text);
        assertTrue(text.contains("~ aws:s3/bucketV2:BucketV2  moved  [eu-central-1]  REPLACE (moves to another region)"), text);
        assertTrue(text.contains("~ output a: 1 → 2"), text);
        String markdown = diff.render(true);
        assertTrue(markdown.contains("```diff"), markdown);
    }

    @Test
    void identicalPlansHaveNoChanges() {
        Plan p = plan(Map.of(), bucket("a", "eu-west-1", Map.of("k", "v")));
        PlanDiff diff = PlanDiff.between(p, p);
        assertTrue(diff.isEmpty());
        assertTrue(diff.render(false).contains("no changes"));
    }
}
