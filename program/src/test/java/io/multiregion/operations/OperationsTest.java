package io.multiregion.operations;

import java.util.regex.Pattern;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.multiregion.config.OperationsSettings;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.Samples;
import io.multiregion.offline.FakeCloudState;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import io.multiregion.testing.Template;
import io.multiregion.testing.Template.Match;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each region's alarms, topic, event routing and patching, as both stacks register them: alarms in their metric's
 * region notifying that region's encrypted topic, a composite alarm per region, the cross-region bus targets and
 * their roles, and a maintenance window per region.
 */
class OperationsTest {

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String TOPIC = "aws:sns/topic:Topic";
    private static final String RULE = "aws:cloudwatch/eventRule:EventRule";
    private static final String TARGET = "aws:cloudwatch/eventTarget:EventTarget";
    private static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    private static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
    /** The namespaces of the global services' metrics, published in us-east-1 only. */
    private static final Set<String> GLOBAL_NAMESPACES = Set.of("AWS/Route53", "AWS/CloudFront");
    private static final String GLOBAL_TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:multiregion-secondary-global-operations";

    static Stream<String> runs() {
        return StandardRuns.ALL.stream();
    }

    /** The region a standard run's own resources live in. */
    private static String home(String run) {
        return (String) StandardRuns.get(run).output(run.startsWith("primary") ? Value.PRIMARY_REGION.key()
                : Value.SECONDARY_REGION.key());
    }

    /** The partition of a standard run's regions. */
    private static String partition(String run) {
        return new AwsRegion(home(run)).partition();
    }

    private static String other(String run) {
        return (String) StandardRuns.get(run).output(run.startsWith("primary") ? Value.SECONDARY_REGION.key()
                : Value.PRIMARY_REGION.key());
    }

    @ParameterizedTest(name = "{0}: every alarm is in its metric's region and notifies that region's topic")
    @MethodSource("runs")
    void alarmsInTheirMetricsRegion(String name) {
        ProgramRun run = StandardRuns.get(name);
        Template t = Template.of(run);
        t.resourceCountIs(TOPIC, home(name), 1);
        String topicArn = "arn:" + partition(name) + ":sns:" + home(name) + ":123456789012:multiregion-" + stack(name) + "-operations";
        t.hasResourceProperties(TOPIC, Map.of("name", "multiregion-" + stack(name) + "-operations"));
        // the global services' alarms (Route 53, CloudFront) are in us-east-1: globalMetricsAlarmedInTheGlobalRegion
        List<Registered> alarms = run.ofType(ALARM).stream()
                .filter(a -> !a.text("name").endsWith("failover-switch") && !GLOBAL_NAMESPACES.contains(a.text("namespace")))
                .toList();
        assertTrue(alarms.size() >= 7, "alarms: " + alarms.size());
        for (Registered alarm : alarms) {
            assertEquals(home(name), alarm.providerRegion(), alarm.name() + " is not in its metric's region");
            assertEquals(List.of(topicArn), alarm.at("alarmActions"), alarm.name());
            assertTrue(alarm.text("name").startsWith("multiregion-" + stack(name) + "-" + home(name) + "-"),
                    alarm.text("name"));
        }
        Set<String> metrics = alarms.stream().map(a -> a.text("metricName")).collect(Collectors.toSet());
        assertTrue(metrics.containsAll(Set.of("HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count",
                "UnHealthyHostCount", "GroupInServiceInstances", "CPUUtilization", "FreeableMemory", "TriggeredRules")),
                metrics.toString());
        boolean b = !name.startsWith("primary");
        // the global replication lag is published by the secondary cluster only; the RPO lag by Aurora PostgreSQL
        assertEquals(b, metrics.contains("AuroraGlobalDBReplicationLag"));
        assertEquals(b, metrics.contains("AuroraGlobalDBRPOLag"));
        // S3 publishes ReplicationLatency in the destination bucket's region and OperationsFailedReplication in the
        // source bucket's (S3 User Guide, "Using S3 Replication metrics"); native delivery has no replication
        boolean replicates = !name.endsWith("native");
        assertEquals(replicates && b, metrics.contains("ReplicationLatency"));
        assertEquals(replicates && !b, metrics.contains("OperationsFailedReplication"));
    }

