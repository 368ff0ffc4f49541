package io.multiregion.config;

import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A misspelt key must not silently fall back to a default; a secret's value never shows. */
class UnknownKeysTest {

    @Test
    @DisplayName("a foreign key in the project namespace is reported; other namespaces are not ours to judge")
    void foreignKey() {
        Map<String, String> config = Configs.primary();
        config.put("multiregion:databasePassword", "x");
        config.put("some-other-project:key", "y");
        Configs.only(Configs.problems("primary", config), "databasePassword", Problem.Kind.UNKNOWN_KEY, "'x' is set");
    }

    @Test
    @DisplayName("the value of a secret key never appears in an error, nor in a structured value's field")
    void secretValuesAreMasked() {
        Map<String, String> config = Configs.primary();
        config.put("multiregion:databasePassword", "hunter2-very-secret");
        config.put("multiregion:repository", "not a repo");
        config.put("multiregion:operations", "{\"email\":\"hunter3\"}");
        List<Problem> problems = SettingsReader.check(ConfigSource.of(config, Set.of("multiregion:databasePassword",
                "multiregion:repository", "multiregion:operations")), Configs.PROJECT, "primary").problems();
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.value().equals(Problem.SECRET)), problems::toString);
        String all = problems.toString();
        assertTrue(all.contains("multiregion:repository: [secret] is not a GitHub repository id"), all);
        assertFalse(all.contains("hunter") || all.contains("not a repo"), all);
    }

    @Test
    @DisplayName("on the engine: an unknown key fails the run, names key and value, and nothing is registered")
    void unknownKeyOnTheEngine() {
        Map<String, String> config = new HashMap<>(StackFiles.config("primary"));
        config.put("multiregion:vpcCidr", "10.0.0.0/33");
        config.put("multiregion:apiToken", "tok-123456");
        ProgramRun run = ProgramRun.with("primary", config, Set.of("multiregion:apiToken"), Map.of());
        assertTrue(run.failed());
        assertTrue(run.errors().contains("multiregion:vpcCidr: '10.0.0.0/33' is set"), run.errors());
        assertTrue(run.errors().contains("multiregion:apiToken: [secret] is set"), run.errors());
        assertFalse(run.errors().contains("tok-123456"), run.errors());
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
    @DisplayName("suggestions: the same name but for case, a name it begins, else the nearest within a third of its length")
    void suggestions() {
        List<String> keys = List.of("trigger", "delivery", "primaryRegion", "secondaryRegion");
        assertEquals(List.of("trigger"), Suggest.nearest("TRIGGER", keys));
        assertEquals(List.of("primaryRegion"), Suggest.nearest("primary", keys));
        assertEquals(List.of("trigger"), Suggest.nearest("triger", keys));
        assertEquals(List.of(), Suggest.nearest("zzzzzzzz", keys));
        assertEquals("; did you mean trigger?", Suggest.didYouMean("trigr", keys));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
    }
}
