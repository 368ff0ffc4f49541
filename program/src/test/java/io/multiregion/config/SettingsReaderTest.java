package io.multiregion.config;

import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SettingsReader} without the engine: valid maps and every documented kind of bad value. */
class SettingsReaderTest {

    private static final String PROJECT = "multiregion";
    private static final String PROVIDERS = "pulumi:disable-default-providers";
    private static final String CONNECTION_ID = "0b0b0b0b-1111-2222-3333-444444444444";

    /** The smallest valid primary configuration: every optional key left to its default. */
    static Map<String, String> primary() {
        Map<String, String> config = new HashMap<>();
        config.put(PROVIDERS, "[\"*\"]");
        config.put("multiregion:role", "primary");
        config.put("multiregion:primaryRegion", "eu-west-1");
        config.put("multiregion:secondaryRegion", "eu-central-1");
        config.put("multiregion:repository", "acme-corp/storefront");
        return config;
    }

    /** The smallest valid secondary configuration. */
    static Map<String, String> secondary() {
        Map<String, String> config = new HashMap<>();
        config.put(PROVIDERS, "[\"*\"]");
        config.put("multiregion:role", "secondary");
        config.put("multiregion:primaryRegion", "eu-west-1");
        config.put("multiregion:secondaryRegion", "eu-central-1");
        config.put("multiregion:primaryStack", "acme-corp/multiregion/primary");
        return config;
    }

    private static StackSettings read(Map<String, String> config, String stack) {
        return SettingsReader.read(ConfigSource.of(config), PROJECT, stack);
    }

    private static ConfigException failure(Map<String, String> config, String stack) {
        return assertThrows(ConfigException.class, () -> read(config, stack),
                "configuration " + config + " must be rejected");
    }

    @Test
    @DisplayName("a minimal primary parses with every documented default")
    void primaryDefaults() {
        StackSettings settings = read(primary(), "primary");
        assertAll(
                () -> assertEquals(PROJECT, settings.project()),
                () -> assertEquals("primary", settings.stack()),
                () -> assertEquals(Role.PRIMARY, settings.role()),
                () -> assertEquals(new AwsRegion("eu-west-1"), settings.primaryRegion()),
                () -> assertEquals(new AwsRegion("eu-central-1"), settings.secondaryRegion()),
                () -> assertEquals(new AwsRegion("eu-west-1"), settings.homeRegion()),
                () -> assertEquals(TriggerMode.CLOUDTRAIL, settings.delivery().trigger()),
                () -> assertEquals(Optional.empty(), settings.primaryStack()),
                () -> assertEquals(SourceProvider.GITHUB, settings.delivery().sourceProvider()),
                () -> assertEquals(Optional.of("acme-corp/storefront"), settings.delivery().repository()),
                () -> assertEquals("main", settings.delivery().branch()),
                () -> assertEquals(Optional.empty(), settings.delivery().connectionArn()),
                () -> assertEquals("releases/app.zip", settings.delivery().artifactKey()),
                () -> assertEquals(List.of("make test"), settings.delivery().testCommands()),
                () -> assertEquals("aws/codebuild/amazonlinux-x86_64-standard:5.0", settings.delivery().buildImage()),
                () -> assertEquals("BUILD_GENERAL1_SMALL", settings.delivery().buildComputeType()),
                () -> assertEquals(30, settings.delivery().buildTimeoutMinutes()),
                () -> assertEquals(false, settings.delivery().containerBuilds()),
                () -> assertEquals(365, settings.storage().logRetentionDays()),
                () -> assertEquals(30, settings.storage().kmsDeletionWindowDays()),
                () -> assertEquals(90, settings.storage().noncurrentVersionDays()),
                () -> assertEquals(false, settings.delivery().replicateDeleteMarkers()),
                () -> assertEquals(true, settings.storage().protectData()));
    }

    @Test
    @DisplayName("a minimal secondary parses: home region B, primary stack reference, no repository needed")
    void secondaryDefaults() {
        StackSettings settings = read(secondary(), "secondary");
        assertAll(
                () -> assertEquals(Role.SECONDARY, settings.role()),
                () -> assertEquals(new AwsRegion("eu-central-1"), settings.homeRegion()),
                () -> assertEquals(Optional.of("acme-corp/multiregion/primary"), settings.primaryStack()),
                () -> assertEquals(Optional.empty(), settings.delivery().repository()),
                () -> assertEquals(TriggerMode.CLOUDTRAIL, settings.delivery().trigger()),
                () -> assertEquals("releases/app.zip", settings.delivery().artifactKey()),
                () -> assertEquals(30, settings.storage().kmsDeletionWindowDays()));
    }