    @Test
    @DisplayName("release replication alarms carry the rule's three dimensions, in the metric's region")
    void replicationAlarmDimensions() {
        Map<String, Object> dimensions = Map.of("SourceBucket", Match.anyValue(), "DestinationBucket",
                Match.anyValue(), "RuleId", "to-eu-central-1");
        Template.of(StandardRuns.get("primary")).hasResourceProperties(ALARM, Map.of(
                "metricName", "OperationsFailedReplication", "namespace", "AWS/S3", "dimensions", dimensions));
        Registered latency = Template.of(StandardRuns.get("secondary/cloudtrail")).hasResourceProperties(ALARM, Map.of(
                "metricName", "ReplicationLatency", "namespace", "AWS/S3", "threshold", 900,
                "treatMissingData", "notBreaching",
                "dimensions", Map.of("SourceBucket", Samples.SOURCE_BUCKET,
                        "DestinationBucket", Samples.REPLICA_BUCKET, "RuleId", "to-eu-central-1")))
                .get(0);
        assertEquals("eu-central-1", latency.providerRegion());
    }

    @ParameterizedTest(name = "missing data: {0} is {1}")
    @CsvSource({"HTTPCode_ELB_5XX_Count,notBreaching", "UnHealthyHostCount,notBreaching",
            "GroupInServiceInstances,breaching", "CPUUtilization,missing", "AuroraGlobalDBReplicationLag,notBreaching",
            "TriggeredRules,notBreaching"})
    void missingDataAsTheMetricNeeds(String metric, String treatment) {
        Template.of(StandardRuns.get("secondary/cloudtrail")).allResourcesProperties(ALARM, Map.of()).hasResourceProperties(
                ALARM, Map.of("metricName", metric, "treatMissingData", treatment));
    }

