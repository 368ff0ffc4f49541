package io.multiregion.governance;

import io.multiregion.config.ManagedRules;
import io.multiregion.regions.AwsRegion;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Governance as both stacks register it (the standard runs): what exists once per region and once per account across
 * the two stacks, in which region, and the order AWS requires at creation.
 */
class GovernanceStacksTest {
    static final String A = "eu-west-1";
    static final String B = "eu-central-1";
    static final String ACCOUNT = "123456789012";

    static final String TRAIL = "aws:cloudtrail/trail:Trail";
    static final String RECORDER = "aws:cfg/recorder:Recorder";
    static final String CHANNEL = "aws:cfg/deliveryChannel:DeliveryChannel";
    static final String STATUS = "aws:cfg/recorderStatus:RecorderStatus";
    static final String RULE = "aws:cfg/rule:Rule";
    static final String HUB = "aws:securityhub/account:Account";
    static final String STANDARD = "aws:securityhub/standardsSubscription:StandardsSubscription";
    static final String AGGREGATOR = "aws:securityhub/findingAggregator:FindingAggregator";
    static final String SERVICE_LINKED_ROLE = "aws:iam/serviceLinkedRole:ServiceLinkedRole";
    static final String BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    static final String KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

    /** The two stacks of one deployment: bespoke delivery (both trigger modes) and native delivery. */
    static Stream<Arguments> pairs() {
        return Stream.of(Arguments.of("primary", "secondary/cloudtrail"), Arguments.of("primary", "secondary/eventbridge"),
                Arguments.of("primary/native", "secondary/native"));
    }

    static Stream<String> runs() {
        return StandardRuns.ALL.stream();
    }

    private static List<Registered> both(String primary, String secondary, String type) {
        List<Registered> out = new ArrayList<>(StandardRuns.get(primary).ofType(type));
        out.addAll(StandardRuns.get(secondary).ofType(type));
        return out;
    }

    private static Map<String, Long> perRegion(List<Registered> resources) {
        return resources.stream().collect(Collectors.groupingBy(Registered::providerRegion, Collectors.counting()));
    }

    @ParameterizedTest(name = "{0} + {1}: one recorder, channel, status and hub with its FSBP subscription per region")
    @MethodSource("pairs")
    void onePerRegionAcrossBothStacks(String primary, String secondary) {
        for (String type : List.of(RECORDER, CHANNEL, STATUS, HUB, STANDARD)) {
            assertEquals(Map.of(A, 1L, B, 1L), perRegion(both(primary, secondary, type)), type);
        }
        // each stack in its own region: the primary never builds B's, the secondary never A's
        assertTrue(StandardRuns.get(primary).ofType(RECORDER).stream().allMatch(r -> r.providerRegion().equals(A)));
        assertTrue(StandardRuns.get(secondary).ofType(RECORDER).stream().allMatch(r -> r.providerRegion().equals(B)));
    }

    @ParameterizedTest(name = "{0} + {1}: one account trail, one aggregator, one service-linked role, all the primary's")
    @MethodSource("pairs")
    void oncePerAccountAcrossBothStacks(String primary, String secondary) {
        List<Registered> accountTrails = both(primary, secondary, TRAIL).stream()
                .filter(t -> Boolean.TRUE.equals(t.at("isMultiRegionTrail"))).toList();
        assertEquals(1, accountTrails.size());
        assertEquals(A, accountTrails.get(0).providerRegion());
        List<Registered> globalEvents = both(primary, secondary, TRAIL).stream()
                .filter(t -> Boolean.TRUE.equals(t.at("includeGlobalServiceEvents"))).toList();
        assertEquals(accountTrails, globalEvents, "global-service events are recorded once, by the account trail");

        List<Registered> aggregators = both(primary, secondary, AGGREGATOR);
        assertEquals(1, aggregators.size());
        assertEquals(A, aggregators.get(0).providerRegion());
        assertEquals("SPECIFIED_REGIONS", aggregators.get(0).text("linkingMode"));
        assertEquals(List.of(B), aggregators.get(0).at("specifiedRegions"));
        assertEquals(1, StandardRuns.get(primary).ofType(AGGREGATOR).size());

        List<Registered> roles = both(primary, secondary, SERVICE_LINKED_ROLE);
        assertEquals(1, roles.size());
        assertEquals("config.amazonaws.com", roles.get(0).text("awsServiceName"));
        assertEquals(1, StandardRuns.get(primary).ofType(SERVICE_LINKED_ROLE).size());
    }

