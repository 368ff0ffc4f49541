package io.multiregion.plan.bench;

import io.multiregion.plan.OfflineRun;

import com.pulumi.Context;
import io.multiregion.offline.ConfigLoader;
import io.multiregion.plan.Plan;
import io.multiregion.plan.Planner;
import io.multiregion.offline.StackConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Benchmark of the offline plan (not a unit test; run with bench/run.sh). For each stack: resources registered,
 * median ms cold (a fresh JVM per run) and warm (repeated in one JVM), the ratio to the floor (a trivial program
 * registering as many resources with no inputs through one provider, run the same way), and peak heap. Then the
 * start-up path: launch to first resource registration through Maven exec:java and through java on the jar.
 */
public final class PlanBenchmark {
    private static final int COLD_RUNS = Integer.getInteger("bench.cold", 5);
    private static final int WARM_RUNS = Integer.getInteger("bench.warm", 20);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    private static final int STARTUP_RUNS = Integer.getInteger("bench.startup", 3);

    private PlanBenchmark() {
    }

    record Sample(double ms, int resources, long peakHeap) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("child")) {
            Sample s = runOnce(program(args[1], Integer.parseInt(args[2])), config(args[1]));
            System.out.printf("RESULT %.3f %d %d%n", s.ms(), s.resources(), peakHeap());
            System.exit(0);
        }
        machine();
        System.out.printf("%n%-10s %9s %10s %10s %11s %11s %9s %9s %10s%n", "stack", "resources", "cold ms",
                "warm ms", "floor cold", "floor warm", "cold x", "warm x", "peak heap");
        for (String stack : List.of("primary", "secondary")) {
            Sample probe = runOnce(program(stack, 0), config(stack));
            int n = probe.resources();
            // Program and floor alternate, cold and warm, so both see the same machine noise and JIT state.
            List<Sample> cold = new ArrayList<>();
            List<Sample> floorCold = new ArrayList<>();
            for (int i = 0; i < COLD_RUNS; i++) {
                cold.addAll(cold(stack, 0, 1));
                floorCold.addAll(cold("floor:" + stack, n, 1));
            }
            double[] warm = warm(program(stack, 0), program("floor:" + stack, n), config(stack));
            double coldMs = median(cold);
            double floorColdMs = median(floorCold);
            long heap = cold.stream().mapToLong(Sample::peakHeap).max().orElse(0);
            System.out.printf("%-10s %9d %10.1f %10.2f %11.1f %11.2f %9.2f %9.2f %8d MB%n", stack, n, coldMs, warm[0],
                    floorColdMs, warm[1], coldMs / floorColdMs, warm[0] / warm[1], heap >> 20);
        }
        startup();
    }

    private static StackConfig config(String stack) {
        String name = stack.startsWith("floor:") ? stack.substring("floor:".length()) : stack;
        // The merged stack configuration, as the plan command loads it (the CLI's own checks are the command's job).
        return ConfigLoader.read(Path.of("."), name).config();
    }

    private static Consumer<Context> program(String stack, int resources) {
        return stack.startsWith("floor:") ? FloorProgram.registering(resources) : OfflineRun.APP;
    }

    private static Sample runOnce(Consumer<Context> program, StackConfig config) {
        long start = System.nanoTime();
        Plan plan = Planner.plan(config, program, name -> Optional.empty(), null);
        double ms = (System.nanoTime() - start) / 1e6;
        return new Sample(ms, plan.resources().size(), peakHeap());
    }

    /** Median ms of the program and of the floor, run alternately in this JVM after a shared warm-up. */
    private static double[] warm(Consumer<Context> program, Consumer<Context> floor, StackConfig config) {
        for (int i = 0; i < WARMUP; i++) {
            runOnce(program, config);
            runOnce(floor, config);
        }
        List<Sample> programSamples = new ArrayList<>();
        List<Sample> floorSamples = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
            programSamples.add(runOnce(program, config));
            floorSamples.add(runOnce(floor, config));
        }
        return new double[] {median(programSamples), median(floorSamples)};
    }

    private static List<Sample> cold(String stack, int resources, int runs) throws IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < runs; i++) {
            List<String> line = List.of(java, "-cp", System.getProperty("java.class.path"),
                    PlanBenchmark.class.getName(), "child", stack, String.valueOf(resources));
            for (String out : run(line)) {
                if (out.startsWith("RESULT ")) {
                    String[] f = out.split(" ");
                    samples.add(new Sample(Double.parseDouble(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3])));
                }
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no result from the cold runs of " + stack);
        }
        return samples;
    }

    private static void startup() throws IOException, InterruptedException {
        System.out.printf("%nStart-up: launch to the program's first resource registration (median of %d)%n",
                STARTUP_RUNS);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<List<String>> commands = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (Files.isRegularFile(Path.of("planner/target/multiregion-plan.jar"))) {
            labels.add("java -cp planner/target/multiregion-plan.jar (the assembled jar)");
            commands.add(List.of(java, "-cp", "planner/target/multiregion-plan.jar" + File.pathSeparator
                    + "planner/target/test-classes", StartupProbe.class.getName(), "primary"));
        } else {
            System.out.println("  (no planner/target/multiregion-plan.jar: build it with ./mvnw -q -DskipTests package)");
        }
        for (int c = 0; c < commands.size(); c++) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < STARTUP_RUNS; i++) {
                long launch = System.currentTimeMillis();
                for (String out : run(commands.get(c), "BENCH_LAUNCH_MS", String.valueOf(launch))) {
                    if (out.startsWith("FIRST_REGISTRATION_MS=")) {
                        ms.add(Double.parseDouble(out.substring("FIRST_REGISTRATION_MS=".length())));
                    }
                }
            }
            System.out.printf("  %-52s %8.0f ms   runs: %s%n", labels.get(c), medianOf(ms), ms);
        }
    }

    private static List<String> run(List<String> command, String... env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code + ":\n" + String.join("\n", lines));
        }
        return lines;
    }

    private static void machine() throws IOException, InterruptedException {
        System.out.println("Offline plan benchmark");
        System.out.println("machine: nproc=" + Runtime.getRuntime().availableProcessors() + ", memory="
                + memory() + ", max heap=" + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-version").redirectErrorStream(true);
        Process p = pb.start();
        String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        System.out.println("java -version:\n  " + version.replace("\n", "\n  "));
        System.out.printf("cold: %d fresh JVMs per figure; warm: median of %d runs after %d warm-up runs%n",
                COLD_RUNS, WARM_RUNS, WARMUP);
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> (Long.parseLong(l.replaceAll("[^0-9]", "")) >> 20) + " GiB").findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private static double median(List<Sample> samples) {
        return medianOf(samples.stream().map(Sample::ms).toList());
    }

    private static double medianOf(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
