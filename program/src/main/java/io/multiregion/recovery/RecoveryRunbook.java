package io.multiregion.recovery;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.aws.ssm.Document;
import com.pulumi.aws.ssm.DocumentArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The recovery runbook as code: a Systems Manager Automation document in region B (schema 0.3) and the role it runs
 * with, which move the application to B while A may be down, calling only APIs of region B and data planes:
 * <ol>
 *   <li>{@code Plan}: reads the global database, the group and the failover switch, and says what the run will do
 *       (with {@code DryRun=true}, the default, that is all it does, after reporting the plan);</li>
 *   <li>the database: {@code rds:FailoverGlobalCluster} with {@code AllowDataLoss} for an outage
 *       ({@code Mode=Outage}), or {@code rds:SwitchoverGlobalCluster} for a planned move ({@code Mode=Switchover}),
 *       both to B's cluster and skipped when B's cluster is the writer already; then it waits for B's cluster to be
 *       the writer (Aurora User Guide, "Using switchover or failover in Amazon Aurora Global Database");</li>
 *   <li>the group: {@code autoscaling:UpdateAutoScalingGroup} to the primary's capacity (minimum and desired, in B's
 *       instance size), from the primary's sizing in the stack contract;</li>
 *   <li>traffic: {@code cloudwatch:PutMetricData} of 1 on the failover switch's metric ({@link FailoverSwitch});</li>
 *   <li>each step is reported to B's notification topic ({@code sns:Publish}).</li>
 * </ol>
 * Every API is called on region B's endpoints (the Automation runs in B); the switch moves users through Route 53's
 * data plane, not its control plane in {@code us-east-1}.
 *
 * <p>The role can do exactly these steps: each action on the resources it touches, of the resource types the action
 * accepts (Service Authorization Reference: Amazon RDS, Amazon EC2 Auto Scaling, Amazon CloudWatch, Amazon SNS,
 * AWS KMS), and only Systems Manager Automation in this account and region may assume it (Systems Manager User Guide,
 * "Create a service role for Automation": the {@code aws:SourceAccount} and {@code aws:SourceArn} conditions).
 */
public final class RecoveryRunbook extends ComponentResource {

    public static final String AUTOMATION = "ssm.amazonaws.com";
    /** aws:executeScript runtime (Systems Manager User Guide, "aws:executeScript – Run a script"). */
    public static final String RUNTIME = "python3.11";
    /** The two modes of the database step. */
    public static final List<String> MODES = List.of("Outage", "Switchover");

