package io.multiregion.testing;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.multiregion.App;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs the real program ({@link App#stack}) for one stack on the SDK's mock engine and answers
 * questions about what it registered. Always cleans the process-wide deployment up afterwards.
 */
public final class ProgramRun {
    // What a run answers, kept as plain values: the engine's own result (every resource object and its outputs) is
    // not kept, so the shared runs of a whole test session fit in the test JVM's heap.
    private final Map<String, String> config;
    private final boolean failed;
    private final String errors;
    private final Map<String, Object> outputs;
    private final Set<String> secretOutputs;
    private final List<Registered> registered;

    private final List<LogRecord> log;

    private final List<GraphMonitor.Node> nodes;

    private ProgramRun(Map<String, String> config, TestResult result, List<Registered> registered, List<LogRecord> log,
                       List<GraphMonitor.Node> nodes) {
        this.config = Map.copyOf(config);
        this.failed = !result.exceptions().isEmpty() || result.exitCode() != 0;
        this.errors = errorText(result);
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        Set<String> secrets = new java.util.TreeSet<>();
        if (!failed) {
            result.outputs().forEach((name, output) -> {
                values.put(name, PulumiTest.extractValue(output));
                if (com.pulumi.core.internal.Internal.of(output).isSecret().join()) {
                    secrets.add(name);
                }
            });
        }
        this.outputs = java.util.Collections.unmodifiableMap(values);
        this.secretOutputs = java.util.Collections.unmodifiableSet(secrets);
        this.registered = registered;
        this.log = List.copyOf(log);
        this.nodes = nodes;
    }

    /** The URN of every registration, components and providers included. */
    public Set<String> urns() {
        Set<String> urns = new java.util.TreeSet<>();
        nodes.forEach(n -> urns.add(n.urn()));
        return urns;
    }

    /** Every alias URN any registration declares. */
    public Set<String> aliasUrns() {
        Set<String> urns = new java.util.TreeSet<>();
        nodes.forEach(n -> urns.addAll(n.aliases()));
        return urns;
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
        return program(stack, config, secretKeys, primaryOutputs, App::stack);
    }

    /**
     * Any program (the whole stack, or a lambda that builds one component with chosen args) on the same fake
     * cloud, with a stack's name and configuration.
     */
    public static ProgramRun program(String stack, Map<String, String> config, Consumer<Context> program) {
        return program(stack, config, Set.of(), Map.of(), program);
    }

    public static ProgramRun program(String stack, Map<String, String> config, Set<String> secretKeys,
                                     Map<String, Object> primaryOutputs, Consumer<Context> program) {
        FakeCloud cloud = new FakeCloud(primaryOutputs);
        AtomicReference<GraphMonitor> graph = new AtomicReference<>();
        List<LogRecord> log = Collections.synchronizedList(new ArrayList<>());
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("multiregion").stackName(stack).preview(false).build())
                    .config(config, secretKeys)
                    .mocks(cloud)
                    .standardLogger(collectingLogger(log))
                    .monitorDecorator(sdk -> {
                        graph.set(new GraphMonitor(cloud));
                        return graph.get();
                    })
                    .build()
                    .runTest(program);
            return new ProgramRun(config, result, join(cloud.registered(), graph.get()), log,
                    graph.get() == null ? List.of() : List.copyOf(graph.get().nodes()));
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * The engine's warnings and errors of one run, kept instead of printed: a failing program's stack trace would
     * otherwise reach the console of every passing test run that expects the failure. Finer levels (the engine's
     * debug log of every registration) are not kept: the shared runs of a test session would not fit in the heap.
     */
    private static Logger collectingLogger(List<LogRecord> into) {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.WARNING);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }

    /** The messages the program and the engine logged at WARNING or above. */
    public List<String> warnings() {
        return log.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue() && r.getMessage() != null)
                .map(LogRecord::getMessage).toList();
    }

    private static List<Registered> join(List<Registered> mocked, GraphMonitor graph) {
        if (graph == null) {
            return mocked;
        }
        return mocked.stream().map(r -> {
            GraphMonitor.Node node = graph.node(r.type(), r.name());
            return node == null ? r : new Registered(r.type(), r.name(), r.inputs(), r.providerRegion(), node.urn(),
                    node.parent(), node.dependencies(), node.protect(), node.ignoreChanges(), node.aliases());
        }).toList();
    }

    /**
     * The logical name of the provider a resource was registered through (e.g. {@code aws-eu-central-1},
     * {@code aws-global}), or null for one without an explicit provider.
     */
    public String providerName(Registered resource) {
        GraphMonitor.Node node = nodes.stream().filter(n -> n.urn().equals(resource.urn())).findFirst().orElse(null);
        if (node == null || node.provider() == null || node.provider().isEmpty()) {
            return null;
        }
        String reference = node.provider(); // <provider URN>::<provider id>
        String urn = reference.substring(0, reference.lastIndexOf("::"));
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    /** Whether the program registered this resource with Pulumi's {@code protect} option. */
    public boolean isProtected(Registered resource) {
        return resource.protect();
    }

    /** The resource registered with this URN. */
    public Optional<Registered> byUrn(String urn) {
        return registered.stream().filter(r -> urn.equals(r.urn())).findFirst();
    }

    /** The stack configuration the run was given. */
    public Map<String, String> config() {
        return config;
    }

    public boolean failed() {
        return failed;
    }

    /** Every error text the run produced (exception messages and logged errors). */
    public String errors() {
        return errors;
    }

    private static String errorText(TestResult result) {
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
        return outputs.get(name);
    }

    /** Whether a stack output is a Pulumi secret. */
    public boolean isSecretOutput(String name) {
        return secretOutputs.contains(name);
    }

    /**
     * Every stack output's value, by name, in a map of its own: what a secondary's StackReference reads from this
     * (primary) run.
     */
    public Map<String, Object> exports() {
        return new HashMap<>(outputs);
    }

    /** Every stack output's value, by name (empty for a run that failed). */
    public Map<String, Object> outputs() {
        return outputs;
    }
}
