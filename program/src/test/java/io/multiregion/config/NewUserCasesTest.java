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

    private static ConfigException refused(Map<String, String> config, String stack) {
        return assertThrows(ConfigException.class, () -> SettingsReader.read(ConfigSource.of(config), "multiregion", stack));
    }

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
        Map<String, String> config = SettingsReaderTest.primary();
        config.put("aws:region", "us-east-1");
        config.put("aws:endpoints", "[{\"s3\":\"http://localhost:4566\"}]");
        config.put("aws:profle", "acme");
        config.put("aws:allowedAccountIds", "[\"12345\"]");
        config.put("aws:assumeRole", "{\"role\":\"deploy\"}");
        ConfigException e = refused(config, "primary");
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("aws:region: 'us-east-1' is not this stack's region eu-west-1"), all);
        assertTrue(all.contains("aws:endpoints: is set, but it is not passed"), all);
        assertTrue(all.contains("aws:profle: 'acme' is not a setting of the AWS provider; did you mean profile? Remove"), all);
        assertTrue(all.contains("aws:allowedAccountIds: '12345' is not an AWS account id"), all);
        assertTrue(all.contains("aws:assumeRole.role: is not a field of aws:assumeRole; did you mean roleArn?"), all);
        assertTrue(all.contains("aws:assumeRole.roleArn: '' is not an IAM role ARN"), all);
    }

    @Test
    @DisplayName("aws:region equal to the stack's region is accepted with a warning that it is not used")
    void awsRegionOfTheStack() {
        Map<String, String> config = SettingsReaderTest.primary();
        config.put("aws:region", "eu-west-1");
        StackSettings settings = SettingsReader.read(ConfigSource.of(config), "multiregion", "primary");
        assertTrue(settings.warnings().stream().anyMatch(w -> w.startsWith("aws:region: 'eu-west-1' is not used")),
                settings.warnings().toString());
    }

    @Test
    @DisplayName("a key set where its role never reads it gets a warning naming the stack that reads it")
    void keysThatDoNothing() {
        Map<String, String> config = SettingsReaderTest.primary();
        config.put("multiregion:trigger", "eventbridge");
        StackSettings primary = SettingsReader.read(ConfigSource.of(config), "multiregion", "primary");
        assertEquals(List.of("multiregion:trigger is set for stack 'primary' (role primary), but only the secondary stack "
                + "reads it: it has no effect here; set it in that stack's file instead"), primary.warnings());

        Map<String, String> secondary = SettingsReaderTest.secondary();
        secondary.put("multiregion:repository", "acme/storefront");
        secondary.put("multiregion:branch", "release");
        StackSettings read = SettingsReader.read(ConfigSource.of(secondary), "multiregion", "secondary");
        assertEquals(2, read.warnings().size(), read.warnings().toString());
        assertTrue(read.warnings().stream().allMatch(w -> w.contains("only the primary stack reads it")));
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
    @DisplayName("a misspelt role: the fix shows the stack's file and the role, with no -s")
    void roleHint() {
        Map<String, String> config = SettingsReaderTest.primary();
        config.put("multiregion:role", "primay");
        String problem = refused(config, "primary").problems().get(0);
        assertEquals("multiregion:role: 'primay' is not a role; did you mean primary?; set it to primary or secondary in "
                + "Pulumi.primary.yaml (pulumi config set multiregion:role primary)", problem);
        assertFalse(problem.contains("-s "), problem);
    }

    @Test
    @DisplayName("nearest matches: a value in the wrong case, a region that does not exist")
    void nearestMatches() {
        Map<String, String> config = SettingsReaderTest.secondary();
        config.put("multiregion:trigger", "EventBridge");
        config.put("multiregion:primaryRegion", "eu-west-9");
        List<String> problems = refused(config, "secondary").problems();
        assertTrue(problems.contains("multiregion:trigger: 'EventBridge' is not a trigger mode; did you mean eventbridge?; "
                + "set it to cloudtrail or eventbridge"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("multiregion:primaryRegion: 'eu-west-9' is not an AWS region; "
                + "did you mean eu-west-1 or eu-west-2 or eu-west-3?")), problems.toString());
    }

    @Test
    @DisplayName("an unknown key without a near match still reads as a sentence")
    void unknownKeySentence() {
        Map<String, String> config = SettingsReaderTest.primary();
        config.put("multiregion:zzzzzzzz", "1");
        String problem = refused(config, "primary").problems().get(0);
        assertTrue(problem.contains("is not a setting of this program. Remove or rename it"), problem);
    }

    @Test
    @DisplayName("a secret the offline plan cannot decrypt is not reported as invalid, and the rest is still checked")
    void undecryptableSecret() {
        Map<String, String> config = SettingsReaderTest.primary();
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
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsReader.read(source, "multiregion", "primary"));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("multiregion:branch: 'bad branch'"), e.problems().toString());
    }
}
