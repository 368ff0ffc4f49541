package io.multiregion.plan;

import io.multiregion.offline.ConfigLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reviewer reads in the plans of the real stacks: policies and pipeline action configurations as references
 * instead of unknowns, the options that protect data, and a diff that shows an IAM statement change and protection
 * turned off. Generic over resource types: it finds policies and actions wherever the program puts them.
 */
class RealStackReviewTest {
    private static final Path PROJECT = Path.of(".");
    private static Plan primary;
    private static Plan secondary;

    @BeforeAll
    static void plan() {
        primary = CommittedPlans.primary();
        secondary = CommittedPlans.secondary();
    }

    /** Every policy document (a JSON object with a Statement) among the inputs of every resource, by where it is. */
    private static Map<String, Object> policies(Plan plan) {
        Map<String, Object> found = new java.util.TreeMap<>();
        for (Plan.PlannedResource r : plan.resources()) {
            r.inputs().forEach((k, v) -> {
                Object parsed = PolicyDiff.parsed(v);
                if (PolicyDiff.isPolicy(parsed) || (Plan.UNKNOWN.equals(v) && k.toLowerCase().contains("polic"))) {
                    found.put(r.name() + " " + Recorder.shortType(r.type()) + "." + k, v);
                }
            });
        }
        return found;
    }

