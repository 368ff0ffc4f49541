package io.multiregion.governance;

import io.multiregion.config.GovernanceSettings;
import io.multiregion.config.ManagedRules;
import io.multiregion.regions.ProviderSettings;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.storage.RegionalSupport;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.multiregion.governance.GovernanceStacksTest.AGGREGATOR;
import static io.multiregion.governance.GovernanceStacksTest.CHANNEL;
import static io.multiregion.governance.GovernanceStacksTest.HUB;
import static io.multiregion.governance.GovernanceStacksTest.RECORDER;
import static io.multiregion.governance.GovernanceStacksTest.RULE;
import static io.multiregion.governance.GovernanceStacksTest.SERVICE_LINKED_ROLE;
import static io.multiregion.governance.GovernanceStacksTest.STANDARD;
import static io.multiregion.governance.GovernanceStacksTest.STATUS;
import static io.multiregion.governance.GovernanceStacksTest.TRAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The governance component alone, in region A's role and in region B's, with each part of
 * {@code multiregion:governance} switched off: the part goes, everything else stays.
 */
class GovernanceSwitchesTest {
    private static final AwsRegion A = new AwsRegion("eu-west-1");
    private static final AwsRegion B = new AwsRegion("eu-central-1");
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String KEY = "aws:kms/key:Key";

    private static ProgramRun allOnA;

    /** The governance of one region, with its stack's support, as a stack would build it. */
    static ProgramRun governance(AwsRegion region, Optional<AwsRegion> linked, GovernanceSettings parts) {
        return ProgramRun.program("test", Map.of(), ctx -> {
            RegionalSupport support = new RegionalSupport(new RegionalSupport.Args("multiregion", "test", 30, 90, true),
                    new ProviderRegistry(new ProviderRegistry.Args("multiregion", "test",
                            linked.isPresent() ? "primary" : "secondary", Set.of(region), ProviderSettings.none())));
            new Governance("multiregion-governance", new Governance.Args("multiregion-test", region, linked, parts, 365),
                    support, support.in(region, null));
        });
    }

    private static GovernanceSettings with(UnaryOperator<Object[]> change) {
        GovernanceSettings d = GovernanceSettings.defaults();
        Object[] f = {d.accountTrail(), d.securityHub(), d.findingAggregator(), d.config(), d.configRules(),
                d.configServiceLinkedRole(), d.recordingFrequency(), d.excludedRules()};
        Object[] c = change.apply(f);
        @SuppressWarnings("unchecked")
        Set<String> excluded = (Set<String>) c[7];
        return new GovernanceSettings((Boolean) c[0], (Boolean) c[1], (Boolean) c[2], (Boolean) c[3], (Boolean) c[4],
                (Boolean) c[5], (String) c[6], excluded);
    }

    private static GovernanceSettings off(int field) {
        return with(f -> {
            f[field] = false;
            return f;
        });
    }

    @BeforeAll
    static void baseline() {
        allOnA = governance(A, Optional.of(B), GovernanceSettings.defaults());
        assertFalse(allOnA.failed(), allOnA::errors);
    }

    private static int count(ProgramRun run, String type) {
        return run.ofType(type).size();
    }

    @Test
    @DisplayName("all on in A: the trail, its log group, key, two buckets, AWS Config, the hub, FSBP, the aggregator")
    void allOnInA() {
        assertEquals(1, count(allOnA, TRAIL));
        assertEquals(1, count(allOnA, LOG_GROUP));
        assertEquals(1, count(allOnA, SERVICE_LINKED_ROLE));
        assertEquals(1, count(allOnA, RECORDER));
        assertEquals(1, count(allOnA, CHANNEL));
        assertEquals(1, count(allOnA, STATUS));
        assertEquals(ManagedRules.ALL.size(), count(allOnA, RULE));
        assertEquals(1, count(allOnA, HUB));
        assertEquals(1, count(allOnA, STANDARD));
        assertEquals(1, count(allOnA, AGGREGATOR));
        // the stack's regional key (its account id) and the audit key
        assertEquals(2, count(allOnA, KEY));
        // the trail's and AWS Config's buckets, and the region's access-log bucket
        assertEquals(3, count(allOnA, BUCKET));
        assertTrue(allOnA.aws().stream().allMatch(r -> r.providerRegion().equals(A.code())));
    }

    @Test
    @DisplayName("in B: never the trail, the aggregator or the service-linked role, even with every part on")
    void regionBHasNoAccountParts() {
        ProgramRun b = governance(B, Optional.empty(), GovernanceSettings.defaults());
        assertFalse(b.failed(), b::errors);
        assertEquals(0, count(b, TRAIL));
        assertEquals(0, count(b, AGGREGATOR));
        assertEquals(0, count(b, SERVICE_LINKED_ROLE));
        assertEquals(1, count(b, RECORDER));
        assertEquals(1, count(b, HUB));
        assertEquals(ManagedRules.forRegion(false, Set.of()).size(), count(b, RULE));
        assertEquals(false, b.one(RECORDER).at("recordingGroup", "includeGlobalResourceTypes"));
    }

