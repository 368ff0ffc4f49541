package io.multiregion.recovery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.multiregion.regions.ProviderSettings;
import io.multiregion.config.Sizing;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.stacks.StackContract;
import io.multiregion.testing.AuthorizationData;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StandardRuns;
import io.multiregion.testing.Template;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the secondary owns for a failover, and only the secondary: the recovery runbook and its role, the failover
 * switch, the cross-region dashboard; and that the next {@code pulumi up} after a runbook run keeps what it changed.
 */
class RecoveryTest {

    private static final String DOCUMENT = "aws:ssm/document:Document";
    private static final String HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
    private static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

    /**
     * The actions each runbook step needs: an aws:executeAwsApi step by its service and API, an aws:executeScript
     * step by the boto3 calls its script makes.
     */
    private static final Map<String, String> API_ACTIONS = Map.of(
            "rds FailoverGlobalCluster", "rds:FailoverGlobalCluster",
            "rds SwitchoverGlobalCluster", "rds:SwitchoverGlobalCluster",
            "autoscaling UpdateAutoScalingGroup", "autoscaling:UpdateAutoScalingGroup",
            "cloudwatch PutMetricData", "cloudwatch:PutMetricData",
            "sns Publish", "sns:Publish");
    private static final Map<String, String> SCRIPT_ACTIONS = Map.of(
            "describe_global_clusters", "rds:DescribeGlobalClusters",
            "describe_auto_scaling_groups", "autoscaling:DescribeAutoScalingGroups",
            "describe_alarms", "cloudwatch:DescribeAlarms");
    private static final Pattern BOTO3_CALL = Pattern.compile("\\.([a-z_]+)\\(");

    private static ProgramRun secondary() {
        return StandardRuns.get("secondary/cloudtrail");
    }

    private static JsonObject document(ProgramRun run) {
        return JsonParser.parseString(run.one(DOCUMENT).text("content")).getAsJsonObject();
    }

    @ParameterizedTest(name = "{0}: the runbook, the switch and the dashboard are the secondary's, in region B")
    @ValueSource(strings = {"primary", "secondary/cloudtrail", "secondary/eventbridge", "primary/native", "secondary/native",
            "primary/domain", "secondary/domain"})
    void onlyTheSecondary(String name) {
        ProgramRun run = StandardRuns.get(name);
        boolean secondary = name.startsWith("secondary");
        // the switch's health check exists where Route 53 failover records can read it (DNS failover, a domain)
        boolean switchCheck = secondary && name.contains("domain");
        Template t = Template.of(run);
        t.resourceCountIs(DOCUMENT, secondary ? 1 : 0);
        t.resourceCountIs(DASHBOARD, secondary ? 1 : 0);
        List<Registered> switches = run.where(r -> r.type().equals(HEALTH_CHECK)
                && "CLOUDWATCH_METRIC".equals(r.text("type")));
        assertEquals(switchCheck ? 1 : 0, switches.size());
        if (secondary) {
            t.resourceCountIs(DOCUMENT, "eu-central-1", 1);
            t.resourceCountIs(DASHBOARD, "eu-central-1", 1);
            // Route 53 is a global service: its health check goes through the global provider (us-east-1)
            switches.forEach(c -> assertEquals("us-east-1", c.providerRegion()));
            assertTrue(run.ofType("pulumi:providers:aws").stream().noneMatch(p -> "eu-west-1".equals(p.text("region"))),
                    "the secondary never has region A's provider");
        }
    }