    @Test
    @DisplayName("global resource types are recorded in region A only")
    void globalTypesOnce() {
        Registered a = StandardRuns.get("primary").one(RECORDER);
        Registered b = StandardRuns.get("secondary/cloudtrail").one(RECORDER);
        assertEquals(true, a.at("recordingGroup", "allSupported"));
        assertEquals(true, b.at("recordingGroup", "allSupported"));
        assertEquals(true, a.at("recordingGroup", "includeGlobalResourceTypes"));
        assertEquals(false, b.at("recordingGroup", "includeGlobalResourceTypes"));
        assertEquals("CONTINUOUS", a.at("recordingMode", "recordingFrequency"));
    }

    @ParameterizedTest(name = "{0}: recorder, then delivery channel, then recorder status, then every rule")
    @MethodSource("runs")
    void configOrder(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered recorder = run.one(RECORDER);
        Registered channel = run.one(CHANNEL);
        Registered status = run.one(STATUS);
        assertTrue(channel.dependsOn(recorder), "NoAvailableConfigurationRecorderException");
        assertTrue(status.dependsOn(channel), "NoAvailableDeliveryChannelException");
        assertEquals(recorder.text("name"), status.text("name"));
        assertEquals(true, status.at("isEnabled"));
        List<Registered> rules = run.ofType(RULE);
        assertFalse(rules.isEmpty());
        rules.forEach(rule -> assertTrue(rule.dependsOn(status), rule.name() + " before recording"));
        Registered bucketPolicy = run.where(r -> r.type().equals(BUCKET_POLICY)
                && r.text("bucket").equals(channel.text("s3BucketName"))).get(0);
        assertTrue(channel.dependsOn(bucketPolicy), "InsufficientDeliveryPolicyException");
    }

    @ParameterizedTest(name = "{0}: the FSBP standard and the aggregator after the hub; default standards off")
    @MethodSource("runs")
    void securityHubOrder(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered hub = run.one(HUB);
        Registered standard = run.one(STANDARD);
        String region = hub.providerRegion();
        assertEquals(false, hub.at("enableDefaultStandards"), "the explicit FSBP subscription would be 'already enabled'");
        assertEquals("SECURITY_CONTROL", hub.text("controlFindingGenerator"));
        String partition = new AwsRegion(region).partition();
        assertEquals("arn:" + partition + ":securityhub:" + region
                + "::standards/aws-foundational-security-best-practices/v/1.0.0", standard.text("standardsArn"));
        assertEquals(region, standard.providerRegion());
        assertTrue(standard.dependsOn(hub));
        assertTrue(standard.dependsOn(run.one(STATUS)), "FSBP's checks read what the region's recorder records");
        run.ofType(AGGREGATOR).forEach(aggregator -> assertTrue(aggregator.dependsOn(hub)));
    }