    /**
     * Built with {@link #builder()}.
     *
     * @param region         region B
     * @param documentName   the document's name (carries the project and stack; letters, digits, -, _ and .)
     * @param database       the global database and B's cluster, the new writer
     * @param group          B's group and its capacity after recovery
     * @param failoverSwitch the switch that moves users to B
     * @param reports        where each step is reported
     * @param account        the account
     */
    public record Args(AwsRegion region, String documentName, Database database, Group group, Switch failoverSwitch,
                       Reports reports, Output<String> account) {

        /** Named construction: every field must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}. */
        public static final class Builder {
            private AwsRegion region;
            private String documentName;
            private Database database;
            private Group group;
            private Switch failoverSwitch;
            private Reports reports;
            private Output<String> account;

            private Builder() {
            }

            /** Region B, in the account. */
            public Builder region(AwsRegion region, Output<String> account) {
                this.region = region;
                this.account = account;
                return this;
            }

            /** The document's name (carries the project and stack; letters, digits, -, _ and .). */
            public Builder documentName(String documentName) {
                this.documentName = documentName;
                return this;
            }

            /** The global database and B's cluster, the new writer. */
            public Builder database(Database database) {
                this.database = database;
                return this;
            }

            /** B's group and its capacity after recovery. */
            public Builder group(Group group) {
                this.group = group;
                return this;
            }

            /** The switch that moves users to B. */
            public Builder failoverSwitch(Switch failoverSwitch) {
                this.failoverSwitch = failoverSwitch;
                return this;
            }

            /** Where each step is reported. */
            public Builder reports(Reports reports) {
                this.reports = reports;
                return this;
            }

            /** The args; fails naming the first field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(region, "region is required"),
                        Objects.requireNonNull(documentName, "documentName is required"),
                        Objects.requireNonNull(database, "database is required"),
                        Objects.requireNonNull(group, "group is required"),
                        Objects.requireNonNull(failoverSwitch, "failoverSwitch is required"),
                        Objects.requireNonNull(reports, "reports are required"), account);
            }
        }
    }

    /** The global database ({@code globalCluster}, its ARN) and B's cluster ({@code targetClusterArn}). */
    public record Database(Output<String> globalCluster, Output<String> globalClusterArn,
                           Output<String> targetClusterArn) {
    }

    /**
     * B's group and its size after recovery: the primary's minimum and desired capacity, in B's instance size
     * ({@link RecoveryCapacity}).
     */
    public record Group(Output<String> name, Output<String> arn, Output<Integer> minSize,
                        Output<Integer> desiredCapacity) {
    }

    /** The failover switch's metric namespace and alarm ({@link FailoverSwitch}). */
    public record Switch(String namespace, String alarmName, Output<String> alarmArn) {
    }

    /** B's notification topic and its KMS key. */
    public record Reports(Output<String> topicArn, Output<String> topicKeyArn) {
    }

    /** The document's name, for {@code aws ssm start-automation-execution --document-name}. */
    @Export(name = "documentName", refs = {String.class}, tree = "[0]")
    public final Output<String> documentName;
    /** The role the document runs with. */
    public final Output<String> roleArn;

    public RecoveryRunbook(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:recovery:RecoveryRunbook", name, options);
        AwsRegion region = args.region();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        ServiceRole role = ServiceRole.create(name + "-automation", AUTOMATION,
                List.of(Statement.Condition.of("StringEquals", "aws:SourceAccount", args.account()),
                        Statement.Condition.of("ArnLike", "aws:SourceArn", args.account()
                                .applyValue(a -> automationExecutions(region, a)))),
                "Systems Manager Automation: the recovery runbook in " + region.code(),
                permissions(args), child);
        this.roleArn = role.arn();

        Output<String> content = Output.all(List.of(role.arn(), args.database().globalCluster(),
                args.database().targetClusterArn(), args.group().name(), args.group().minSize().applyValue(String::valueOf),
                args.group().desiredCapacity().applyValue(String::valueOf), args.reports().topicArn()))
                .applyValue(v -> content(new Defaults(v.get(0), v.get(1), v.get(2), v.get(3), Integer.parseInt(v.get(4)),
                        Integer.parseInt(v.get(5)), v.get(6)), args.failoverSwitch().namespace(),
                        args.failoverSwitch().alarmName()));
        Document document = new Document(name, DocumentArgs.builder()
                .name(args.documentName())
                .documentType("Automation")
                .documentFormat("JSON")
                .content(content)
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // the runbook is usable once its role may do its steps
                        .dependsOn(List.<Resource>of(role.policy())).build());
        this.documentName = document.name();
        registerOutputs(Map.of("documentName", documentName));
    }

    /** {@code arn:<partition>:ssm:<region>:<account>:automation-execution/*}. */
    public static String automationExecutions(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":ssm:" + region.code() + ":" + account + ":automation-execution/*";
    }

    /** The role's statements: exactly the runbook's steps. */
    static List<Statement> permissions(Args args) {
        Database db = args.database();
        return List.of(
                Statement.allow("ReadGlobalDatabase").actions(Actions.RDS_DESCRIBE_GLOBAL)
                        .resource(db.globalClusterArn()).build(),
                Statement.allow("PromoteClusterInB").actions(Actions.RDS_GLOBAL_FAILOVER)
                        .resource(db.globalClusterArn()).resource(db.targetClusterArn()).build(),
                // DescribeAutoScalingGroups accepts only "*" (Service Authorization Reference, Amazon EC2 Auto Scaling)
                Statement.allow("ReadGroups").actions(Actions.AUTOSCALING_DESCRIBE).resource("*").build(),
                Statement.allow("ScaleGroupInB").actions(Actions.AUTOSCALING_UPDATE)
                        .resource(args.group().arn()).build(),
                Statement.allow("ReadSwitch").actions(Actions.CLOUDWATCH_DESCRIBE_ALARMS)
                        .resource(args.failoverSwitch().alarmArn()).build(),
                // PutMetricData accepts only "*"; the namespace condition keeps it to the switch's metric
                Statement.allow("FlipSwitch").actions(Actions.CLOUDWATCH_PUT_METRIC).resource("*")
                        .condition("StringEquals", "cloudwatch:namespace", args.failoverSwitch().namespace()).build(),
                Statement.allow("ReportSteps").actions(Actions.SNS_PUBLISH).resource(args.reports().topicArn()).build(),
                // publishing to a KMS-encrypted topic needs the key (SNS Developer Guide, "Configuring AWS KMS
                // permissions")
                Statement.allow("EncryptReports").actions(Actions.KMS_FOR_SNS_PUBLISHERS)
                        .resource(args.reports().topicKeyArn()).build());
    }

    /** The values the document's parameters default to. */
    record Defaults(String role, String globalCluster, String targetCluster, String group, int minSize,
                    int desiredCapacity, String topic) {
    }

    private static final String PLAN = String.join("\n",
            "import boto3",
            "",
            "def handler(events, context):",
            "    g = boto3.client('rds').describe_global_clusters(",
            "        GlobalClusterIdentifier=events['GlobalCluster'])['GlobalClusters'][0]",
            "    writers = [m['DBClusterArn'] for m in g['GlobalClusterMembers'] if m['IsWriter']]",
            "    group = boto3.client('autoscaling').describe_auto_scaling_groups(",
            "        AutoScalingGroupNames=[events['Group']])['AutoScalingGroups'][0]",
            "    alarms = boto3.client('cloudwatch').describe_alarms(AlarmNames=[events['SwitchAlarm']])['MetricAlarms']",
            "    switch = alarms[0]['StateValue'] if alarms else 'missing'",
            "    done = events['TargetCluster'] in writers",
            "    api = ('FailoverGlobalCluster with AllowDataLoss: writes not yet replicated to B are lost'",
            "           if events['Mode'] == 'Outage' else 'SwitchoverGlobalCluster: no data loss, A must be healthy')",
            "    lines = ['mode ' + events['Mode'] + ', dry run ' + events['DryRun'],",
            "        '1. database ' + events['GlobalCluster'] + ': ' + ('B is the writer already, nothing to do' if done",
            "            else api + ', from ' + (writers[0] if writers else 'no writer') + ' to ' + events['TargetCluster']),",
            "        '2. group ' + events['Group'] + ': minimum ' + str(group['MinSize']) + ' -> ' + str(events['MinSize'])",
            "            + ', desired ' + str(group['DesiredCapacity']) + ' -> ' + str(events['DesiredCapacity']),",
            "        '3. traffic: publish ' + events['SwitchMetric'] + ' = 1; alarm ' + events['SwitchAlarm'] + ' is '",
            "            + switch + ' and turns ALARM, its Route 53 health check unhealthy, and users go to B']",
            "    return {'Summary': '\\n'.join(lines), 'WriterIsTarget': 'true' if done else 'false'}");

    private static final String WAIT = String.join("\n",
            "import time",
            "import boto3",
            "",
            "def handler(events, context):",
            "    rds = boto3.client('rds')",
            "    deadline = time.time() + 540",
            "    while time.time() < deadline:",
            "        g = rds.describe_global_clusters(GlobalClusterIdentifier=events['GlobalCluster'])['GlobalClusters'][0]",
            "        writers = [m['DBClusterArn'] for m in g['GlobalClusterMembers'] if m['IsWriter']]",
            "        if events['TargetCluster'] in writers and not g.get('FailoverState'):",
            "            return {'Writer': events['TargetCluster']}",
            "        time.sleep(20)",
            "    raise Exception('the global database has not made ' + events['TargetCluster'] + ' its writer yet')");

    /** The document, as JSON (Systems Manager User Guide, "Data elements and parameters" of schema 0.3). */
    static String content(Defaults d, String switchNamespace, String switchAlarm) {
        JsonObject doc = new JsonObject();
        doc.addProperty("schemaVersion", "0.3");
        doc.addProperty("description", "Moves the application to this region (B): promotes B's cluster of the global "
                + "database, scales B's group to the primary's capacity, and turns the failover switch that sends "
                + "users to B. Calls only APIs of this region. Run it with DryRun=false to act.");
        doc.addProperty("assumeRole", "{{ AutomationAssumeRole }}");
        JsonObject parameters = new JsonObject();
        parameters.add("Mode", parameter("String", "Outage: fail over with AllowDataLoss (A is down). Switchover: "
                + "planned move without data loss (A is healthy).", null, MODES));
        parameters.add("DryRun", parameter("String", "true: only report what the run would do. false: do it.",
                "true", List.of("true", "false")));
        parameters.add("AutomationAssumeRole", parameter("String", "The role the runbook runs with.", d.role(), null));
        parameters.add("GlobalCluster", parameter("String", "The global database.", d.globalCluster(), null));
        parameters.add("TargetCluster", parameter("String", "ARN of B's cluster, the new writer.", d.targetCluster(),
                null));
        parameters.add("Group", parameter("String", "B's Auto Scaling group.", d.group(), null));
        JsonObject min = parameter("Integer", "The group's minimum after recovery (the primary's capacity).", null, null);
        min.addProperty("default", d.minSize());
        parameters.add("MinSize", min);
        JsonObject desired = parameter("Integer", "The group's desired capacity after recovery (the primary's).",
                null, null);
        desired.addProperty("default", d.desiredCapacity());
        parameters.add("DesiredCapacity", desired);
        parameters.add("Topic", parameter("String", "Where each step is reported.", d.topic(), null));
        doc.add("parameters", parameters);

        JsonArray steps = new JsonArray();
        JsonObject planInputs = new JsonObject();
        planInputs.addProperty("Runtime", RUNTIME);
        planInputs.addProperty("Handler", "handler");
        planInputs.addProperty("Script", PLAN);
        planInputs.add("InputPayload", payload(Map.of("Mode", "{{ Mode }}", "DryRun", "{{ DryRun }}",
                "GlobalCluster", "{{ GlobalCluster }}", "TargetCluster", "{{ TargetCluster }}", "Group", "{{ Group }}",
                "MinSize", "{{ MinSize }}", "DesiredCapacity", "{{ DesiredCapacity }}",
                "SwitchAlarm", switchAlarm, "SwitchMetric", switchNamespace + "/" + FailoverSwitch.METRIC)));
        JsonObject plan = step("Plan", "aws:executeScript", planInputs);
        plan.add("outputs", outputs(List.of("Summary", "WriterIsTarget")));
        steps.add(plan);
        steps.add(report("ReportPlan", "plan (dry run {{ DryRun }})", "{{ Plan.Summary }}"));
        steps.add(branch("StopIfDryRun", List.of(choice("DryRun", "false", "ChooseDatabaseStep")), "DryRunDone"));
        JsonObject done = step("DryRunDone", "aws:sleep", object("Duration", "PT1S"));
        done.addProperty("isEnd", true);
        steps.add(done);
        steps.add(branch("ChooseDatabaseStep", List.of(choice("Plan.WriterIsTarget", "true", "ScaleGroup"),
                choice("Mode", "Outage", "FailoverDatabase"), choice("Mode", "Switchover", "SwitchoverDatabase")),
                null));
        JsonObject failover = api("FailoverDatabase", "rds", "FailoverGlobalCluster");
        failover.getAsJsonObject("inputs").addProperty("GlobalClusterIdentifier", "{{ GlobalCluster }}");
        failover.getAsJsonObject("inputs").addProperty("TargetDbClusterIdentifier", "{{ TargetCluster }}");
        failover.getAsJsonObject("inputs").addProperty("AllowDataLoss", true);
        failover.addProperty("nextStep", "WaitForWriter");
        steps.add(failover);
        JsonObject switchover = api("SwitchoverDatabase", "rds", "SwitchoverGlobalCluster");
        switchover.getAsJsonObject("inputs").addProperty("GlobalClusterIdentifier", "{{ GlobalCluster }}");
        switchover.getAsJsonObject("inputs").addProperty("TargetDbClusterIdentifier", "{{ TargetCluster }}");
        switchover.addProperty("nextStep", "WaitForWriter");
        steps.add(switchover);
        JsonObject waitInputs = new JsonObject();
        waitInputs.addProperty("Runtime", RUNTIME);
        waitInputs.addProperty("Handler", "handler");
        waitInputs.addProperty("Script", WAIT);
        waitInputs.add("InputPayload", payload(Map.of("GlobalCluster", "{{ GlobalCluster }}",
                "TargetCluster", "{{ TargetCluster }}")));
        JsonObject wait = step("WaitForWriter", "aws:executeScript", waitInputs);
        // a script runs at most 600 s (aws:executeScript); three attempts wait up to 27 minutes for the promotion
        wait.addProperty("maxAttempts", 3);
        wait.addProperty("timeoutSeconds", 600);
        steps.add(wait);
        steps.add(report("ReportDatabase", "database", "B's cluster {{ TargetCluster }} is the writer of {{ GlobalCluster }}"));
        JsonObject scale = api("ScaleGroup", "autoscaling", "UpdateAutoScalingGroup");
        scale.getAsJsonObject("inputs").addProperty("AutoScalingGroupName", "{{ Group }}");
        scale.getAsJsonObject("inputs").addProperty("MinSize", "{{ MinSize }}");
        scale.getAsJsonObject("inputs").addProperty("DesiredCapacity", "{{ DesiredCapacity }}");
        steps.add(scale);
        steps.add(report("ReportScale", "group", "{{ Group }}: minimum {{ MinSize }}, desired {{ DesiredCapacity }}"));
        JsonObject flip = api("MoveTraffic", "cloudwatch", "PutMetricData");
        flip.getAsJsonObject("inputs").addProperty("Namespace", switchNamespace);
        JsonObject datum = new JsonObject();
        datum.addProperty("MetricName", FailoverSwitch.METRIC);
        datum.addProperty("Value", 1);
        datum.addProperty("Unit", "Count");
        JsonArray data = new JsonArray();
        data.add(datum);
        flip.getAsJsonObject("inputs").add("MetricData", data);
        steps.add(flip);
        JsonObject last = report("ReportTraffic", "traffic", "the failover switch " + switchAlarm + " is on: Route 53 "
                + "sends users to B within its health check's interval");
        last.addProperty("isEnd", true);
        steps.add(last);
        doc.add("mainSteps", steps);
        return doc.toString();
    }

    private static JsonObject parameter(String type, String description, String defaultValue, List<String> allowed) {
        JsonObject p = new JsonObject();
        p.addProperty("type", type);
        p.addProperty("description", description);
        if (defaultValue != null) {
            p.addProperty("default", defaultValue);
        }
        if (allowed != null) {
            JsonArray values = new JsonArray();
            allowed.forEach(values::add);
            p.add("allowedValues", values);
        }
        return p;
    }

    private static JsonObject step(String name, String action, JsonObject inputs) {
        JsonObject s = new JsonObject();
        s.addProperty("name", name);
        s.addProperty("action", action);
        s.addProperty("onFailure", "Abort");
        s.add("inputs", inputs);
        return s;
    }

    private static JsonObject api(String name, String service, String api) {
        JsonObject inputs = new JsonObject();
        inputs.addProperty("Service", service);
        inputs.addProperty("Api", api);
        return step(name, "aws:executeAwsApi", inputs);
    }

    private static JsonObject report(String name, String what, String message) {
        JsonObject s = api(name, "sns", "Publish");
        s.getAsJsonObject("inputs").addProperty("TopicArn", "{{ Topic }}");
        s.getAsJsonObject("inputs").addProperty("Subject", "Recovery runbook: " + what);
        s.getAsJsonObject("inputs").addProperty("Message", message);
        return s;
    }

    private static JsonObject branch(String name, List<JsonObject> choices, String defaultStep) {
        JsonObject inputs = new JsonObject();
        JsonArray all = new JsonArray();
        choices.forEach(all::add);
        inputs.add("Choices", all);
        if (defaultStep != null) {
            inputs.addProperty("Default", defaultStep);
        }
        return step(name, "aws:branch", inputs);
    }

    private static JsonObject choice(String variable, String equals, String next) {
        JsonObject c = new JsonObject();
        c.addProperty("NextStep", next);
        c.addProperty("Variable", "{{ " + variable + " }}");
        c.addProperty("StringEquals", equals);
        return c;
    }

    private static JsonObject payload(Map<String, String> values) {
        JsonObject p = new JsonObject();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> p.addProperty(e.getKey(), e.getValue()));
        return p;
    }

    private static JsonArray outputs(List<String> names) {
        JsonArray out = new JsonArray();
        for (String n : names) {
            JsonObject o = new JsonObject();
            o.addProperty("Name", n);
            o.addProperty("Selector", "$.Payload." + n);
            o.addProperty("Type", "String");
            out.add(o);
        }
        return out;
    }

    private static JsonObject object(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }
}