    static Stream<Arguments> switches() {
        // field index in GovernanceSettings, its name, the types that go, the types that stay
        return Stream.of(
                Arguments.of(0, "accountTrail", List.of(TRAIL, LOG_GROUP), List.of(RECORDER, HUB, AGGREGATOR, RULE)),
                Arguments.of(1, "securityHub", List.of(HUB, STANDARD), List.of(AGGREGATOR, TRAIL, RECORDER, RULE)),
                Arguments.of(2, "findingAggregator", List.of(AGGREGATOR), List.of(HUB, STANDARD, TRAIL, RECORDER)),
                Arguments.of(3, "config", List.of(RECORDER, CHANNEL, STATUS, SERVICE_LINKED_ROLE),
                        List.of(RULE, TRAIL, HUB, STANDARD, AGGREGATOR)),
                Arguments.of(4, "configRules", List.of(RULE), List.of(RECORDER, CHANNEL, STATUS, HUB, TRAIL)),
                Arguments.of(5, "configServiceLinkedRole", List.of(SERVICE_LINKED_ROLE),
                        List.of(RECORDER, CHANNEL, STATUS, RULE, HUB, TRAIL)));
    }

    @ParameterizedTest(name = "{1}: false removes its parts and keeps the rest")
    @MethodSource("switches")
    void eachSwitchRemovesItsParts(int field, String name, List<String> gone, List<String> kept) {
        ProgramRun run = governance(A, Optional.of(B), off(field));
        assertFalse(run.failed(), run::errors);
        gone.forEach(type -> assertEquals(0, count(run, type), name + " off still registers " + type));
        kept.forEach(type -> assertEquals(count(allOnA, type), count(run, type), name + " off lost " + type));
    }

    @Test
    @DisplayName("config off: one bucket less, and the rules run against the account's recorder without waiting")
    void rulesWithoutOwnRecorder() {
        ProgramRun run = governance(A, Optional.of(B), off(3));
        assertEquals(count(allOnA, BUCKET) - 1, count(run, BUCKET));
        run.ofType(RULE).forEach(r -> assertEquals(List.of(), r.dependencies().stream()
                .filter(d -> d.contains("RecorderStatus")).toList()));
        // FSBP subscribes without waiting for a recorder this stack does not have
        assertEquals(List.of(), run.one(STANDARD).dependencies().stream().filter(d -> d.contains("RecorderStatus")).toList());
    }

    @Test
    @DisplayName("securityHub off: the aggregator is still created, on the account's own hub")
    void aggregatorOnTheAccountsHub() {
        ProgramRun run = governance(A, Optional.of(B), off(1));
        Registered aggregator = run.one(AGGREGATOR);
        assertEquals(List.of(B.code()), aggregator.at("specifiedRegions"));
        assertTrue(aggregator.dependencies().stream().noneMatch(d -> d.contains("securityhub/account")));
    }

    @Test
    @DisplayName("configServiceLinkedRole off: the recorder names the account's AWSServiceRoleForConfig")
    void existingServiceLinkedRole() {
        ProgramRun run = governance(A, Optional.of(B), off(5));
        assertEquals("arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
                run.one(RECORDER).text("roleArn"));
    }

    @Test
    @DisplayName("accountTrail and config off: no audit key and no bucket of governance's own")
    void noAuditKeyWhenNothingLogs() {
        ProgramRun run = governance(A, Optional.of(B), with(f -> {
            f[0] = false;
            f[3] = false;
            return f;
        }));
        assertFalse(run.failed(), run::errors);
        assertEquals(List.of(), run.where(r -> r.name().startsWith("multiregion-governance-key")));
        assertEquals(List.of(), run.where(r -> r.type().equals(BUCKET) && r.name().startsWith("multiregion-governance")));
    }

    @Test
    @DisplayName("recordingFrequency and excludedRules reach the recorder and the rules")
    void frequencyAndExclusions() {
        ProgramRun run = governance(A, Optional.of(B), with(f -> {
            f[6] = GovernanceSettings.DAILY;
            f[7] = Set.of("RDS_CLUSTER_MULTI_AZ_ENABLED", "ENCRYPTED_VOLUMES");
            return f;
        }));
        assertEquals("DAILY", run.one(RECORDER).at("recordingMode", "recordingFrequency"));
        assertEquals(ManagedRules.ALL.size() - 2, count(run, RULE));
        assertTrue(run.ofType(RULE).stream().noneMatch(r -> Set.of("RDS_CLUSTER_MULTI_AZ_ENABLED", "ENCRYPTED_VOLUMES")
                .contains(String.valueOf(r.at("source", "sourceIdentifier")))));
    }

    @Test
    @DisplayName("in China the FSBP standard and the service-linked role are in the aws-cn partition")
    void partitionOfTheRegion() {
        AwsRegion beijing = new AwsRegion("cn-north-1");
        ProgramRun run = governance(beijing, Optional.empty(), GovernanceSettings.defaults());
        assertFalse(run.failed(), run::errors);
        assertEquals("arn:aws-cn:securityhub:cn-north-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                run.one(STANDARD).text("standardsArn"));
        assertEquals("arn:aws-cn:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
                run.one(RECORDER).text("roleArn"));
    }

    @Test
    @DisplayName("rule names stay within 128 characters and unique for the longest stack names")
    void ruleNames() {
        String prefix = "multiregion-" + "s".repeat(200);
        Set<String> names = new java.util.HashSet<>();
        for (ManagedRules.Rule rule : ManagedRules.ALL) {
            String name = ConfigRecording.ruleName(prefix, rule);
            assertTrue(name.length() <= 128, name);
            assertTrue(name.endsWith("-" + rule.slug()), name);
            assertTrue(names.add(name), name);
        }
        assertEquals(ManagedRules.ALL.size(), ManagedRules.identifiers().size(), "identifiers are unique");
    }
}
