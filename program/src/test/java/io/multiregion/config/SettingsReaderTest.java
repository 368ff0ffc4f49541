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

/** {@link SettingsReader} without the engine: valid maps, their defaults, and every problem at once (each bad value: {@link BadValuesTest}). */
class SettingsReaderTest {

    private static final String CONNECTION_ID = "0b0b0b0b-1111-2222-3333-444444444444";

    private static StackSettings read(Map<String, String> config, String stack) {
        return Configs.settings(stack, config);
    }

    @Test
    @DisplayName("a minimal primary parses with every documented default")
    void primaryDefaults() {
        StackSettings settings = read(Configs.primary(), "primary");
        assertAll(
                () -> assertEquals(Configs.PROJECT, settings.project()),
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
        StackSettings settings = read(Configs.secondary(), "secondary");
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
        Map<String, String> config = Configs.primary();
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
        Map<String, String> config = Configs.primary();
        config.put("multiregion:connectionArn", "");
        config.put("multiregion:branch", "");
        StackSettings settings = read(config, "primary");
        assertEquals(Optional.empty(), settings.delivery().connectionArn());
        assertEquals("main", settings.delivery().branch());
    }

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                Arguments.of("disable-default-providers lists aws only", "pulumi:disable-default-providers", "[\"aws\"]"),
                Arguments.of("disable-default-providers lists aws among others", "pulumi:disable-default-providers",
                        "[\"kubernetes\",\"aws\"]"),
                Arguments.of("GitHub repository with dots and underscores", "multiregion:repository", "acme-corp/store_front.web"),
                Arguments.of("branch with slashes", "multiregion:branch", "feature/JIRA-12/x"),
                Arguments.of("codestar-connections ARN", "multiregion:connectionArn",
                        "arn:aws:codestar-connections:eu-west-1:123456789012:connection/" + CONNECTION_ID),
                Arguments.of("artifact key at the bucket root", "multiregion:artifactKey", "app.zip"),
                Arguments.of("retention of one day", "multiregion:logRetentionDays", "1"),
                Arguments.of("timeout at the lower bound", "multiregion:buildTimeoutMinutes", "5"),
                Arguments.of("largest compute type", "multiregion:buildComputeType", "BUILD_GENERAL1_2XLARGE"),
                // one number rule: a JSON number or a numeric string, whole where the field is whole
                Arguments.of("a quoted whole number", "multiregion:buildTimeoutMinutes", "30.0"),
                Arguments.of("sizing numbers as text and in exponent form", "multiregion:sizing",
                        "{\"minSize\": \"2.0\", \"desiredCapacity\": 2, \"maxSize\": 1e1}"),
                Arguments.of("zones as quoted text", "multiregion:network", "{\"primary\": {\"zones\": \"3.0\"}}"),
                Arguments.of("backup retention as quoted text", "multiregion:database", "{\"backupRetentionDays\": \"7.0\"}"),
                Arguments.of("a boolean as text", "multiregion:governance", "{\"securityHub\": \"false\"}"));
    }

    @ParameterizedTest(name = "accepts {0}: {1} = {2}")
    @MethodSource("acceptedValues")
    @DisplayName("valid edge values are accepted")
    void accepts(String description, String key, String value) {
        Map<String, String> config = Configs.primary();
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
        Map<String, String> config = Configs.primary();
        config.put("multiregion:sourceProvider", provider);
        config.put("multiregion:repository", repository);
        assertEquals(Optional.of(repository), read(config, "primary").delivery().repository());
    }

    @Test
    @DisplayName("several problems are reported together in one exception")
    void everyProblemAtOnce() {
        Map<String, String> config = Configs.primary();
        config.remove("pulumi:disable-default-providers");
        config.put("multiregion:role", "tertiary");
        config.put("multiregion:primaryRegion", "EU-WEST-1");
        config.put("multiregion:branch", "a b");
        config.put("multiregion:artifactKey", "rel*.zip");
        config.put("multiregion:kmsDeletionWindowDays", "6");
        config.put("multiregion:containerBuilds", "yes");

        ConfigException error = assertThrows(ConfigException.class, () -> SettingsReader.read(ConfigSource.of(config),
                Configs.PROJECT, "primary"));
        assertEquals(List.of("multiregion:artifactKey", "multiregion:branch", "multiregion:containerBuilds",
                "multiregion:kmsDeletionWindowDays", "multiregion:primaryRegion", "multiregion:role",
                "pulumi:disable-default-providers"), error.problems().stream().map(Problem::key).sorted().toList());
        assertTrue(error.getMessage().startsWith("Invalid configuration for stack 'primary' (7 problems); nothing was created"),
                error::getMessage);
    }

    @Test
    @DisplayName("a secondary missing primaryStack and both regions reports all three")
    void secondaryProblemsTogether() {
        Map<String, String> config = Configs.secondary();
        config.remove("multiregion:primaryStack");
        config.remove("multiregion:primaryRegion");
        config.remove("multiregion:secondaryRegion");
        List<Problem> problems = Configs.problems("secondary", config);
        assertEquals(List.of("multiregion:primaryRegion", "multiregion:primaryStack", "multiregion:secondaryRegion"),
                problems.stream().map(Problem::key).sorted().toList());
        assertTrue(problems.stream().allMatch(p -> p.kind() == Problem.Kind.MISSING), problems::toString);
    }
}