    @Test
    @DisplayName("the account trail: multi-region, management events only, validated, KMS, CloudWatch Logs, after what CloudTrail checks")
    void accountTrail() {
        ProgramRun run = StandardRuns.get("primary");
        Registered trail = run.one(TRAIL);
        assertEquals("multiregion-primary-account", trail.text("name"));
        assertEquals(true, trail.at("isMultiRegionTrail"));
        assertEquals(true, trail.at("enableLogFileValidation"));
        assertEquals(true, trail.at("enableLogging"));
        assertEquals("All", trail.at("eventSelectors", 0, "readWriteType"));
        assertEquals(true, trail.at("eventSelectors", 0, "includeManagementEvents"));
        Object dataResources = trail.at("eventSelectors", 0, "dataResources");
        assertTrue(dataResources == null || ((List<?>) dataResources).isEmpty(), "no data events");
        assertTrue(trail.text("kmsKeyId").startsWith("arn:aws:kms:" + A + ":"));

        Registered bucketPolicy = run.where(r -> r.type().equals(BUCKET_POLICY)
                && r.text("bucket").equals(trail.text("s3BucketName"))).get(0);
        assertTrue(trail.dependsOn(bucketPolicy), "InsufficientS3BucketPolicyException");
        Registered logsPolicy = run.where(r -> r.type().equals(ROLE_POLICY)
                && r.name().equals("multiregion-governance-trail-logs")).get(0);
        assertTrue(trail.dependsOn(logsPolicy), "InvalidCloudWatchLogsRoleArnException");
        Registered keyPolicy = keyPolicyOf(run, trail.text("kmsKeyId"));
        assertTrue(trail.dependsOn(keyPolicy), "InsufficientEncryptionPolicyException");

        Registered logGroup = run.where(r -> r.type().equals(LOG_GROUP)
                && "/aws/cloudtrail/multiregion-primary-account".equals(r.text("name"))).get(0);
        assertTrue(logGroup.dependsOn(keyPolicy));
        assertEquals("arn:aws:logs:" + A + ":" + ACCOUNT + ":log-group:/aws/cloudtrail/multiregion-primary-account:*",
                trail.text("cloudWatchLogsGroupArn"));
        PolicyView delivery = PolicyView.parse(bucketPolicy.text("policy"));
        String trailArn = "arn:aws:cloudtrail:" + A + ":" + ACCOUNT + ":trail/multiregion-primary-account";
        assertEquals(List.of(trailArn), delivery.sid("AWSCloudTrailWrite").condition("StringEquals", "aws:SourceArn"));
        assertEquals(List.of(trailArn), delivery.sid("AWSCloudTrailAclCheck").condition("StringEquals", "aws:SourceArn"));
    }

    private static Registered keyPolicyOf(ProgramRun run, String keyArn) {
        String keyId = keyArn.substring(keyArn.lastIndexOf('/') + 1);
        return run.where(r -> r.type().equals(KEY_POLICY) && keyId.equals(r.text("keyId"))).get(0);
    }

    @Test
    @DisplayName("the audit key admits CloudTrail (GenerateDataKey* and, for bucket keys, Decrypt) and AWS Config, for this account")
    void auditKeyPolicy() {
        ProgramRun run = StandardRuns.get("primary");
        Registered trail = run.one(TRAIL);
        PolicyView key = PolicyView.parse(keyPolicyOf(run, trail.text("kmsKeyId")).text("policy"));
        String trails = "arn:aws:cloudtrail:" + A + ":" + ACCOUNT + ":trail/*";
        assertEquals(List.of("kms:GenerateDataKey*"), key.sid("CloudTrailEncryptsThisAccountsTrails").actions());
        assertEquals(List.of(trails), key.sid("CloudTrailEncryptsThisAccountsTrails").condition("StringLike", "aws:SourceArn"));
        assertEquals(List.of("kms:Decrypt"), key.sid("CloudTrailDecryptsForBucketKeys").actions());
        PolicyView.StatementView config = key.sid("ConfigEncryptsDeliveredFiles");
        assertEquals(List.of("config.amazonaws.com"), config.principals().get("Service"));
        assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey"), config.actions());
        assertEquals(List.of(ACCOUNT), config.condition("StringEquals", "aws:SourceAccount"));
        // the trail's bucket uses S3 Bucket Keys, which is why CloudTrail needs kms:Decrypt
        Registered encryption = run.where(r -> r.name().equals("multiregion-governance-trail-logs-encryption")).get(0);
        assertEquals(true, encryption.at("rules", 0, "bucketKeyEnabled"));
        assertEquals(trail.text("kmsKeyId"), encryption.at("rules", 0, "applyServerSideEncryptionByDefault", "kmsMasterKeyId"));
        // a key of its own, not the application's
        assertFalse(key.statements().stream().anyMatch(s -> s.principals().getOrDefault("AWS", List.of()).stream()
                .anyMatch(p -> p.contains("AWSServiceRoleForAutoScaling"))));
    }

