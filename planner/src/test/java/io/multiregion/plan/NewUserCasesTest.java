package io.multiregion.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user trips over with the offline plan, tried on copies of the real stack files. */
class NewUserCasesTest {
    private static final Path PROJECT = Path.of(".");

    @TempDir
    Path dir;

    private Path project(String primaryEdit, String secondaryEdit) throws IOException {
        Files.copy(PROJECT.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.primary.yaml"),
                Files.readString(PROJECT.resolve("Pulumi.primary.yaml")) + primaryEdit);
        Files.writeString(dir.resolve("Pulumi.secondary.yaml"),
                Files.readString(PROJECT.resolve("Pulumi.secondary.yaml")) + secondaryEdit);
        return dir;
    }

    private PlanCommandTest.Run plan(String stack) {
        return PlanCommandTest.run(OfflineRun.APP, "--dir", dir.toString(), "--out", dir.resolve("plan").toString(), stack);
    }

    private void replaceIn(String file, String from, String to) throws IOException {
        String text = Files.readString(dir.resolve(file));
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(dir.resolve(file), text.replace(from, to));
    }

    @Test
    void aMisspeltPrimaryStackFailsNamingTheKnownStacks() throws IOException {
        project("", "");
        replaceIn("Pulumi.secondary.yaml", "primaryStack: acme-corp/multiregion/primary",
                "primaryStack: acme-corp/multiregion/primry");
        PlanCommandTest.Run run = plan("secondary");
        assertEquals(PlanException.BAD_INPUT, run.code(), run.err());
        assertTrue(run.err().contains("names stack 'primry'"), run.err());
        assertTrue(run.err().contains("multiregion:primaryStack"), run.err());
        assertTrue(run.err().contains("stacks of this project: primary, secondary (did you mean 'primary'?)"),
                run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(dir.resolve("plan/secondary.json")), "nothing written");

        replaceIn("Pulumi.secondary.yaml", "acme-corp/multiregion/primry", "acme-corp/multiregon/primary");
        PlanCommandTest.Run project = plan("secondary");
        assertTrue(project.code() == PlanException.BAD_INPUT || project.code() == PlanException.PROGRAM_FAILED,
                project.err());
        assertTrue(project.err().contains("names project 'multiregon'"), project.err());
        assertFalse(Files.exists(dir.resolve("plan/secondary.json")), "nothing written");
    }

