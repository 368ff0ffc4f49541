package io.multiregion.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.Context;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(Consumer<Context> program, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlanCommand.run(program, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve("Pulumi.yaml"), """
                name: multiregion
                runtime: java
                config:
                  primaryRegion:
                    type: string
                  secondaryRegion:
                    type: string
                    default: eu-central-1
                  primaryStack:
                    type: string
                    default: ""
                """);
        Files.writeString(dir.resolve("Pulumi.primary.yaml"), """
                config:
                  multiregion:primaryRegion: eu-west-1
                  multiregion:token:
                    secure: v1:c2FsdA==:Y2lwaGVydGV4dA==
                """);
        Files.writeString(dir.resolve("Pulumi.secondary.yaml"), """
                config:
                  multiregion:primaryRegion: eu-west-1
                  multiregion:primaryStack: acme/multiregion/primary
                """);
    }

    private String[] args(String... rest) {
        String[] all = new String[rest.length + 4];
        all[0] = "--dir";
        all[1] = dir.toString();
        all[2] = "--out";
        all[3] = dir.resolve("plan").toString();
        System.arraycopy(rest, 0, all, 4, rest.length);
        return all;
    }

    @Test
    void plansAStackAndWritesJsonAndMermaid() throws IOException {
        Run run = run(FixturePrograms.PRIMARY, args("primary"));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Plan of stack 'primary'"), run.out());
        assertTrue(run.out().contains("Region A (primary): eu-west-1"), run.out());
        assertTrue(run.err().contains("running the program"), run.err());
        Plan written = PlanJson.read(dir.resolve("plan/primary.json"));
        assertEquals("primary", written.stack());
        assertTrue(Files.readString(dir.resolve("plan/primary.mmd")).contains("flowchart LR"));
        assertFalse(Files.readString(dir.resolve("plan/primary.json")).contains("Y2lwaGVydGV4dA"), "no ciphertext");

        Run secondary = run(FixturePrograms.SECONDARY, args("secondary"));
        assertEquals(0, secondary.code(), secondary.err());
        assertTrue(secondary.out().contains("primaryRegion: \"eu-west-1\""), "read from plan/primary.json: " + secondary.out());
    }

    @Test
    void diffsTwoPlanFilesAndTwoDirectories() throws IOException {
        assertEquals(0, run(FixturePrograms.PRIMARY, args("primary")).code());
        Path base = dir.resolve("base");
        Files.createDirectories(base);
        Files.copy(dir.resolve("plan/primary.json"), base.resolve("primary.json"));
        Files.writeString(dir.resolve("Pulumi.primary.yaml"), """
                config:
                  multiregion:primaryRegion: eu-west-3
                  multiregion:token:
                    secure: v1:x
                """);
        assertEquals(0, run(FixturePrograms.PRIMARY, args("primary")).code());

        Run files = run(FixturePrograms.PRIMARY, "diff", base.resolve("primary.json").toString(),
                dir.resolve("plan/primary.json").toString());
        assertEquals(0, files.code(), files.err());
        assertTrue(files.out().contains("to change"), files.out());
        assertTrue(files.out().contains("~ pulumi:providers:aws  aws-a  [eu-west-3]  REPLACE"), files.out());
        assertTrue(files.out().contains("    region: \"eu-west-1\" → \"eu-west-3\"  [forces replacement]"), files.out());

        Run dirs = run(FixturePrograms.PRIMARY, "diff", "--markdown", base.toString(), dir.resolve("plan").toString());
        assertEquals(0, dirs.code(), dirs.err());
        assertTrue(dirs.out().startsWith("## Offline plan diff"), dirs.out());
        assertTrue(dirs.out().contains("### Stack `primary`"), dirs.out());
    }

    @Test
    void unknownStackFailsWithoutPrintingAPlan() {
        Run run = run(FixturePrograms.PRIMARY, args("staging"));
        assertEquals(PlanException.BAD_INPUT, run.code());
        assertTrue(run.err().contains("unknown stack 'staging'"), run.err());
        assertTrue(run.err().contains("known stacks: primary, secondary"), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(dir.resolve("plan/staging.json")));
    }

    @Test
    void missingProjectFileFails() throws IOException {
        Files.delete(dir.resolve("Pulumi.yaml"));
        Run run = run(FixturePrograms.PRIMARY, args("primary"));
        assertEquals(PlanException.BAD_INPUT, run.code());
        assertTrue(run.err().contains("Pulumi.yaml"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void malformedYamlFails() throws IOException {
        Files.writeString(dir.resolve("Pulumi.primary.yaml"), "config:\n  multiregion:primaryRegion: \"eu-west-1\n  x: [");
        Run run = run(FixturePrograms.PRIMARY, args("primary"));
        assertEquals(PlanException.BAD_INPUT, run.code());
        assertTrue(run.err().contains("malformed YAML in"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void invalidConfigReportsTheProgramsMessage() {
        Run run = run(FixturePrograms.INVALID, args("primary"));
        assertEquals(PlanException.PROGRAM_FAILED, run.code());
        assertTrue(run.err().contains("plan: error: the program refused to run for stack 'primary'"), run.err());
        assertTrue(run.err().contains("'tertiary' is not primary or secondary"), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(dir.resolve("plan/primary.json")));
    }

    @Test
    void badArgumentsAndMissingPlanFilesFail() {
        Run noStack = run(FixturePrograms.PRIMARY);
        assertEquals(2, noStack.code());
        assertTrue(noStack.err().contains("Missing required parameter"), noStack.err());
        Run noFile = run(FixturePrograms.PRIMARY, "diff", dir.resolve("a.json").toString(), dir.resolve("b.json").toString());
        assertEquals(PlanException.BAD_INPUT, noFile.code());
        assertTrue(noFile.err().contains("no plan file"), noFile.err());
        assertEquals("", noFile.out());
    }

    @Test
    void aStalePlanOfTheReferencedStackIsReportedWithAFixThatWorks() throws IOException {
        assertEquals(0, run(FixturePrograms.PRIMARY, args("primary")).code());
        assertEquals(0, run(FixturePrograms.SECONDARY, args("secondary")).code());
        assertTrue(PlanJson.read(dir.resolve("plan/primary.json")).source().containsKey("Pulumi.primary.yaml"),
                "a plan records what it was computed from");
        Run fresh = run(FixturePrograms.SECONDARY, args("secondary"));
        assertFalse(fresh.err().contains("stale"), fresh.err());

        Files.writeString(dir.resolve("Pulumi.primary.yaml"), Files.readString(dir.resolve("Pulumi.primary.yaml"))
                .replace("eu-west-1", "eu-west-3"));
        Run stale = run(FixturePrograms.SECONDARY, args("secondary"));
        assertEquals(0, stale.code(), stale.err());
        assertTrue(stale.err().contains("WARNING: the plan of stack 'primary' that this plan reads"), stale.err());
        assertTrue(stale.err().contains("Pulumi.primary.yaml (edited since)"), stale.err());
        String fix = "bin/plan --dir " + dir + " --out " + dir.resolve("plan") + " primary";
        assertTrue(stale.err().contains("Plan it again first: " + fix), stale.err());
        assertTrue(PlanJson.read(dir.resolve("plan/secondary.json")).warnings().stream()
                .anyMatch(w -> w.contains("is stale")), "in the plan's notes too");

        // the fix, as printed, then the secondary again: no warning
        String[] typed = fix.substring("bin/plan ".length()).split(" ");
        assertEquals(0, run(FixturePrograms.PRIMARY, typed).code());
        Run again = run(FixturePrograms.SECONDARY, args("secondary"));
        assertFalse(again.err().contains("stale"), again.err());
    }

    @Test
    void relativePathsAreTakenFromTheFolderTheCommandIsTypedIn() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("work/sub"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlanCommand.run(FixturePrograms.PRIMARY, new PrintWriter(out), new PrintWriter(err), sub,
                "--dir", "../..", "--out", "my plans", "primary");
        assertEquals(0, code, err.toString());
        assertTrue(Files.isRegularFile(sub.resolve("my plans/primary.json")), "OUT relative to where it was typed");
        assertTrue(err.toString().contains("wrote 'my plans/primary.json' and 'my plans/primary.mmd'"), err.toString());
        Files.copy(sub.resolve("my plans/primary.json"), sub.resolve("old.json"));

        StringWriter diffOut = new StringWriter();
        int diff = PlanCommand.run(FixturePrograms.PRIMARY, new PrintWriter(diffOut), new PrintWriter(new StringWriter()),
                sub, "diff", "old.json", "my plans/primary.json");
        assertEquals(0, diff);
        assertTrue(diffOut.toString().contains("no changes"), diffOut.toString());

        Run noDefault = run(FixturePrograms.PRIMARY, "--dir", dir.toString(), "primary");
        assertEquals(0, noDefault.code(), noDefault.err());
        assertTrue(Files.isRegularFile(dir.resolve("plan/primary.json")), "default OUT: DIR/plan");
    }

    @Test
    void theMissingProjectFileMessageGivesAFixThatWorksFromAnyFolder() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run run = run(FixturePrograms.PRIMARY, "--dir", empty.toString(), "primary");
        assertEquals(PlanException.BAD_INPUT, run.code());
        assertTrue(run.err().contains("pass the project directory (the one holding Pulumi.yaml) with --dir"), run.err());
        assertFalse(run.err().contains("run the plan from"), run.err());
    }
}
