package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:governance: which governance singletons the stacks create; every part defaults to on. */
class GovernanceReaderTest {

    private static GovernanceSettings read(String json, List<String> problems) {
        return GovernanceReader.read(ConfigSource.of(Map.of("multiregion:governance", json)), problems);
    }

    @Test
    @DisplayName("unset: every part on, continuous recording, no rule excluded")
    void unsetMeansEverythingOn() {
        List<String> problems = new ArrayList<>();
        assertEquals(GovernanceSettings.defaults(), GovernanceReader.read(ConfigSource.of(Map.of()), problems));
        assertEquals(List.of(), problems);
        assertEquals(new GovernanceSettings(true, true, true, true, true, true, "CONTINUOUS", Set.of()),
                GovernanceSettings.defaults());
    }

    @Test
    @DisplayName("each field is read; an unset field keeps its default")
    void fields() {
        List<String> problems = new ArrayList<>();
        GovernanceSettings all = read("{\"accountTrail\":false,\"securityHub\":false,\"findingAggregator\":false,"
                + "\"config\":false,\"configRules\":false,\"configServiceLinkedRole\":false,"
                + "\"recordingFrequency\":\"DAILY\",\"excludedRules\":[\"RDS_CLUSTER_MULTI_AZ_ENABLED\"]}", problems);
        assertEquals(List.of(), problems);
        assertEquals(new GovernanceSettings(false, false, false, false, false, false, "DAILY",
                Set.of("RDS_CLUSTER_MULTI_AZ_ENABLED")), all);
        GovernanceSettings one = read("{\"findingAggregator\":false}", problems);
        assertEquals(List.of(), problems);
        assertEquals(new GovernanceSettings(true, true, false, true, true, true, "CONTINUOUS", Set.of()), one);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"accountTrail\":\"no\"}|multiregion:governance.accountTrail: 'no' is not a boolean",
            "{\"securityHub\":1}|multiregion:governance.securityHub: '1' is not a boolean",
            "{\"config\":\"false\"}|multiregion:governance.config: 'false' is not a boolean",
            "{\"findingAggregator\":[true]}|multiregion:governance.findingAggregator: '[true]' is not a boolean",
            "{\"recordingFrequency\":\"HOURLY\"}|multiregion:governance.recordingFrequency: 'HOURLY' is not a recording frequency",
            "{\"recordingFrequency\":\"continuous\"}|multiregion:governance.recordingFrequency: 'continuous' is not a recording frequency",
            "{\"excludedRules\":\"ENCRYPTED_VOLUMES\"}|multiregion:governance.excludedRules: 'ENCRYPTED_VOLUMES' is not a list",
            "{\"excludedRules\":[\"encrypted-volumes\"]}|multiregion:governance.excludedRules: 'encrypted-volumes' is not a managed rule this program deploys",
            "{\"excludedRules\":[\"ENCRYPTED_VOLUMES\",\"ENCRYPTED_VOLUMES\"]}|multiregion:governance.excludedRules: 'ENCRYPTED_VOLUMES' is listed twice",
            "{\"guardDuty\":true}|multiregion:governance.guardDuty: 'true' is not a governance field",
            "true|multiregion:governance: 'true' is not an object",
    })
    void badValues(String json, String expected) {
        List<String> problems = new ArrayList<>();
        read(json, problems);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(expected), problems.get(0));
    }

    @Test
    @DisplayName("every problem of one value is reported at once, each with its fix")
    void everyProblemAtOnce() {
        List<String> problems = new ArrayList<>();
        read("{\"accountTrail\":\"off\",\"recordingFrequency\":\"WEEKLY\",\"excludedRules\":[\"NOPE\"]}", problems);
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("set true (the program creates it) or false (the account already has it)"));
        assertTrue(problems.get(1).contains("set CONTINUOUS"));
        assertTrue(problems.get(2).contains("use one of ENCRYPTED_VOLUMES"));
    }

    @Test
    @DisplayName("config off with Security Hub or rules on is valid, with a warning naming what they need")
    void warnsWhenPartsNeedTheAccountsRecorder() {
        List<String> problems = new ArrayList<>();
        assertEquals(List.of(), GovernanceReader.warnings(GovernanceSettings.defaults()));
        List<String> warnings = GovernanceReader.warnings(read("{\"config\":false}", problems));
        assertEquals(List.of(), problems);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("multiregion:governance.config is false while securityHub is on"), warnings.get(0));
        assertTrue(warnings.get(0).contains("describe-configuration-recorder-status"));
        assertEquals(List.of(), GovernanceReader.warnings(read(
                "{\"config\":false,\"securityHub\":false,\"configRules\":false}", problems)));
        assertTrue(GovernanceReader.warnings(read("{\"config\":false,\"securityHub\":false}", problems)).get(0)
                .contains("while configRules is on"));
    }

    @Test
    @DisplayName("the warning reaches the stack's settings, and the stack still reads")
    void warningReachesTheSettings() {
        Map<String, String> config = new java.util.HashMap<>(io.multiregion.testing.StackFiles.config("primary"));
        config.put("multiregion:governance", "{\"config\":false}");
        StackSettings settings = SettingsReader.read(ConfigSource.of(config), "multiregion", "primary");
        assertTrue(settings.warnings().stream().anyMatch(w -> w.startsWith("multiregion:governance.config is false")),
                settings.warnings()::toString);
        assertEquals(false, settings.governance().config());
    }
}
