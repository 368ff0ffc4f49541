package io.multiregion.plan;

import io.multiregion.App;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What a plan was computed from: the SHA-256 of {@code Pulumi.yaml}, of the stack's file, and a fingerprint of the
 * program the plan ran (its classes, the fake cloud's, and the SDK versions of the build). A plan of the primary that
 * the secondary's plan reads is stale when any of them changed since: the values read from it may be wrong.
 */
public final class PlanSource {
    /** Key of the project file's hash. */
    static final String PROJECT_FILE = "Pulumi.yaml";
    /** Key of the program's fingerprint. */
    static final String PROGRAM = "program";
    /** Classes of the planner itself, which do not change what the program registers. */
    private static final String PLANNER = "io/multiregion/plan/";

    private static volatile String programFingerprint;

    private PlanSource() {
    }

    /** The source of a plan of {@code stack} computed now from the project in {@code dir}. */
    public static Map<String, String> of(Path dir, String stack) {
        Map<String, String> source = new LinkedHashMap<>();
        source.put(PROJECT_FILE, hash(dir.resolve(PROJECT_FILE)));
        source.put(stackFile(stack), hash(dir.resolve(stackFile(stack))));
        source.put(PROGRAM, program());
        return source;
    }

    static String stackFile(String stack) {
        return "Pulumi." + stack + ".yaml";
    }

    /**
     * What differs between the source an earlier plan records and the files and program as they are now, in words
     * ("Pulumi.primary.yaml", "the program"); empty when it still matches. A plan that records no source is stale.
     */
    public static List<String> changedSince(Plan earlier, Path dir) {
        Map<String, String> recorded = earlier.source();
        if (recorded.isEmpty()) {
            return List.of("an earlier version of the planner wrote it without recording what it was computed from");
        }
        Map<String, String> now = of(dir, earlier.stack());
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!e.getValue().equals(recorded.get(e.getKey()))) {
                changed.add(e.getKey().equals(PROGRAM) ? "the program (another build)"
                        : dir.resolve(e.getKey()) + (e.getValue().isEmpty() ? " (now missing)" : " (edited since)"));
            }
        }
        return changed;
    }

    /** SHA-256 of a file's bytes, or "" when it cannot be read. */
    static String hash(Path file) {
        try {
            return HexFormat.of().formatHex(digest().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return "";
        }
    }

    /** The program's fingerprint, computed once per JVM. */
    static String program() {
        String f = programFingerprint;
        if (f == null) {
            f = fingerprint();
            programFingerprint = f;
        }
        return f;
    }

    /**
     * SHA-256 over the names and contents of the classes and resources under {@code io/multiregion/} except the
     * planner's, where the program is loaded from: the assembled jar (names and CRC-32 of its entries, read from its
     * directory, not its contents) or a classes folder (names and bytes).
     */
    private static String fingerprint() {
        MessageDigest digest = digest();
        try {
            Path where = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Map<String, String> entries = new TreeMap<>();
            if (Files.isDirectory(where)) {
                for (Path root : roots(where)) {
                    try (Stream<Path> files = Files.walk(root)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            String name = root.relativize(f).toString().replace('\\', '/');
                            if (name.startsWith("io/multiregion/") && !name.startsWith(PLANNER)) {
                                entries.put(name, HexFormat.of().formatHex(digest().digest(Files.readAllBytes(f))));
                            }
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    for (JarEntry e : jar.stream().toList()) {
                        if (e.getName().startsWith("io/multiregion/") && !e.getName().startsWith(PLANNER)
                                && !e.isDirectory()) {
                            entries.put(e.getName(), Long.toHexString(e.getCrc()));
                        }
                    }
                }
            }
            entries.forEach((k, v) -> digest.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            try (InputStream versions = PlanSource.class.getResourceAsStream("/io/multiregion/versions.properties")) {
                if (versions != null) {
                    digest.update(versions.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The class folders of the program and of the fake cloud when the program runs from folders (the tests): the
     * program's, and the offline module's next to it.
     */
    private static List<Path> roots(Path programClasses) {
        List<Path> roots = new ArrayList<>(List.of(programClasses));
        try {
            Path offline = Path.of(io.multiregion.offline.FakeCloudState.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            if (Files.isDirectory(offline) && !offline.equals(programClasses)) {
                roots.add(offline);
            }
        } catch (URISyntaxException | RuntimeException e) {
            // the program's classes alone
        }
        return roots;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
