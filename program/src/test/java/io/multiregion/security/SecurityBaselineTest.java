package io.multiregion.security;

import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.RegionCapabilities;
import io.multiregion.regions.Service;
import io.multiregion.testing.AuthorizationData;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StandardRuns;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security baseline (FSBP controls checkable from inputs) for what the delivery path registers, and the known
 * defects of the original CloudFormation snippets this design replaces,
 * checked over every run: both stacks and both trigger modes.
 */
class SecurityBaselineTest {

    /** Service principals this program may name; a typo such as s3.amazonwas.com fails here. */
    private static final Set<String> KNOWN_SERVICES = Set.of("s3.amazonaws.com", "codebuild.amazonaws.com",
            "codepipeline.amazonaws.com", "events.amazonaws.com", "cloudtrail.amazonaws.com", "logging.s3.amazonaws.com",
            "vpc-flow-logs.amazonaws.com", "ec2.amazonaws.com", "codedeploy.amazonaws.com",
            "logdelivery.elasticloadbalancing.amazonaws.com", "states.amazonaws.com",
            "config.amazonaws.com", "delivery.logs.amazonaws.com", "cloudwatch.amazonaws.com",
            "ssm.amazonaws.com");

    /** CloudWatch Logs' principal is regional: {@code logs.<region>.<the partition's DNS suffix>}. */
    private static boolean knownService(String service) {
        return KNOWN_SERVICES.contains(service) || AwsRegion.all().stream()
                .anyMatch(r -> service.equals(r.serviceHost("logs")));
    }
    private static final Pattern ACTION = Pattern.compile("^[a-z0-9-]+:[A-Za-z]+$");
    /** Wildcard actions in the form AWS documents them: CloudTrail's key policy (CloudTrail User Guide). */
    private static final Set<String> DOCUMENTED_WILDCARDS = Set.of("kms:GenerateDataKey*");