    @Test
    @DisplayName("the runbook: schema 0.3, a dry run by default, failover with data loss or switchover by mode")
    void runbookSteps() {
        JsonObject doc = document(secondary());
        assertEquals("0.3", doc.get("schemaVersion").getAsString());
        assertEquals("{{ AutomationAssumeRole }}", doc.get("assumeRole").getAsString());
        JsonObject parameters = doc.getAsJsonObject("parameters");
        assertEquals("true", parameters.getAsJsonObject("DryRun").get("default").getAsString());
        assertEquals(List.of("Outage", "Switchover"), strings(parameters.getAsJsonObject("Mode").get("allowedValues")));
        assertFalse(parameters.getAsJsonObject("Mode").has("default"), "the mode is always chosen");
        // the primary's capacity (3 m7i.large) in B's instances (m7i.large)
        assertEquals(3, parameters.getAsJsonObject("MinSize").get("default").getAsInt());
        assertEquals(3, parameters.getAsJsonObject("DesiredCapacity").get("default").getAsInt());
        assertTrue(parameters.getAsJsonObject("TargetCluster").get("default").getAsString()
                .startsWith("arn:aws:rds:eu-central-1:123456789012:cluster:"));

        Map<String, JsonObject> steps = new LinkedHashMap<>();
        doc.getAsJsonArray("mainSteps").forEach(s -> steps.put(s.getAsJsonObject().get("name").getAsString(),
                s.getAsJsonObject()));
        List<String> order = List.copyOf(steps.keySet());
        assertEquals("Plan", order.get(0), "the plan comes first, in dry runs too");
        assertTrue(order.indexOf("ReportPlan") < order.indexOf("StopIfDryRun"));
        JsonObject failover = steps.get("FailoverDatabase").getAsJsonObject("inputs");
        assertEquals("FailoverGlobalCluster", failover.get("Api").getAsString());
        assertTrue(failover.get("AllowDataLoss").getAsBoolean());
        assertEquals("SwitchoverGlobalCluster", steps.get("SwitchoverDatabase").getAsJsonObject("inputs").get("Api")
                .getAsString());
        assertFalse(steps.get("SwitchoverDatabase").getAsJsonObject("inputs").has("AllowDataLoss"));
        assertEquals("UpdateAutoScalingGroup", steps.get("ScaleGroup").getAsJsonObject("inputs").get("Api").getAsString());
        JsonObject flip = steps.get("MoveTraffic").getAsJsonObject("inputs");
        assertEquals("PutMetricData", flip.get("Api").getAsString());
        assertEquals("multiregion/secondary", flip.get("Namespace").getAsString());
        // each acting step is reported
        for (String report : List.of("ReportPlan", "ReportDatabase", "ReportScale", "ReportTraffic")) {
            assertEquals("Publish", steps.get(report).getAsJsonObject("inputs").get("Api").getAsString(), report);
        }
        // the dry run ends before the first change
        JsonObject stop = steps.get("StopIfDryRun").getAsJsonObject("inputs");
        assertEquals("DryRunDone", stop.get("Default").getAsString());
        assertTrue(steps.get("DryRunDone").get("isEnd").getAsBoolean());
    }