    @ParameterizedTest(name = "{0}: the topic is encrypted with a customer managed key that admits CloudWatch and EventBridge")
    @MethodSource("runs")
    void topicKeyAdmitsCloudWatch(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered topic = run.inRegion(TOPIC, home(name)).get(0);
        String topicArn = "arn:" + partition(name) + ":sns:" + home(name) + ":123456789012:" + topic.text("name");
        String keyArn = topic.text("kmsMasterKeyId");
        assertTrue(keyArn.startsWith("arn:" + partition(name) + ":kms:" + home(name) + ":123456789012:key/"),
                "a customer managed key of the topic's region, not alias/aws/sns: " + keyArn);
        String keyId = keyArn.substring(keyArn.lastIndexOf('/') + 1);
        Registered keyPolicy = run.where(r -> r.type().equals("aws:kms/keyPolicy:KeyPolicy")
                && keyId.equals(r.text("keyId"))).get(0);
        PolicyView policy = PolicyView.parse(keyPolicy.text("policy"));
        for (String service : List.of("cloudwatch.amazonaws.com", "events.amazonaws.com")) {
            PolicyView.StatementView s = policy.statements().stream()
                    .filter(x -> x.principals().getOrDefault("Service", List.of()).contains(service)).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " is not admitted by the topic's key"));
            assertEquals(Set.of("kms:Decrypt", "kms:GenerateDataKey*"), Set.copyOf(s.actions()));
            if (service.startsWith("cloudwatch")) {
                assertEquals(List.of("123456789012"), s.condition("StringEquals", "aws:SourceAccount"));
                assertEquals(List.of("arn:" + partition(name) + ":cloudwatch:" + home(name) + ":123456789012:alarm:*"),
                        s.condition("ArnLike", "aws:SourceArn"));
            } else {
                // SNS does not support aws:SourceAccount/aws:SourceArn in a key policy for EventBridge delivery
                // (delivery fails with them): the topic's encryption context scopes it instead
                assertTrue(s.conditions().values().stream().noneMatch(c -> c.keySet().stream()
                        .anyMatch(k -> k.startsWith("aws:Source"))), s.conditions().toString());
                assertEquals(List.of(topicArn), s.condition("StringEquals", "kms:EncryptionContext:aws:sns:topicArn"));
            }
        }
        // the topic waits for the key policy: a separate policy starts as the default one
        assertTrue(topic.dependsOn(keyPolicy));
        Registered topicPolicy = run.inRegion("aws:sns/topicPolicy:TopicPolicy", home(name)).get(0);
        PolicyView tp = PolicyView.parse(topicPolicy.text("policy"));
        assertEquals(List.of("cloudwatch.amazonaws.com"), tp.sid("CloudWatchAlarmsPublish").principals().get("Service"));
        assertEquals(List.of("false"), tp.sid("DenyPublishWithoutTls").condition("Bool", "aws:SecureTransport"));
    }

    @ParameterizedTest(name = "{0}: Route 53's metrics are alarmed in us-east-1, through the global provider, to a topic there")
    @MethodSource("runs")
    void globalMetricsAlarmedInTheGlobalRegion(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Registered> route53 = run.where(r -> r.type().equals(ALARM) && "AWS/Route53".equals(r.text("namespace")));
        if (name.startsWith("primary")) {
            assertEquals(List.of(), route53, "the front door's alarms belong to the secondary");
            return;
        }
        // one alarm on every Route 53 health check the stack registers (the failover switch and the front door's
        // endpoint checks, with DNS failover), none without them
        List<Registered> checks = run.ofType("aws:route53/healthCheck:HealthCheck").stream()
                .filter(c -> !"CALCULATED".equals(c.text("type"))).toList();
        assertEquals(checks.size(), route53.size());
        // the global topic exists for the health checks' alarms or the distribution's (frontDoorErrorRateAlarm)
        if (checks.isEmpty() && run.ofType(DISTRIBUTION).isEmpty()) {
            assertEquals(List.of(), run.inRegion(TOPIC, "us-east-1"));
            return;
        }
        for (Registered alarm : route53) {
            assertEquals("us-east-1", alarm.providerRegion());
            assertEquals("HealthCheckStatus", alarm.text("metricName"));
            assertTrue(checks.stream().anyMatch(c -> Map.of("HealthCheckId", c.name() + "-id").equals(alarm.at("dimensions"))),
                    alarm.name());
        }
        assertEquals(1, run.inRegion(TOPIC, "us-east-1").size());
        Registered globalTopic = run.inRegion(TOPIC, "us-east-1").get(0);
        assertEquals("multiregion-secondary-global-operations", globalTopic.text("name"));
        for (Registered alarm : route53) {
            assertEquals(List.of(GLOBAL_TOPIC_ARN), alarm.at("alarmActions"));
        }
        assertTrue(globalTopic.text("kmsMasterKeyId").startsWith("arn:aws:kms:us-east-1:"));
    }

    @ParameterizedTest(name = "{0}: the distribution's 5xx rate is alarmed once, in us-east-1, through the global provider")
    @MethodSource("runs")
    void frontDoorErrorRateAlarm(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Registered> cloudFront = run.where(r -> r.type().equals(ALARM) && "AWS/CloudFront".equals(r.text("namespace")));
        List<Registered> distributions = run.ofType(DISTRIBUTION);
        // CloudFront's additional metrics are paid per distribution: never turned on (a monitoring subscription)
        assertEquals(List.of(), run.ofType("aws:cloudfront/monitoringSubscription:MonitoringSubscription"));
        if (distributions.isEmpty()) {
            // the primary (the front door is the secondary's) and the front door without CloudFront
            assertEquals(List.of(), cloudFront, "no distribution, no CloudFront alarm");
            return;
        }
        Registered distribution = distributions.get(0);
        assertEquals(1, cloudFront.size(), "one alarm on the distribution");
        OperationsSettings defaults = OperationsSettings.defaults(true);
        assertFrontDoorAlarm(run, cloudFront.get(0), distribution, defaults.frontDoor5xxErrorRatePercent(),
                defaults.frontDoor5xxMinutes());
    }

    @Test
    @DisplayName("the distribution's alarm takes its threshold and its minutes from multiregion:operations")
    void frontDoorErrorRateFromConfig() {
        ProgramRun run = StandardRuns.get(StandardRuns.FRONT_DOOR_THRESHOLDS);
        Registered alarm = run.where(r -> r.type().equals(ALARM) && "AWS/CloudFront".equals(r.text("namespace"))).get(0);
        assertFrontDoorAlarm(run, alarm, run.one(DISTRIBUTION), StandardRuns.FRONT_DOOR_5XX_PERCENT,
                StandardRuns.FRONT_DOOR_5XX_MINUTES);
    }

    /** The distribution's 5xx-rate alarm: CloudFront's metric in us-east-1, to the global topic, at these values. */
    private static void assertFrontDoorAlarm(ProgramRun run, Registered alarm, Registered distribution, int percent,
                                             int minutes) {
        // CloudFront publishes in us-east-1 only: the alarm goes through the dedicated global provider
        assertEquals("us-east-1", alarm.providerRegion());
        assertEquals(ProviderRegistry.GLOBAL_PROVIDER, run.providerName(alarm));
        assertTrue(run.byUrn(alarm.parent()).map(p -> p.type().equals("multiregion:operations:GlobalAlarms"))
                .orElse(false), "a child of the global alarms");
        assertEquals("multiregion-secondary-global-front-door-5xx", alarm.text("name"));
        assertEquals("AWS/CloudFront", alarm.text("namespace"));
        assertEquals("5xxErrorRate", alarm.text("metricName"));
        // DistributionId and Region, whose value is always Global (CloudFront Developer Guide, "Types of metrics for
        // CloudFront")
        assertEquals(Map.of("DistributionId", distribution.name() + "-id", "Region", "Global"), alarm.at("dimensions"));
        assertTrue(alarm.dependsOn(distribution), "the alarm waits for the distribution's id");
        // a rate: Average is its only valid statistic, over one-minute periods, several in a row
        assertEquals("Average", alarm.text("statistic"));
        assertEquals(60, ((Number) alarm.at("period")).intValue());
        assertEquals(minutes, ((Number) alarm.at("evaluationPeriods")).intValue());
        assertEquals(minutes, ((Number) alarm.at("datapointsToAlarm")).intValue());
        assertEquals(percent, ((Number) alarm.at("threshold")).doubleValue());
        assertEquals("GreaterThanOrEqualToThreshold", alarm.text("comparisonOperator"));
        // no requests, no datapoints: a quiet front door is not failing
        assertEquals("notBreaching", alarm.text("treatMissingData"));
        assertEquals(List.of(GLOBAL_TOPIC_ARN), alarm.at("alarmActions"));
        assertEquals(List.of(GLOBAL_TOPIC_ARN), alarm.at("okActions"));
        assertEquals(List.of(GLOBAL_TOPIC_ARN), run.inRegion(TOPIC, "us-east-1").stream()
                .map(t -> "arn:aws:sns:us-east-1:123456789012:" + t.text("name")).toList());
    }

    @ParameterizedTest(name = "{0}: the dashboard shows CloudFront's requests and 5xx rate from us-east-1 where there is a distribution")
    @MethodSource("runs")
    void frontDoorOnTheDashboard(String name) {
        ProgramRun run = StandardRuns.get(name);
        if (name.startsWith("primary")) {
            assertEquals(List.of(), run.ofType(DASHBOARD), "the dashboard is the secondary's");
            return;
        }
        JsonObject body = JsonParser.parseString(run.one(DASHBOARD).text("dashboardBody")).getAsJsonObject();
        List<JsonObject> widgets = new ArrayList<>();
        body.getAsJsonArray("widgets").forEach(w -> widgets.add(w.getAsJsonObject().getAsJsonObject("properties")));
        List<JsonObject> cloudFront = widgets.stream().filter(p -> p.toString().contains("AWS/CloudFront")).toList();
        List<Registered> distributions = run.ofType(DISTRIBUTION);
        if (distributions.isEmpty()) {
            assertEquals(List.of(), cloudFront);
            return;
        }
        assertEquals(1, cloudFront.size());
        JsonObject widget = cloudFront.get(0);
        assertEquals("us-east-1", widget.get("region").getAsString());
        Set<String> metrics = new TreeSet<>();
        for (JsonElement m : widget.getAsJsonArray("metrics")) {
            JsonArray line = m.getAsJsonArray();
            assertEquals(List.of("AWS/CloudFront", "DistributionId", distributions.get(0).name() + "-id", "Region",
                    "Global"), List.of(line.get(0).getAsString(), line.get(2).getAsString(), line.get(3).getAsString(),
                    line.get(4).getAsString(), line.get(5).getAsString()));
            JsonObject options = line.get(line.size() - 1).getAsJsonObject();
            // each metric names its region itself, whatever the widget's
            assertEquals("us-east-1", options.get("region").getAsString(), line.toString());
            metrics.add(line.get(1).getAsString() + " " + options.get("stat").getAsString());
        }
        assertEquals(Set.of("Requests Sum", "5xxErrorRate Average"), metrics);
    }

    @Test
    @DisplayName("no e-mail address configured: no subscription")
    void noSubscriptionByDefault() {
        Template.of(StandardRuns.get("primary")).resourceCountIs("aws:sns/topicSubscription:TopicSubscription", 0);
    }

    @ParameterizedTest(name = "{0}: one composite alarm reads 'this region is failing' from alarms of its own region")
    @MethodSource("runs")
    void compositePerRegion(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered composite = run.one("aws:cloudwatch/compositeAlarm:CompositeAlarm");
        assertEquals(home(name), composite.providerRegion());
        assertEquals("multiregion-" + stack(name) + "-" + home(name) + "-failing", composite.text("alarmName"));
        Set<String> regional = run.inRegion(ALARM, home(name)).stream().map(a -> a.text("name")).collect(Collectors.toSet());
        List<String> named = Pattern.compile("ALARM\\(\"([^\"]+)\"\\)").matcher(composite.text("alarmRule"))
                .results().map(m -> m.group(1)).toList();
        assertEquals(6, named.size(), composite.text("alarmRule"));
        assertTrue(regional.containsAll(named), "a composite alarm combines alarms of its own region: " + named);
        run.inRegion(ALARM, home(name)).stream().filter(a -> named.contains(a.text("name")))
                .forEach(a -> assertTrue(composite.dependsOn(a), "the composite waits for " + a.text("name")));
        assertEquals(1, ((List<?>) composite.at("alarmActions")).size());
    }

    @ParameterizedTest(name = "{0}: forwarding rules target the other region's default bus through a role that may only put events there")
    @MethodSource("runs")
    void crossRegionBusTarget(String name) {
        ProgramRun run = StandardRuns.get(name);
        String bus = "arn:" + partition(name) + ":events:" + other(name) + ":123456789012:event-bus/default";
        List<Registered> forwarding = run.where(r -> r.type().equals(TARGET) && bus.equals(r.text("arn")));
        if (!partition(name).equals("aws")) {
            // EventBridge routes events to another region's bus in the aws partition only (docs/operations.md)
            assertEquals(0, forwarding.size(), "no cross-region event routing in " + partition(name));
            return;
        }
        assertEquals(2, forwarding.size(), "operations and delivery are forwarded");
        for (Registered target : forwarding) {
            assertEquals(home(name), target.providerRegion(), "the rule lives in its own region, the bus in the other");
            String roleArn = target.text("roleArn");
            String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            Registered role = run.where(r -> r.type().equals("aws:iam/role:Role")
                    && roleName.equals(FakeCloudState.autoName(r.name()))).get(0);
            PolicyView trust = PolicyView.parse(role.text("assumeRolePolicy"));
            assertEquals(List.of("events.amazonaws.com"), trust.statements().get(0).principals().get("Service"));
            assertEquals(2, trust.statements().get(0).condition("StringEquals", "aws:SourceArn").size());
            Registered rolePolicy = run.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                    && role.name().equals(r.name())).get(0);
            PolicyView policy = PolicyView.parse(rolePolicy.text("policy"));
            assertEquals(List.of("events:PutEvents"), policy.allActions());
            assertEquals(List.of(bus), policy.allResources());
            assertTrue(target.dependsOn(rolePolicy), "the target waits for its role's policy");
        }
        // what arrives from the other region is told to this region's topic
        Registered incoming = run.where(r -> r.type().equals(RULE) && r.name().contains("-from-" + other(name))).get(0);
        assertEquals(home(name), incoming.providerRegion());
        assertTrue(incoming.text("eventPattern").contains("\"" + other(name) + "\""));
    }

    @ParameterizedTest(name = "{0}: the failed-delivery rule watches the deployments, and the pipeline where one exists")
    @MethodSource("runs")
    void deliveryFailureInEveryMode(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered rule = run.where(r -> r.type().equals(RULE) && r.name().contains("delivery-failed")).get(0);
        String pattern = rule.text("eventPattern");
        assertTrue(pattern.contains("aws.codedeploy") && pattern.contains("FAILURE"), pattern);
        // B has no pipeline of its own in native delivery (A's deploys there) nor in pipeline-free delivery
        boolean pipelineInRegion = !name.equals("secondary/native") && !name.equals("secondary/pipeline-free");
        assertEquals(pipelineInRegion, pattern.contains("aws.codepipeline"), pattern);
        assertTrue(run.where(r -> r.type().equals(TARGET) && r.name().contains("delivery-failed-topic")).size() == 1);
        Template.of(run).hasResourceProperties(ALARM, Map.of("namespace", "AWS/Events", "metricName", "TriggeredRules",
                "dimensions", Map.of("RuleName", FakeCloudState.autoName(rule.name()))));
    }

    @ParameterizedTest(name = "{0}: a maintenance window patches the group's instances by tag, with its own role")
    @MethodSource("runs")
    void patching(String name) {
        ProgramRun run = StandardRuns.get(name);
        Template t = Template.of(run);
        t.resourceCountIs("aws:ssm/maintenanceWindow:MaintenanceWindow", home(name), 1);
        t.hasResourceProperties("aws:ssm/maintenanceWindow:MaintenanceWindow", Map.of(
                "schedule", name.startsWith("primary") ? "cron(0 3 ? * SUN *)" : "cron(0 3 ? * SAT *)",
                "duration", 3, "cutoff", 1, "scheduleTimezone", "UTC"));
        Registered group = run.one("aws:autoscaling/group:Group");
        String groupName = FakeCloudState.autoName(group.name());
        t.hasResourceProperties("aws:ssm/maintenanceWindowTarget:MaintenanceWindowTarget", Map.of("resourceType",
                "INSTANCE", "targets", List.of(Map.of("key", "tag:aws:autoscaling:groupName", "values", List.of(groupName)))));
        Registered task = t.hasResourceProperties("aws:ssm/maintenanceWindowTask:MaintenanceWindowTask", Map.of(
                "taskType", "RUN_COMMAND", "taskArn", "AWS-RunPatchBaseline", "maxConcurrency", "1",
                "serviceRoleArn", Match.stringContaining(":role/"))).get(0);
        assertEquals(home(name), task.providerRegion());
        Registered rolePolicy = run.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().endsWith("-patching-task")).get(0);
        PolicyView policy = PolicyView.parse(rolePolicy.text("policy"));
        assertEquals(List.of("arn:" + partition(name) + ":ssm:" + home(name) + "::document/AWS-RunPatchBaseline",
                "arn:" + partition(name) + ":ec2:" + home(name) + ":123456789012:instance/*"), policy.sid("SendPatchCommand").resources());
        assertTrue(task.dependsOn(rolePolicy));
    }

    private static String stack(String run) {
        return run.startsWith("primary") ? "primary" : "secondary";
    }
}
