package io.multiregion;

import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the program's messages and comments send a reader to exists: every {@code docs/<file>.md} they name is a file of
 * the repository, and a section they name with it ({@code docs/delivery.md, "Delivery modes"}) is a heading of that
 * file. The README is a first screen, so no message may send a user to a README section.
 */
class SourceReferencesTest {

    /** {@code docs/x.md}, optionally followed by {@code , "Heading"} (in Java source the quotes may be escaped). */
    private static final Pattern DOC = Pattern.compile("docs/([a-z0-9-]+\\.md)(?:,\\s*(?:\"\\s*\\+\\s*\")?\\\\?\"([^\"\\\\]+)\\\\?\")?");
    /** A README section named as a place to read: {@code README, Delivery modes} or {@code README.md, "..."}. */
    private static final Pattern README_SECTION = Pattern.compile("README(?:\\.md)?, \\\\?\"?[A-Z][a-z]");

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : List.of("program", "planner", "offline")) {
            Path main = StackFiles.ROOT.resolve(module).resolve("src/main/java");
            if (Files.isDirectory(main)) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @Test
    void everyDocumentAndSectionTheSourceNamesExists() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path source : sources()) {
            // a comment's section name may run onto its next line: read comments as one line
            String text = Files.readString(source, StandardCharsets.UTF_8).replaceAll("\\s*\\n\\s*(\\*(?!/)|//)\\s*", " ");
            String where = StackFiles.ROOT.relativize(source).toString();
            Matcher m = DOC.matcher(text);
            while (m.find()) {
                checked++;
                Path doc = StackFiles.ROOT.resolve("docs").resolve(m.group(1));
                if (!Files.isRegularFile(doc)) {
                    problems.add(where + " names docs/" + m.group(1) + ", which does not exist");
                } else if (m.group(2) != null
                        && !MarkdownLinksTest.anchors(doc).contains(MarkdownLinksTest.slug(m.group(2)))) {
                    problems.add(where + " names the section \"" + m.group(2) + "\" of docs/" + m.group(1)
                            + ", which has no such heading");
                }
            }
            Matcher readme = README_SECTION.matcher(text);
            while (readme.find()) {
                problems.add(where + " sends the reader to a README section (" + readme.group()
                        + "...): the guides in docs/ hold them");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 5, "the references were found (" + checked + ")");
    }
}
