package io.multiregion.plan;

import io.multiregion.offline.StackConfig;
import io.multiregion.offline.ConfigLoader;
import io.multiregion.offline.StackFileException;
import com.pulumi.Context;
import io.multiregion.App;
import io.multiregion.config.Suggest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code plan STACK}: shows what {@code pulumi up} would create for a stack, with no cloud account, no credentials
 * and no Pulumi CLI. It loads the stack's configuration as the CLI does, runs the program ({@link App#stack}) on the
 * Pulumi SDK's in-process engine in preview mode, prints the resources by region and component, and writes
 * {@code plan/STACK.json} and {@code plan/STACK.mmd}. {@code plan diff OLD NEW} compares two plans.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = PlanCommand.Version.class,
        description = {"Shows what `pulumi up` would create for STACK, offline: no cloud account, credentials or"
                + " Pulumi CLI needed. Writes OUT/STACK.json (machine-readable) and OUT/STACK.mmd (Mermaid)."},
        subcommands = {PlanCommand.Diff.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the plan was computed (diff: no changes, or changes without --exit-code)",
                "1:diff --exit-code: the plans differ", "2:bad input (stack, stack files, plan files, arguments)",
                "3:the program refused its configuration or failed"})
public final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "STACK",
            description = "Stack name: Pulumi.STACK.yaml must exist.")
    String stack;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Project directory (with Pulumi.yaml); a relative path"
            + " is taken from the folder you run the command in. Default: the project bin/plan belongs to.")
    Path dirOption;

    @Option(names = "--out", paramLabel = "OUT", description = "Where plan files are written and earlier plans of"
            + " referenced stacks are read; a relative path is taken from the folder you run the command in."
            + " Default: DIR/plan.")
    Path outOption;

    /** The project directory and the plan folder, as resolved for this run. */
    private Path dir;
    private Path out;
    /** Warnings about earlier plans read through StackReferences that no longer match their sources. */
    private final List<String> stale = new ArrayList<>();
    /** The earlier plans this run read through StackReferences. */
    private final List<Plan> read = new ArrayList<>();

    @Option(names = "--no-inputs", description = "List resources without their inputs.")
    boolean noInputs;

    private final Consumer<Context> program;
    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private final Path callerDir;

    public PlanCommand(Consumer<Context> program, PrintWriter stdout, PrintWriter stderr) {
        this(program, stdout, stderr, callerDir());
    }

    PlanCommand(Consumer<Context> program, PrintWriter stdout, PrintWriter stderr, Path callerDir) {
        this.program = program;
        this.stdout = stdout;
        this.stderr = stderr;
        this.callerDir = callerDir;
    }

    /**
     * The folder the user typed the command in: bin/plan changes to the project's folder before it starts the JVM and
     * passes the one it was started from in {@code PLAN_CALLER_DIR}; otherwise the current folder.
     */
    static Path callerDir() {
        String caller = System.getenv("PLAN_CALLER_DIR");
        return (caller == null || caller.isBlank() ? Path.of("") : Path.of(caller)).toAbsolutePath().normalize();
    }

    /** A path the user typed: relative ones are taken from the folder the command was typed in. */
    static Path typed(Path callerDir, Path path) {
        return path.isAbsolute() ? path.normalize() : callerDir.resolve(path).normalize();
    }

    /** A path as the user can type it again from where they are: relative below their folder, else absolute. */
    static String shown(Path callerDir, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String text = absolute.startsWith(callerDir) && !absolute.equals(callerDir)
                ? callerDir.relativize(absolute).toString() : absolute.toString();
        return text.contains(" ") ? "'" + text + "'" : text;
    }

    private String shown(Path path) {
        return shown(callerDir, path);
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        err.printf("plan: started %d ms after the JVM, loading the program%n", System.currentTimeMillis() - jvmStart);
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        int code = run(OfflineRun.APP, out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line against a program; returns the exit code. */
    public static int run(Consumer<Context> program, PrintWriter out, PrintWriter err, String... args) {
        return run(program, out, err, callerDir(), args);
    }

    /** Runs the command line as typed in {@code callerDir}; returns the exit code. */
    public static int run(Consumer<Context> program, PrintWriter out, PrintWriter err, Path callerDir,
                          String... args) {
        CommandLine cli = new CommandLine(new PlanCommand(program, out, err, callerDir),
                new Factory(program, out, err, callerDir));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof PlanException p) {
                err.println("plan: error: " + p.getMessage());
                return p.exitCode();
            }
            if (e instanceof StackFileException s) {
                // a stack or project file the Pulumi CLI would refuse
                err.println("plan: error: " + s.getMessage());
                return PlanException.BAD_INPUT;
            }
            err.println("plan: error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + " (unexpected; please report it with the command line)");
            return PlanException.PROGRAM_FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        if (stack == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'STACK'");
        }
        dir = dirOption == null ? Path.of("").toAbsolutePath() : typed(callerDir, dirOption);
        out = outOption == null ? dir.resolve("plan") : typed(callerDir, outOption);
        err("loading the configuration of stack '" + stack + "' from " + shown(dir.resolve("Pulumi.yaml")) + " and "
                + shown(dir.resolve("Pulumi." + stack + ".yaml")));
        ConfigLoader.Loaded loaded = ConfigLoader.read(dir, stack);
        StackConfig config = loaded.config();
        List<String> undecryptable = config.secretKeys().stream()
                .filter(k -> StackConfig.SECRET_PLACEHOLDER.equals(config.value(k)))
                .map(k -> k + " is a secret (secure:) that cannot be decrypted offline: the program ran without it"
                        + " and its value was not checked (pulumi preview, with the stack's secrets provider, checks it)")
                .toList();
        undecryptable.forEach(n -> err("note: " + n));
        err("running the program in preview mode on the in-process engine (offline)");
        long start = System.nanoTime();
        Plan plan;
        try (Spinner spinner = Spinner.start(stderr)) {
            plan = Planner.plan(config, program, this::earlierPlan, spinner);
        } catch (PlanException e) {
            // every problem at once: what the CLI would refuse and what the program refuses, in one report; and a
            // stale plan of a referenced stack first, since the values read from it may be what the program refused
            String staleNote = stale.isEmpty() ? "" : "\n" + String.join("\n", stale);
            throw loaded.cliErrors().isEmpty() ? new PlanException(e.exitCode(), e.getMessage() + staleNote, e)
                    : new PlanException(PlanException.BAD_INPUT, cliRefusal(loaded) + "\nand " + e.getMessage()
                    + staleNote, e);
        }
        if (!loaded.cliErrors().isEmpty()) {
            throw new PlanException(PlanException.BAD_INPUT, cliRefusal(loaded));
        }
        List<String> references = referenceProblems(plan, config);
        if (!references.isEmpty()) {
            throw new PlanException(PlanException.BAD_INPUT, "stack '" + stack + "' reads a stack that does not exist:"
                    + "\n  - " + String.join("\n  - ", references));
        }
        List<String> notes = new ArrayList<>(stale);
        notes.addAll(StackClaims.conflicts(dir, config, plan, this::ownPlan));
        Plan planned = plan;
        // the program's own warning about an undecryptable key says the same: keep one
        undecryptable.stream().filter(n -> planned.notes().stream().noneMatch(w -> w.startsWith(Plan.PROGRAM_WARNING)
                && w.contains(n.substring(0, n.indexOf(' ')) + ":"))).forEach(notes::add);
        plan = plan.with(notes, PlanSource.of(dir, stack));
        err(String.format("planned in %d ms: %s", (System.nanoTime() - start) / 1_000_000, PlanText.summary(plan)));
        plan.warnings().stream().filter(w -> !stale.contains(w)).forEach(this::err);
        Path json = out.resolve(stack + ".json");
        Path mermaid = out.resolve(stack + ".mmd");
        PlanJson.write(plan, json);
        try {
            Files.writeString(mermaid, PlanMermaid.render(plan, regionOrder(config), read));
        } catch (IOException e) {
            throw new PlanException(PlanException.BAD_INPUT, "cannot write " + shown(mermaid) + ": " + e.getMessage(),
                    e);
        }
        stdout.print(PlanText.render(plan, !noInputs, regionOrder(config)));
        stdout.flush();
        err("wrote " + shown(json) + " and " + shown(mermaid));
        return 0;
    }

    private static String cliRefusal(ConfigLoader.Loaded loaded) {
        return "the configuration of stack '" + loaded.config().stack() + "' would be refused by the Pulumi CLI:\n  - "
                + String.join("\n  - ", loaded.cliErrors());
    }

    /**
     * StackReferences that name another project, or a stack of this project with no stack file: a misspelt name
     * would otherwise plan with every value read from it unknown.
     */
    private List<String> referenceProblems(Plan plan, StackConfig config) {
        List<String> problems = new ArrayList<>();
        for (Plan.PlannedResource r : plan.resources()) {
            if (!r.type().equals("pulumi:pulumi:StackReference")) {
                continue;
            }
            String name = r.inputs().get("name") instanceof String n ? n : r.name();
            String[] parts = name.split("/");
            String project = parts.length == 3 ? parts[1] : config.project();
            String referenced = parts[parts.length - 1];
            List<String> keys = config.values().entrySet().stream().filter(e -> e.getValue().equals(name))
                    .map(Map.Entry::getKey).sorted().toList();
            String from = keys.isEmpty() ? "" : " (" + String.join(", ", keys) + ")";
            List<String> known = ConfigLoader.knownStacks(dir);
            if (!project.equals(config.project())) {
                problems.add("the StackReference '" + name + "'" + from + " names project '" + project + "', but this"
                        + " is project '" + config.project() + "': write it as <organization>/" + config.project()
                        + "/<stack>");
            } else if (!known.contains(referenced)) {
                List<String> nearest = Suggest.nearest(referenced, known);
                problems.add("the StackReference '" + name + "'" + from + " names stack '" + referenced + "', but there"
                        + " is no " + shown(dir.resolve("Pulumi." + referenced + ".yaml")) + (known.isEmpty() ? ""
                        : "; stacks of this project: " + String.join(", ", known))
                        + (nearest.isEmpty() ? "" : " (did you mean '" + String.join("' or '", nearest) + "'?)"));
            }
        }
        return problems;
    }

    /** Region A then region B, as the stack's configuration names them (the diagram draws A left of B). */
    static List<String> regionOrder(StackConfig config) {
        List<String> order = new ArrayList<>();
        for (String key : List.of("primaryRegion", "secondaryRegion")) {
            String value = config.value(config.project() + ":" + key);
            if (value != null && !value.isBlank()) {
                order.add(value);
            }
        }
        return order;
    }

    /**
     * The earlier plan of a referenced stack ({@code org/project/stack}): {@code OUT/stack.json} when it exists. When
     * it was computed from other stack files or another build of the program than those at hand, a warning says so and
     * gives the command that plans it again.
     */
    private Optional<Plan> earlierPlan(String reference) {
        String[] parts = reference.split("/");
        String name = parts[parts.length - 1];
        Optional<Plan> found = ownPlan(name);
        if (found.isEmpty() || parts.length >= 2 && !parts[parts.length - 2].equals(found.get().project())) {
            return Optional.empty();
        }
        Plan earlier = found.get();
        if (!read.contains(earlier)) {
            read.add(earlier);
        }
        List<String> changed = PlanSource.changedSince(earlier, dir);
        if (!changed.isEmpty()) {
            String warning = Plan.WARNING + "the plan of stack '" + name + "' that this plan reads ("
                    + shown(out.resolve(name + ".json")) + ") is stale: " + String.join(", ", changed)
                    + "; the values read from it may be out of date. Plan it again first: " + command(name);
            if (!stale.contains(warning)) {
                stale.add(warning);
                err(warning);
            }
        }
        return Optional.of(earlier);
    }

    /** The plan of another stack of this project in the plan folder, when there is one. */
    private Optional<Plan> ownPlan(String name) {
        Path file = out.resolve(name + ".json");
        if (name.equals(stack) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(PlanJson.read(file));
    }

    /** The command that plans a stack with this run's project and plan folders, as the user can type it. */
    private String command(String name) {
        return "bin/plan" + (dirOption == null ? "" : " --dir " + shown(dir)) + (outOption == null ? ""
                : " --out " + shown(out)) + " " + name;
    }

    private void err(String message) {
        stderr.println("plan: " + message);
        stderr.flush();
    }

    /** {@code plan diff OLD NEW}: plan files, or directories of them (compared stack by stack). */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Prints what would be added, removed and changed between two plans (e.g. the base"
                    + " branch's and a pull request's). OLD and NEW are plan files, or directories of STACK.json files."})
    static final class Diff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OLD", description = "Plan file or directory before the change.")
        Path before;

        @Parameters(index = "1", paramLabel = "NEW", description = "Plan file or directory after the change.")
        Path after;

        @Option(names = "--markdown", description = "Markdown for a pull-request comment.")
        boolean markdown;

        @Option(names = "--exit-code", description = "Exit 1 when the plans differ, 0 when they do not (for gating).")
        boolean exitCode;

        @Option(names = "--allow-different-stacks", description = "Compare plans of different stacks (refused"
                + " otherwise: every resource would show as removed and added).")
        boolean allowDifferentStacks;

        private final PrintWriter stdout;
        private final Path callerDir;

        Diff(PrintWriter stdout, Path callerDir) {
            this.stdout = stdout;
            this.callerDir = callerDir;
        }

        @Override
        public Integer call() {
            before = typed(callerDir, before);
            after = typed(callerDir, after);
            List<PlanDiff> diffs = new ArrayList<>();
            if (Files.isDirectory(before) || Files.isDirectory(after)) {
                for (String name : planNames(before, after)) {
                    Plan old = planOrEmpty(before.resolve(name), name);
                    Plan now = planOrEmpty(after.resolve(name), name);
                    diffs.add(PlanDiff.between(old, now, allowDifferentStacks));
                }
            } else {
                diffs.add(PlanDiff.between(PlanJson.read(before), PlanJson.read(after), allowDifferentStacks));
            }
            StringBuilder text = new StringBuilder();
            if (markdown) {
                text.append("## Offline plan diff\n\nComputed without cloud credentials by `plan`. `${resource.output}`"
                        + " stands for a value the cloud assigns when it creates that resource; `REPLACE` marks an input"
                        + " change that forces a new resource (or a new value from a replaced resource in such an"
                        + " input), \"in place\" one the provider updates, \"may replace\" one of a type whose"
                        + " behaviour the plan does not know; \"ignored (ignoreChanges)\" a difference `pulumi up` does"
                        + " not apply.\n\n");
            }
            diffs.forEach(d -> text.append(d.render(markdown)));
            stdout.print(markdown ? fitComment(text.toString()) : text.toString());
            stdout.flush();
            return exitCode && diffs.stream().anyMatch(d -> !d.isEmpty()) ? 1 : 0;
        }

        /** GitHub refuses comments over 65,536 characters: a longer Markdown diff is cut at a line, with a note. */
        static String fitComment(String markdown) {
            int limit = 60_000;
            if (markdown.length() <= limit) {
                return markdown;
            }
            String cut = markdown.substring(0, markdown.lastIndexOf('\n', limit) + 1);
            boolean inFence = (cut.split("```", -1).length - 1) % 2 == 1;
            return cut + (inFence ? "```\n" : "") + "\n*The diff is longer than a comment can hold: "
                    + (markdown.length() - cut.length()) + " more characters are in the plan files (run"
                    + " `bin/plan diff OLD NEW`).*\n";
        }

        private static TreeSet<String> planNames(Path... dirs) {
            TreeSet<String> names = new TreeSet<>();
            for (Path d : dirs) {
                if (!Files.isDirectory(d)) {
                    throw new PlanException(PlanException.BAD_INPUT, d + " is not a directory of plan files"
                            + " (give two files or two directories)");
                }
                try (Stream<Path> files = Files.list(d)) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(names::add);
                } catch (IOException e) {
                    throw new PlanException(PlanException.BAD_INPUT, "cannot list " + d + ": " + e.getMessage(), e);
                }
            }
            return names;
        }

        private static Plan planOrEmpty(Path file, String name) {
            if (Files.isRegularFile(file)) {
                return PlanJson.read(file);
            }
            String stackName = name.substring(0, name.length() - ".json".length());
            return new Plan("", stackName, List.of(), Map.of(), List.of(), List.of(), Map.of());
        }
    }

    /** {@code plan -V}: the project's version (from the jar) and the Pulumi SDK the plan runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties versions = versions();
            return new String[] {"plan (offline plan of the multiregion program) "
                    + versions.getProperty("project", "development build"),
                    "Pulumi Java SDK " + versions.getProperty("pulumi", "unknown")
                    + ", Pulumi AWS provider SDK " + versions.getProperty("aws", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }

        /** The versions the build wrote from pom.xml ({@code io/multiregion/versions.properties}). */
        private static Properties versions() {
            Properties properties = new Properties();
            try (InputStream in = PlanCommand.class.getResourceAsStream("/io/multiregion/versions.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                // unknown versions are said so
            }
            return properties;
        }
    }

    /** Builds the command objects with the program and streams they need. */
    private record Factory(Consumer<Context> program, PrintWriter out, PrintWriter err, Path callerDir)
            implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == PlanCommand.class) {
                return type.cast(new PlanCommand(program, out, err, callerDir));
            }
            if (type == Diff.class) {
                return type.cast(new Diff(out, callerDir));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
