package io.multiregion.plan;

import io.multiregion.offline.StackConfig;
import io.multiregion.offline.ConfigLoader;
import com.pulumi.Context;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs a Pulumi program ({@code OfflineRun.APP} or any other) on the SDK's in-process engine in preview mode, with a
 * stack's configuration, and returns what it would create. Nothing leaves the process: no CLI, no cloud.
 *
 * <p>The SDK's deployment is a process-wide static: one plan at a time per JVM.
 */
public final class Planner {
    private Planner() {
    }

    /** Progress of a running plan: called with the number of resources registered so far. */
    public interface Progress {
        void registered(int count);
    }

    /** Plans a program with no referenced stacks available. */
    public static Plan plan(StackConfig config, Consumer<Context> program) {
        return plan(config, program, name -> Optional.empty(), null);
    }

    /**
     * @param config          the stack's configuration (see {@link ConfigLoader})
     * @param program         the program, e.g. {@code OfflineRun.APP}
     * @param referencedPlans earlier plans of the stacks the program references, by StackReference name
     * @param progress        told about registrations while the program runs, or null
     * @throws PlanException when the program throws (for example because its configuration is invalid)
     */
    public static synchronized Plan plan(StackConfig config, Consumer<Context> program,
                                         Function<String, Optional<Plan>> referencedPlans, Progress progress) {
        Recorder recorder = new Recorder(config.stack(), progress);
        PlanMocks mocks = new PlanMocks(recorder, referencedPlans);
        RecordingMonitor monitor = new RecordingMonitor(mocks, recorder);
        // The program's warnings (ctx.log().warn) reach the SDK's standard logger: kept for the plan's notes.
        Set<String> warnings = Collections.synchronizedSet(new LinkedHashSet<>());
        Logger collecting = Logger.getAnonymousLogger();
        collecting.setUseParentHandlers(false);
        collecting.setLevel(Level.WARNING);
        collecting.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getMessage() != null) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        TestResult result;
        try {
            result = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .projectName(config.project())
                            .stackName(config.stack())
                            .preview(true)
                            .build())
                    .config(config.values(), config.secretKeys())
                    .mocks(mocks)
                    .standardLogger(collecting)
                    .monitorDecorator(sdkMonitor -> monitor)
                    .build()
                    .runTest(program);
        } catch (RuntimeException e) {
            throw failed(config, e);
        } finally {
            PulumiTestInternal.cleanup();
        }
        if (!result.exceptions().isEmpty()) {
            throw failed(config, result.exceptions().get(0));
        }
        if (result.exitCode() != 0 || !result.errors().isEmpty()) {
            throw new PlanException(PlanException.PROGRAM_FAILED, "the program failed for stack '" + config.stack()
                    + "' (exit code " + result.exitCode() + ")" + (result.errors().isEmpty() ? ""
                    : ":\n  " + String.join("\n  ", result.errors())));
        }
        List<String> programWarnings;
        synchronized (warnings) {
            programWarnings = warnings.stream().map(w -> Plan.PROGRAM_WARNING + w).toList();
        }
        return toPlan(config, recorder, programWarnings);
    }

    private static PlanException failed(StackConfig config, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || (cause.getMessage() == null && cause.getCause() != null)) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return new PlanException(PlanException.PROGRAM_FAILED,
                "the program refused to run for stack '" + config.stack() + "':\n" + message, cause);
    }

    private static Plan toPlan(StackConfig config, Recorder recorder, List<String> warnings) {
        Recorder.Result recorded = recorder.result();
        List<Plan.PlannedResource> resources = new ArrayList<>();
        for (Recorder.Registration r : recorded.registrations()) {
            String provider = Recorder.providerUrn(r.providerRef());
            String region = r.type().startsWith("pulumi:providers:") && r.inputs().get("region") instanceof String s
                    ? s : recorder.regionOf(r.providerRef());
            Map<String, List<String>> references = new TreeMap<>();
            r.inputs().forEach((key, value) -> {
                Set<String> found = Recorder.referencesIn(value, recorded.references());
                if (!found.isEmpty()) {
                    references.put(key, List.copyOf(found));
                }
            });
            resources.add(new Plan.PlannedResource(r.urn(), r.type(), r.name(),
                    r.parent() == null || r.parent().isEmpty() ? null : r.parent(), r.custom(), r.read(), provider,
                    region, r.inputs(), r.dependsOn(), r.options(), references));
        }
        resources.sort(Comparator.comparing(Plan.PlannedResource::urn));
        List<Plan.PlannedInvoke> invokes = new ArrayList<>(recorder.invokes());
        invokes.sort(Comparator.comparing(Plan.PlannedInvoke::token)
                .thenComparing(i -> i.region() == null ? "" : i.region()));
        List<String> notes = new ArrayList<>(warnings);
        notes.addAll(recorder.notes());
        return new Plan(config.project(), config.stack(), resources, recorded.outputs(),
                invokes.stream().distinct().toList(), notes, recorded.references());
    }
}