    @Test
    @DisplayName("the runbook's role can do exactly its steps, each on the resource types the action accepts")
    void runbookRoleIsExactlyItsSteps() {
        ProgramRun run = secondary();
        JsonObject doc = document(run);
        Set<String> needed = new LinkedHashSet<>();
        for (JsonElement e : doc.getAsJsonArray("mainSteps")) {
            JsonObject step = e.getAsJsonObject();
            JsonObject inputs = step.getAsJsonObject("inputs");
            switch (step.get("action").getAsString()) {
                case "aws:executeAwsApi" -> {
                    String key = inputs.get("Service").getAsString() + " " + inputs.get("Api").getAsString();
                    assertTrue(API_ACTIONS.containsKey(key), "unexpected API " + key);
                    needed.add(API_ACTIONS.get(key));
                    if (key.equals("sns Publish")) {
                        // publishing to a KMS-encrypted topic
                        needed.add("kms:GenerateDataKey*");
                        needed.add("kms:Decrypt");
                    }
                }
                case "aws:executeScript" -> {
                    Matcher m = BOTO3_CALL.matcher(inputs.get("Script").getAsString());
                    while (m.find()) {
                        if (SCRIPT_ACTIONS.containsKey(m.group(1))) {
                            needed.add(SCRIPT_ACTIONS.get(m.group(1)));
                        } else {
                            assertTrue(Set.of("client", "get", "join", "time", "sleep", "handler").contains(m.group(1)),
                                    "a script calls " + m.group(1));
                        }
                    }
                }
                case "aws:branch", "aws:sleep" -> {
                }
                default -> throw new AssertionError("unexpected step action " + step.get("action"));
            }
        }
        Registered rolePolicy = run.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().endsWith("-recovery-automation")).get(0);
        PolicyView policy = PolicyView.parse(rolePolicy.text("policy"));
        assertEquals(new TreeSet<>(needed), new TreeSet<>(policy.allActions()),
                "the role grants exactly what the steps call");
        List<String> faults = new ArrayList<>();
        for (PolicyView.StatementView s : policy.statements()) {
            for (String action : s.actions()) {
                for (String one : AuthorizationData.expand(action)) {
                    var rule = AuthorizationData.rule(one).orElseThrow();
                    for (String resource : s.resources()) {
                        if (rule.acceptsOnlyStar() ? !resource.equals("*") : !rule.accepts(resource)) {
                            faults.add(one + " on " + resource);
                        }
                        // every resource is in B (or global: the global cluster)
                        assertFalse(resource.contains(":eu-west-1:"), one + " reaches into region A: " + resource);
                    }
                }
            }
        }
        assertEquals(List.of(), faults);
        assertEquals(List.of("multiregion/secondary"), policy.sid("FlipSwitch").condition("StringEquals",
                "cloudwatch:namespace"));
        Registered role = run.where(r -> r.type().equals("aws:iam/role:Role")
                && r.name().endsWith("-recovery-automation")).get(0);
        PolicyView trust = PolicyView.parse(role.text("assumeRolePolicy"));
        assertEquals(List.of("ssm.amazonaws.com"), trust.statements().get(0).principals().get("Service"));
        assertEquals(List.of("arn:aws:ssm:eu-central-1:123456789012:automation-execution/*"),
                trust.statements().get(0).condition("ArnLike", "aws:SourceArn"));
        assertTrue(run.one(DOCUMENT).dependsOn(rolePolicy), "the runbook is usable once its role may do its steps");
    }

    @Test
    @DisplayName("the failover switch: a metric and alarm in B, a CLOUDWATCH_METRIC health check on it, exported")
    void failoverSwitch() {
        // where the front door has Route 53 failover records (a domain), the switch is a health check on its alarm
        ProgramRun run = StandardRuns.get("secondary/domain");
        List<Registered> checks = run.where(r -> r.type().equals(HEALTH_CHECK)
                && "CLOUDWATCH_METRIC".equals(r.text("type")));
        assertEquals(1, checks.size());
        Registered check = checks.get(0);
        assertEquals("CLOUDWATCH_METRIC", check.text("type"));
        assertEquals("eu-central-1", check.text("cloudwatchAlarmRegion"));
        assertEquals("Healthy", check.text("insufficientDataHealthStatus"), "off until the runbook turns it on");
        Registered alarm = Template.of(run).hasResourceProperties("aws:cloudwatch/metricAlarm:MetricAlarm", Map.of(
                "name", check.text("cloudwatchAlarmName"), "namespace", "multiregion/secondary",
                "metricName", FailoverSwitch.METRIC, "treatMissingData", "ignore", "period", 60)).get(0);
        assertEquals("eu-central-1", alarm.providerRegion());
        // Route 53 supports standard statistics on standard-resolution metrics only (API Reference, AlarmIdentifier)
        assertTrue(Set.of("Average", "Minimum", "Maximum", "Sum", "SampleCount").contains(alarm.text("statistic")));
        assertTrue(check.dependsOn(alarm));
        assertEquals(check.name() + "-id", run.output(StackContract.Value.FAILOVER_SWITCH_HEALTH_CHECK.key()));
        // without failover records nothing in DNS could read it: the metric and alarm only, no health check
        ProgramRun withoutDomain = secondary();
        assertEquals(List.of(), withoutDomain.ofType(HEALTH_CHECK));
        assertEquals("", withoutDomain.output(StackContract.Value.FAILOVER_SWITCH_HEALTH_CHECK.key()));
        Template.of(withoutDomain).hasResourceProperties("aws:cloudwatch/metricAlarm:MetricAlarm", Map.of(
                "metricName", FailoverSwitch.METRIC));
    }

    @Test
    @DisplayName("the failover switch on its own: metric alarm through B's provider, health check through the global one")
    void failoverSwitchAlone() {
        ProgramRun run = ProgramRun.program("secondary", Map.of(), ctx -> {
            var providers = new ProviderRegistry(new ProviderRegistry.Args(
                    "multiregion", "secondary", "secondary", Set.of(new AwsRegion("ap-southeast-2")),
                    new ProviderSettings(Map.of(), Set.of())));
            var b = new AwsRegion("ap-southeast-2");
            new FailoverSwitch("switch", new FailoverSwitch.Args(b, "multiregion/secondary", "multiregion-secondary-switch",
                    Output.of("arn:aws:sns:ap-southeast-2:123456789012:ops"), Optional.of(providers.global())),
                    ComponentResourceOptions.builder().providers(providers.forRegion(b)).build());
        });
        assertFalse(run.failed(), run::errors);
        Template t = Template.of(run);
        t.resourceCountIs("aws:cloudwatch/metricAlarm:MetricAlarm", "ap-southeast-2", 1);
        t.resourceCountIs(HEALTH_CHECK, "us-east-1", 1);
        assertEquals(2, run.aws().size(), "the switch is an alarm and a health check, nothing else");
        assertEquals("ap-southeast-2", run.one(HEALTH_CHECK).text("cloudwatchAlarmRegion"));
    }

    @Test
    @DisplayName("the dashboard shows both regions side by side, each widget naming its region")
    void dashboard() {
        ProgramRun run = StandardRuns.get("secondary/domain");
        Registered dashboard = run.one(DASHBOARD);
        assertEquals("multiregion-secondary", dashboard.text("dashboardName"));
        JsonObject body = JsonParser.parseString(dashboard.text("dashboardBody")).getAsJsonObject();
        Set<String> regions = new TreeSet<>();
        Set<String> metrics = new TreeSet<>();
        for (JsonElement w : body.getAsJsonArray("widgets")) {
            JsonObject p = w.getAsJsonObject().getAsJsonObject("properties");
            assertTrue(p.has("region"), "a widget without its region: " + w);
            String region = p.get("region").getAsString();
            regions.add(region);
            assertTrue(p.get("title").getAsString().endsWith(region), "the title names the region: " + p.get("title"));
            p.getAsJsonArray("metrics").forEach(m -> metrics.add(region + " " + m.getAsJsonArray().get(1).getAsString()));
        }
        assertEquals(Set.of("eu-west-1", "eu-central-1", "us-east-1"), regions);
        for (String metric : List.of("eu-west-1 HTTPCode_ELB_5XX_Count", "eu-central-1 HTTPCode_ELB_5XX_Count",
                "eu-west-1 GroupInServiceInstances", "eu-central-1 GroupInServiceInstances",
                "eu-west-1 CPUUtilization", "eu-central-1 AuroraGlobalDBReplicationLag",
                "eu-west-1 OperationsFailedReplication", "eu-central-1 ReplicationLatency",
                "eu-west-1 TriggeredRules", "eu-central-1 TriggeredRules", "us-east-1 HealthCheckStatus",
                "eu-central-1 " + FailoverSwitch.METRIC)) {
            assertTrue(metrics.contains(metric), metric + " is not on the dashboard: " + metrics);
        }
        Object primaryMonitoring = StandardRuns.primaryOutputsOf("secondary/domain").get("monitoring");
        assertTrue(dashboard.text("dashboardBody").contains(((Map<?, ?>) primaryMonitoring).get("loadBalancer").toString()),
                "A's load balancer, read from the primary's outputs");
    }

    @Test
    @DisplayName("after a runbook run, pulumi up keeps B's raised minimum; A's group ignores its desired capacity only")
    void ignoreWhatTheRunbookChanges() {
        Registered b = secondary().one("aws:autoscaling/group:Group");
        assertEquals(Set.of("desiredCapacity", "minSize"), Set.copyOf(b.ignoreChanges()));
        Registered a = StandardRuns.get("primary").one("aws:autoscaling/group:Group");
        assertEquals(List.of("desiredCapacity"), a.ignoreChanges());
    }

    @ParameterizedTest(name = "primary {0}, standby {1} -> min {2}, desired {3}")
    @org.junit.jupiter.params.provider.CsvSource({
            "m7i.large,3,3,m7i.large,12,3,3",
            "m7i.xlarge,3,4,m7i.large,12,6,8",
            "m7i.large,3,5,m7i.xlarge,12,2,3",
            "m7i.large,4,4,m7i.large,3,3,3",
            "t3.micro,2,2,m7i.large,12,2,2"})
    void capacityInBsInstances(String primaryType, int min, int desired, String standbyType, int max,
                               int expectedMin, int expectedDesired) {
        var capacity = RecoveryCapacity.of(new Sizing(primaryType, min, desired, 12, 3,
                "db.r6g.large", 2), new Sizing(standbyType, 1, 1, max, 1, "db.r6g.large", 1));
        assertEquals(new RecoveryCapacity(expectedMin, expectedDesired), capacity);
    }

    private static List<String> strings(JsonElement array) {
        List<String> out = new ArrayList<>();
        array.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
