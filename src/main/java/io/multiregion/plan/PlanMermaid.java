package io.multiregion.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Mermaid flowchart of the architecture a plan builds, read left to right: one group per stack and region (the
 * stack read through a StackReference first, then this stack's region A, the primary, left of its region B, then any
 * other region, such as the global front door's us-east-1); groups are not nested, because Mermaid's layout turns
 * nested groups top to bottom; invisible links rank each group after the one on its left. In each group one box per
 * component
 * with a short label (what it is, from its type, and its role, from its name). Arrows follow the release: from the
 * component that uses another to the one it uses ("publishes to", "triggers"), across regions always from A to B
 * (replication), and from the referenced stack's resources to the components that read them. A component that many
 * others use (a key, a log bucket) gets no plain arrows inside its region, only a note of how many use it, so the
 * diagram stays legible as tiers are added; arrows with a label and arrows between groups are always drawn.
 * Providers and stashed values (a value kept in the stack's state, no cloud resource) are left out.
 */
public final class PlanMermaid {
    /** Group key prefix of resources registered through a provider for global services. */
    private static final String GLOBAL = "global ";
    /** A component used by at least this many others is drawn without arrows. */
    private static final int HUB = 4;

    private PlanMermaid() {
    }

    /** The diagram, with region order taken from the plan's outputs ({@code primaryRegion}, {@code secondaryRegion}). */
    public static String render(Plan plan) {
        List<String> order = new ArrayList<>();
        for (String key : List.of("primaryRegion", "secondaryRegion")) {
            if (plan.outputs().get(key) instanceof String region) {
                order.add(region);
            }
        }
        return render(plan, order);
    }

    /**
     * @param plan        the plan
     * @param regionOrder region A then region B (the primary and secondary regions); other regions follow
     */
    public static String render(Plan plan, List<String> regionOrder) {
        Map<String, Plan.PlannedResource> byUrn = PlanText.index(plan);
        Ids ids = new Ids();
        // node id -> label; region -> node ids; resource urn -> node id
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Set<String>> nodesByRegion = new LinkedHashMap<>();
        Map<String, String> nodeOf = new LinkedHashMap<>();
        Map<String, String> regionOfNode = new LinkedHashMap<>();
        for (Plan.PlannedResource r : plan.resources()) {
            if (!r.custom() || r.isStack() || r.isProvider() || r.read() || r.type().equals(FakeCloudState.STASH)) {
                continue;
            }
            String region = r.region() == null ? "no region" : r.region();
            if (r.provider() != null && r.provider().substring(r.provider().lastIndexOf("::") + 2).contains("global")) {
                region = GLOBAL + region; // the provider used only for global services (the front door)
            }
            Plan.PlannedResource owner = r.parent() == null ? null : byUrn.get(r.parent());
            boolean component = owner != null && !owner.isStack();
            String key = plan.stack() + "|" + region + "|" + (component ? owner.urn() : r.urn());
            String id = ids.of(key, region.replace(GLOBAL, "global_") + "_" + (component ? owner.name() : r.name()));
            labels.putIfAbsent(id, component ? label(owner.type(), owner.name(), parentName(owner, byUrn), plan.project())
                    : label(r.type(), r.name(), null, plan.project()));
            counts.merge(id, 1, Integer::sum);
            nodesByRegion.computeIfAbsent(region, k -> new TreeSet<>()).add(id);
            nodeOf.put(r.urn(), id);
            regionOfNode.put(id, region);
        }
        List<String> regions = new ArrayList<>();
        regionOrder.stream().filter(nodesByRegion::containsKey).forEach(regions::add);
        nodesByRegion.keySet().stream().filter(r -> !regions.contains(r)).sorted().forEach(regions::add);

        // Arrows between components: user -> used, A -> B across regions.
        Map<String, Set<String>> usedBy = new TreeMap<>();
        Map<String, String> edgeLabels = new TreeMap<>();
        for (Plan.PlannedResource r : plan.resources()) {
            String from = nodeOf.get(r.urn());
            if (from == null) {
                continue;
            }
            for (String dep : r.dependsOn()) {
                String to = nodeOf.get(dep);
                if (to == null || to.equals(from)) {
                    continue;
                }
                String a = from;
                String b = to;
                int ra = regions.indexOf(regionOfNode.get(from));
                int rb = regions.indexOf(regionOfNode.get(to));
                if (ra > rb) { // across regions: always in the direction of replication, A to B
                    a = to;
                    b = from;
                }
                usedBy.computeIfAbsent(to, k -> new TreeSet<>()).add(from);
                String verb = verb(r.type(), byUrn.get(dep) == null ? "" : byUrn.get(dep).type(), ra != rb);
                edgeLabels.merge(a + " --> " + b, verb, (x, y) -> x.isEmpty() ? y : x);
            }
        }
        Set<String> hubs = new HashSet<>();
        usedBy.forEach((node, users) -> {
            if (users.size() >= HUB) {
                hubs.add(node);
            }
        });

        // Values read from another stack's plan, by the resource they come from.
        Map<String, String> foreignNodes = new LinkedHashMap<>();
        Map<String, String> foreignLabels = new LinkedHashMap<>();
        Map<String, Set<String>> foreignStacks = new TreeMap<>();
        for (Plan.PlannedResource r : plan.resources()) {
            String to = nodeOf.get(r.urn());
            for (List<String> tokens : r.references().values()) {
                for (String token : tokens) {
                    Plan.Reference ref = plan.references().get(token);
                    if (ref == null || ref.urn() == null || ref.stack().equals(plan.stack())) {
                        continue;
                    }
                    String id = foreignNodes.computeIfAbsent(ref.urn(), u -> ids.of(ref.stack() + "|" + u,
                            ref.stack() + "_" + ref.name()));
                    foreignLabels.putIfAbsent(id, label(ownerType(ref.urn(), ref.type()), ref.name(), null,
                            plan.project()));
                    foreignStacks.computeIfAbsent(ref.stack(), k -> new TreeSet<>()).add(id);
                    if (to != null) {
                        edgeLabels.put(id + " --> " + to, "StackReference");
                    }
                }
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("%% Architecture of stack '").append(plan.stack()).append("' from its offline plan: components by")
                .append(" stack and region (A left, B right), arrows in the direction of the release.\n");
        out.append("flowchart LR\n");
        foreignStacks.forEach((stack, nodes) -> {
            out.append("  subgraph ").append(ids.of("stack|" + stack, "stack_" + stack)).append("[\"")
                    .append(escape("Stack " + stack + " (read through a StackReference)")).append("\"]\n");
            nodes.forEach(n -> out.append("    ").append(n).append("[\"").append(escape(foreignLabels.get(n)))
                    .append("\"]\n"));
            out.append("  end\n");
        });
        for (String region : regions) {
            out.append("  subgraph ").append(ids.of("region|" + plan.stack() + "|" + region, "region_" + region))
                    .append("[\"").append(escape("Stack " + plan.stack() + " · " + regionTitle(region, regionOrder)))
                    .append("\"]\n");
            for (String node : nodesByRegion.get(region)) {
                int n = counts.getOrDefault(node, 0);
                String extra = hubs.contains(node) ? "used by " + usedBy.get(node).size() + " components" : "";
                out.append("    ").append(node).append("[\"").append(escape(labels.get(node)))
                        .append("<br/>").append(escape(n + (n == 1 ? " resource" : " resources")
                                + (extra.isEmpty() ? "" : ", " + extra))).append("\"]\n");
            }
            out.append("  end\n");
        }
        // Invisible links that rank every group after the one on its left: the referenced stack, then A, B, others.
        List<Set<String>> columns = new ArrayList<>();
        foreignStacks.values().forEach(columns::add);
        regions.forEach(r -> columns.add(nodesByRegion.get(r)));
        for (int i = 0; i + 1 < columns.size(); i++) {
            out.append("  ").append(String.join(" & ", columns.get(i))).append(" ~~~ ")
                    .append(String.join(" & ", columns.get(i + 1))).append("\n");
        }
        edgeLabels.forEach((edge, verb) -> {
            String[] ends = edge.split(" --> ");
            boolean acrossGroups = !Objects.equals(regionOfNode.get(ends[0]), regionOfNode.get(ends[1]));
            if ((hubs.contains(ends[0]) || hubs.contains(ends[1])) && verb.isEmpty() && !acrossGroups) {
                return; // a plain "uses" arrow into a component most others use: counted on the box instead
            }
            out.append("  ").append(ends[0]).append(verb.isEmpty() ? " --> " : " -->|" + escape(verb) + "| ")
                    .append(ends[1]).append("\n");
        });
        return out.toString();
    }

    private static String regionTitle(String region, List<String> order) {
        if (region.startsWith(GLOBAL)) {
            return "Global: " + region.substring(GLOBAL.length()) + " (front door, global services)";
        }
        int i = order.indexOf(region);
        if (i == 0) {
            return "Region A: " + region + " (primary)";
        }
        if (i == 1) {
            return "Region B: " + region + " (secondary)";
        }
        return "us-east-1".equals(region) ? "Global: " + region + " (front door, global services)"
                : "Region " + region;
    }

    /** How the user of a resource relates to it, from the two types; empty when nothing short fits. */
    private static String verb(String userType, String usedType, boolean acrossRegions) {
        String user = Recorder.shortType(userType);
        String used = Recorder.shortType(usedType);
        if (user.equals("EventTarget")) {
            return "triggers";
        }
        if (acrossRegions && user.equals("BucketReplicationConfig") && used.startsWith("Bucket")) {
            return "replicates to";
        }
        if (user.equals("Pipeline") && used.startsWith("Bucket")) {
            return "releases through";
        }
        return "";
    }

    /** The type of the component that owns a resource, from the resource's URN (its parent types), or its own. */
    private static String ownerType(String urn, String type) {
        int sep = urn.lastIndexOf("::");
        String chain = sep < 0 ? "" : urn.substring(0, sep);
        String[] types = chain.substring(chain.lastIndexOf("::") + 2).split("\\$");
        return types.length >= 2 && !types[types.length - 2].startsWith("pulumi:") ? types[types.length - 2] : type;
    }

    private static String parentName(Plan.PlannedResource component, Map<String, Plan.PlannedResource> byUrn) {
        Plan.PlannedResource parent = component.parent() == null ? null : byUrn.get(component.parent());
        return parent == null || parent.isStack() ? null : parent.name();
    }

    /**
     * "Secure bucket · release-source": the type's last part in words, and the name without the project's and the
     * parent component's prefix.
     */
    static String label(String type, String name, String parentName, String project) {
        String words = Recorder.shortType(type).replaceAll("V\\d+$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        words = words.isEmpty() ? type : words.charAt(0) + words.substring(1).toLowerCase(Locale.ROOT);
        String role = name;
        if (project != null && role.startsWith(project + "-")) {
            role = role.substring(project.length() + 1);
        }
        if (parentName != null) {
            String parentRole = project != null && parentName.startsWith(project + "-")
                    ? parentName.substring(project.length() + 1) : parentName;
            if (role.startsWith(parentRole + "-") && role.length() > parentRole.length() + 1) {
                role = parentRole + " " + role.substring(parentRole.length() + 1);
            }
        }
        return role.isEmpty() || role.equals(name) && project != null && name.equals(project) ? words
                : words + " · " + role;
    }

    /** Mermaid-safe label text: quotes and angle brackets as entities. */
    static String escape(String label) {
        return label.replace("#", "#35;").replace("&", "#38;").replace("\"", "#34;").replace("<", "#60;")
                .replace(">", "#62;").replace("|", "#124;");
    }

    /** Stable, unique node ids made of letters, digits and underscores. */
    private static final class Ids {
        private final Map<String, String> ids = new LinkedHashMap<>();
        private final Set<String> used = new HashSet<>();

        /** The id of a key, made from a readable hint (made unique with a number when hints collide). */
        String of(String key, String hint) {
            return ids.computeIfAbsent(key, k -> {
                String base = "n_" + hint.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+", "_");
                base = base.length() > 60 ? base.substring(0, 60) : base;
                String id = base;
                for (int i = 2; !used.add(id); i++) {
                    id = base + "_" + i;
                }
                return id;
            });
        }
    }
}