    @ParameterizedTest(name = "{0}: AWS Config delivers under a prefix without AWSLogs/, which the bucket policy admits")
    @MethodSource("runs")
    void configDelivery(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered channel = run.one(CHANNEL);
        assertEquals("config", channel.text("s3KeyPrefix"));
        assertFalse(channel.text("s3KeyPrefix").contains("AWSLogs/"));
        String partition = new AwsRegion(channel.providerRegion()).partition();
        assertTrue(channel.text("s3KmsKeyArn").startsWith("arn:" + partition + ":kms:" + channel.providerRegion() + ":"));
        Registered bucketPolicy = run.where(r -> r.type().equals(BUCKET_POLICY)
                && r.text("bucket").equals(channel.text("s3BucketName"))).get(0);
        PolicyView policy = PolicyView.parse(bucketPolicy.text("policy"));
        PolicyView.StatementView write = policy.sid("AWSConfigBucketDelivery");
        assertEquals(List.of("arn:" + partition + ":s3:::" + channel.text("s3BucketName") + "/config/AWSLogs/" + ACCOUNT
                        + "/Config/*"),
                write.resources());
        assertEquals(List.of("bucket-owner-full-control"), write.condition("StringEquals", "s3:x-amz-acl"));
        assertEquals(List.of(ACCOUNT), write.condition("StringEquals", "aws:SourceAccount"));
        assertEquals(List.of("s3:GetBucketAcl", "s3:ListBucket"), policy.sid("AWSConfigBucketChecks").actions());
        assertEquals("Deny", policy.sid("DenyInsecureTransport").effect());
    }

