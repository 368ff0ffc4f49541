package io.multiregion.plan;

import io.multiregion.offline.StackConfig;
import io.multiregion.offline.ConfigLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        Plan primary = CommittedPlans.primary();
        Plan secondary = CommittedPlans.secondary();

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
        // the tiers in the order traffic takes them, and the global database, which A's cluster writes
        assertEdge(d, "Load balancer · web", "App tier · app", "forwards to", a);
        assertEdge(d, "App tier · app", "Regional cluster · db", "reads and writes", a);
        assertEdge(d, "Regional cluster · db", "Global database · global-db", "primary cluster of", a);
        // the delivery path
        assertEdge(d, "Source pipeline · source", "Replicated bucket · release", "publishes to", a);
        assertEdge(d, "Source pipeline · source", "Deploy target · deploy", "deploys with", a);
        assertEdge(d, "Deploy target · deploy", "App tier · app", "deploys to", a);
        assertTrue(d.edges().stream().allMatch(e -> !e[2].isEmpty()), "every arrow says what it is: " + a);

        String b = PlanMermaid.render(secondary, PlanCommand.regionOrder(secondaryConfig), List.of(primary));
        MermaidCheck.Diagram s = MermaidCheck.check(b);
        List<String> stackTitles = List.copyOf(s.subgraphs().values());
        assertTrue(stackTitles.indexOf("Stack primary (read through a StackReference)")
                < stackTitles.indexOf("Stack secondary · Region B: eu-central-1 (secondary)"),
                "the primary's stack left of the secondary's: " + b);
        String trigger = node(s, "Replica trigger");
        String pipeline = node(s, "Replica pipeline");
        assertTrue(s.edges().stream().anyMatch(e -> e[0].equals(trigger) && e[1].equals(pipeline)
                && e[2].equals("starts")), "the trigger → pipeline link:\n" + b);
        assertTrue(s.edges().stream().anyMatch(e -> e[2].equals("StackReference")), b);
        assertEdge(s, "Secure bucket · release-replica", "Replica trigger · trigger", "StackReference", b);
        assertEdge(s, "Replica pipeline · replica", "Deploy target · deploy", "deploys with", b);
        assertEdge(s, "Deploy target · deploy", "App tier · app", "deploys to", b);
        assertEdge(s, "Load balancer · web", "App tier · app", "forwards to", b);
        assertEdge(s, "App tier · app", "Regional cluster · db", "reads and writes", b);
        assertEdge(s, "Global database · global-db", "Regional cluster · db", "replicates to",
                "the global database, from the primary's plan, in the secondary's diagram too:\n" + b);
    }

    private static void assertEdge(MermaidCheck.Diagram d, String from, String to, String label, String diagram) {
        assertTrue(d.edges().stream().anyMatch(e -> d.nodes().get(e[0]).startsWith(from)
                && d.nodes().get(e[1]).startsWith(to) && e[2].equals(label)),
                from + " -->|" + label + "| " + to + " in\n" + diagram);
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
        assertTrue(d.nodes().values().stream().anyMatch(l -> l.contains("Bucket · origin")), mermaid);
        assertTrue(d.nodes().values().stream().anyMatch(l -> l.contains("Bucket · edge-logs")), mermaid);
    }

    /**
     * Tiers the program does not have yet take their place from their types and references alone: a DNS record in
     * front of the load balancer, a cache the application uses.
     */
    @Test
    void newTiersTakeTheirPlaceFromTheirTypesAndReferences() {
        StackConfig config = new StackConfig("multiregion", "tiers", Map.of(), java.util.Set.of());
        Plan plan = Planner.plan(config, ctx -> {
            var a = new com.pulumi.aws.Provider("aws-eu-west-1",
                    com.pulumi.aws.ProviderArgs.builder().region("eu-west-1").build());
            var global = new com.pulumi.aws.Provider("aws-global",
                    com.pulumi.aws.ProviderArgs.builder().region("us-east-1").build());
            var web = new com.pulumi.resources.ComponentResource("fixture:web:Web", "web");
            var app = new com.pulumi.resources.ComponentResource("fixture:compute:App", "app");
            var cache = new com.pulumi.resources.ComponentResource("fixture:cache:Cache", "cache");
            var edge = new com.pulumi.resources.ComponentResource("fixture:edge:Dns", "dns");
            var in = (java.util.function.Function<com.pulumi.resources.Resource, com.pulumi.resources.CustomResourceOptions>)
                    parent -> com.pulumi.resources.CustomResourceOptions.builder().parent(parent).provider(a).build();
            var lb = new com.pulumi.aws.lb.LoadBalancer("web-lb", com.pulumi.aws.lb.LoadBalancerArgs.builder()
                    .loadBalancerType("application").build(), in.apply(web));
            var tg = new com.pulumi.aws.lb.TargetGroup("web-tg", com.pulumi.aws.lb.TargetGroupArgs.builder()
                    .port(80).protocol("HTTP").vpcId("vpc-1").build(), in.apply(web));
            var sg = new com.pulumi.aws.ec2.SecurityGroup("app-sg", com.pulumi.aws.ec2.SecurityGroupArgs.builder()
                    .vpcId("vpc-1").build(), in.apply(app));
            new com.pulumi.aws.autoscaling.Group("app-group", com.pulumi.aws.autoscaling.GroupArgs.builder()
                    .minSize(1).maxSize(2).targetGroupArns(tg.arn().applyValue(List::of)).build(), in.apply(app));
            new com.pulumi.aws.elasticache.ReplicationGroup("cache-group",
                    com.pulumi.aws.elasticache.ReplicationGroupArgs.builder().description("cache")
                            .securityGroupIds(sg.id().applyValue(List::of)).build(), in.apply(cache));
            new com.pulumi.aws.route53.Record("dns-record", com.pulumi.aws.route53.RecordArgs.builder()
                    .zoneId("Z1").name("app.example.com").type("CNAME").ttl(60)
                    .records(lb.dnsName().applyValue(List::of)).build(),
                    com.pulumi.resources.CustomResourceOptions.builder().parent(edge).provider(global).build());
            ctx.export("primaryRegion", com.pulumi.core.Output.of("eu-west-1"));
        });
        String mermaid = PlanMermaid.render(plan);
        MermaidCheck.Diagram d = MermaidCheck.check(mermaid);
        assertEdge(d, "Dns · dns", "Web · web", "routes to", mermaid);
        assertEdge(d, "Web · web", "App · app", "forwards to", mermaid);
        assertEdge(d, "App · app", "Cache · cache", "reads and writes", mermaid);
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
