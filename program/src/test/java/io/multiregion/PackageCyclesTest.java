package io.multiregion;

import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages of the program depend on each other in one direction only: a cycle (config uses data, data uses
 * config) means neither can be read, tested or changed without the other. The dependencies are read from the
 * sources: every import of another {@code io.multiregion} package, and every fully qualified name of one.
 */
class PackageCyclesTest {

    private static final Path SOURCES = StackFiles.ROOT.resolve("program/src/main/java/io/multiregion");
    private static final Pattern PACKAGE = Pattern.compile("^package io\\.multiregion\\.?([a-z.]*);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.multiregion\\.([a-z]+)\\.[A-Z]");

    /** Package to the packages its sources name, each with the first file that names it. */
    static Map<String, Map<String, String>> dependencies() throws IOException {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                String from = declared.find() ? declared.group(1) : "";
                Map<String, String> to = graph.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher reference = REFERENCE.matcher(source);
                while (reference.find()) {
                    if (!reference.group(1).equals(from)) {
                        to.putIfAbsent(reference.group(1), SOURCES.relativize(file).toString());
                    }
                }
            }
        }
        return graph;
    }

    /** The shortest path from {@code to} to {@code from}, when there is one. */
    private static Optional<List<String>> pathBack(Map<String, Map<String, String>> graph, String from, String to) {
        Deque<List<String>> open = new ArrayDeque<>(List.of(List.of(to)));
        Set<String> seen = new TreeSet<>(Set.of(to));
        while (!open.isEmpty()) {
            List<String> path = open.poll();
            for (String next : graph.getOrDefault(path.get(path.size() - 1), Map.of()).keySet()) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(from)) {
                    return Optional.of(longer);
                }
                if (seen.add(next)) {
                    open.add(longer);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    @DisplayName("no import cycle between the packages of io.multiregion")
    void noCycles() throws IOException {
        Map<String, Map<String, String>> graph = dependencies();
        // one shortest cycle per group of packages that depend on each other, with the file behind each step
        Map<Set<String>, List<String>> cycles = new TreeMap<>(Comparator.comparing(Set::toString));
        graph.forEach((from, to) -> to.keySet().forEach(next -> pathBack(graph, from, next).ifPresent(back -> {
            List<String> cycle = new ArrayList<>(List.of(from));
            cycle.addAll(back);
            Set<String> group = new TreeSet<>(graph.keySet().stream().filter(p -> p.equals(from)
                    || pathBack(graph, from, p).isPresent() && pathBack(graph, p, from).isPresent()).toList());
            cycles.merge(group, cycle, (a, b) -> a.size() <= b.size() ? a : b);
        })));
        List<String> found = cycles.values().stream().map(cycle -> String.join(" -> ", cycle) + " ("
                + String.join("; ", IntStream.range(0, cycle.size() - 1).mapToObj(i -> graph.get(cycle.get(i))
                .get(cycle.get(i + 1)) + " names " + cycle.get(i + 1)).toList()) + ")").toList();
        assertEquals(List.of(), found);
    }

    @Test
    @DisplayName("the scan sees the program's packages and their dependencies")
    void scanSeesThePackages() throws IOException {
        Map<String, Map<String, String>> graph = dependencies();
        assertTrue(graph.keySet().containsAll(List.of("config", "regions", "data", "network", "stacks")), graph::toString);
        assertTrue(graph.get("stacks").containsKey("config"), graph::toString);
        assertTrue(graph.get("data").containsKey("config"), graph::toString);
    }
}
