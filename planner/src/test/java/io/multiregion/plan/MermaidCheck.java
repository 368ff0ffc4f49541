package io.multiregion.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A syntax check of the Mermaid flowcharts the plan writes, strict enough that what passes renders with the Mermaid
 * CLI (bin/render-diagrams renders them for real): one flowchart header, balanced subgraphs, unique ids of letters,
 * digits and underscores, every edge between declared nodes, labels with quotes and angle brackets escaped (only
 * {@code <br/>} as markup), and no type tokens or providers in labels.
 */
final class MermaidCheck {
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern SUBGRAPH = Pattern.compile("^subgraph (\\S+)\\[\"([^\"]*)\"]$");
    private static final Pattern NODE = Pattern.compile("^(\\S+)\\[\"([^\"]*)\"]$");
    private static final Pattern EDGE = Pattern.compile("^(\\S+) -->(?:\\|([^|]*)\\|)? (\\S+)$");
    private static final Pattern INVISIBLE = Pattern.compile("^(\\S+(?: & \\S+)*) ~~~ (\\S+(?: & \\S+)*)$");

    /** What the diagram holds, for further assertions. */
    record Diagram(Map<String, String> nodes, Map<String, String> subgraphs, Map<String, String> parentOf,
                   List<String[]> edges) {
    }

    private MermaidCheck() {
    }

    /** Checks the text and returns its parts; throws AssertionError naming the line at fault. */
    static Diagram check(String mermaid) {
        Map<String, String> nodes = new LinkedHashMap<>();
        Map<String, String> subgraphs = new LinkedHashMap<>();
        Map<String, String> parentOf = new LinkedHashMap<>();
        List<String[]> edges = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        Set<String> ids = new HashSet<>();
        boolean header = false;
        int number = 0;
        for (String raw : mermaid.split("\n")) {
            number++;
            String line = raw.trim();
            String at = "line " + number + ": " + raw;
            if (line.isEmpty() || line.startsWith("%%")) {
                continue;
            }
            if (!header) {
                require(line.equals("flowchart LR"), "the first statement is 'flowchart LR', " + at);
                header = true;
                continue;
            }
            if (line.startsWith("direction ")) {
                require(line.matches("direction (LR|RL|TB|BT)"), at);
                continue;
            }
            if (line.equals("end")) {
                require(!open.isEmpty(), "'end' without an open subgraph, " + at);
                open.pop();
                continue;
            }
            Matcher m = SUBGRAPH.matcher(line);
            if (m.matches()) {
                id(m.group(1), ids, at);
                label(m.group(2), at);
                subgraphs.put(m.group(1), m.group(2));
                if (!open.isEmpty()) {
                    parentOf.put(m.group(1), open.peek());
                }
                open.push(m.group(1));
                continue;
            }
            m = EDGE.matcher(line);
            if (m.matches()) {
                require(nodes.containsKey(m.group(1)) && nodes.containsKey(m.group(3)),
                        "an edge between declared nodes, " + at);
                if (m.group(2) != null) {
                    label(m.group(2), at);
                }
                edges.add(new String[] {m.group(1), m.group(3), m.group(2) == null ? "" : m.group(2)});
                continue;
            }
            m = INVISIBLE.matcher(line);
            if (m.matches()) {
                for (String end : (m.group(1) + " & " + m.group(2)).split(" & ")) {
                    require(nodes.containsKey(end), "an invisible link between declared nodes, " + at);
                }
                continue;
            }
            m = NODE.matcher(line);
            require(m.matches(), "a node, edge, subgraph or end, " + at);
            id(m.group(1), ids, at);
            label(m.group(2), at);
            nodes.put(m.group(1), m.group(2));
            if (!open.isEmpty()) {
                parentOf.put(m.group(1), open.peek());
            }
        }
        require(header, "a flowchart header");
        require(open.isEmpty(), "every subgraph closed, still open: " + open);
        return new Diagram(nodes, subgraphs, parentOf, edges);
    }

    private static void id(String id, Set<String> ids, String at) {
        require(ID.matcher(id).matches(), "an id of letters, digits and underscores, " + at);
        require(!id.equals("end") && !id.equals("subgraph"), "an id that is no keyword, " + at);
        require(ids.add(id), "a unique id, " + at);
    }

    private static void label(String label, String at) {
        String text = label.replace("<br/>", "");
        require(!text.contains("<") && !text.contains(">") && !text.contains("\""),
                "quotes and angle brackets escaped in labels, " + at);
        require(!label.matches(".*\\b(aws|pulumi|multiregion):[a-z].*"), "no type tokens in labels, " + at);
        require(!label.toLowerCase().contains("provider"), "no provider boxes, " + at);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("invalid Mermaid: expected " + what);
        }
    }
}