    @Test
    void aReferenceThatCannotBeResolvedOfflineIsReportedLoudly() throws IOException {
        project("", "");
        PlanCommandTest.Run run = plan("secondary"); // the primary was not planned into this --out folder
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("WARNING: " + PlanMocks.UNRESOLVED + "acme-corp/multiregion/primary"), run.err());
        assertTrue(run.out().contains("WARNING: " + PlanMocks.UNRESOLVED), run.out());
        assertTrue(PlanJson.read(dir.resolve("plan/secondary.json")).notes().stream()
                .anyMatch(n -> n.startsWith(PlanMocks.UNRESOLVED)));
    }

    @Test
    void aSecretThatCannotBeDecryptedIsNotCalledInvalidAndTheRestIsStillChecked() throws IOException {
        project("  multiregion:connectionArn:\n    secure: v1:c2FsdA==:Y2lwaGVydGV4dA==\n", "");
        PlanCommandTest.Run run = plan("primary");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("multiregion:connectionArn is a secret (secure:) that cannot be decrypted offline"),
                run.err());
        assertFalse(run.err().contains("not a"), run.err());
        List<String> notes = PlanJson.read(dir.resolve("plan/primary.json")).notes();
        assertEquals(1, notes.stream().filter(n -> n.contains("multiregion:connectionArn")
                && n.contains("cannot be decrypted")).count(), "said once in the plan's notes: " + notes);

        replaceIn("Pulumi.primary.yaml", "branch: main", "branch: \"bad..branch\"");
        PlanCommandTest.Run bad = plan("primary");
        assertEquals(PlanException.PROGRAM_FAILED, bad.code(), bad.err());
        assertTrue(bad.err().contains("multiregion:branch"), "everything else is still checked: " + bad.err());
        assertFalse(bad.err().contains("multiregion:connectionArn: '"), bad.err());
    }

    @Test
    void theProgramsWarningsAreOnStderrInTheNotesAndCountedInTheSummary() throws IOException {
        project("  multiregion:primaryStack: acme-corp/multiregion/primary\n  aws:region: eu-west-1\n", "");
        PlanCommandTest.Run run = plan("primary");
        assertEquals(0, run.code(), run.err());
        Plan plan = PlanJson.read(dir.resolve("plan/primary.json"));
        List<String> warnings = plan.warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(Plan.PROGRAM_WARNING)
                && w.contains("multiregion:primaryStack")), "a key its role never reads: " + warnings);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(Plan.PROGRAM_WARNING) && w.contains("aws:region")),
                "aws:region equal to the stack's region: " + warnings);
        warnings.forEach(w -> {
            assertTrue(run.err().contains("plan: " + w), "on stderr: " + w + "\n" + run.err());
            assertTrue(run.out().contains(w), "in the text plan: " + w);
        });
        String summary = warnings.size() + " warnings (see the notes)";
        assertTrue(run.err().contains(summary), run.err());
        assertTrue(run.out().contains(summary), run.out());
    }

    @Test
    void aYaml11BooleanIsAStringAsTheCliReadsIt() throws IOException {
        project("  multiregion:protectData: no\n", "");
        PlanCommandTest.Run run = plan("primary");
        assertEquals(PlanException.BAD_INPUT, run.code(), run.err());
        assertTrue(run.err().contains("'protectData' must be of type 'boolean' (got \"no\")"), run.err());
        assertFalse(Files.exists(dir.resolve("plan/primary.json")), "nothing planned unprotected");
    }

    @Test
    void aSecureValueOfAKeyTheProgramNeedsIsCalledEncryptedNotMissing() throws IOException {
        project("", "");
        replaceIn("Pulumi.primary.yaml", "multiregion:secondaryRegion: eu-central-1",
                "multiregion:secondaryRegion:\n    secure: v1:c2FsdA==:Y2lwaGVydGV4dA==");
        replaceIn("Pulumi.primary.yaml", "multiregion:role: primary", "multiregion:role:\n    secure: v1:c2FsdA==:cm9sZQ==");
        replaceIn("Pulumi.primary.yaml", "branch: main", "branch: \"bad..branch\"");
        PlanCommandTest.Run run = plan("primary");
        assertEquals(PlanException.PROGRAM_FAILED, run.code(), "the program refuses its configuration: " + run.err());
        for (String key : List.of("multiregion:secondaryRegion", "multiregion:role")) {
            assertTrue(run.err().contains(key + ": set, but as a secure value that this run cannot decrypt"), run.err());
            assertFalse(run.err().contains(key + ": missing"), run.err());
        }
        assertTrue(run.err().contains("multiregion:branch"), "everything else is still checked: " + run.err());
        assertFalse(run.err().contains("No value present"), run.err());
        assertFalse(run.err().contains("Y2lwaGVydGV4dA"), "no ciphertext in messages");
    }

    @Test
    void aCopyOfTheSecondaryUnderAnotherNameSaysWhichAndWhyItCannotDeploy() throws IOException {
        project("  multiregion:delivery: native\n", "  multiregion:delivery: native\n");
        Files.copy(dir.resolve("Pulumi.secondary.yaml"), dir.resolve("Pulumi.standby.yaml"));
        assertEquals(0, plan("primary").code());
        PlanCommandTest.Run run = plan("standby");
        assertEquals(0, run.code(), run.err());
        String warning = run.err().lines().filter(l -> l.contains("both claim")).findFirst().orElse("");
        assertTrue(warning.contains("stacks 'standby' and 'secondary' both claim role secondary in region eu-central-1"),
                run.err());
        assertTrue(warning.contains("they cannot both be deployed in one account"), warning);
        assertTrue(warning.contains("Application in eu-central-1 'multiregion-primary-eu-central-1'"),
                "the CodeDeploy application both derive from the primary's name: " + warning);
        assertTrue(PlanJson.read(dir.resolve("plan/standby.json")).warnings().stream()
                .anyMatch(w -> w.contains("both claim")));
    }

    @Test
    void aWrongDeclaredTypeAndAProgramProblemAreReportedTogether() throws IOException {
        project("  multiregion:buildTimeoutMinutes: 30m\n", "");
        replaceIn("Pulumi.primary.yaml", "multiregion:role: primary", "multiregion:role: tertiary");
        PlanCommandTest.Run run = plan("primary");
        assertEquals(PlanException.BAD_INPUT, run.code(), run.err());
        assertTrue(run.err().contains("'buildTimeoutMinutes' must be of type 'integer'"), run.err());
        assertTrue(run.err().contains("multiregion:role: 'tertiary'"), run.err());
        assertFalse(run.err().contains("(ConfigException)"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void bothCountsSayWhatTheyCount() throws IOException {
        project("", "");
        PlanCommandTest.Run run = plan("primary");
        assertEquals(0, run.code(), run.err());
        Plan plan = PlanJson.read(dir.resolve("plan/primary.json"));
        String counts = PlanText.counts(plan).describe();
        assertTrue(counts.matches("\\d+ cloud resources and \\d+ providers? to create, \\d+ components? \\(groupings,"
                + " nothing in the cloud\\), \\d+ read, 1 stack: \\d+ registrations in all"), counts);
        assertEquals(plan.resources().size(), PlanText.counts(plan).total());
        assertTrue(run.out().contains(counts), run.out());
        assertTrue(run.err().contains(counts), run.err());
    }

    @Test
    void aMalformedPlanFileIsAClearErrorNotAnException() throws IOException {
        List<String> bad = List.of("not json at all", "[1, 2]", "{\"resources\": \"none\"}",
                "{\"project\": \"p\", \"stack\": \"s\", \"resources\": [{\"urn\": null}]}", "");
        for (String text : bad) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, text);
            PlanCommandTest.Run run = PlanCommandTest.run(OfflineRun.APP, "diff", file.toString(), file.toString());
            assertEquals(PlanException.BAD_INPUT, run.code(), text + ": " + run.err());
            assertTrue(run.err().startsWith("plan: error: malformed plan file"), text + ": " + run.err());
            assertFalse(run.err().contains("java."), text + ": " + run.err());
            assertFalse(run.err().contains("unexpected"), text + ": " + run.err());
        }
    }

    private static ProcessBuilder binPlan(String... args) {
        List<String> command = new ArrayList<>();
        command.add(PROJECT.toAbsolutePath().resolve("bin/plan").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PLAN_CLASSPATH", System.getProperty("java.class.path"));
        return builder;
    }

    private static String[] runScript(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new String[] {String.valueOf(process.exitValue()), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8)};
    }

    @Test
    void binPlanTakesRelativePathsFromTheFolderItIsRunIn() throws Exception {
        project("", "");
        Path sub = Files.createDirectories(dir.resolve("work"));
        ProcessBuilder builder = binPlan("--dir", "..", "--out", "plans", "primary");
        builder.directory(sub.toFile());
        String[] run = runScript(builder);
        assertEquals("0", run[0], run[2]);
        assertTrue(Files.isRegularFile(sub.resolve("plans/primary.json")), run[2]);
        assertTrue(run[2].contains("wrote plans/primary.json and plans/primary.mmd"), run[2]);
        assertFalse(Files.exists(PROJECT.resolve("work")), "nothing written relative to the repository");
    }

    @Test
    void binPlanPassesPathsWithSpacesAndPrintsItsVersion() throws Exception {
        Path spaced = dir.resolve("my project dir");
        Files.createDirectories(spaced);
        Files.copy(PROJECT.resolve("Pulumi.yaml"), spaced.resolve("Pulumi.yaml"));
        Files.copy(PROJECT.resolve("Pulumi.primary.yaml"), spaced.resolve("Pulumi.primary.yaml"));
        String[] run = runScript(binPlan("--dir", spaced.toString(), "--out", spaced.resolve("plan out").toString(),
                "primary"));
        assertEquals("0", run[0], run[2]);
        assertTrue(run[1].startsWith("Plan of stack 'primary'"), run[1]);
        assertTrue(Files.isRegularFile(spaced.resolve("plan out/primary.json")));

        String[] version = runScript(binPlan("-V"));
        assertEquals("0", version[0], version[2]);
        assertTrue(version[1].startsWith("plan (offline plan of the multiregion program) "), version[1]);
        assertTrue(version[1].contains("Pulumi Java SDK 1.36.1, Pulumi AWS provider SDK 6.83.0"), version[1]);
    }
}
