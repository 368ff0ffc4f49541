package io.multiregion.config;

import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A misspelt key must not silently fall back to a default. */
class UnknownKeysTest {

    @Test
    @DisplayName("a misspelt key is reported with the key that was meant")
    void misspeltKeyIsReported() {
        Map<String, String> config = new java.util.HashMap<>(SettingsReaderTest.secondary());
        config.put("multiregion:triger", "eventbridge");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SettingsReader.read(ConfigSource.of(config), "multiregion", "secondary"));
        assertEquals(List.of("multiregion:triger: 'eventbridge' is set, but it is not a setting of this program; did you "
                + "mean multiregion:trigger? Remove or rename it (the settings are listed in README.md, Configuration "
                + "reference)"), e.problems());
    }

    @Test
    @DisplayName("a foreign key in the project namespace is reported; other namespaces are not ours to judge")
    void foreignKey() {
        Map<String, String> config = new java.util.HashMap<>(SettingsReaderTest.primary());
        config.put("multiregion:databasePassword", "x");
        config.put("aws:region", "eu-west-1");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SettingsReader.read(ConfigSource.of(config), "multiregion", "primary"));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("multiregion:databasePassword: 'x' is set, but it is not a setting"));
    }

    @Test
    @DisplayName("the value of a secret key never appears in an error")
    void secretValuesAreMasked() {
        Map<String, String> config = new java.util.HashMap<>(SettingsReaderTest.primary());
        config.put("multiregion:databasePassword", "hunter2-very-secret");
        config.put("multiregion:repository", "not a repo");
        ConfigException e = assertThrows(ConfigException.class, () -> SettingsReader.read(
                ConfigSource.of(config, Set.of("multiregion:databasePassword", "multiregion:repository")),
                "multiregion", "primary"));
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("multiregion:databasePassword: [secret] is set"), e.getMessage());
        assertTrue(e.getMessage().contains("multiregion:repository: [secret] is not a GitHub repository id"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2") && !e.getMessage().contains("not a repo'"), e.getMessage());
    }

    @Test
    @DisplayName("on the engine: an unknown key fails the run, names key and value, and nothing is registered")
    void unknownKeyOnTheEngine() {
        Map<String, String> config = new java.util.HashMap<>(StackFiles.config("primary"));
        config.put("multiregion:vpcCidr", "10.0.0.0/33");
        config.put("multiregion:apiToken", "tok-123456");
        io.multiregion.testing.ProgramRun run = io.multiregion.testing.ProgramRun.with("primary", config,
                Set.of("multiregion:apiToken"), Map.of());
        assertTrue(run.failed());
        assertTrue(run.errors().contains("multiregion:vpcCidr: '10.0.0.0/33' is set, but it is not a setting of this program"),
                run.errors());
        assertTrue(run.errors().contains("multiregion:apiToken: [secret] is set"), run.errors());
        assertTrue(!run.errors().contains("tok-123456"), run.errors());
        assertEquals(List.of(), run.all());
    }

    @Test
    @DisplayName("the language host's PULUMI_CONFIG keys are read, including the legacy ns:config:key form")
    void keysFromEnvironment() {
        assertEquals(Optional.of(Set.of("multiregion:role", "multiregion:trigger", "pulumi:disable-default-providers")),
                ConfigSource.keysFromEnvironment("{\"multiregion:config:role\":\"primary\",\"multiregion:trigger\":"
                        + "\"cloudtrail\",\"pulumi:disable-default-providers\":\"[\\\"*\\\"]\"}"));
        assertEquals(Optional.empty(), ConfigSource.keysFromEnvironment(null));
        assertEquals(Optional.empty(), ConfigSource.keysFromEnvironment("not json"));
    }

    @Test
    @DisplayName("Pulumi.yaml declares exactly the keys the program reads, and both stack files use only those")
    @SuppressWarnings("unchecked")
    void projectFileDeclaresEveryKey() throws IOException {
        try (Reader reader = Files.newBufferedReader(StackFiles.ROOT.resolve("Pulumi.yaml"))) {
            Map<String, Object> project = new Yaml().load(reader);
            // A structured value cannot be declared: Pulumi.yaml types are string, integer, boolean and array only
            // (pulumi/pulumi, sdk/go/common/workspace/project.json, simpleConfigType); those keys are in the README.
            Set<String> declarable = new java.util.TreeSet<>();
            SettingsReader.settings().stream().filter(s -> !s.type().equals("object")).forEach(s -> declarable.add(s.name()));
            assertEquals(declarable, ((Map<String, Object>) project.get("config")).keySet());
        }
        for (String stack : List.of("primary", "secondary")) {
            SettingsReader.read(ConfigSource.of(StackFiles.config(stack)), "multiregion", stack);
        }
    }

    @Test
    @DisplayName("delivery: auto and every mode are accepted; anything else is refused with the choices")
    void deliveryMode() {
        Map<String, String> config = new java.util.HashMap<>(SettingsReaderTest.primary());
        config.put("multiregion:delivery", "bespoke");
        assertEquals(DeliveryMode.BESPOKE, SettingsReader.read(ConfigSource.of(config), "multiregion", "primary").delivery().mode());
        config.put("multiregion:delivery", "native");
        assertEquals(DeliveryMode.NATIVE, SettingsReader.read(ConfigSource.of(config), "multiregion", "primary").delivery().mode());
        config.put("multiregion:delivery", "nativ");
        ConfigException e = assertThrows(ConfigException.class,
                () -> SettingsReader.read(ConfigSource.of(config), "multiregion", "primary"));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("multiregion:delivery: 'nativ' is not a delivery mode"), e.problems().get(0));
        assertTrue(e.problems().get(0).contains("auto, bespoke, native, pipeline-free"), e.problems().get(0));
    }

    @Test
    @DisplayName("edit distance")
    void distance() {
        assertEquals(0, Suggest.distance("trigger", "TRIGGER"));
        assertEquals(1, Suggest.distance("triger", "trigger"));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
    }
}
