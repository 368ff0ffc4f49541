package io.multiregion.config;

import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:governance: which governance singletons the stacks create (each bad value: {@link BadValuesTest}). */
class GovernanceSettingsTest {

    private static SettingsReader.Reading read(String json) {
        return Configs.read("primary", Configs.with("primary", json == null ? "" : "governance=" + json));
    }

    @Test
    @DisplayName("unset: every part on, continuous recording, no rule excluded")
    void unsetMeansEverythingOn() {
        assertEquals(new GovernanceSettings(true, true, true, true, true, true, "CONTINUOUS", Set.of()),
                read(null).settings().orElseThrow().governance());
        assertEquals(GovernanceSettings.defaults(), read(null).settings().orElseThrow().governance());
    }

    @Test
    @DisplayName("each field is read; an unset field keeps its default")
    void fields() {
        assertEquals(new GovernanceSettings(false, false, false, false, false, false, "DAILY",
                Set.of("RDS_CLUSTER_MULTI_AZ_ENABLED")), read("{\"accountTrail\":false,\"securityHub\":false,"
                + "\"findingAggregator\":false,\"config\":false,\"configRules\":false,\"configServiceLinkedRole\":false,"
                + "\"recordingFrequency\":\"DAILY\",\"excludedRules\":[\"RDS_CLUSTER_MULTI_AZ_ENABLED\"]}")
                .settings().orElseThrow().governance());
        assertEquals(new GovernanceSettings(true, true, false, true, true, true, "CONTINUOUS", Set.of()),
                read("{\"findingAggregator\":false}").settings().orElseThrow().governance());
    }

    @Test
    @DisplayName("every problem of one value is reported at once, each with its fix")
    void everyProblemAtOnce() {
        List<Problem> problems = read("{\"accountTrail\":\"off\",\"recordingFrequency\":\"WEEKLY\","
                + "\"excludedRules\":[\"NOPE\"]}").problems();
        assertEquals(3, problems.size(), problems::toString);
        Configs.has(problems, "governance.accountTrail", Problem.Kind.MALFORMED, "false (the account already has it)");
    }

    @Test
    @DisplayName("config off with Security Hub or rules on is valid, with a warning naming what they need")
    void warnsWhenPartsNeedTheAccountsRecorder() {
        assertEquals(List.of(), read(null).warnings());
        Configs.only(read("{\"config\":false}").warnings(), "governance.config", Problem.Kind.NO_EFFECT,
                "while securityHub is on");
        assertTrue(read("{\"config\":false}").warnings().get(0).message().contains("describe-configuration-recorder-status"));
        assertEquals(List.of(), read("{\"config\":false,\"securityHub\":false,\"configRules\":false}").warnings());
        Configs.only(read("{\"config\":false,\"securityHub\":false}").warnings(), "governance.config",
                Problem.Kind.NO_EFFECT, "while configRules is on");
    }

    @Test
    @DisplayName("the warning reaches the stack's settings, and the stack still reads")
    void warningReachesTheSettings() {
        Map<String, String> config = new HashMap<>(StackFiles.config("primary"));
        config.put("multiregion:governance", "{\"config\":false}");
        StackSettings settings = SettingsReader.read(ConfigSource.of(config), "multiregion", "primary");
        assertTrue(settings.warnings().stream().anyMatch(w -> w.startsWith("multiregion:governance.config: 'false'")),
                settings.warnings()::toString);
        assertEquals(false, settings.governance().config());
    }
}
