package io.multiregion.config;

import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a new user trips over: provider settings in the aws: namespace, keys that do nothing, and the messages. */
class NewUserCasesTest {

    @Test
    @DisplayName("aws: settings reach every provider the program creates, in both regions")
    void awsSettingsReachEveryProvider() {
        Map<String, String> config = new HashMap<>(StackFiles.config("primary"));
        config.put("aws:profile", "acme-prod");
        config.put("aws:allowedAccountIds", "[\"123456789012\"]");
        config.put("aws:assumeRole", "{\"roleArn\":\"arn:aws:iam::123456789012:role/deploy\",\"sessionName\":\"pulumi\"}");
        config.put("aws:skipCredentialsValidation", "true");
        config.put("aws:defaultTags", "{\"tags\":{\"cost-center\":\"web\"}}");
        ProgramRun run = ProgramRun.with("primary", config, Map.of());
        assertFalse(run.failed(), run::errors);
        List<Registered> providers = run.ofType("pulumi:providers:aws");
        assertEquals(2, providers.size());
        for (Registered p : providers) {
            assertEquals("acme-prod", p.text("profile"), p.name());
            assertTrue(p.text("allowedAccountIds").contains("123456789012"), p.name());
            String assumeRole = String.valueOf(p.inputs().get("assumeRole"));
            assertTrue(assumeRole.contains("arn:aws:iam::123456789012:role/deploy") && assumeRole.contains("pulumi"),
                    p.name() + " " + assumeRole);
            assertEquals("true", String.valueOf(p.inputs().get("skipCredentialsValidation")), p.name());
            String tags = String.valueOf(p.inputs().get("defaultTags"));
            assertTrue(tags.contains("cost-center") && tags.contains("managed-by"), tags);
        }
    }

    @Test
    @DisplayName("aws: settings that cannot be honoured are refused with the reason; misspelt ones get a suggestion")
    void awsSettingsRefused() {
        Map<String, String> config = Configs.primary();
        config.put("aws:region", "us-east-1");
        config.put("aws:endpoints", "[{\"s3\":\"http://localhost:4566\"}]");
        config.put("aws:profle", "acme");
        config.put("aws:allowedAccountIds", "[\"12345\"]");
        config.put("aws:assumeRole", "{\"role\":\"deploy\"}");
        config.put("aws:ignoreTags", "[\"kubernetes.io/\"]");
        List<Problem> problems = Configs.problems("primary", config);
        assertEquals(7, problems.size(), problems::toString);
        Configs.has(problems, "aws:region", Problem.Kind.CONFLICT, "is not this stack's region eu-west-1");
        Configs.has(problems, "aws:endpoints", Problem.Kind.REFUSED, "bin/plan");
        Configs.has(problems, "aws:profle", Problem.Kind.UNKNOWN_KEY, "did you mean profile?");
        Configs.has(problems, "aws:allowedAccountIds", Problem.Kind.MALFORMED, "'12345' is not an AWS account id");
        Configs.has(problems, "aws:assumeRole.role", Problem.Kind.UNKNOWN_FIELD, "did you mean roleArn?");
        Configs.has(problems, "aws:assumeRole.roleArn", Problem.Kind.MISSING, "the role to assume");
        Configs.has(problems, "aws:ignoreTags", Problem.Kind.MALFORMED, "{keyPrefixes: [\"kubernetes.io/\"]}");
    }

    @Test
    @DisplayName("aws:region equal to the stack's region is accepted with a warning that it is not used")
    void awsRegionOfTheStack() {
        Map<String, String> config = Configs.primary();
        config.put("aws:region", "eu-west-1");
        List<Problem> warnings = Configs.read("primary", config).warnings();
        Configs.only(warnings, "aws:region", Problem.Kind.NO_EFFECT, "is not used");
    }

    @Test
    @DisplayName("a key set where its role never reads it gets a warning naming the stack that reads it")
    void keysThatDoNothing() {
        Map<String, String> config = Configs.primary();
        config.put("multiregion:trigger", "eventbridge");
        StackSettings primary = Configs.settings("primary", config);
        assertEquals(List.of("multiregion:trigger: 'eventbridge' is set for stack 'primary' (role primary), but only the "
                + "secondary stack reads it: it has no effect here; set it in that stack's file instead"), primary.warnings());

        Map<String, String> secondary = Configs.secondary();
        secondary.put("multiregion:repository", "acme/storefront");
        secondary.put("multiregion:branch", "release");
        List<Problem> warnings = Configs.read("secondary", secondary).warnings();
        assertEquals(List.of("multiregion:branch", "multiregion:repository"), warnings.stream().map(Problem::key).toList());
        assertTrue(warnings.stream().allMatch(w -> w.kind() == Problem.Kind.NO_EFFECT
                && w.message().contains("only the primary stack reads it")), warnings::toString);
    }

    @Test
    @DisplayName("the committed stack files set no key their role ignores")
    void committedFilesHaveNoDeadKeys() {
        for (String stack : List.of("primary", "secondary")) {
            StackSettings settings = SettingsReader.read(ConfigSource.of(StackFiles.config(stack)), "multiregion", stack);
            assertEquals(List.of(), settings.warnings(), stack);
        }
    }

    @Test
    @DisplayName("a secret the offline plan cannot decrypt is not reported as invalid, and the rest is still checked")
    void undecryptableSecret() {
        Map<String, String> config = Configs.primary();
        config.put("multiregion:repository", "v1:abc:cipher");
        config.put("multiregion:branch", "bad branch");
        ConfigSource source = new ConfigSource() {
            @Override
            public java.util.Optional<String> get(String key) {
                return java.util.Optional.ofNullable(config.get(key));
            }

            @Override
            public boolean isSecret(String key) {
                return key.equals("multiregion:repository");
            }

            @Override
            public boolean isUndecryptable(String key) {
                return key.equals("multiregion:repository");
            }

            @Override
            public java.util.Optional<Set<String>> keys() {
                return java.util.Optional.of(config.keySet());
            }
        };
        SettingsReader.Reading reading = SettingsReader.check(source, "multiregion", "primary");
        Configs.only(reading.problems(), "branch", Problem.Kind.MALFORMED, "'bad branch'");
        Configs.only(reading.warnings(), "repository", Problem.Kind.UNDECRYPTABLE, "not checked until a deployment");
    }
}
