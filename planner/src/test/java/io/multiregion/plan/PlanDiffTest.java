package io.multiregion.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(text.contains("~ aws:s3/bucketV2:BucketV2  kept  [eu-west-1]  update\n"), text);
        assertTrue(text.contains("    acl: (none) → \"private\"  [in place]"), text);
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

    private static Plan.PlannedResource resource(String type, String name, Map<String, Object> inputs,
                                                 Plan.Options options) {
        return new Plan.PlannedResource("urn:pulumi:s::p::" + type + "::" + name, type, name, null, true, false,
                "urn:provider", "eu-west-1", inputs, List.of(), options, Map.of());
    }

    @Test
    void inputsKnownToForceANewResourceAreFlaggedAndTheRestOfAKnownTypeUpdateInPlace() {
        Plan.Options protect = new Plan.Options(true, false, false, List.of(), List.of(), List.of(), List.of());
        Plan before = plan(Map.of(),
                resource("aws:kms/key:Key", "key", Map.of("customerMasterKeySpec", "SYMMETRIC_DEFAULT",
                        "description", "a"), protect),
                resource("aws:cloudtrail/trail:Trail", "trail", Map.of("name", "t1"), Plan.Options.NONE),
                resource("aws:ec2/vpc:Vpc", "vpc", Map.of("cidrBlock", "10.0.0.0/16"), Plan.Options.NONE));
        Plan after = plan(Map.of(),
                resource("aws:kms/key:Key", "key", Map.of("customerMasterKeySpec", "RSA_2048", "description", "b"),
                        protect),
                resource("aws:cloudtrail/trail:Trail", "trail", Map.of("name", "t2"), Plan.Options.NONE),
                resource("aws:ec2/vpc:Vpc", "vpc", Map.of("cidrBlock", "10.1.0.0/16"), Plan.Options.NONE));
        PlanDiff diff = PlanDiff.between(before, after);
        assertTrue(diff.changed().stream().allMatch(PlanDiff.Change::replaces), diff.render(false));
        String text = diff.render(false);
        assertTrue(text.contains("~ aws:kms/key:Key  key  [eu-west-1]  REPLACE (customerMasterKeySpec forces a new"
                + " resource, protected: the replacement fails until protect is turned off)"), text);
        assertTrue(text.contains("    customerMasterKeySpec: \"SYMMETRIC_DEFAULT\" → \"RSA_2048\"  [forces replacement]"), text);
        assertTrue(text.contains("    description: \"a\" → \"b\"  [in place]"), text);
        assertTrue(text.contains("    name: \"t1\" → \"t2\"  [forces replacement]"), text);
        assertTrue(text.contains("    cidrBlock: \"10.0.0.0/16\" → \"10.1.0.0/16\"  [forces replacement]"), text);
        assertEquals(Replacements.Effect.REPLACE, Replacements.of("aws:s3/bucketV2:BucketV2", "bucket", List.of()));
        assertEquals(Replacements.Effect.REPLACE, Replacements.of("aws:rds/cluster:Cluster", "storageEncrypted", List.of()));
        assertEquals(Replacements.Effect.REPLACE, Replacements.of("aws:lb/targetGroup:TargetGroup", "port", List.of()));
        assertEquals(Replacements.Effect.UPDATE, Replacements.of("aws:s3/bucketV2:BucketV2", "tags", List.of()));
        assertEquals(Replacements.Effect.UPDATE, Replacements.of("aws:autoscaling/group:Group", "maxSize", List.of()));
        assertEquals(Replacements.Effect.UPDATE, Replacements.of("aws:ec2/launchTemplate:LaunchTemplate",
                "instanceType", List.of()), "a new version of the template");
        assertEquals(Replacements.Effect.UPDATE, Replacements.of("aws:rds/clusterInstance:ClusterInstance",
                "instanceClass", List.of()));
        assertEquals(Replacements.Effect.UPDATE, Replacements.of("aws:codedeploy/application:Application", "name",
                List.of()), "UpdateApplication renames it");
        assertEquals(Replacements.Effect.UPDATE, Replacements.of("aws:wafv2/webAcl:WebAcl", "tags", List.of()),
                "tags of any AWS type");
        assertEquals(Replacements.Effect.MAY_REPLACE, Replacements.of("aws:wafv2/webAcl:WebAcl", "rules", List.of()),
                "a type the table does not know");
        assertEquals(Replacements.Effect.REPLACE, Replacements.of("aws:s3/bucketV2:BucketV2", "tags", List.of("tags")),
                "the resource's own replaceOnChanges");
    }

    @Test
    void policiesAreComparedStatementByStatement() {
        String before = """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectVersion"],"Resource":"arn:aws:s3:::b/*"},
                  {"Sid":"Gone","Effect":"Allow","Action":"kms:Decrypt","Resource":"*"},
                  {"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";
        String after = """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectTagging"],"Resource":["arn:aws:s3:::b/*"]},
                  {"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"},
                    "StringEquals":{"aws:SourceAccount":"${account}"}}},
                  {"Sid":"New","Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:eu-west-1:1:q"}]}""";
        List<String> lines = PlanDiff.details(before, after);
        assertTrue(lines.contains("~ statement \"Read\":"), lines.toString());
        assertTrue(lines.contains("    Action: + s3:GetObjectTagging; - s3:GetObjectVersion"), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("    Resource")), "a string and a one-element list are equal: "
                + lines);
        assertTrue(lines.contains("- statement \"Gone\": {\"Sid\":\"Gone\",\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\","
                + "\"Resource\":\"*\"}"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("+ statement \"New\"")), lines.toString());
        assertTrue(lines.contains("~ statement [Deny s3:*]:"), "a statement without Sid is matched by what it does: " + lines);
        assertTrue(lines.contains("    Condition StringEquals.aws:SourceAccount: + ${account}"), lines.toString());
    }

    @Test
    void optionChangesAreReported() {
        Plan.Options before = new Plan.Options(true, false, false, List.of(), List.of(), List.of(), List.of());
        Plan.Options after = new Plan.Options(false, true, false, List.of("tags"), List.of(), List.of(),
                List.of("urn:old"));
        PlanDiff diff = PlanDiff.between(plan(Map.of(), resource("aws:s3/bucketV2:BucketV2", "b", Map.of(), before)),
                plan(Map.of(), resource("aws:s3/bucketV2:BucketV2", "b", Map.of(), after)));
        String text = diff.render(false);
        assertTrue(text.contains("update (options only)"), text);
        assertTrue(text.contains("(option) protect: true → false"), text);
        assertTrue(text.contains("(option) retainOnDelete: false → true"), text);
        assertTrue(text.contains("(option) ignoreChanges: [] → [\"tags\"]"), text);
        assertTrue(text.contains("(option) aliases: [] → [\"urn:old\"]"), text);
    }

    /** A resource with references: for each input, the placeholders it embeds. */
    private static Plan.PlannedResource referring(String type, String name, Map<String, Object> inputs,
                                                  Map<String, List<String>> references, Plan.Options options) {
        return new Plan.PlannedResource("urn:pulumi:s::p::" + type + "::" + name, type, name, null, true, false,
                "urn:provider", "eu-west-1", inputs, List.of(), options, references);
    }

    private static Plan.Reference ref(String type, String name, String output) {
        return new Plan.Reference("s", "urn:pulumi:s::p::" + type + "::" + name, type, name, output);
    }

    private static Plan network(String cidr, Plan.Options groupOptions) {
        String vpc = "aws:ec2/vpc:Vpc";
        String subnet = "aws:ec2/subnet:Subnet";
        List<Plan.PlannedResource> resources = List.of(
                referring(vpc, "vpc", Map.of("cidrBlock", cidr), Map.of(), Plan.Options.NONE),
                referring(subnet, "subnet", Map.of("cidrBlock", cidr.replace("/16", "/24"), "vpcId", "${vpc.id}"),
                        Map.of("vpcId", List.of("${vpc.id}")), Plan.Options.NONE),
                referring("aws:ec2/routeTableAssociation:RouteTableAssociation", "assoc",
                        Map.of("subnetId", "${subnet.id}", "routeTableId", "rtb"),
                        Map.of("subnetId", List.of("${subnet.id}")), Plan.Options.NONE),
                referring("aws:autoscaling/group:Group", "group",
                        Map.of("vpcZoneIdentifiers", List.of("${subnet.id}"), "maxSize", 12),
                        Map.of("vpcZoneIdentifiers", List.of("${subnet.id}")), groupOptions),
                referring("aws:ec2/securityGroup:SecurityGroup", "unrelated", Map.of("name", "x"), Map.of(),
                        Plan.Options.NONE));
        return new Plan("p", "s", resources, Map.of(), List.of(), List.of(), Map.of(
                "${vpc.id}", ref(vpc, "vpc", "id"), "${subnet.id}", ref(subnet, "subnet", "id")));
    }

    @Test
    void aReplacementCarriesToEveryResourceThatTakesAValueFromItAsPulumiPreviewShows() {
        PlanDiff diff = PlanDiff.between(network("10.10.0.0/16", Plan.Options.NONE),
                network("10.30.0.0/16", Plan.Options.NONE));
        Map<String, PlanDiff.Change> byName = new java.util.TreeMap<>();
        diff.changed().forEach(c -> byName.put(c.resource().name(), c));
        assertEquals(List.of("assoc", "group", "subnet", "vpc"), List.copyOf(byName.keySet()), diff.render(false));
        assertTrue(byName.get("vpc").replaces());
        assertTrue(byName.get("subnet").replaces(), "its own cidrBlock and its vpcId from the replaced VPC");
        assertTrue(byName.get("assoc").replaces(), "subnetId forces a new association: carried two levels");
        assertFalse(byName.get("group").replaces(), "an Auto Scaling group takes new subnets in place");
        String text = diff.render(false);
        assertTrue(text.contains("0 to add, 4 to change (3 replaced), 0 to remove"), text);
        assertTrue(text.contains("~ aws:ec2/routeTableAssociation:RouteTableAssociation  assoc  [eu-west-1]  REPLACE"
                + " (replaced because `subnet` is replaced)"), text);
        assertTrue(text.contains("    subnetId: a new value, because `subnet` is replaced  [forces replacement]"), text);
        assertTrue(text.contains("~ aws:ec2/subnet:Subnet  subnet  [eu-west-1]  REPLACE (cidrBlock forces a new"
                + " resource, replaced because `vpc` is replaced)"), text);
        assertTrue(text.contains("~ aws:autoscaling/group:Group  group  [eu-west-1]  update because `subnet` is"
                + " replaced"), text);
        assertTrue(text.contains("    vpcZoneIdentifiers: a new value, because `subnet` is replaced  [in place]"), text);
    }

    @Test
    void ignoredChangesAreShownApartAndDoNotCountAsChanges() {
        Plan.Options ignoreDesired = new Plan.Options(false, false, false, List.of("desiredCapacity", "tags.Owner"),
                List.of(), List.of(), List.of());
        Plan before = plan(Map.of(),
                resource("aws:autoscaling/group:Group", "only-ignored", Map.of("desiredCapacity", 2,
                        "tags", Map.of("Owner", "a", "Team", "x")), ignoreDesired),
                resource("aws:autoscaling/group:Group", "both", Map.of("desiredCapacity", 2, "maxSize", 6),
                        ignoreDesired),
                resource("aws:autoscaling/group:Group", "nested", Map.of("tags", Map.of("Owner", "a", "Team", "x")),
                        ignoreDesired));
        Plan after = plan(Map.of(),
                resource("aws:autoscaling/group:Group", "only-ignored", Map.of("desiredCapacity", 4,
                        "tags", Map.of("Owner", "b", "Team", "x")), ignoreDesired),
                resource("aws:autoscaling/group:Group", "both", Map.of("desiredCapacity", 4, "maxSize", 12),
                        ignoreDesired),
                resource("aws:autoscaling/group:Group", "nested", Map.of("tags", Map.of("Owner", "a", "Team", "y")),
                        ignoreDesired));
        PlanDiff diff = PlanDiff.between(before, after);
        assertEquals(List.of("both", "nested"), diff.changed().stream().map(c -> c.resource().name()).toList());
        assertEquals(List.of("only-ignored"), diff.ignored().stream().map(c -> c.resource().name()).toList());
        String text = diff.render(false);
        assertTrue(text.contains("0 to add, 2 to change, 0 to remove; 1 ignored (ignoreChanges)"), text);
        assertTrue(text.contains("~ aws:autoscaling/group:Group  both  [eu-west-1]  update\n"
                + "    maxSize: 6 → 12  [in place]\n"
                + "    desiredCapacity: 2 → 4  [ignored (ignoreChanges): no change on `pulumi up`]\n"), text);
        assertTrue(text.contains("  ignored (ignoreChanges): no change on `pulumi up`\n"
                + "  = aws:autoscaling/group:Group  only-ignored  [eu-west-1]\n"), text);
        assertTrue(text.contains("    tags: Team: \"x\" → \"y\"  [in place]") || text.contains("Team: \"x\" → \"y\""),
                "a path outside the ignored one is a change: " + text);

        PlanDiff onlyIgnored = PlanDiff.between(
                plan(Map.of(), resource("aws:autoscaling/group:Group", "g", Map.of("desiredCapacity", 2), ignoreDesired)),
                plan(Map.of(), resource("aws:autoscaling/group:Group", "g", Map.of("desiredCapacity", 3), ignoreDesired)));
        assertTrue(onlyIgnored.isEmpty(), "--exit-code treats it as no change");
        assertTrue(onlyIgnored.render(true).contains("# ignored (ignoreChanges): no change on `pulumi up`"),
                onlyIgnored.render(true));
    }

    @Test
    void aMarkdownDiffLongerThanACommentIsCutWithANote() {
        String line = "! aws:s3/bucketV2:BucketV2  b  [eu-west-1]  update\n";
        String longDiff = "## Offline plan diff\n\n```diff\n" + line.repeat(2000) + "```\n";
        String fitted = PlanCommand.Diff.fitComment(longDiff);
        assertTrue(fitted.length() < 65_536, "GitHub's comment limit");
        assertTrue(fitted.contains("more characters are in the plan files"), fitted.substring(fitted.length() - 200));
        assertEquals(0, (fitted.split("```", -1).length - 1) % 2, "code fences stay balanced");
        assertEquals("short", PlanCommand.Diff.fitComment("short"));
    }
}
