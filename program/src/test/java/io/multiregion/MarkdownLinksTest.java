package io.multiregion;

import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link of the repository's Markdown files (README.md, CHANGELOG.md, docs/) leads to a file or folder
 * of the repository, and a link to a heading (`file.md#heading`, `#heading`) to a heading that file has, by the anchor
 * GitHub gives it. Links to other sites are not followed.
 */
class MarkdownLinksTest {

    /** An inline link or image, `[text](target)` or `[text](target "title")`. */
    private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    /** A link reference definition, `[label]: target`. */
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

    private static final Path ROOT = StackFiles.ROOT.toAbsolutePath().normalize();

    /** The Markdown files of the repository: not those of builds, dependencies, plans or tools' caches. */
    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> {
                        Path relative = ROOT.relativize(p);
                        for (int i = 0; i < relative.getNameCount() - 1; i++) {
                            String part = relative.getName(i).toString();
                            if (part.equals("target") || part.equals("node_modules")
                                    || (part.startsWith(".") && !part.equals(".github"))
                                    || (i == 0 && part.equals("plan"))) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        }
    }

    /** The lines of a Markdown file outside fenced code blocks, each with its line number. */
    private static Map<Integer, String> prose(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, String> out = new LinkedHashMap<>();
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher f = FENCE.matcher(line);
            if (fence == null && f.find()) {
                fence = f.group(1).substring(0, 3);
                continue;
            }
            if (fence != null) {
                if (line.trim().startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            out.put(i + 1, line);
        }
        return out;
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, -1, -2... */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(file).values()) {
            Matcher h = HEADING.matcher(line);
            if (!h.matches()) {
                continue;
            }
            String slug = slug(h.group(2));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }

    /** Every link target of a file, with the line it is on. */
    private static List<String[]> links(Path file) {
        List<String[]> out = new ArrayList<>();
        prose(file).forEach((number, line) -> {
            String text = CODE_SPAN.matcher(line).replaceAll("");
            Matcher m = INLINE.matcher(text);
            while (m.find()) {
                out.add(new String[] {String.valueOf(number), m.group(1)});
            }
            Matcher r = REFERENCE.matcher(text);
            if (r.matches()) {
                out.add(new String[] {String.valueOf(number), r.group(1)});
            }
        });
        return out;
    }

    @Test
    void everyRelativeLinkResolvesToAFileAndHeadingOfTheRepository() throws IOException {
        List<Path> files = markdownFiles();
        assertTrue(files.contains(ROOT.resolve("README.md")), "README.md is among the files checked: " + files);
        Map<Path, Set<String>> anchorsOf = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            for (String[] link : links(file)) {
                String target = link[1];
                String where = ROOT.relativize(file) + ":" + link[0] + ": " + target;
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                checked++;
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String fragment = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = (path.isEmpty() ? file : file.getParent().resolve(path)).normalize();
                if (!resolved.startsWith(ROOT)) {
                    problems.add(where + " leads outside the repository");
                    continue;
                }
                if (!Files.exists(resolved)) {
                    problems.add(where + " names no file of the repository");
                    continue;
                }
                if (fragment != null) {
                    if (!resolved.toString().endsWith(".md")) {
                        problems.add(where + " has a heading anchor on a file that is not Markdown");
                        continue;
                    }
                    Set<String> anchors = anchorsOf.computeIfAbsent(resolved, MarkdownLinksTest::anchors);
                    if (!anchors.contains(fragment)) {
                        problems.add(where + " names no heading of " + ROOT.relativize(resolved) + " (it has " + anchors
                                + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 50, "the links were found (" + checked + " checked)");
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertEquals("1-name-the-stacks", slug("1. Name the stacks"));
        assertEquals("multiregionsizing", slug("`multiregion:sizing`"));
        assertEquals("your-organisation-acme-corp-and-the-repository-variables",
                slug("Your organisation: `acme-corp` and the repository variables"));
        assertEquals("disaster-recovery-moving-the-application-to-region-b",
                slug("Disaster recovery: moving the application to region B"));
    }
}
