package io.multiregion.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs every whole-program check goes over, by name, each run once and then shared by every test class (the
 * program is deterministic): both stacks from their stack files, the secondary in eventbridge mode, both stacks
 * in native delivery, both stacks of a pipeline-free pair and both stacks of an upload pair ({@link RegionPairRuns}),
 * both stacks with the inter-region network off, both stacks with every governance part off, both stacks with a
 * domain, the front door's other shapes, and the secondary with the front door's alarm thresholds set.
 */
public final class StandardRuns {
    private StandardRuns() {
    }

    /** Bespoke delivery: the primary, and the secondary in both trigger modes. */
    public static final List<String> BESPOKE = List.of("primary", "secondary/cloudtrail", "secondary/eventbridge");
    /** Every delivery mode. */
    public static final List<String> ALL = List.of("primary", "secondary/cloudtrail", "secondary/eventbridge",
            "primary/native", "secondary/native", "primary/domain", "secondary/domain", "primary/pipeline-free",
            "secondary/pipeline-free", "primary/upload", "secondary/upload", "secondary/drill", "secondary/domain-drill",
            "primary/dns", "secondary/dns");
    /**
     * The front door's other shapes ({@link FrontDoorRuns}): with a domain, the failover drill (without and with a
     * domain), and DNS failover without CloudFront.
     */
    public static final List<String> FRONT_DOOR = List.of("primary/domain", "secondary/domain", "secondary/drill",
            "secondary/domain-drill", "primary/dns", "secondary/dns");
    /** Both stacks with {@code multiregion:domain} set. */
    public static final List<String> WITH_DOMAIN = List.of("primary/domain", "secondary/domain");

    /** Both stacks with every governance part off (an account that already has all of them); not in {@link #ALL}. */
    public static final List<String> GOVERNANCE_OFF = List.of("primary/governance-off", "secondary/governance-off");

    /** A stack file's configuration with every part of {@code multiregion:governance} off. */
    public static Map<String, String> governanceOff(String stack) {
        Map<String, String> config = new HashMap<>(StackFiles.config(stack));
        config.put("multiregion:governance", "{\"accountTrail\":false,\"securityHub\":false,\"findingAggregator\":false,"
                + "\"config\":false,\"configRules\":false,\"configServiceLinkedRole\":false}");
        return config;
    }

    /**
     * The secondary from its stack file with the front door's alarm thresholds of {@code multiregion:operations} set
     * ({@link #FRONT_DOOR_5XX_PERCENT}, {@link #FRONT_DOOR_5XX_MINUTES}: neither a default nor equal, so that each
     * is seen to reach its own input); not in {@link #ALL}.
     */
    public static final String FRONT_DOOR_THRESHOLDS = "secondary/front-door-thresholds";
    public static final int FRONT_DOOR_5XX_PERCENT = 12;
    public static final int FRONT_DOOR_5XX_MINUTES = 3;

    /** Both stacks with the inter-region network off (it is on in the stack files). */
    public static final List<String> INTER_REGION_OFF = List.of("primary/inter-region-off", "secondary/inter-region-off");

    private static final Map<String, ProgramRun> RUNS = new HashMap<>();

    /**
     * The run of that name (one of {@link #ALL}, {@link #INTER_REGION_OFF}, {@link #GOVERNANCE_OFF} or
     * {@link #FRONT_DOOR_THRESHOLDS}); a secondary's run first runs the primary it reads.
     */
    public static synchronized ProgramRun get(String name) {
        ProgramRun run = RUNS.get(name);
        if (run == null) {
            run = run(name);
            RUNS.put(name, run);
        }
        if (run.failed()) {
            throw new AssertionError("the standard run " + name + " failed:\n" + run.errors());
        }
        return run;
    }

    /** What the primary stack exported, as the secondary run of that name read it (empty for a primary run). */
    public static Map<String, Object> primaryOutputsOf(String name) {
        return switch (name) {
            case "secondary/cloudtrail", "secondary/eventbridge", "secondary/governance-off", FRONT_DOOR_THRESHOLDS ->
                    Samples.primaryOutputs();
            case "secondary/native" -> NativeRuns.primaryExports();
            case "secondary/domain" -> DomainRuns.primaryExports();
            case "secondary/pipeline-free" -> get("primary/pipeline-free").exports();
            case "secondary/upload" -> get("primary/upload").exports();
            case "secondary/inter-region-off" -> InterRegionRuns.primary().exports();
            case "secondary/drill" -> Samples.primaryOutputs();
            case "secondary/domain-drill" -> DomainRuns.primaryExports();
            case "secondary/dns" -> FrontDoorRuns.run("primary/dns").exports();
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
            case "primary/governance-off" -> ProgramRun.with("primary", governanceOff("primary"), Map.of());
            case "secondary/governance-off" -> ProgramRun.with("secondary", governanceOff("secondary"),
                    Samples.primaryOutputs());
            case FRONT_DOOR_THRESHOLDS -> {
                Map<String, String> config = new HashMap<>(StackFiles.config("secondary"));
                config.put("multiregion:operations", "{\"frontDoor5xxErrorRatePercent\":" + FRONT_DOOR_5XX_PERCENT
                        + ",\"frontDoor5xxMinutes\":" + FRONT_DOOR_5XX_MINUTES + "}");
                yield ProgramRun.with("secondary", config, Samples.primaryOutputs());
            }
            case "primary/native" -> NativeRuns.primary();
            case "primary/pipeline-free" -> ProgramRun.with("primary",
                    RegionPairRuns.config("primary", RegionPairRuns.PIPELINE_FREE), Map.of());
            case "secondary/pipeline-free" -> ProgramRun.with("secondary",
                    RegionPairRuns.config("secondary", RegionPairRuns.PIPELINE_FREE),
                    get("primary/pipeline-free").exports());
            case "primary/upload" -> ProgramRun.with("primary", RegionPairRuns.uploadConfig("primary"), Map.of());
            case "secondary/upload" -> ProgramRun.with("secondary", RegionPairRuns.uploadConfig("secondary"),
                    get("primary/upload").exports());
            case "secondary/native" -> NativeRuns.secondary();
            case "primary/domain" -> DomainRuns.primary();
            case "secondary/domain" -> DomainRuns.secondary();
            case "primary/inter-region-off" -> InterRegionRuns.primary();
            case "secondary/inter-region-off" -> InterRegionRuns.secondary();
            case "secondary/drill", "secondary/domain-drill", "primary/dns", "secondary/dns" -> FrontDoorRuns.run(name);
            default -> throw new IllegalArgumentException("no standard run named " + name);
        };
    }
}
