package io.multiregion.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs every whole-program check goes over, by name, each run once and then shared by every test class (the
 * program is deterministic): both stacks from their stack files, the secondary in eventbridge mode, both stacks
 * in native delivery, and the front door's other shapes.
 */
public final class StandardRuns {
    private StandardRuns() {
    }

    /** Bespoke delivery: the primary, and the secondary in both trigger modes. */
    public static final List<String> BESPOKE = List.of("primary", "secondary/cloudtrail", "secondary/eventbridge");
    /**
     * The front door's other shapes ({@link FrontDoorRuns}): with a domain, the failover drill (without and with a
     * domain), and DNS failover without CloudFront.
     */
    public static final List<String> FRONT_DOOR = List.of("primary/domain", "secondary/domain", "secondary/drill",
            "secondary/domain-drill", "primary/dns", "secondary/dns");
    /** Every delivery mode, and every shape of the front door. */
    public static final List<String> ALL = List.of("primary", "secondary/cloudtrail", "secondary/eventbridge",
            "primary/native", "secondary/native", "primary/domain", "secondary/domain", "secondary/drill",
            "secondary/domain-drill", "primary/dns", "secondary/dns");

    private static final Map<String, ProgramRun> RUNS = new ConcurrentHashMap<>();

    /** The run of that name (one of {@link #ALL}). */
    public static ProgramRun get(String name) {
        ProgramRun run = RUNS.computeIfAbsent(name, StandardRuns::run);
        if (run.failed()) {
            throw new AssertionError("the standard run " + name + " failed:\n" + run.errors());
        }
        return run;
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
            default -> {
                if (!FRONT_DOOR.contains(name)) {
                    throw new IllegalArgumentException("no standard run named " + name);
                }
                yield FrontDoorRuns.run(name);
            }
        };
    }
}