    @Test
    @DisplayName("the committed stack files (Pulumi.yaml defaults + Pulumi.<stack>.yaml) are valid and agree on regions")
    void committedStackFiles() {
        StackSettings primary = read(StackFiles.config("primary"), "primary");
        StackSettings secondary = read(StackFiles.config("secondary"), "secondary");
        assertAll(
                () -> assertEquals(Role.PRIMARY, primary.role()),
                () -> assertEquals(Role.SECONDARY, secondary.role()),
                () -> assertEquals(primary.primaryRegion(), secondary.primaryRegion()),
                () -> assertEquals(primary.secondaryRegion(), secondary.secondaryRegion()),
                () -> assertEquals(Optional.of("acme-corp/multiregion/primary"), secondary.primaryStack()),
                () -> assertEquals(primary.delivery().artifactKey(), secondary.delivery().artifactKey()),
                () -> assertEquals(Optional.empty(), primary.delivery().connectionArn(), "the declared default \"\" means unset"));
    }

    @Test
    @DisplayName("every optional key set to a valid non-default value is read as given")
    void everyKeySet() {
        Map<String, String> config = primary();
        config.put("multiregion:trigger", "eventbridge");
        config.put("multiregion:delivery", "bespoke");
        config.put("multiregion:sourceProvider", "GitLab");
        config.put("multiregion:repository", "acme/platform/storefront");
        config.put("multiregion:branch", "release/2024.1");
        config.put("multiregion:connectionArn", "arn:aws:codeconnections:eu-west-1:123456789012:connection/" + CONNECTION_ID);
        config.put("multiregion:artifactKey", "builds/storefront-release.zip");
        config.put("multiregion:testCommands", "[\"make lint\",\"make test\"]");
        config.put("multiregion:buildImage", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/build:1.2");
        config.put("multiregion:buildComputeType", "BUILD_GENERAL1_LARGE");
        config.put("multiregion:buildTimeoutMinutes", "2160");
        config.put("multiregion:containerBuilds", "true");
        config.put("multiregion:logRetentionDays", "3653");
        config.put("multiregion:kmsDeletionWindowDays", "7");
        config.put("multiregion:noncurrentVersionDays", "3650");
        config.put("multiregion:replicateDeleteMarkers", "true");
        config.put("multiregion:protectData", "false");
        StackSettings settings = read(config, "primary");
        assertAll(
                () -> assertEquals(Role.PRIMARY, settings.role()),
                () -> assertEquals(TriggerMode.EVENTBRIDGE, settings.delivery().trigger()),
                () -> assertEquals(SourceProvider.GITLAB, settings.delivery().sourceProvider()),
                () -> assertEquals(Optional.of("acme/platform/storefront"), settings.delivery().repository()),
                () -> assertEquals("release/2024.1", settings.delivery().branch()),
                () -> assertEquals(Optional.of("arn:aws:codeconnections:eu-west-1:123456789012:connection/" + CONNECTION_ID),
                        settings.delivery().connectionArn()),
                () -> assertEquals("builds/storefront-release.zip", settings.delivery().artifactKey()),
                () -> assertEquals(List.of("make lint", "make test"), settings.delivery().testCommands()),
                () -> assertEquals("BUILD_GENERAL1_LARGE", settings.delivery().buildComputeType()),
                () -> assertEquals(2160, settings.delivery().buildTimeoutMinutes()),
                () -> assertEquals(true, settings.delivery().containerBuilds()),
                () -> assertEquals(3653, settings.storage().logRetentionDays()),
                () -> assertEquals(7, settings.storage().kmsDeletionWindowDays()),
                () -> assertEquals(3650, settings.storage().noncurrentVersionDays()),
                () -> assertEquals(true, settings.delivery().replicateDeleteMarkers()),
                () -> assertEquals(false, settings.storage().protectData()));
    }

    @Test
    @DisplayName("an empty string counts as unset (Pulumi.yaml declares connectionArn: \"\")")
    void emptyStringIsUnset() {
        Map<String, String> config = primary();
        config.put("multiregion:connectionArn", "");
        config.put("multiregion:branch", "");
        StackSettings settings = read(config, "primary");
        assertEquals(Optional.empty(), settings.delivery().connectionArn());
        assertEquals("main", settings.delivery().branch());
    }

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                Arguments.of("disable-default-providers lists aws only", PROVIDERS, "[\"aws\"]"),
                Arguments.of("disable-default-providers lists aws among others", PROVIDERS, "[\"kubernetes\",\"aws\"]"),
                Arguments.of("GitHub repository with dots and underscores", "multiregion:repository", "acme-corp/store_front.web"),
                Arguments.of("branch with slashes", "multiregion:branch", "feature/JIRA-12/x"),
                Arguments.of("codestar-connections ARN", "multiregion:connectionArn",
                        "arn:aws:codestar-connections:eu-west-1:123456789012:connection/" + CONNECTION_ID),
                Arguments.of("artifact key at the bucket root", "multiregion:artifactKey", "app.zip"),
                Arguments.of("retention of one day", "multiregion:logRetentionDays", "1"),
                Arguments.of("timeout at the lower bound", "multiregion:buildTimeoutMinutes", "5"),
                Arguments.of("largest compute type", "multiregion:buildComputeType", "BUILD_GENERAL1_2XLARGE"));
    }

    @ParameterizedTest(name = "accepts {0}: {1} = {2}")
    @MethodSource("acceptedValues")
    @DisplayName("valid edge values are accepted")
    void accepts(String description, String key, String value) {
        Map<String, String> config = primary();
        config.put(key, value);
        StackSettings settings = read(config, "primary");
        assertEquals(Role.PRIMARY, settings.role());
    }

    static Stream<Arguments> acceptedRepositories() {
        return Stream.of(
                Arguments.of("GitHub", "acme-corp/storefront"),
                Arguments.of("GitLab", "acme/storefront"),
                Arguments.of("GitLab", "acme/platform/web/storefront"),
                Arguments.of("Bitbucket", "acme-ws/storefront-app"));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("acceptedRepositories")
    @DisplayName("well-formed repository ids are accepted per provider")
    void acceptsRepository(String provider, String repository) {
        Map<String, String> config = primary();
        config.put("multiregion:sourceProvider", provider);
        config.put("multiregion:repository", repository);
        assertEquals(Optional.of(repository), read(config, "primary").delivery().repository());
    }

    /**
     * One bad configuration: a base map changed by {@code set} and {@code remove}; the single problem
     * must name {@code key} and quote {@code badValue}, and say how to fix it ({@code fix}).
     */
    record Bad(String description, String stack, Map<String, String> set, List<String> remove,
               String key, String badValue, String fix) {

        Map<String, String> config() {
            Map<String, String> config = stack.equals("primary") ? primary() : secondary();
            config.putAll(set);
            remove.forEach(config::remove);
            return config;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private static Bad set(String description, String key, String value, String fix) {
        return new Bad(description, "primary", Map.of(key, value), List.of(), key, "'" + value + "'", fix);
    }

    private static Bad setSecondary(String description, String key, String value, String fix) {
        return new Bad(description, "secondary", Map.of(key, value), List.of(), key, "'" + value + "'", fix);
    }

    private static Bad missing(String description, String stack, String key, String fix) {
        return new Bad(description, stack, Map.of(), List.of(key), key, "missing", fix);
    }

    private static Bad repository(String provider, String repository) {
        return new Bad(provider + " repository '" + repository + "'", "primary",
                Map.of("multiregion:sourceProvider", provider, "multiregion:repository", repository), List.of(),
                "multiregion:repository", "'" + repository + "'", "without URL or .git");
    }

    static Stream<Bad> badConfigurations() {
        String connection = "arn:aws:codeconnections:us-east-1:123456789012:connection/" + CONNECTION_ID;
        return Stream.of(
                set("unknown role", "multiregion:role", "tertiary", "primary or secondary"),
                set("role not in lower case (the values are fixed)", "multiregion:role", "Primary", "primary or secondary"),
                missing("missing role", "primary", "multiregion:role", "primary or secondary"),
                set("upper-case region", "multiregion:primaryRegion", "EU-WEST-1", "eu-west-1"),
                set("region without hyphens", "multiregion:secondaryRegion", "euwest1", "eu-west-1"),
                set("well-formed but unknown region", "multiregion:primaryRegion", "xx-west-9", "us-east-1"),
                new Bad("equal regions", "primary", Map.of("multiregion:secondaryRegion", "eu-west-1"), List.of(),
                        "multiregion:secondaryRegion", "'eu-west-1'", "eu-central-1"),
                new Bad("regions in different partitions", "primary", Map.of("multiregion:secondaryRegion", "cn-north-1"),
                        List.of(), "multiregion:secondaryRegion", "'cn-north-1'", "one partition"),
                missing("missing primaryRegion", "primary", "multiregion:primaryRegion", "eu-west-1"),
                missing("missing secondaryRegion", "secondary", "multiregion:secondaryRegion", "eu-central-1"),
                missing("primary without repository", "primary", "multiregion:repository", "acme/storefront"),
                repository("GitHub", "https://github.com/acme-corp/storefront"),
                repository("GitHub", "acme-corp/storefront.git"),
                repository("GitHub", "storefront"),
                repository("GitLab", "https://gitlab.com/acme/storefront"),
                repository("GitLab", "acme/storefront.git"),
                repository("GitLab", "storefront"),
                repository("Bitbucket", "https://bitbucket.org/acme/storefront"),
                repository("Bitbucket", "acme/storefront.git"),
                repository("Bitbucket", "storefront"),
                repository("Bitbucket", "Acme/Storefront"),
                repository("GitHub", "acme--corp/storefront"),
                repository("GitHub", "acme/storefront/extra"),
                set("unknown source provider", "multiregion:sourceProvider", "SourceForge", "GitHub, GitLab, Bitbucket"),
                set("branch with '..'", "multiregion:branch", "feature..x", "e.g. main"),
                set("branch with a space", "multiregion:branch", "a b", "e.g. main"),
                set("branch starting with '-'", "multiregion:branch", "-x", "e.g. main"),
                set("branch ending in .lock", "multiregion:branch", "x.lock", "e.g. main"),
                set("connection ARN of another service", "multiregion:connectionArn",
                        "arn:aws:codecommit:eu-west-1:123456789012:storefront", "unset the key"),
                set("connection ARN with a short account", "multiregion:connectionArn",
                        "arn:aws:codeconnections:eu-west-1:1234:connection/" + CONNECTION_ID, "unset the key"),
                set("connection ARN in another region", "multiregion:connectionArn", connection, "create one in eu-west-1"),
                set("connection ARN of another partition", "multiregion:connectionArn",
                        "arn:aws-cn:codeconnections:eu-west-1:123456789012:connection/" + CONNECTION_ID, "partition"),
                set("absolute artifact key", "multiregion:artifactKey", "/abs.zip", "releases/app.zip"),
                set("artifact key not ending in .zip", "multiregion:artifactKey", "no-zip.txt", "ending in .zip"),
                set("artifact key with '//'", "multiregion:artifactKey", "a//b.zip", "single '/'"),
                set("artifact key with a wildcard", "multiregion:artifactKey", "rel*.zip", "releases/app.zip"),
                set("testCommands not a JSON list", "multiregion:testCommands", "make test", "[\"make test\"]"),
                set("testCommands a single JSON string", "multiregion:testCommands", "\"make test\"", "[\"make test\"]"),
                set("testCommands an empty list", "multiregion:testCommands", "[]", "[\"make test\"]"),
                set("unknown compute type", "multiregion:buildComputeType", "BUILD_GENERAL1_HUGE", "BUILD_GENERAL1_SMALL"),
                set("build timeout below 5", "multiregion:buildTimeoutMinutes", "4", "5 to 2160"),
                set("build timeout above 2160", "multiregion:buildTimeoutMinutes", "2161", "5 to 2160"),
                set("build timeout not a number", "multiregion:buildTimeoutMinutes", "abc", "such as 30"),
                set("log retention CloudWatch does not offer", "multiregion:logRetentionDays", "2", "3653"),
                set("log retention 0", "multiregion:logRetentionDays", "0", "3653"),
                set("log retention above ten years", "multiregion:logRetentionDays", "4000", "3653"),
                set("testCommands with a number", "multiregion:testCommands", "[\"make test\", 1]", "[\"make test\"]"),
                set("testCommands with a blank command", "multiregion:testCommands", "[\" \"]", "[\"make test\"]"),
                set("KMS deletion window below 7", "multiregion:kmsDeletionWindowDays", "6", "7 to 30"),
                set("KMS deletion window above 30", "multiregion:kmsDeletionWindowDays", "31", "7 to 30"),
                set("noncurrent version days 0", "multiregion:noncurrentVersionDays", "0", "1 and 3650"),
                set("containerBuilds 'yes'", "multiregion:containerBuilds", "yes", "true or false"),
                set("replicateDeleteMarkers 'yes'", "multiregion:replicateDeleteMarkers", "yes", "true or false"),
                set("protectData 'yes'", "multiregion:protectData", "yes", "true or false"),
                set("unknown trigger mode", "multiregion:trigger", "sns", "cloudtrail or eventbridge"),
                new Bad("disable-default-providers absent", "primary", Map.of(), List.of(PROVIDERS),
                        PROVIDERS, "not set", "[\"*\"]"),
                set("disable-default-providers empty", PROVIDERS, "[]", "[\"*\"]"),
                set("disable-default-providers without aws", PROVIDERS, "[\"kubernetes\"]", "[\"*\"]"),
                new Bad("secondary disable-default-providers absent", "secondary", Map.of(), List.of(PROVIDERS),
                        PROVIDERS, "not set", "[\"*\"]"),
                missing("secondary without primaryStack", "secondary", "multiregion:primaryStack", "<org>/multiregion/primary"),
                setSecondary("primaryStack without organization", "multiregion:primaryStack", "multiregion/primary",
                        "<organization>/<project>/<stack>"),
                setSecondary("primaryStack with a space", "multiregion:primaryStack", "acme corp/multiregion/primary",
                        "<organization>/<project>/<stack>"),
                setSecondary("secondary with equal regions", "multiregion:secondaryRegion", "eu-west-1", "another region"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("badConfigurations")
    @DisplayName("each bad value is one problem naming the key, the value and the fix")
    void rejects(Bad bad) {
        ConfigException error = failure(bad.config(), bad.stack());
        assertEquals(1, error.problems().size(), () -> "expected exactly one problem, got " + error.problems());
        String problem = error.problems().get(0);
        assertAll(
                () -> assertTrue(problem.startsWith(bad.key() + ":"), () -> "problem must name " + bad.key() + ": " + problem),
                () -> assertTrue(problem.contains(bad.badValue()), () -> "problem must quote " + bad.badValue() + ": " + problem),
                () -> assertTrue(problem.contains(bad.fix()), () -> "problem must say the fix '" + bad.fix() + "': " + problem),
                () -> assertTrue(error.getMessage().contains(problem), "the exception message lists the problem"),
                () -> assertTrue(error.getMessage().contains("nothing was created"), error::getMessage));
    }

    @Test
    @DisplayName("several problems are reported together in one exception")
    void everyProblemAtOnce() {
        Map<String, String> config = primary();
        config.remove(PROVIDERS);
        config.put("multiregion:role", "tertiary");
        config.put("multiregion:primaryRegion", "EU-WEST-1");
        config.put("multiregion:branch", "a b");
        config.put("multiregion:artifactKey", "rel*.zip");
        config.put("multiregion:kmsDeletionWindowDays", "6");
        config.put("multiregion:containerBuilds", "yes");

        ConfigException error = failure(config, "primary");
        List<String> keys = List.of(PROVIDERS, "multiregion:role", "multiregion:primaryRegion", "multiregion:branch",
                "multiregion:artifactKey", "multiregion:kmsDeletionWindowDays", "multiregion:containerBuilds");
        assertEquals(keys.size(), error.problems().size(), () -> "problems: " + error.problems());
        for (String key : keys) {
            assertEquals(1, error.problems().stream().filter(p -> p.startsWith(key + ":")).count(),
                    () -> "exactly one problem for " + key + " in " + error.problems());
        }
        assertTrue(error.getMessage().startsWith("Invalid configuration for stack 'primary' (7 problems); nothing was created"),
                error::getMessage);
    }

    @Test
    @DisplayName("a secondary missing primaryStack and both regions reports all three")
    void secondaryProblemsTogether() {
        Map<String, String> config = secondary();
        config.remove("multiregion:primaryStack");
        config.remove("multiregion:primaryRegion");
        config.remove("multiregion:secondaryRegion");
        ConfigException error = failure(config, "secondary");
        assertEquals(3, error.problems().size(), () -> "problems: " + error.problems());
        assertAll(List.of("multiregion:primaryStack", "multiregion:primaryRegion", "multiregion:secondaryRegion").stream()
                .map(key -> () -> assertTrue(error.problems().stream().anyMatch(p -> p.startsWith(key + ": missing")),
                        () -> key + " missing in " + error.problems())));
    }
}
