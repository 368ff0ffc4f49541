package io.multiregion.plan;

import io.multiregion.offline.StackConfig;
import io.multiregion.offline.ConfigLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The architecture diagrams of both real stacks: valid Mermaid, A left of B, arrows A → B, readable labels. */
class PlanMermaidTest {
    private static final Path PROJECT = Path.of(".");

    private static String ancestorTitle(MermaidCheck.Diagram d, String node) {
        String group = d.parentOf().get(node);
        while (group != null && !d.subgraphs().get(group).contains("Region ")) {
            group = d.parentOf().get(group);
        }
        return group == null ? "" : d.subgraphs().get(group);
    }

    @Test
    void bothStacksDrawValidDiagramsWithRegionALeftAndArrowsTowardsB() {
        StackConfig primaryConfig = ConfigLoader.read(PROJECT, "primary").config();
        StackConfig secondaryConfig = ConfigLoader.read(PROJECT, "secondary").config();
        Plan primary = Planner.plan(primaryConfig, OfflineRun.APP, name -> Optional.empty(), null);
        Plan secondary = Planner.plan(secondaryConfig, OfflineRun.APP, name -> Optional.of(primary), null);

        String a = PlanMermaid.render(primary, PlanCommand.regionOrder(primaryConfig));
        MermaidCheck.Diagram d = MermaidCheck.check(a);
        List<String> titles = List.copyOf(d.subgraphs().values());
        int regionA = titles.indexOf("Stack primary · Region A: eu-west-1 (primary)");
        int regionB = titles.indexOf("Stack primary · Region B: eu-central-1 (secondary)");
        assertTrue(regionA >= 0 && regionB > regionA, "region A is declared (drawn) before B: " + titles);
        for (String[] edge : d.edges()) {
            String from = ancestorTitle(d, edge[0]);
            String to = ancestorTitle(d, edge[1]);
            if (!from.equals(to)) {
                assertTrue(from.contains("Region A") && to.contains("Region B"),
                        "across regions, arrows go from A to B: " + String.join(" ", edge) + "\n" + a);
            }
        }
        assertTrue(d.edges().stream().anyMatch(e -> e[2].equals("replicates to")), a);
        assertTrue(d.nodes().values().stream().anyMatch(l -> l.startsWith("Source pipeline · source")), a);

        String b = PlanMermaid.render(secondary, PlanCommand.regionOrder(secondaryConfig));
        MermaidCheck.Diagram s = MermaidCheck.check(b);
        List<String> stackTitles = List.copyOf(s.subgraphs().values());
        assertTrue(stackTitles.indexOf("Stack primary (read through a StackReference)")
                < stackTitles.indexOf("Stack secondary · Region B: eu-central-1 (secondary)"),
                "the primary's stack left of the secondary's: " + b);
        String trigger = node(s, "Replica trigger");
        String pipeline = node(s, "Replica pipeline");
        assertTrue(s.edges().stream().anyMatch(e -> e[0].equals(trigger) && e[1].equals(pipeline)
                && e[2].equals("triggers")), "the trigger → pipeline link:\n" + b);
        assertTrue(s.edges().stream().anyMatch(e -> e[2].equals("StackReference")), b);
    }

    private static String node(MermaidCheck.Diagram d, String labelStart) {
        return d.nodes().entrySet().stream().filter(e -> e.getValue().startsWith(labelStart)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no node '" + labelStart + "' in " + d.nodes()));
    }

    @Test
    void theGlobalProvidersResourcesAreTheirOwnGroupRightOfB() {
        StackConfig config = new StackConfig("multiregion", "edge", java.util.Map.of(), java.util.Set.of());
        Plan plan = Planner.plan(config, ctx -> {
            var a = new com.pulumi.aws.Provider("aws-eu-west-1",
                    com.pulumi.aws.ProviderArgs.builder().region("eu-west-1").build());
            var global = new com.pulumi.aws.Provider("aws-global",
                    com.pulumi.aws.ProviderArgs.builder().region("us-east-1").build());
            var origin = new com.pulumi.aws.s3.BucketV2("origin", com.pulumi.aws.s3.BucketV2Args.builder().build(),
                    com.pulumi.resources.CustomResourceOptions.builder().provider(a).build());
            new com.pulumi.aws.s3.BucketV2("edge-logs", com.pulumi.aws.s3.BucketV2Args.builder()
                    .tags(origin.arn().applyValue(arn -> java.util.Map.of("origin", arn))).build(),
                    com.pulumi.resources.CustomResourceOptions.builder().provider(global).build());
        });
        String mermaid = PlanMermaid.render(plan, List.of("eu-west-1", "eu-central-1"));
        MermaidCheck.Diagram d = MermaidCheck.check(mermaid);
        List<String> titles = List.copyOf(d.subgraphs().values());
        assertEquals(List.of("Stack edge · Region A: eu-west-1 (primary)",
                "Stack edge · Global: us-east-1 (front door, global services)"), titles, mermaid);
        assertTrue(d.edges().stream().anyMatch(e -> d.nodes().get(e[0]).startsWith("Bucket · origin")
                && d.nodes().get(e[1]).startsWith("Bucket · edge-logs")), mermaid);
    }

    @Test
    void labelsAreWordsNotTypeTokensAndAreEscaped() {
        assertEquals("Secure bucket · release source",
                PlanMermaid.label("multiregion:storage:SecureBucket", "multiregion-release-source", "multiregion-release",
                        "multiregion"));
        assertEquals("Bucket · logs", PlanMermaid.label("aws:s3/bucketV2:BucketV2", "logs", null, "multiregion"));
        assertEquals("Load balancer · web", PlanMermaid.label("aws:lb/loadBalancer:LoadBalancer", "multiregion-web",
                null, "multiregion"));
        assertEquals("a #34;b#34; #60;c#62; #124; d", PlanMermaid.escape("a \"b\" <c> | d"));
    }

    @Test
    void theCheckCatchesWhatMermaidRefuses() {
        assertThrows(AssertionError.class, () -> MermaidCheck.check("flowchart LR\n  subgraph s[\"x\"]\n  a[\"a\"]\n"));
        assertThrows(AssertionError.class, () -> MermaidCheck.check("flowchart LR\n  a[\"a\"]\n  a[\"b\"]\n"));
        assertThrows(AssertionError.class, () -> MermaidCheck.check("flowchart LR\n  a[\"say \"hi\"\"]\n"));
        assertThrows(AssertionError.class, () -> MermaidCheck.check("flowchart LR\n  a[\"a\"]\n  a --> b\n"));
        assertThrows(AssertionError.class, () -> MermaidCheck.check("flowchart LR\n  a[\"aws:s3/bucketV2:BucketV2\"]\n"));
        MermaidCheck.check("flowchart LR\n  subgraph s[\"S\"]\n    a[\"A<br/>2 resources\"]\n  end\n  b[\"B\"]\n"
                + "  a -->|uses| b\n");
    }
}
