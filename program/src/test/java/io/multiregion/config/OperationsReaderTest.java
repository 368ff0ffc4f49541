package io.multiregion.config;

import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:operations: thresholds, the notification address and the patch window, each checked. */
/* The engine test runs the program: never alongside other tests (the SDK's mock deployment is a process-wide static). */
@Isolated
class OperationsReaderTest {

    private static OperationsSettings read(String json, boolean standby, List<String> problems) {
        return OperationsReader.read(ConfigSource.of(Map.of("multiregion:operations", json)), standby, problems);
    }

    @Test
    @DisplayName("unset: the defaults, with the standby patched the day before the primary")
    void defaults() {
        List<String> problems = new ArrayList<>();
        OperationsSettings primary = OperationsReader.read(ConfigSource.of(Map.of()), false, problems);
        OperationsSettings standby = OperationsReader.read(ConfigSource.of(Map.of()), true, problems);
        assertEquals(List.of(), problems);
        assertEquals(Optional.empty(), primary.email());
        assertEquals("cron(0 3 ? * SUN *)", primary.patchSchedule());
        assertEquals("cron(0 3 ? * SAT *)", standby.patchSchedule());
        assertEquals(10, primary.loadBalancer5xxPerMinute());
        assertEquals(15, primary.artifactReplicationMinutes());
    }

    @Test
    void wellFormed() {
        List<String> problems = new ArrayList<>();
        OperationsSettings s = read("{\"email\":\"ops@example.com\",\"databaseCpuPercent\":70,"
                + "\"patchSchedule\":\"rate(7 days)\",\"patchDurationHours\":4,\"patchCutoffHours\":2,"
                + "\"patchTimezone\":\"Europe/Berlin\"}", false, problems);
        assertEquals(List.of(), problems);
        assertEquals(Optional.of("ops@example.com"), s.email());
        assertEquals(70, s.databaseCpuPercent());
        assertEquals("rate(7 days)", s.patchSchedule());
        assertEquals("Europe/Berlin", s.patchTimezone());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"email\":\"ops\"}|multiregion:operations.email: 'ops' is not an email address",
            "{\"email\":5}|multiregion:operations.email: '5' is not text",
            "{\"loadBalancer5xxPerMinute\":0}|multiregion:operations.loadBalancer5xxPerMinute: '0' is out of range",
            "{\"unhealthyHosts\":\"many\"}|multiregion:operations.unhealthyHosts: '\"many\"' is not a whole number",
            "{\"databaseCpuPercent\":101}|multiregion:operations.databaseCpuPercent: '101' is out of range",
            "{\"databaseFreeableMemoryMiB\":1.5}|multiregion:operations.databaseFreeableMemoryMiB: '1.5' is not a whole number",
            "{\"databaseReplicationLagSeconds\":-1}|multiregion:operations.databaseReplicationLagSeconds: '-1' is out of range",
            "{\"databaseRpoLagSeconds\":true}|multiregion:operations.databaseRpoLagSeconds: 'true' is not a whole number",
            "{\"artifactReplicationMinutes\":5000}|multiregion:operations.artifactReplicationMinutes: '5000' is out of range",
            "{\"patchSchedule\":\"every sunday\"}|multiregion:operations.patchSchedule: 'every sunday' is not a Systems Manager schedule",
            "{\"patchSchedule\":\"cron(0 3 * * SUN)\"}|multiregion:operations.patchSchedule: 'cron(0 3 * * SUN)' is not a Systems Manager schedule",
            "{\"patchDurationHours\":25}|multiregion:operations.patchDurationHours: '25' is out of range",
            "{\"patchDurationHours\":2,\"patchCutoffHours\":2}|multiregion:operations.patchCutoffHours: '2' is not shorter than patchDurationHours",
            "{\"patchTimezone\":\"Mars/Olympus\"}|multiregion:operations.patchTimezone: 'Mars/Olympus' is not an IANA time zone",
            "{\"emial\":\"ops@example.com\"}|multiregion:operations.emial: '\"ops@example.com\"' is not an operations field",
            "weekly|multiregion:operations: 'weekly' is not an object",
    })
    void badValues(String json, String expected) {
        List<String> problems = new ArrayList<>();
        read(json, false, problems);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(expected), problems.get(0));
    }

    @Test
    @DisplayName("every problem at once")
    void allProblemsAtOnce() {
        List<String> problems = new ArrayList<>();
        read("{\"email\":\"x\",\"databaseCpuPercent\":0,\"patchTimezone\":\"Nowhere\"}", false, problems);
        assertEquals(3, problems.size(), problems::toString);
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
}
