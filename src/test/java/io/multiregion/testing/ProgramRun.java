package io.multiregion.testing;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.multiregion.App;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Runs the real program ({@link App#stack}) for one stack on the SDK's mock engine and answers
 * questions about what it registered. Always cleans the process-wide deployment up afterwards.
 */
public final class ProgramRun {
    private final TestResult result;
    private final List<Registered> registered;
    private final Set<String> protectedResources;

    private ProgramRun(TestResult result, List<Registered> registered, Set<String> protectedResources) {
        this.result = result;
        this.registered = registered;
        this.protectedResources = Set.copyOf(protectedResources);
    }

    /** Runs of the unchanged stack files, shared by every test class: the program is deterministic. */
    private static final Map<List<Object>, ProgramRun> STACK_FILE_RUNS = new ConcurrentHashMap<>();

    /**
     * The stack as its stack file configures it; a secondary reads {@code primaryOutputs} from the primary.
     * Run once per stack and outputs, then shared.
     */
    public static ProgramRun of(String stack, Map<String, Object> primaryOutputs) {
        return STACK_FILE_RUNS.computeIfAbsent(List.of(stack, Map.copyOf(primaryOutputs)),
                key -> with(stack, StackFiles.config(stack), primaryOutputs));
    }

    /** The stack with explicit configuration (for bad-config cases). */
    public static ProgramRun with(String stack, Map<String, String> config, Map<String, Object> primaryOutputs) {
        return with(stack, config, Set.of(), primaryOutputs);
    }

    /** The stack with explicit configuration, some keys marked secret as {@code pulumi config set --secret} does. */
    public static ProgramRun with(String stack, Map<String, String> config, Set<String> secretKeys,
                                  Map<String, Object> primaryOutputs) {
        FakeCloud cloud = new FakeCloud(primaryOutputs);
        Set<String> protectedResources = ConcurrentHashMap.newKeySet();
        ResourceTransformation recordProtect = args -> {
            if (args.options().isProtect()) {
                protectedResources.add(args.resource().pulumiResourceType() + " " + args.resource().pulumiResourceName());
            }
            return Optional.empty();
        };
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("multiregion").stackName(stack).preview(false)
                            .resourceTransformations(List.of(recordProtect)).build())
                    .config(config, secretKeys)
                    .mocks(cloud)
                    .build()
                    .runTest(App::stack);
            return new ProgramRun(result, cloud.registered(), protectedResources);
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** Whether the program registered this resource with Pulumi's {@code protect} option. */
    public boolean isProtected(Registered resource) {
        return protectedResources.contains(resource.type() + " " + resource.name());
    }

    public TestResult result() {
        return result;
    }

    public boolean failed() {
        return !result.exceptions().isEmpty() || result.exitCode() != 0;
    }

    /** Every error text the run produced (exception messages and logged errors). */
    public String errors() {
        StringBuilder text = new StringBuilder();
        result.exceptions().forEach(e -> {
            Throwable t = e;
            while (t != null) {
                text.append(t.getMessage()).append('\n');
                t = t.getCause();
            }
        });
        result.errors().forEach(e -> text.append(e).append('\n'));
        return text.toString();
    }

    public List<Registered> all() {
        return registered;
    }

    public List<Registered> aws() {
        return registered.stream().filter(Registered::isAws).toList();
    }

    public List<Registered> ofType(String type) {
        return registered.stream().filter(r -> r.type().equals(type)).toList();
    }

    public List<Registered> where(Predicate<Registered> predicate) {
        return registered.stream().filter(predicate).toList();
    }

    public List<Registered> inRegion(String type, String region) {
        return registered.stream().filter(r -> r.type().equals(type) && Objects.equals(r.providerRegion(), region)).toList();
    }

    public Registered one(String type) {
        List<Registered> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type + ", found " + found.size());
        }
        return found.get(0);
    }

    /** A stack output's value. */
    public Object output(String name) {
        Output<?> output = result.outputs().get(name);
        return output == null ? null : PulumiTest.extractValue(output);
    }

    public Map<String, Output<?>> outputs() {
        return result.outputs();
    }
}
