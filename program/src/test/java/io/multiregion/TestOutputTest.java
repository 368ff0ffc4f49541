package io.multiregion;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a test run prints: a failure names its test class (Surefire prints a class's {@code @DisplayName} instead of
 * its name in "Running ..." and "Tests run: ... in ..."), and a passing run is quiet (no SDK warnings through
 * java.util.logging, no SLF4J notice).
 */
class TestOutputTest {
    /** An annotation line, then (after any other annotations) the declaration of a class, record or interface. */
    private static final Pattern CLASS_DISPLAY_NAME = Pattern.compile(
            "(?m)^\\s*@DisplayName\\(.*\\)\\s*\\n(\\s*@\\S.*\\n)*\\s*(public\\s+|abstract\\s+|final\\s+|static\\s+)*"
                    + "(class|record|interface)\\s+(\\w+)");

    @Test
    void noTestClassCarriesADisplayNameSoSurefireNamesTheClass() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("program", "offline", "planner")) {
            Path tests = Path.of(module, "src", "test", "java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tests)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    Matcher m = CLASS_DISPLAY_NAME.matcher(read(f));
                    while (m.find()) {
                        offenders.add(f + " (class " + m.group(4) + ")");
                    }
                });
            }
        }
        assertEquals(List.of(), offenders, "a class-level @DisplayName replaces the class name in Surefire's report:"
                + " describe the class in its Javadoc instead");
    }

    @Test
    void theSdksWarningsDoNotReachTheConsoleDuringTests() {
        Handler[] handlers = Logger.getLogger("").getHandlers();
        assertTrue(handlers.length > 0, "java.util.logging is configured (.mvn/test-logging.properties)");
        for (Handler handler : handlers) {
            assertTrue(handler.getLevel().intValue() > Level.WARNING.intValue(),
                    handler + " prints warnings: " + handler.getLevel());
        }
    }

    @Test
    void slf4jIsBoundSoItPrintsNoNotice() {
        assertDoesNotThrow(() -> Class.forName("org.slf4j.impl.StaticLoggerBinder"),
                "without a binding, SLF4J 1.7 prints a notice on stderr the first time the AWS SDK logs");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
