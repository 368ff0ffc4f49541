package io.multiregion.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs every whole-program check goes over, by name, each run once and then shared by every test class (the
 * program is deterministic): both stacks from their stack files, the secondary in eventbridge mode, both stacks
 * in native delivery, and both stacks with a domain.
 */
public final class StandardRuns {
    private StandardRuns() {
    }

    /** Bespoke delivery: the primary, and the secondary in both trigger modes. */
    public static final List<String> BESPOKE = List.of("primary", "secondary/cloudtrail", "secondary/eventbridge");
    /** Every delivery mode. */
    public static final List<String> ALL = List.of("primary", "secondary/cloudtrail", "secondary/eventbridge",
            "primary/native", "secondary/native", "primary/domain", "secondary/domain");
    /** Both stacks with {@code multiregion:domain} set. */
    public static final List<String> WITH_DOMAIN = List.of("primary/domain", "secondary/domain");

    private static final Map<String, ProgramRun> RUNS = new ConcurrentHashMap<>();

    /** The run of that name (one of {@link #ALL}). */
    public static ProgramRun get(String name) {
        ProgramRun run = RUNS.computeIfAbsent(name, StandardRuns::run);
        if (run.failed()) {
            throw new AssertionError("the standard run " + name + " failed:\n" + run.errors());
        }
        return run;
    }

    /** What the primary stack exported, as the secondary run of that name read it (empty for a primary run). */
    public static Map<String, Object> primaryOutputsOf(String name) {
        return switch (name) {
            case "secondary/cloudtrail", "secondary/eventbridge" -> Samples.primaryOutputs();
            case "secondary/native" -> NativeRuns.primaryExports();
            case "secondary/domain" -> DomainRuns.primaryExports();
            default -> Map.of();
        };
    }

    private static ProgramRun run(String name) {
        return switch (name) {
            case "primary" -> ProgramRun.of("primary", Map.of());
            case "secondary/cloudtrail" -> ProgramRun.of("secondary", Samples.primaryOutputs());
            case "secondary/eventbridge" -> {
                Map<String, String> config = new HashMap<>(StackFiles.config("secondary"));
                config.put("multiregion:trigger", "eventbridge");
                yield ProgramRun.with("secondary", config, Samples.primaryOutputs());
            }
            case "primary/native" -> NativeRuns.primary();
            case "secondary/native" -> NativeRuns.secondary();
            case "primary/domain" -> DomainRuns.primary();
            case "secondary/domain" -> DomainRuns.secondary();
            default -> throw new IllegalArgumentException("no standard run named " + name);
        };
    }
}