    @Test
    @DisplayName("AWSServiceRoleForConfig: created by the primary, which its recorder uses; the secondary's recorder names it")
    void serviceLinkedRole() {
        ProgramRun primary = StandardRuns.get("primary");
        Registered role = primary.one(SERVICE_LINKED_ROLE);
        Registered recorderA = primary.one(RECORDER);
        assertTrue(recorderA.dependsOn(role));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
                recorderA.text("roleArn"));
        for (String secondary : List.of("secondary/cloudtrail", "secondary/native")) {
            ProgramRun run = StandardRuns.get(secondary);
            assertEquals(List.of(), run.ofType(SERVICE_LINKED_ROLE));
            assertEquals(recorderA.text("roleArn"), run.one(RECORDER).text("roleArn"));
        }
    }

    @Test
    @DisplayName("managed rules: every rule in A, the account-wide ones in A only, each named with the stack")
    void rulesPerRegion() {
        List<Registered> a = StandardRuns.get("primary").ofType(RULE);
        List<Registered> b = StandardRuns.get("secondary/cloudtrail").ofType(RULE);
        Set<String> inA = a.stream().map(r -> String.valueOf(r.at("source", "sourceIdentifier"))).collect(Collectors.toSet());
        Set<String> inB = b.stream().map(r -> String.valueOf(r.at("source", "sourceIdentifier"))).collect(Collectors.toSet());
        assertEquals(ManagedRules.identifiers(), inA);
        assertEquals(a.size(), inA.size(), "each rule once");
        assertEquals(ManagedRules.ALL.stream().filter(r -> r.scope() == ManagedRules.Scope.EACH_REGION)
                .map(ManagedRules.Rule::identifier).collect(Collectors.toSet()), inB);
        assertFalse(inB.contains("MULTI_REGION_CLOUD_TRAIL_ENABLED"));
        assertFalse(inB.contains("IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"));
        for (String checked : List.of("ENCRYPTED_VOLUMES", "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED",
                "S3_BUCKET_SSL_REQUESTS_ONLY", "RDS_STORAGE_ENCRYPTED", "RDS_CLUSTER_MULTI_AZ_ENABLED", "CLOUD_TRAIL_ENABLED",
                "INCOMING_SSH_DISABLED")) {
            assertTrue(inB.contains(checked), checked);
        }
        a.forEach(r -> assertEquals("AWS", r.at("source", "owner")));
        a.forEach(r -> assertTrue(r.text("name").startsWith("multiregion-primary-"), r.text("name")));
        b.forEach(r -> assertTrue(r.text("name").startsWith("multiregion-secondary-"), r.text("name")));
    }

    @ParameterizedTest(name = "{0}: every governance resource is in the stack's own region")
    @MethodSource("runs")
    void inTheHomeRegion(String name) {
        ProgramRun run = StandardRuns.get(name);
        String home = (String) run.output(name.startsWith("primary") ? Value.PRIMARY_REGION.key()
                : Value.SECONDARY_REGION.key());
        List<Registered> governance = run.aws().stream().filter(r -> r.name().startsWith("multiregion-governance")).toList();
        assertTrue(governance.size() > 30, "governance resources: " + governance.size());
        governance.forEach(r -> assertEquals(home, r.providerRegion(), r.type() + " " + r.name()));
    }

    @ParameterizedTest(name = "{0}: every part off registers no governance resource at all")
    @MethodSource("offRuns")
    void everythingOff(String name) {
        ProgramRun run = StandardRuns.get(name);
        for (String type : List.of(TRAIL, RECORDER, CHANNEL, STATUS, RULE, HUB, STANDARD, AGGREGATOR, SERVICE_LINKED_ROLE)) {
            List<Registered> found = run.ofType(type);
            if (type.equals(TRAIL)) {
                found = found.stream().filter(t -> Boolean.TRUE.equals(t.at("isMultiRegionTrail"))).toList();
            }
            assertEquals(List.of(), found, type);
        }
        assertEquals(List.of(), run.where(r -> r.name().startsWith("multiregion-governance")).stream()
                .filter(r -> !r.type().equals("multiregion:governance:Governance")).toList());
        assertEquals(Map.of("accountTrail", "", "securityHub", false, "findingAggregator", false, "configRecorder", "",
                "configRules", 0.0), normalise(run.output("governance")));
    }

    static Stream<String> offRuns() {
        return StandardRuns.GOVERNANCE_OFF.stream();
    }

    @Test
    @DisplayName("each stack's governance output says what it built")
    void outputs() {
        assertEquals(Map.of("accountTrail", "multiregion-primary-account", "securityHub", true, "findingAggregator", true,
                "configRecorder", "multiregion-primary-recorder", "configRules", (double) ManagedRules.ALL.size()),
                normalise(StandardRuns.get("primary").output("governance")));
        assertEquals(Map.of("accountTrail", "", "securityHub", true, "findingAggregator", false,
                "configRecorder", "multiregion-secondary-recorder", "configRules",
                (double) ManagedRules.forRegion(false, Set.of()).size()),
                normalise(StandardRuns.get("secondary/cloudtrail").output("governance")));
    }

    /** An output map with its numbers as doubles (the engine's representation). */
    private static Map<String, Object> normalise(Object output) {
        Map<String, Object> out = new java.util.HashMap<>();
        ((Map<?, ?>) output).forEach((k, v) -> out.put(String.valueOf(k), v instanceof Number n ? n.doubleValue() : v));
        return out;
    }
}
