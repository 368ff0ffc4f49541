package io.multiregion;

import io.multiregion.regions.ProviderRegistry;
import io.multiregion.stacks.StackContract;
import io.multiregion.testing.GlobalServices;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Samples;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real program on the mock engine with bad configuration: it fails with a message naming key, value
 * and fix, and registers nothing at all.
 */
/* The SDK's mock deployment is a process-wide static: never run alongside other tests. */
@Isolated
class BadConfigTest {

    private static final String PRIMARY_STACK = "acme-corp/multiregion/primary";

    /** A stack file's configuration with some keys changed ({@code null} value: key removed). */
    record Case(String description, String stack, Map<String, String> changes, List<String> fragments) {

        Map<String, String> config() {
            Map<String, String> config = new HashMap<>(StackFiles.config(stack));
            changes.forEach((key, value) -> {
                if (value == null) {
                    config.remove(key);
                } else {
                    config.put(key, value);
                }
            });
            return config;
        }

        @Override
        public String toString() {
            return stack + ": " + description;
        }
    }

    private static Map<String, String> change(String key, String value) {
        Map<String, String> changes = new HashMap<>();
        changes.put(key, value);
        return changes;
    }

    static Stream<Case> badConfigurations() {
        List<Case> cases = new ArrayList<>();
        for (String stack : List.of("primary", "secondary")) {
            cases.add(new Case("unknown role", stack, change("multiregion:role", "tertiary"),
                    List.of("multiregion:role: 'tertiary' is not a role", "primary or secondary")));
            cases.add(new Case("equal regions", stack, change("multiregion:secondaryRegion", "eu-west-1"),
                    List.of("multiregion:secondaryRegion: 'eu-west-1' is the same as multiregion:primaryRegion",
                            "e.g. eu-central-1")));
            cases.add(new Case("missing disable-default-providers", stack,
                    change("pulumi:disable-default-providers", null),
                    List.of("pulumi:disable-default-providers: not set", "pulumi:disable-default-providers: [\"*\"]")));
            cases.add(new Case("disable-default-providers without aws", stack,
                    change("pulumi:disable-default-providers", "[\"kubernetes\"]"),
                    List.of("pulumi:disable-default-providers: '[\"kubernetes\"]' leaves the aws default provider on")));
            cases.add(new Case("malformed region", stack, change("multiregion:primaryRegion", "EU-WEST-1"),
                    List.of("multiregion:primaryRegion: 'EU-WEST-1' is not a region code", "like eu-west-1")));
            cases.add(new Case("governance switch not a boolean", stack,
                    change("multiregion:governance", "{\"securityHub\":\"off\"}"),
                    List.of("multiregion:governance.securityHub: 'off' is not a boolean",
                            "false (the account already has it)")));
            cases.add(new Case("governance not a map", stack, change("multiregion:governance", "false"),
                    List.of("multiregion:governance: 'false' is not an object", "{accountTrail: false}")));
        }
        cases.add(new Case("missing repository", "primary", change("multiregion:repository", null),
                List.of("multiregion:repository: missing", "pulumi config set multiregion:repository")));
        cases.add(new Case("repository as a URL", "primary",
                change("multiregion:repository", "https://github.com/acme-corp/storefront.git"),
                List.of("multiregion:repository: 'https://github.com/acme-corp/storefront.git'", "without URL or .git")));
        cases.add(new Case("missing primaryStack", "secondary", change("multiregion:primaryStack", null),
                List.of("multiregion:primaryStack: missing", "<org>/multiregion/primary")));
        cases.add(new Case("malformed primaryStack", "secondary", change("multiregion:primaryStack", "primary"),
                List.of("multiregion:primaryStack: 'primary' is not a fully qualified stack name")));
        cases.add(new Case("governance rule this program does not deploy", "primary",
                change("multiregion:governance", "{\"excludedRules\":[\"ROOT_ACCOUNT_MFA_ENABLED\"]}"),
                List.of("multiregion:governance.excludedRules: 'ROOT_ACCOUNT_MFA_ENABLED' is not a managed rule this program deploys",
                        "use one of ENCRYPTED_VOLUMES")));
        cases.add(new Case("governance recording frequency", "secondary",
                change("multiregion:governance", "{\"recordingFrequency\":\"HOURLY\"}"),
                List.of("multiregion:governance.recordingFrequency: 'HOURLY'", "set CONTINUOUS")));
        Map<String, String> several = change("multiregion:role", "tertiary");
        several.put("multiregion:kmsDeletionWindowDays", "31");
        several.put("pulumi:disable-default-providers", null);
        cases.add(new Case("three problems at once", "primary", several,
                List.of("(3 problems)", "multiregion:role: 'tertiary'", "multiregion:kmsDeletionWindowDays: '31'",
                        "pulumi:disable-default-providers: not set")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigurations")
    @DisplayName("fails with the expected message and registers no resource at all")
    void failsAndRegistersNothing(Case bad) {
        ProgramRun run = ProgramRun.with(bad.stack(), bad.config(), Samples.primaryOutputs());
        String errors = run.errors();
        assertTrue(run.failed(), () -> bad + " must fail; registered " + run.all().size() + " resources");
        assertTrue(errors.contains("Invalid configuration for stack '" + bad.stack() + "'"), errors);
        assertTrue(errors.contains("nothing was created"), errors);
        assertAll(bad.fragments().stream().map(fragment -> () ->
                assertTrue(errors.contains(fragment), () -> "error must contain <" + fragment + ">:\n" + errors)));
        assertEquals(List.of(), run.all(), "nothing may be registered, not even a provider or component");
    }

    static Stream<Map<String, Object>> disagreeingPrimaries() {
        return Stream.of(
                Samples.primaryOutputs("eu-west-2", "eu-central-1"),
                Samples.primaryOutputs("eu-west-1", "eu-north-1"),
                Samples.primaryOutputs("us-east-1", "us-west-2"));
    }

    @ParameterizedTest(name = "primary stack exports {0}")
    @MethodSource("disagreeingPrimaries")
    @DisplayName("a secondary whose regions disagree with the primary stack's fails before any AWS resource")
    void secondaryDisagreesWithPrimary(Map<String, Object> outputs) {
        ProgramRun run = ProgramRun.of("secondary", outputs);
        String errors = run.errors();
        assertTrue(run.failed(), "the run must fail");
        assertTrue(errors.contains("Invalid configuration for stack 'secondary'"), errors);
        if (!outputs.get("primaryRegion").equals("eu-west-1")) {
            assertTrue(errors.contains("multiregion:primaryRegion: 'eu-west-1' disagrees with the primary stack "
                    + PRIMARY_STACK + ", which was deployed with '" + outputs.get("primaryRegion") + "'"), errors);
        }
        if (!outputs.get("secondaryRegion").equals("eu-central-1")) {
            assertTrue(errors.contains("multiregion:secondaryRegion: 'eu-central-1' disagrees with the primary stack "
                    + PRIMARY_STACK + ", which replicates to '" + outputs.get("secondaryRegion") + "'"), errors);
        }
        assertTrue(errors.contains("set the same value in both stack files"), errors);
        assertEquals(List.of("pulumi:pulumi:StackReference"), run.all().stream().map(Registered::type).toList(),
                "only the reference to the primary stack may be registered");
        assertEquals(PRIMARY_STACK, run.all().get(0).name());
        assertEquals(List.of(), run.aws(), "no aws: resource may be registered");
    }

    @Test
    @DisplayName("a secondary whose primary stack exports nothing yet runs, warns, and never touches region A")
    void secondaryBeforePrimaryDeployed() {
        ProgramRun run = ProgramRun.of("secondary", Map.of());
        List<String> warnings = run.warnings();
        assertFalse(run.failed(), run::errors);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("primary stack " + PRIMARY_STACK + " exports nothing yet")
                        && w.contains("pulumi up -s primary")), () -> "warnings: " + warnings);
        assertFalse(run.aws().isEmpty(), "the secondary still registers its resources in B");
        assertEquals(List.of(), run.where(r -> Objects.equals(r.providerRegion(), "eu-west-1")),
                "nothing may be registered through region A's provider");
        assertEquals(List.of(), run.where(r -> r.type().equals("pulumi:providers:aws")
                        && "eu-west-1".equals(r.text("region"))), "no provider for region A may exist");
        assertTrue(run.aws().stream().allMatch(r -> "eu-central-1".equals(r.providerRegion())
                        || ProviderRegistry.GLOBAL_PROVIDER.equals(run.providerName(r))),
                "every AWS resource goes through B's provider, or the front door's global provider");
    }

    @Test
    @DisplayName("a primaryStack that exports only part of the contract (another project's stack) fails, naming what is missing")
    void primaryStackOfAnotherProject() {
        ProgramRun run = ProgramRun.of("secondary", Map.of("primaryRegion", "eu-west-1", "secondaryRegion", "eu-central-1",
                "url", "https://example.com"));
        String errors = run.errors();
        assertTrue(run.failed(), "the run must fail");
        assertTrue(errors.contains("multiregion:primaryStack: '" + PRIMARY_STACK + "' does not export artifactKey, "
                + "replicaBucketName, replicaBucketArn, replicaKeyArn"), errors);
        assertEquals(List.of(), run.aws(), "no aws: resource may be registered");
    }

    @Test
    @DisplayName("a primary export of the wrong shape fails, naming the output")
    void mistypedExport() {
        Map<String, Object> exports = new HashMap<>(Samples.primaryOutputs());
        exports.put(StackContract.Value.REPLICA_KEY_ARN.key(), "alias/not-an-arn");
        ProgramRun run = ProgramRun.of("secondary", exports);
        assertTrue(run.failed(), "the run must fail");
        assertTrue(run.errors().contains("output replicaKeyArn of '" + PRIMARY_STACK + "' is 'alias/not-an-arn', which is "
                + "not ARN of B's KMS key"), run.errors());
        assertEquals(List.of(), run.aws(), "no aws: resource may be registered");
    }

    /** Runs {@code action} while recording the texts of every WARNING the engine logs. */

}