    static Stream<Arguments> runs() {
        return StandardRuns.ALL.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: every Allow statement names its actions and its resources, none is *")
    @MethodSource("runs")
    void noWildcardAllows(String name) {
        List<Map.Entry<String, PolicyView>> policies = PolicyView.documents(StandardRuns.get(name));
        assertTrue(policies.size() >= 5, "policies found: " + policies.size());
        for (var entry : policies) {
            for (PolicyView.StatementView s : entry.getValue().statements()) {
                assertFalse(s.actions().isEmpty(), entry.getKey() + " " + s.sid() + " has no action");
                for (String action : s.actions()) {
                    assertFalse(action.equals("*") || action.equals("*:*"), entry.getKey() + " grants *");
                    if (s.allows() && !DOCUMENTED_WILDCARDS.contains(action)) {
                        assertTrue(ACTION.matcher(action).matches(),
                                entry.getKey() + " " + s.sid() + ": malformed or wildcard action " + action);
                    }
                }
                boolean trust = s.actions().equals(List.of("sts:AssumeRole"));
                if (s.allows() && !trust) {
                    assertFalse(s.resources().isEmpty(), entry.getKey() + " " + s.sid() + " names no resource");
                    // "*" only for actions that accept no resource type (Service Authorization Reference)
                    boolean starOnly = s.actions().stream().allMatch(a -> AuthorizationData.rule(a)
                            .map(AuthorizationData.ActionRule::acceptsOnlyStar).orElse(false));
                    assertFalse(s.resources().contains("*") && !starOnly, entry.getKey() + " " + s.sid() + " allows Resource *");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: StartPipelineExecution is never granted on *")
    @MethodSource("runs")
    void startPipelineNeverOnStar(String name) {
        for (var entry : PolicyView.documents(StandardRuns.get(name))) {
            for (PolicyView.StatementView s : entry.getValue().statements()) {
                if (s.actions().contains("codepipeline:StartPipelineExecution")) {
                    assertEquals(1, s.resources().size());
                    assertTrue(s.resources().get(0).matches("^arn:aws[a-z-]*:codepipeline:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9.@_-]+$"),
                            s.resources().toString());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: only known service principals, no typos")
    @MethodSource("runs")
    void servicePrincipalsAreKnown(String name) {
        for (var entry : PolicyView.documents(StandardRuns.get(name))) {
            for (PolicyView.StatementView s : entry.getValue().statements()) {
                for (String service : s.principals().getOrDefault("Service", List.of())) {
                    assertTrue(knownService(service), entry.getKey() + ": unexpected principal " + service);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: no literal CloudFormation intrinsic leaks into an input")
    @MethodSource("runs")
    void noLiteralIntrinsics(String name) {
        for (Registered r : StandardRuns.get(name).aws()) {
            String text = r.inputs().toString();
            assertFalse(text.contains("! Ref") || text.contains("!Ref") || text.contains("Fn::"), r.name() + ": " + text);
        }
    }

    @ParameterizedTest(name = "{0}: every bucket is versioned, KMS or SSE-S3 encrypted, private, TLS-only, owner-enforced")
    @MethodSource("runs")
    void everyBucketIsSecure(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Registered> buckets = run.ofType("aws:s3/bucketV2:BucketV2");
        assertFalse(buckets.isEmpty());
        for (Registered bucket : buckets) {
            String b = bucket.name();
            assertEquals(false, bucket.at("forceDestroy"), b + " may be force-destroyed");
            assertEquals("Enabled", sibling(run, b + "-versioning").at("versioningConfiguration", "status"));
            Registered pab = sibling(run, b + "-public-access");
            for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
                assertEquals(true, pab.at(flag), b + " " + flag);
            }
            assertEquals("BucketOwnerEnforced", sibling(run, b + "-ownership").at("rule", "objectOwnership"));
            Object algorithm = sibling(run, b + "-encryption").at("rules", 0, "applyServerSideEncryptionByDefault", "sseAlgorithm");
            if (b.contains("access-logs")) {
                assertEquals("AES256", algorithm, "server access logs require SSE-S3 on " + b);
            } else if (b.endsWith("-web-logs")) {
                // ALB access logs support SSE-S3 only (ELB User Guide, "Enable access logs for your ALB")
                assertEquals("AES256", algorithm, "load balancer access logs require SSE-S3 on " + b);
            } else {
                assertEquals("aws:kms", algorithm, b);
                assertEquals(b + "-a1b2c3d", sibling(run, b + "-logging").text("bucket"), b + " has no access logging");
            }
            PolicyView policy = PolicyView.parse(sibling(run, b + "-policy").text("policy"));
            PolicyView.StatementView tls = policy.sid("DenyInsecureTransport");
            assertEquals("Deny", tls.effect());
            assertEquals(List.of("false"), tls.condition("Bool", "aws:SecureTransport"));
            assertEquals(2, tls.resources().size());
            assertEquals("Enabled", sibling(run, b + "-lifecycle").at("rules", 0, "status"));
        }
    }

    private static Registered sibling(ProgramRun run, String name) {
        List<Registered> found = run.where(r -> r.name().equals(name));
        assertEquals(1, found.size(), "expected one resource named " + name);
        return found.get(0);
    }

    @ParameterizedTest(name = "{0}: KMS keys rotate, have a deletion window and a key policy scoped to the key")
    @MethodSource("runs")
    void keys(String name) {
        ProgramRun run = StandardRuns.get(name);
        for (Registered key : run.ofType("aws:kms/key:Key")) {
            assertEquals(true, key.at("enableKeyRotation"));
            double window = ((Number) key.at("deletionWindowInDays")).doubleValue();
            assertTrue(window >= 7 && window <= 30);
            Registered policy = sibling(run, key.name() + "-policy");
            PolicyView view = PolicyView.parse(policy.text("policy"));
            String partition = new AwsRegion(key.providerRegion()).partition();
            for (PolicyView.StatementView s : view.statements()) {
                assertEquals(1, s.resources().size());
                assertTrue(s.resources().get(0).startsWith("arn:" + partition + ":kms:" + key.providerRegion() + ":"),
                        s.resources().toString());
            }
            assertEquals(List.of("arn:" + partition + ":iam::123456789012:root"),
                    view.sid("AccountAdministersThroughIam").principals().get("AWS"));
        }
        for (Registered alias : run.ofType("aws:kms/alias:Alias")) {
            assertTrue(alias.text("name").startsWith("alias/multiregion-"), alias.text("name"));
        }
    }

    @ParameterizedTest(name = "{0}: CodeBuild is not privileged, encrypts artifacts, logs to an encrypted log group")
    @MethodSource("runs")
    void codeBuild(String name) {
        ProgramRun run = StandardRuns.get(name);
        for (Registered project : run.ofType("aws:codebuild/project:Project")) {
            assertEquals(false, project.at("environment", "privilegedMode"));
            assertTrue(project.text("encryptionKey").matches("^arn:aws[a-z-]*:kms:.+"), project.text("encryptionKey"));
            assertEquals("ENABLED", project.at("logsConfig", "cloudwatchLogs", "status"));
        }
        for (Registered group : run.ofType("aws:cloudwatch/logGroup:LogGroup")) {
            assertTrue(group.text("kmsKeyId").matches("^arn:aws[a-z-]*:kms:.+"), group.name());
            assertEquals(365.0, ((Number) group.at("retentionInDays")).doubleValue());
        }
    }

    /** A front door switched off, as outside the aws partition it must be. */
    private static final String NO_FRONT_DOOR = "{\"cloudFront\":false,\"dnsFailover\":false}";

    /** Everything that holds data: buckets, keys, the databases, the secret and the image repositories. */
    private static final Set<String> DATA_HOLDERS = Set.of("aws:s3/bucketV2:BucketV2", "aws:kms/key:Key",
            "aws:rds/globalCluster:GlobalCluster", "aws:rds/cluster:Cluster", "aws:rds/clusterInstance:ClusterInstance",
            "aws:secretsmanager/secret:Secret", "aws:ecr/repository:Repository");

    @ParameterizedTest(name = "{0}: everything that holds data is protected against destroy and replacement")
    @MethodSource("runs")
    void dataIsProtected(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Registered> holders = run.where(r -> DATA_HOLDERS.contains(r.type()));
        assertFalse(holders.isEmpty());
        holders.forEach(r -> assertTrue(run.isProtected(r), r.type() + " " + r.name() + " is not protected"));
        List<String> others = run.aws().stream().filter(run::isProtected).filter(r -> !DATA_HOLDERS.contains(r.type()))
                .map(r -> r.type() + " " + r.name()).toList();
        assertEquals(List.of(), others, "only data holders are protected");
    }

    @Test
    @DisplayName("protectData=false lifts the protection, for a deliberate teardown")
    void protectionCanBeLifted() {
        Map<String, String> config = new HashMap<>(StackFiles.config("primary"));
        config.put("multiregion:protectData", "false");
        ProgramRun run = ProgramRun.with("primary", config, Map.of());
        assertFalse(run.failed(), run::errors);
        assertTrue(run.aws().stream().noneMatch(run::isProtected));
    }

    @Test
    @DisplayName("containerBuilds=true is the only way to a privileged build")
    void privilegedOnlyOnRequest() {
        Map<String, String> config = new HashMap<>(StackFiles.config("primary"));
        config.put("multiregion:containerBuilds", "true");
        ProgramRun run = ProgramRun.with("primary", config, Map.of());
        assertFalse(run.failed(), run::errors);
        assertEquals(true, run.one("aws:codebuild/project:Project").at("environment", "privilegedMode"));
    }

    @ParameterizedTest(name = "{0}: auto-named physical names stay inside AWS limits with the random suffix")
    @MethodSource("runs")
    void physicalNamesFitAwsLimits(String name) {
        ProgramRun run = StandardRuns.get(name);
        Map<String, Integer> autoNamedLimits = Map.of(
                "aws:s3/bucketV2:BucketV2", Names.S3_BUCKET,
                "aws:iam/role:Role", Names.IAM_ROLE,
                "aws:cloudwatch/eventRule:EventRule", Names.EVENT_RULE,
                "aws:codepipeline/pipeline:Pipeline", Names.PIPELINE);
        for (Registered r : run.aws()) {
            Integer limit = autoNamedLimits.get(r.type());
            if (limit != null) {
                assertTrue(r.name().length() + Names.RANDOM_SUFFIX <= limit, r.type() + " " + r.name() + " too long");
            }
            if (r.type().equals("aws:s3/bucketV2:BucketV2")) {
                assertTrue(r.name().matches("^[a-z0-9][a-z0-9-]+$"), r.name());
            }
        }
        run.ofType("aws:cloudtrail/trail:Trail").forEach(t -> assertTrue(t.text("name").length() <= Names.TRAIL));
    }

    @ParameterizedTest(name = "names fit AWS limits with the longest region codes: {0} and {1}")
    @org.junit.jupiter.params.provider.CsvSource({"ap-southeast-5,ap-southeast-7", "cn-northwest-1,cn-north-1"})
    void namesFitWithTheLongestRegions(String a, String b) {
        for (String stack : List.of("primary", "secondary")) {
            Map<String, String> config = new HashMap<>(StackFiles.config(stack));
            config.put("multiregion:primaryRegion", a);
            config.put("multiregion:secondaryRegion", b);
            Map<String, Object> outputs = new HashMap<>(Samples.primaryOutputs());
            outputs.put("primaryRegion", a);
            outputs.put("secondaryRegion", b);
            // the primary of this pair delivers in the mode auto picks for it
            outputs.put("deliveryMode", RegionCapabilities.of(new AwsRegion(b)).offers(Service.CODEPIPELINE)
                    ? "bespoke" : "pipeline-free");
            if (!new AwsRegion(a).partition().equals("aws")) {
                // CloudFront and the global provider are services of the aws partition: no front door elsewhere
                config.put("multiregion:frontDoor", NO_FRONT_DOOR);
                outputs.put("originAccess", Map.of("cloudFront", false, "healthCheckers", false));
            }
            ProgramRun run = ProgramRun.with(stack, config, outputs);
            assertFalse(run.failed(), run::errors);
            for (Registered r : run.ofType("aws:s3/bucketV2:BucketV2")) {
                assertTrue(r.name().length() + Names.RANDOM_SUFFIX <= Names.S3_BUCKET, r.name());
            }
            for (Registered r : run.ofType("aws:iam/role:Role")) {
                assertTrue(r.name().length() + Names.RANDOM_SUFFIX <= Names.IAM_ROLE, r.name());
            }
            run.ofType("aws:codestarconnections/connection:Connection")
                    .forEach(c -> assertTrue(c.text("name").length() <= Names.CONNECTION, c.text("name")));
        }
    }

    /** The two stacks of one deployment, in each delivery mode. */
    static Stream<Arguments> deployments() {
        return Stream.of(Arguments.of("primary", "secondary/cloudtrail"), Arguments.of("primary", "secondary/eventbridge"),
                Arguments.of("primary/native", "secondary/native"));
    }

    @ParameterizedTest(name = "{0} + {1}: FSBP Config.1, AWS Config records every supported type in both regions with its service-linked role")
    @MethodSource("deployments")
    void configRecordsBothRegions(String primary, String secondary) {
        for (String name : List.of(primary, secondary)) {
            ProgramRun run = StandardRuns.get(name);
            Registered recorder = run.one("aws:cfg/recorder:Recorder");
            assertEquals(true, recorder.at("recordingGroup", "allSupported"), name);
            assertTrue(recorder.text("roleArn").endsWith(":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"),
                    "Config.1 asks for the service-linked role: " + recorder.text("roleArn"));
            assertEquals(true, run.one("aws:cfg/recorderStatus:RecorderStatus").at("isEnabled"), name);
            assertEquals(recorder.providerRegion(), run.one("aws:cfg/deliveryChannel:DeliveryChannel").providerRegion());
        }
    }

    @ParameterizedTest(name = "{0} + {1}: FSBP CloudTrail.1, one multi-region trail with read and write management events")
    @MethodSource("deployments")
    void accountTrailCoversTheAccount(String primary, String secondary) {
        List<Registered> trails = new java.util.ArrayList<>(StandardRuns.get(primary).ofType("aws:cloudtrail/trail:Trail"));
        trails.addAll(StandardRuns.get(secondary).ofType("aws:cloudtrail/trail:Trail"));
        List<Registered> multiRegion = trails.stream().filter(t -> Boolean.TRUE.equals(t.at("isMultiRegionTrail"))
                && Boolean.TRUE.equals(t.at("enableLogging"))
                && "All".equals(t.at("eventSelectors", 0, "readWriteType"))
                && Boolean.TRUE.equals(t.at("eventSelectors", 0, "includeManagementEvents"))).toList();
        assertEquals(1, multiRegion.size(), "CloudTrail.1 needs one such trail, and a second would be a paid copy");
    }

    @ParameterizedTest(name = "{0}: FSBP CloudTrail.2, .4, .5: every trail is KMS-encrypted, validated and sent to CloudWatch Logs")
    @MethodSource("runs")
    void everyTrailIsEncryptedValidatedAndLogged(String name) {
        for (Registered trail : StandardRuns.get(name).ofType("aws:cloudtrail/trail:Trail")) {
            String partition = new AwsRegion(trail.providerRegion()).partition();
            assertTrue(trail.text("kmsKeyId").startsWith("arn:" + partition + ":kms:" + trail.providerRegion() + ":"),
                    trail.name());
            assertEquals(true, trail.at("enableLogFileValidation"), trail.name());
            assertTrue(trail.text("cloudWatchLogsGroupArn").matches("arn:" + partition + ":logs:" + trail.providerRegion()
                    + ":[0-9]{12}:log-group:/aws/cloudtrail/.+:\\*"), trail.text("cloudWatchLogsGroupArn"));
            assertTrue(trail.text("cloudWatchLogsRoleArn").startsWith("arn:" + partition + ":iam::"), trail.name());
        }
    }

    @Test
    @DisplayName("no ARN hard-codes the aws partition: a China deployment only has aws-cn ARNs")
    void partitionIsNeverHardCoded() {
        Map<String, String> config = new HashMap<>(StackFiles.config("primary"));
        config.put("multiregion:primaryRegion", "cn-north-1");
        config.put("multiregion:secondaryRegion", "cn-northwest-1");
        config.put("multiregion:frontDoor", NO_FRONT_DOOR);
        ProgramRun run = ProgramRun.with("primary", config, Map.of());
        assertFalse(run.failed(), run::errors);
        for (Registered r : run.aws()) {
            assertFalse(r.inputs().toString().contains("arn:aws:"), r.type() + " " + r.name() + ": " + r.inputs());
        }
        String replication = run.where(r -> r.type().equals("aws:iam/rolePolicy:RolePolicy")
                && r.name().equals("multiregion-release-replication")).get(0).text("policy");
        assertTrue(replication.contains("s3.cn-north-1.amazonaws.com.cn"), replication);
    }
}
