package io.multiregion;

import io.multiregion.config.ProviderReader;
import io.multiregion.stacks.StackContract;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documentation users read says what the program does: docs/configuration.md documents every honoured
 * {@code aws:} setting (its tables of keys and fields are generated: {@code ConfigurationReferenceTest}),
 * docs/architecture.md every stack output; README.md shows, on its first screen, the offline main job and the tests as CI runs them, and lists
 * every guide in docs/.
 */
class ReadmeTest {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6}) ");

    /** How many lines a newcomer's first screen of the README holds. */
    private static final int FIRST_SCREEN = 40;
    /** The offline main job: what `pulumi up` would create for both stacks. */
    private static final String MAIN_JOB = "bin/plan primary && bin/plan secondary";
    /** The tests, as CI runs them. */
    private static final String TEST_COMMAND = "./mvnw -B test";

    /** The configuration reference (docs/configuration.md). */
    private static final String CONFIGURATION = "docs/configuration.md";

    /** A Markdown file of the repository, by its path from the root. */
    private static String file(String path) throws IOException {
        return Files.readString(StackFiles.ROOT.resolve(path), StandardCharsets.UTF_8);
    }

    private static String readme() throws IOException {
        return file("README.md");
    }

    /**
     * The text of a section, from its heading line to the next heading of the same or a higher level (lines in
     * fenced code blocks are not headings).
     */
    private static String section(String path, String heading) throws IOException {
        String text = file(path);
        int level = heading.indexOf(' ');
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, path + " has no section '" + heading + "'");
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            Matcher h = HEADING.matcher(line);
            if (!fenced && h.find() && h.group(1).length() <= level) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    @Test
    @DisplayName("every aws: setting passed to the providers is listed under Credentials and provider settings")
    void everyProviderSettingDocumented() throws IOException {
        String credentials = section(CONFIGURATION, "## Credentials and provider settings");
        List<String> problems = new ArrayList<>();
        missing(credentials, "aws:", ProviderReader.honoured(), problems);
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("every stack output of the contract is listed under Stack outputs")
    void everyOutputDocumented() throws IOException {
        String outputs = section("docs/architecture.md", "## Stack outputs");
        List<String> problems = new ArrayList<>();
        missing(outputs, "output ", Arrays.stream(StackContract.Value.values()).map(StackContract.Value::key).toList(),
                problems);
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("the README's test command is the one .ci/run runs")
    void testCommandIsCis() throws IOException {
        String text = readme();
        Matcher m = Pattern.compile("Run the tests:\\s*\n+```sh\n([^\n]+)\n```").matcher(text);
        assertTrue(m.find(), "README.md has no 'Run the tests:' command block");
        String command = m.group(1).trim();
        List<String> ci = Files.readAllLines(StackFiles.ROOT.resolve(".ci/run"), StandardCharsets.UTF_8).stream()
                .map(String::trim).toList();
        assertTrue(ci.contains(command), ".ci/run does not run the README's test command '" + command + "': " + ci);
    }

    @Test
    @DisplayName("the README's first screen shows the offline main job and the tests, both as .ci/run runs them")
    void setUpCommandsOnTheFirstScreen() throws IOException {
        List<String> lines = readme().lines().toList();
        List<String> firstScreen = lines.subList(0, Math.min(FIRST_SCREEN, lines.size()));
        for (String command : List.of(MAIN_JOB, TEST_COMMAND)) {
            assertTrue(firstScreen.contains(command), "README.md shows '" + command + "' within its first " + FIRST_SCREEN
                    + " lines");
        }
        List<String> ci = Files.readAllLines(StackFiles.ROOT.resolve(".ci/run"), StandardCharsets.UTF_8).stream()
                .map(String::trim).toList();
        assertTrue(ci.contains(TEST_COMMAND), ".ci/run runs " + TEST_COMMAND + ": " + ci);
        for (String step : MAIN_JOB.split(" && ")) {
            String stack = step.substring(step.lastIndexOf(' ') + 1);
            Pattern run = Pattern.compile("^bin/plan( --\\S+ \\S+)* " + Pattern.quote(stack) + "( .*)?$");
            assertTrue(ci.stream().anyMatch(line -> run.matcher(line).matches()),
                    ".ci/run plans the stack '" + stack + "' as the README's main job does: " + ci);
        }
    }

    @Test
    @DisplayName("the README's table of contents links every guide in docs/")
    void everyGuideListed() throws IOException {
        String text = readme();
        List<String> guides;
        try (Stream<Path> files = Files.list(StackFiles.ROOT.resolve("docs"))) {
            guides = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
        assertFalse(guides.isEmpty());
        List<String> unlisted = guides.stream().filter(g -> !text.contains("](docs/" + g + ")")).toList();
        assertEquals(List.of(), unlisted, "guides in docs/ that README.md does not link");
    }

    private static void missing(String section, String prefix, Collection<String> fields, List<String> problems) {
        for (String field : fields) {
            if (!section.contains("`" + field + "`")) {
                problems.add(prefix + field + " is not documented in its section");
            }
        }
    }
}
