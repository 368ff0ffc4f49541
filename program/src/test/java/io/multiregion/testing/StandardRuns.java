package io.multiregion.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs every whole-program check goes over, by name, each run once and then shared by every test class (the
 * program is deterministic): both stacks from their stack files, the secondary in eventbridge mode, both stacks
 * in native delivery, both stacks with the inter-region network off, and both stacks with every governance part off.
 */
public final class StandardRuns {
    private StandardRuns() {
    }

    /** Bespoke delivery: the primary, and the secondary in both trigger modes. */
    public static final List<String> BESPOKE = List.of("primary", "secondary/cloudtrail", "secondary/eventbridge");
    /** Every delivery mode. */
    public static final List<String> ALL = List.of("primary", "secondary/cloudtrail", "secondary/eventbridge",
            "primary/native", "secondary/native");

    /** Both stacks with every governance part off (an account that already has all of them); not in {@link #ALL}. */
    public static final List<String> GOVERNANCE_OFF = List.of("primary/governance-off", "secondary/governance-off");

    /** A stack file's configuration with every part of {@code multiregion:governance} off. */
    public static Map<String, String> governanceOff(String stack) {
        Map<String, String> config = new HashMap<>(StackFiles.config(stack));
        config.put("multiregion:governance", "{\"accountTrail\":false,\"securityHub\":false,\"findingAggregator\":false,"
                + "\"config\":false,\"configRules\":false,\"configServiceLinkedRole\":false}");
        return config;
    }

    private static final Map<String, ProgramRun> RUNS = new ConcurrentHashMap<>();

    /** Both stacks with the inter-region network off (it is on in the stack files). */
    public static final List<String> INTER_REGION_OFF = List.of("primary/inter-region-off", "secondary/inter-region-off");

    /** The run of that name (one of {@link #ALL} or {@link #INTER_REGION_OFF}). */
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
            case "primary/governance-off" -> ProgramRun.with("primary", governanceOff("primary"), Map.of());
            case "secondary/governance-off" -> ProgramRun.with("secondary", governanceOff("secondary"),
                    Samples.primaryOutputs());
            case "primary/native" -> NativeRuns.primary();
            case "secondary/native" -> NativeRuns.secondary();
            case "primary/inter-region-off" -> InterRegionRuns.primary();
            case "secondary/inter-region-off" -> InterRegionRuns.secondary();
            default -> throw new IllegalArgumentException("no standard run named " + name);
        };
    }
}
