package io.multiregion.config;

import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:operations: thresholds, the notification address and the patch window (each bad value: {@link BadValuesTest}). */
/* The engine test runs the program: never alongside other tests (the SDK's mock deployment is a process-wide static). */
@Isolated
class OperationsSettingsTest {

    private static OperationsSettings read(String stack, String json) {
        return Configs.settings(stack, Configs.with(stack, json == null ? "" : "operations=" + json)).operations();
    }

    @Test
    @DisplayName("unset: the defaults, with the standby patched the day before the primary")
    void defaults() {
        OperationsSettings primary = read("primary", null);
        OperationsSettings standby = read("secondary", null);
        assertEquals(Optional.empty(), primary.email());
        assertEquals("cron(0 3 ? * SUN *)", primary.patchSchedule());
        assertEquals("cron(0 3 ? * SAT *)", standby.patchSchedule());
        assertEquals(10, primary.loadBalancer5xxPerMinute());
        assertEquals(15, primary.artifactReplicationMinutes());
        // the CloudFront Developer Guide's example alarm: 5% of requests for 5 continuous minutes
        assertEquals(5, standby.frontDoor5xxErrorRatePercent());
        assertEquals(5, standby.frontDoor5xxMinutes());
        assertEquals(OperationsSettings.defaults(true), standby);
    }

    @Test
    void wellFormed() {
        OperationsSettings s = read("primary", "{\"email\":\"ops@example.com\",\"databaseCpuPercent\":70,"
                + "\"patchSchedule\":\"rate(7 days)\",\"patchDurationHours\":4,\"patchCutoffHours\":2,"
                + "\"patchTimezone\":\"Europe/Berlin\"}");
        assertEquals(Optional.of("ops@example.com"), s.email());
        assertEquals(70, s.databaseCpuPercent());
        assertEquals("rate(7 days)", s.patchSchedule());
        assertEquals("Europe/Berlin", s.patchTimezone());
        OperationsSettings front = read("secondary", "{\"frontDoor5xxErrorRatePercent\":\"12\",\"frontDoor5xxMinutes\":3}");
        assertEquals(12, front.frontDoor5xxErrorRatePercent());
        assertEquals(3, front.frontDoor5xxMinutes());
        assertEquals(100, read("secondary", "{\"frontDoor5xxErrorRatePercent\":100}").frontDoor5xxErrorRatePercent());
    }

    @Test
    @DisplayName("every problem at once")
    void allProblemsAtOnce() {
        List<Problem> problems = Configs.problems("primary", Configs.with("primary",
                "operations={\"email\":\"x\",\"databaseCpuPercent\":0,\"patchTimezone\":\"Nowhere\"}"));
        assertEquals(List.of("multiregion:operations.databaseCpuPercent", "multiregion:operations.email",
                "multiregion:operations.patchTimezone"), problems.stream().map(Problem::key).sorted().toList());
    }

    @Test
    @DisplayName("on the engine: a bad operations value stops the stack before anything is registered")
    void badValueRegistersNothing() {
        Map<String, String> config = new HashMap<>(StackFiles.config("primary"));
        config.put("multiregion:operations", "{\"patchCutoffHours\":5,\"patchDurationHours\":3}");
        ProgramRun run = ProgramRun.with("primary", config, Map.of());
        assertTrue(run.failed());
        assertTrue(run.errors().contains("multiregion:operations.patchCutoffHours: '5' is not shorter"), run.errors());
        assertEquals(List.of(), run.aws());
    }

    @Test
    @DisplayName("on the engine: a bad front door threshold stops the secondary before anything is registered")
    void badFrontDoorThresholdRegistersNothing() {
        Map<String, String> config = new HashMap<>(StackFiles.config("secondary"));
        config.put("multiregion:operations", "{\"frontDoor5xxErrorRatePercent\":150}");
        ProgramRun run = ProgramRun.with("secondary", config, Samples.primaryOutputs());
        assertTrue(run.failed());
        assertTrue(run.errors().contains("multiregion:operations.frontDoor5xxErrorRatePercent: '150' is out of range"),
                run.errors());
        assertEquals(List.of(), run.aws());
    }
}