    /** Every pipeline action's configuration, wherever a resource has stages of actions. */
    private static List<Object> actionConfigurations(Plan plan) {
        List<Object> found = new ArrayList<>();
        for (Plan.PlannedResource r : plan.resources()) {
            if (r.inputs().get("stages") instanceof List<?> stages) {
                for (Object stage : stages) {
                    if (stage instanceof Map<?, ?> s && s.get("actions") instanceof List<?> actions) {
                        for (Object action : actions) {
                            if (action instanceof Map<?, ?> a) {
                                found.add(a.get("configuration"));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void noPolicyDocumentOrActionConfigurationIsUnknownOnEitherStack() {
        for (Plan plan : List.of(primary, secondary)) {
            Map<String, Object> policies = policies(plan);
            assertFalse(policies.isEmpty(), plan.stack());
            policies.forEach((where, policy) -> {
                assertFalse(String.valueOf(policy).contains(Plan.UNKNOWN), plan.stack() + ": " + where + " " + policy);
                assertTrue(PolicyDiff.isPolicy(PolicyDiff.parsed(policy)), where);
            });
            List<Object> configurations = actionConfigurations(plan);
            assertFalse(configurations.isEmpty(), plan.stack());
            configurations.forEach(c -> {
                assertTrue(c instanceof Map<?, ?>, plan.stack() + ": a configuration is a map, not " + c);
                assertFalse(String.valueOf(c).contains(Plan.UNKNOWN), plan.stack() + ": " + c);
            });
        }
    }

    @Test
    void everyReferenceNamesAResourceOfThePlanOrOfThePrimarysPlan() {
        for (Plan plan : List.of(primary, secondary)) {
            assertFalse(plan.references().isEmpty());
            plan.references().forEach((token, ref) -> {
                if (ref.urn() == null) {
                    assertEquals("accountId", ref.output(), token);
                    return;
                }
                Plan owner = ref.stack().equals(plan.stack()) ? plan : primary;
                Plan.PlannedResource r = owner.resource(ref.urn()).orElseThrow(() -> new AssertionError(token));
                assertEquals(r.name(), ref.name());
                assertTrue(token.contains(ref.name()) && token.endsWith("." + ref.output() + "}"), token);
            });
            for (Plan.PlannedResource r : plan.resources()) {
                r.references().forEach((input, tokens) -> tokens.forEach(t -> {
                    assertTrue(plan.references().containsKey(t), t);
                    assertTrue(String.valueOf(r.inputs().get(input)).contains(t), r.name() + "." + input);
                }));
            }
        }
        assertTrue(secondary.references().keySet().stream().anyMatch(t -> t.startsWith("${primary.")),
                "values read from the primary's plan are references to its resources");
        assertTrue(PlanJson.toJson(secondary).contains("\"references\""));
    }

    @Test
    void theTextPlanShowsRegionAFirstAndLabelsBothRegions() {
        String text = PlanText.render(primary, false);
        int a = text.indexOf("\nRegion A (primary): eu-west-1 (");
        int b = text.indexOf("\nRegion B (secondary): eu-central-1 (");
        assertTrue(a > 0 && b > a, "A, then B:\n" + text.lines().filter(l -> l.startsWith("Region")).toList());
        assertTrue(PlanText.render(secondary, false).contains("\nRegion B (secondary): eu-central-1 ("));
    }

    @Test
    void theReleaseObjectIsShownAsAReferenceToTheSourceBucket() {
        String text = PlanText.render(primary, true);
        Plan.PlannedResource sourceBucket = primary.resources().stream()
                .filter(r -> r.type().equals("aws:s3/bucketV2:BucketV2") && r.name().endsWith("-source"))
                .findFirst().orElseThrow();
        String token = "${" + sourceBucket.name() + ".bucket}";
        assertTrue(text.contains("arn:aws:s3:::" + token + "/releases/app.zip"), text);
        assertTrue(text.contains(token + "  = bucket of aws:s3/bucketV2:BucketV2 " + sourceBucket.name()), text);
    }

    @Test
    void dataResourcesShowTheirProtectionInTextAndJson() {
        List<Plan.PlannedResource> protectedOnes = primary.resources().stream()
                .filter(r -> r.options().protect()).toList();
        assertTrue(protectedOnes.stream().anyMatch(r -> r.type().equals("aws:kms/key:Key")));
        assertTrue(protectedOnes.stream().anyMatch(r -> r.type().equals("aws:s3/bucketV2:BucketV2")));
        assertTrue(PlanText.render(primary, true).contains("(option) protect: true"));
        Plan back = PlanJson.fromJson(PlanJson.toJson(primary));
        assertEquals(protectedOnes.size(), back.resources().stream().filter(r -> r.options().protect()).count());
        assertTrue(primary.resources().stream().anyMatch(r -> !r.options().dependsOn().isEmpty()),
                "explicit dependsOn are recorded");
    }

    private static Path project(Path dir, String primaryExtra) throws IOException {
        Files.createDirectories(dir);
        Files.copy(PROJECT.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.copy(PROJECT.resolve("Pulumi.secondary.yaml"), dir.resolve("Pulumi.secondary.yaml"));
        Files.writeString(dir.resolve("Pulumi.primary.yaml"),
                Files.readString(PROJECT.resolve("Pulumi.primary.yaml")) + primaryExtra);
        return dir;
    }

    private static PlanCommandTest.Run planInto(Path project, Path out, String stack) {
        return PlanCommandTest.run(OfflineRun.APP, "--dir", project.toString(), "--out", out.toString(), stack);
    }

    @Test
    void anIamStatementChangeShowsStatementByStatement(@TempDir Path tmp) throws IOException {
        Path base = project(tmp.resolve("base"), "");
        Path pr = project(tmp.resolve("pr"), "");
        Files.writeString(pr.resolve("Pulumi.primary.yaml"), Files.readString(pr.resolve("Pulumi.primary.yaml"))
                .replace("artifactKey: releases/app.zip", "artifactKey: releases/storefront.zip"));
        assertEquals(0, planInto(base, tmp.resolve("plans-base"), "primary").code());
        assertEquals(0, planInto(pr, tmp.resolve("plans-pr"), "primary").code());
        PlanCommandTest.Run diff = PlanCommandTest.run(OfflineRun.APP, "diff", "--exit-code",
                tmp.resolve("plans-base/primary.json").toString(), tmp.resolve("plans-pr/primary.json").toString());
        assertEquals(1, diff.code(), "--exit-code: 1 when the plans differ\n" + diff.err());
        String out = diff.out();
        assertTrue(out.contains("aws:iam/rolePolicy:RolePolicy"), out);
        assertTrue(out.contains("~ statement \""), "compared statement by statement:\n" + out);
        assertTrue(out.contains("Resource: + arn:aws:s3:::${multiregion-release-source.bucket}/releases/storefront.zip"
                + "; - arn:aws:s3:::${multiregion-release-source.bucket}/releases/app.zip"), out);

        PlanCommandTest.Run same = PlanCommandTest.run(OfflineRun.APP, "diff", "--exit-code",
                tmp.resolve("plans-base/primary.json").toString(), tmp.resolve("plans-base/primary.json").toString());
        assertEquals(0, same.code(), "--exit-code: 0 without changes");
        assertTrue(same.out().contains("no changes"), same.out());
    }

    @Test
    void turningProtectDataOffShowsEveryProtectionRemoved(@TempDir Path tmp) throws IOException {
        Path base = project(tmp.resolve("base"), "");
        Path pr = project(tmp.resolve("pr"), "  multiregion:protectData: false\n");
        assertEquals(0, planInto(base, tmp.resolve("plans-base"), "primary").code());
        assertEquals(0, planInto(pr, tmp.resolve("plans-pr"), "primary").code());
        Plan before = PlanJson.read(tmp.resolve("plans-base/primary.json"));
        Plan after = PlanJson.read(tmp.resolve("plans-pr/primary.json"));
        PlanDiff diff = PlanDiff.between(before, after);
        long wasProtected = before.resources().stream().filter(r -> r.options().protect()).count();
        assertTrue(wasProtected > 0);
        assertEquals(wasProtected, diff.changed().stream()
                .filter(c -> c.options().stream().anyMatch(o -> o.key().equals("protect")
                        && Boolean.TRUE.equals(o.before()) && Boolean.FALSE.equals(o.after())))
                .count(), diff.render(false));
        String text = diff.render(false);
        assertTrue(text.contains("(option) protect: true → false"), text);
        assertTrue(text.contains("WARNING: no longer protected"), text);
        assertFalse(text.contains("0 to change"), text);
        String markdown = diff.render(true);
        assertTrue(markdown.contains("(option) protect: true → false"), markdown);
    }

    /**
     * A new block for region A's VPC and a larger Auto Scaling group, on the real primary: the VPC is replaced, and so
     * is everything whose force-new input takes a value from it (subnets, route tables, security groups...), down the
     * chain; what takes such a value in an updatable input is updated; the group's desired capacity, which the group
     * ignores, is shown apart; no change of a type the table knows reads "may replace".
     */
    @Test
    void aNewVpcBlockReplacesWhatDependsOnItAndTheIgnoredCapacityIsShownApart() {
        io.multiregion.offline.StackConfig base = ConfigLoader.read(PROJECT, "primary").config();
        Map<String, String> values = new java.util.LinkedHashMap<>(base.values());
        values.replaceAll((k, v) -> k.equals("multiregion:network") ? v.replace("10.10.0.0/16", "10.30.0.0/16")
                : k.equals("multiregion:sizing") ? v.replace("\"desiredCapacity\":3", "\"desiredCapacity\":4")
                .replace("\"maxSize\":12", "\"maxSize\":16") : v);
        assertTrue(values.get("multiregion:sizing").contains("\"maxSize\":16"), values.get("multiregion:sizing"));
        Plan changed = Planner.plan(new io.multiregion.offline.StackConfig(base.project(), base.stack(), values,
                base.secretKeys()), OfflineRun.APP, name -> Optional.empty(), null);
        PlanDiff diff = PlanDiff.between(primary, changed);
        String text = diff.render(false);
        java.util.Set<String> replaced = new java.util.HashSet<>();
        diff.changed().stream().filter(PlanDiff.Change::replaces).forEach(c -> replaced.add(c.resource().urn()));
        for (String type : List.of("aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/routeTable:RouteTable",
                "aws:ec2/securityGroup:SecurityGroup", "aws:lb/targetGroup:TargetGroup",
                "aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:ec2/natGateway:NatGateway")) {
            List<Plan.PlannedResource> ofType = changed.resources().stream().filter(r -> r.type().equals(type))
                    .toList();
            assertFalse(ofType.isEmpty(), type);
            ofType.forEach(r -> assertTrue(replaced.contains(r.urn()), r.name() + " (" + type + ") is replaced:\n"
                    + text));
        }
        // Every resource with a force-new input that takes a value from a replaced one is replaced; every other
        // resource with an input from a replaced one is at least updated.
        java.util.Set<String> inDiff = new java.util.HashSet<>();
        diff.changed().forEach(c -> inDiff.add(c.resource().urn()));
        for (Plan.PlannedResource r : changed.resources()) {
            r.references().forEach((input, tokens) -> tokens.forEach(t -> {
                Plan.Reference ref = changed.references().get(t);
                if (ref != null && ref.urn() != null && replaced.contains(ref.urn())
                        && !r.options().ignoreChanges().contains(input)) {
                    assertTrue(inDiff.contains(r.urn()), r.name() + "." + input + " takes " + t + ":\n" + text);
                    if (Replacements.of(r.type(), input, r.options().replaceOnChanges()) == Replacements.Effect.REPLACE) {
                        assertTrue(replaced.contains(r.urn()), r.name() + "." + input + " forces a new resource");
                    }
                }
            }));
        }
        assertTrue(text.contains("replaced because `"), text);
        PlanDiff.Change group = diff.changed().stream()
                .filter(c -> c.resource().type().equals("aws:autoscaling/group:Group")).findFirst().orElseThrow();
        assertFalse(group.replaces(), text);
        assertTrue(group.inputs().stream().anyMatch(i -> i.key().equals("maxSize")
                && i.effect() == Replacements.Effect.UPDATE), text);
        assertTrue(group.ignored().stream().anyMatch(i -> i.key().equals("desiredCapacity")), text);
        assertTrue(text.contains("desiredCapacity: 3 → 4  [ignored (ignoreChanges): no change on `pulumi up`]"), text);
        diff.changed().forEach(c -> {
            if (Replacements.knows(c.resource().type())) {
                assertFalse(c.inputs().stream().anyMatch(i -> i.effect() == Replacements.Effect.MAY_REPLACE),
                        c.resource().name() + ": " + text);
            }
        });
        assertTrue(diff.changed().stream().noneMatch(c -> !Replacements.knows(c.resource().type())
                && !c.resource().type().startsWith("pulumi:")), "every changed type is in the table:\n" + text);
    }

    @Test
    void aDiffOfTwoDifferentStacksIsRefusedUnlessAsked(@TempDir Path tmp) {
        PlanJson.write(primary, tmp.resolve("primary.json"));
        PlanJson.write(secondary, tmp.resolve("secondary.json"));
        PlanCommandTest.Run refused = PlanCommandTest.run(OfflineRun.APP, "diff",
                tmp.resolve("primary.json").toString(), tmp.resolve("secondary.json").toString());
        assertEquals(PlanException.BAD_INPUT, refused.code());
        assertTrue(refused.err().contains("different stacks"), refused.err());
        assertTrue(refused.err().contains("--allow-different-stacks"), refused.err());
        assertEquals("", refused.out());
        PlanCommandTest.Run allowed = PlanCommandTest.run(OfflineRun.APP, "diff", "--allow-different-stacks",
                tmp.resolve("primary.json").toString(), tmp.resolve("secondary.json").toString());
        assertEquals(0, allowed.code(), allowed.err());
        assertNotNull(allowed.out());
    }
}
