package io.multiregion.plan;

import io.multiregion.offline.FakeCloudState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Mermaid flowchart of the architecture a plan builds, as a reader of the README expects it, read left to right: one
 * group per region (region A, the primary, left of region B; the stack read through a StackReference first; the
 * provider used only for global services, the front door, on its own), and in each region:
 * <ul>
 *   <li>the tiers in the order traffic takes them: front door → load balancer → application → database, each arrow
 *       drawn when the two tiers' resources reference each other;</li>
 *   <li>the delivery path: the pipeline, what it publishes to and deploys with, and what it deploys to;</li>
 *   <li>the pairs between the regions (a component with resources in both, such as the release bucket and its replica)
 *       as one arrow from A to B, and the global database, which B's cluster joins, in both stacks' diagrams;</li>
 *   <li>everything else the region holds (keys, log buckets, secrets, the network, alarms) in boxes without
 *       arrows, so that the diagram stays legible as tiers are added.</li>
 * </ul>
 * What a component is comes from the types of the resources it registers (a load balancer makes the web tier, an Auto
 * Scaling group the application tier, a database cluster the data tier, a pipeline the delivery path), and arrows from
 * the references between them, so new tiers take their place without changes here. Providers and stashed values (a
 * value kept in the stack's state, no cloud resource) are left out.
 */
public final class PlanMermaid {
    /** Group key prefix of resources registered through a provider for global services. */
    private static final String GLOBAL = "global ";

    /** What a component is in the architecture, in the order a region's boxes are drawn. */
    enum Role {
        EDGE("front door"), WEB("load balancer"), APP("application"), DATA("database"), DELIVERY("delivery"),
        PAIR("pair"), NETWORK("network"), OBSERVABILITY("observability"), GOVERNANCE("governance"),
        SHARED("shared");

        final String words;

        Role(String words) {
            this.words = words;
        }

        /** The tiers traffic takes, in order. */
        static final List<Role> TIERS = List.of(EDGE, WEB, APP, DATA);
    }

    private PlanMermaid() {
    }

    /**
     * The role of a component from the types of its resources (the first that applies): a CloudFront distribution,
     * WAF or Route 53 record makes the front door; a load balancer the web tier; an Auto Scaling group, ECS service,
     * Lambda function or instance the application tier; a database cluster, instance or table the data tier; a
     * pipeline, build project, source connection, CodeDeploy target or an event target the delivery path; a VPC or
     * Transit Gateway the network; alarms, dashboards and topics observability; Security Hub, Config and trails
     * governance; anything else is shared support (keys, buckets, secrets, images, roles).
     */
    static Role roleOf(Set<String> types) {
        return roleOf(types, null);
    }

    /**
     * The role of a component, from its own type token first: a component of a module named {@code operations},
     * {@code observability}, {@code monitoring} or {@code recovery} ({@code <package>:<module>:<Type>}) watches the
     * others (its event rules forward events, they start nothing) and one of {@code governance} governs; otherwise
     * from the types of its resources ({@link #roleOf(Set)}).
     */
    static Role roleOf(Set<String> types, String componentType) {
        String[] token = componentType == null ? new String[0] : componentType.split(":");
        if (token.length == 3 && !token[0].equals("aws") && !token[0].equals("pulumi")) {
            if (Set.of("operations", "observability", "monitoring", "recovery").contains(token[1])) {
                return Role.OBSERVABILITY;
            }
            if (token[1].equals("governance")) {
                return Role.GOVERNANCE;
            }
        }
        if (has(types, "aws:cloudfront/", "aws:wafv2/", "aws:route53/record", "aws:route53/healthCheck",
                "aws:globalaccelerator/")) {
            return Role.EDGE;
        }
        if (has(types, "aws:lb/loadBalancer", "aws:alb/loadBalancer", "aws:elb/loadBalancer")) {
            return Role.WEB;
        }
        if (has(types, "aws:autoscaling/group", "aws:ecs/service", "aws:lambda/function", "aws:ec2/instance:")) {
            return Role.APP;
        }
        if (has(types, "aws:rds/", "aws:dynamodb/table", "aws:elasticache/", "aws:docdb/")) {
            return Role.DATA;
        }
        if (has(types, "aws:codepipeline/", "aws:codebuild/", "aws:codestarconnections/", "aws:codeconnections/",
                "aws:codedeploy/", "aws:cloudwatch/eventTarget")) {
            return Role.DELIVERY;
        }
        if (has(types, "aws:ec2/vpc:", "aws:ec2transitgateway/")) {
            return Role.NETWORK;
        }
        if (has(types, "aws:cloudwatch/metricAlarm", "aws:cloudwatch/compositeAlarm", "aws:cloudwatch/dashboard",
                "aws:sns/topic:")) {
            return Role.OBSERVABILITY;
        }
        if (has(types, "aws:securityhub/", "aws:cfg/", "aws:cloudtrail/", "aws:guardduty/", "aws:accessanalyzer/")) {
            return Role.GOVERNANCE;
        }
        return Role.SHARED;
    }

    private static boolean has(Set<String> types, String... prefixes) {
        for (String t : types) {
            for (String p : prefixes) {
                if (t.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
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
        return render(plan, regionOrder, List.of());
    }

    /** One box: a component (or the stack's own resources) in one region. */
    private static final class Box {
        final String id;
        final String region;
        final String label;
        final Set<String> types = new TreeSet<>();
        final Set<String> urns = new LinkedHashSet<>();
        Role role = Role.SHARED;
        /** The type token of the component the box draws, or null for a resource of the stack's own. */
        String componentType;

        Box(String id, String region, String label) {
            this.id = id;
            this.region = region;
            this.label = label;
        }
    }

    /**
     * @param plan        the plan
     * @param regionOrder region A then region B; other regions follow
     * @param referenced  the plans of the stacks this one reads through StackReferences (the global database the
     *                    secondary's cluster joins is drawn from the primary's plan), possibly none
     */
    public static String render(Plan plan, List<String> regionOrder, List<Plan> referenced) {
        Map<String, Plan.PlannedResource> byUrn = PlanText.index(plan);
        Ids ids = new Ids();
        Map<String, Box> boxes = new LinkedHashMap<>(); // key: region|component
        Map<String, Box> boxOf = new LinkedHashMap<>(); // resource urn -> box
        Map<String, List<Box>> byComponent = new LinkedHashMap<>();
        for (Plan.PlannedResource r : plan.resources()) {
            if (!r.custom() || r.isStack() || r.isProvider() || r.read() || r.type().equals(FakeCloudState.STASH)) {
                continue;
            }
            String region = r.region() == null ? "no region" : r.region();
            if (PlanText.isGlobal(r)) {
                region = GLOBAL + region; // the provider used only for global services (the front door)
            }
            Plan.PlannedResource owner = drawnComponent(r, byUrn);
            String component = owner == null ? r.urn() : owner.urn();
            String key = region + "|" + component;
            String regionName = region;
            Box box = boxes.computeIfAbsent(key, k -> {
                Box b = new Box(ids.of(k, regionName.replace(GLOBAL, "global_") + "_"
                        + (owner == null ? r.name() : owner.name())), regionName,
                        owner == null ? label(r.type(), r.name(), null, plan.project())
                                : label(owner.type(), owner.name(), parentName(owner, byUrn), plan.project()));
                byComponent.computeIfAbsent(component, c -> new ArrayList<>()).add(b);
                b.componentType = owner == null ? null : owner.type();
                return b;
            });
            box.types.add(r.type());
            box.urns.add(r.urn());
            boxOf.put(r.urn(), box);
        }
        boxes.values().forEach(b -> b.role = roleOf(b.types, b.componentType));
        List<String> regions = new ArrayList<>();
        regionOrder.stream().filter(rg -> boxes.values().stream().anyMatch(b -> b.region.equals(rg)))
                .forEach(regions::add);
        boxes.values().stream().map(b -> b.region).filter(rg -> !regions.contains(rg)).distinct().sorted()
                .forEach(regions::add);

        // Pairs: a component with boxes in two regions, drawn as one arrow from A's box to B's.
        Map<String, String> edges = new LinkedHashMap<>();
        Set<Box> paired = new HashSet<>();
        for (List<Box> parts : byComponent.values()) {
            if (parts.size() < 2) {
                continue;
            }
            List<Box> ordered = new ArrayList<>(parts);
            ordered.sort((x, y) -> Integer.compare(regions.indexOf(x.region), regions.indexOf(y.region)));
            for (int i = 0; i + 1 < ordered.size(); i++) {
                Set<String> all = new TreeSet<>(ordered.get(i).types);
                all.addAll(ordered.get(i + 1).types);
                boolean replicates = all.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("replication"));
                edges.putIfAbsent(ordered.get(i).id + " --> " + ordered.get(i + 1).id,
                        replicates ? "replicates to" : "pairs with");
            }
            parts.forEach(paired::add);
        }
        for (Box b : boxes.values()) {
            if (paired.contains(b) && b.role == Role.SHARED) {
                b.role = Role.PAIR;
            }
        }

        // References between boxes: who uses whom.
        Map<Box, Set<Box>> uses = new LinkedHashMap<>();
        for (Plan.PlannedResource r : plan.resources()) {
            Box from = boxOf.get(r.urn());
            if (from == null) {
                continue;
            }
            for (String dep : r.dependsOn()) {
                Box to = boxOf.get(dep);
                if (to != null && to != from) {
                    uses.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                }
            }
        }
        // The tiers, in the order traffic takes them, wherever two tiers reference each other.
        for (Box upper : boxes.values()) {
            int u = Role.TIERS.indexOf(upper.role);
            if (u < 0) {
                continue;
            }
            for (Box lower : boxes.values()) {
                int l = Role.TIERS.indexOf(lower.role);
                boolean linked = uses.getOrDefault(upper, Set.of()).contains(lower)
                        || uses.getOrDefault(lower, Set.of()).contains(upper);
                if (l == u + 1 && linked && (upper.region.equals(lower.region) || upper.role == Role.EDGE)) {
                    edges.putIfAbsent(upper.id + " --> " + lower.id, tierVerb(upper.role));
                }
                if (l == u && u == Role.TIERS.indexOf(Role.DATA) && upper != lower
                        && uses.getOrDefault(upper, Set.of()).contains(lower)
                        && lower.types.stream().anyMatch(t -> t.contains("globalCluster"))) {
                    edges.putIfAbsent(upper.id + " --> " + lower.id, "primary cluster of"); // A's cluster writes
                }
            }
        }
        // The delivery path: what each delivery box uses, apart from shared support.
        for (Box from : boxes.values()) {
            if (from.role != Role.DELIVERY) {
                continue;
            }
            for (Box to : uses.getOrDefault(from, Set.of())) {
                if (to.role == Role.SHARED || to.role == Role.NETWORK || to.role == Role.OBSERVABILITY
                        || to.role == Role.GOVERNANCE || to.role == Role.WEB) {
                    continue;
                }
                String verb = deliveryVerb(from, to);
                if (verb == null) {
                    continue; // the pipeline deploys through its deploy target, which has the arrow
                }
                String a = from.id;
                String b = to.id;
                if (to.role == Role.PAIR && !from.region.equals(to.region)) {
                    continue; // a pair's part in another region is reached through the pair's own arrow
                }
                if (from.types.stream().anyMatch(t -> t.startsWith("aws:cloudwatch/eventTarget"))
                        && to.role == Role.PAIR) {
                    a = to.id; // the trigger watches the bucket: the release flows from the bucket to the trigger
                    b = from.id;
                    verb = "new release starts";
                }
                edges.putIfAbsent(a + " --> " + b, verb);
            }
        }

        // Values read from another stack's plan: by reference, and by the physical name of what they join.
        Map<String, String> foreignLabels = new LinkedHashMap<>();
        Map<String, Set<String>> foreignStacks = new TreeMap<>();
        for (Plan.PlannedResource r : plan.resources()) {
            Box to = boxOf.get(r.urn());
            for (List<String> tokens : r.references().values()) {
                for (String token : tokens) {
                    Plan.Reference ref = plan.references().get(token);
                    if (ref == null || ref.urn() == null || ref.stack().equals(plan.stack())) {
                        continue;
                    }
                    String id = foreign(ids, foreignLabels, foreignStacks, ref.stack(), ref.urn(),
                            ownerType(ref.urn(), ref.type()), ref.name(), plan.project());
                    if (to != null) {
                        edges.putIfAbsent(id + " --> " + to.id, "StackReference");
                    }
                }
            }
            for (Plan other : referenced) {
                for (Plan.PlannedResource joined : other.resources()) {
                    if (!joined.custom() || !joined.type().equals("aws:rds/globalCluster:GlobalCluster")) {
                        continue;
                    }
                    Object name = joined.inputs().get("globalClusterIdentifier");
                    if (to != null && name instanceof String n && !n.isBlank()
                            && r.inputs().values().stream().anyMatch(n::equals)) {
                        String id = foreign(ids, foreignLabels, foreignStacks, other.stack(), joined.urn(),
                                ownerType(joined.urn(), joined.type()), joined.name(), plan.project());
                        edges.putIfAbsent(id + " --> " + to.id, "replicates to");
                    }
                }
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("%% Architecture of stack '").append(plan.stack()).append("' from its offline plan: per region the")
                .append(" tiers in the order traffic takes them, the delivery path, the pairs from A to B.\n");
        out.append("flowchart LR\n");
        List<List<String>> columns = new ArrayList<>();
        foreignStacks.forEach((stack, nodes) -> {
            out.append("  subgraph ").append(ids.of("stack|" + stack, "stack_" + stack)).append("[\"")
                    .append(escape("Stack " + stack + " (read through a StackReference)")).append("\"]\n");
            nodes.forEach(n -> out.append("    ").append(n).append("[\"").append(escape(foreignLabels.get(n)))
                    .append("\"]\n"));
            out.append("  end\n");
            columns.add(new ArrayList<>(nodes));
        });
        for (String region : regions) {
            out.append("  subgraph ").append(ids.of("region|" + plan.stack() + "|" + region, "region_" + region))
                    .append("[\"").append(escape("Stack " + plan.stack() + " · " + regionTitle(region, regionOrder)))
                    .append("\"]\n");
            List<String> column = new ArrayList<>();
            List<Box> inRegion = boxes.values().stream().filter(b -> b.region.equals(region))
                    .sorted((x, y) -> x.role != y.role ? Integer.compare(drawOrder(x.role), drawOrder(y.role))
                            : x.label.compareTo(y.label))
                    .toList();
            // Boxes without arrows of one role share one node: what the region holds for that role.
            Map<Role, List<Box>> quiet = new LinkedHashMap<>();
            Set<String> connected = new HashSet<>();
            edges.keySet().forEach(e -> connected.addAll(List.of(e.split(" --> "))));
            for (Box b : inRegion) {
                if (!connected.contains(b.id) && (b.role == Role.SHARED || b.role == Role.NETWORK
                        || b.role == Role.OBSERVABILITY || b.role == Role.GOVERNANCE)) {
                    quiet.computeIfAbsent(b.role, k -> new ArrayList<>()).add(b);
                    continue;
                }
                out.append("    ").append(b.id).append("[\"").append(escape(b.label)).append("<br/>")
                        .append(escape(b.role.words + ", " + count(b.urns.size(), "resource"))).append("\"]\n");
                column.add(b.id);
            }
            quiet.forEach((role, members) -> {
                String id = ids.of("quiet|" + region + "|" + role, region.replace(GLOBAL, "global_") + "_"
                        + role.name().toLowerCase(Locale.ROOT));
                StringBuilder text = new StringBuilder(escape(capitalised(role.words) + " ("
                        + count(members.stream().mapToInt(m -> m.urns.size()).sum(), "resource") + ")"));
                members.forEach(m -> text.append("<br/>").append(escape(m.label)));
                out.append("    ").append(id).append("[\"").append(text).append("\"]\n");
                column.add(id);
            });
            out.append("  end\n");
            columns.add(column);
        }
        // Invisible links that rank every group after the one on its left (the referenced stack, then A, B, others):
        // from the last boxes of a group (those with no arrow to a box of their own group) to the boxes of the next
        // group that no arrow from it reaches (the others follow their arrows), so that arrows between the groups
        // stay straight.
        List<String[]> arrows = edges.keySet().stream().map(e -> e.split(" --> ")).toList();
        for (int i = 0; i + 1 < columns.size(); i++) {
            List<String> column = columns.get(i);
            List<String> next = columns.get(i + 1);
            List<String> last = column.stream().filter(n -> arrows.stream()
                    .noneMatch(e -> e[0].equals(n) && column.contains(e[1]))).toList();
            List<String> unreached = next.stream().filter(n -> arrows.stream()
                    .noneMatch(e -> e[1].equals(n) && column.contains(e[0]))).toList();
            List<String> targets = unreached.isEmpty() ? next : unreached;
            if (!last.isEmpty() && !targets.isEmpty()) {
                out.append("  ").append(String.join(" & ", last)).append(" ~~~ ")
                        .append(String.join(" & ", targets)).append("\n");
            }
        }
        edges.forEach((edge, verb) -> {
            String[] ends = edge.split(" --> ");
            out.append("  ").append(ends[0]).append(verb.isEmpty() ? " --> " : " -->|" + escape(verb) + "| ")
                    .append(ends[1]).append("\n");
        });
        return out.toString();
    }

    private static String foreign(Ids ids, Map<String, String> labels, Map<String, Set<String>> stacks, String stack,
                                  String urn, String ownerType, String name, String project) {
        String id = ids.of(stack + "|" + urn, stack + "_" + name);
        labels.putIfAbsent(id, label(ownerType, name, null, project));
        stacks.computeIfAbsent(stack, k -> new TreeSet<>()).add(id);
        return id;
    }

    /**
     * The component a resource is drawn in: its innermost component, unless that component is part of a larger one
     * that is not a mere container (a component holding three or more components, such as a region's slice): the
     * buckets of a replicated bucket or the build project of a pipeline are drawn in the pair or the pipeline.
     */
    private static Plan.PlannedResource drawnComponent(Plan.PlannedResource r, Map<String, Plan.PlannedResource> byUrn) {
        Plan.PlannedResource owner = r.parent() == null ? null : byUrn.get(r.parent());
        if (owner == null || owner.isStack()) {
            return null;
        }
        while (true) {
            Plan.PlannedResource up = owner.parent() == null ? null : byUrn.get(owner.parent());
            if (up == null || up.isStack() || isContainer(up, byUrn)) {
                return owner;
            }
            owner = up;
        }
    }

    private static boolean isContainer(Plan.PlannedResource component, Map<String, Plan.PlannedResource> byUrn) {
        return byUrn.values().stream().filter(r -> !r.custom() && component.urn().equals(r.parent())).count() >= 3;
    }

    /** Pairs first (their arrows to the next region stay clear of the other boxes), then the roles in order. */
    private static int drawOrder(Role role) {
        return role == Role.PAIR ? -1 : role.ordinal();
    }

    private static String tierVerb(Role upper) {
        return switch (upper) {
            case EDGE -> "routes to";
            case WEB -> "forwards to";
            case APP -> "reads and writes";
            default -> "";
        };
    }

    private static String deliveryVerb(Box from, Box to) {
        if (from.types.stream().anyMatch(t -> t.startsWith("aws:cloudwatch/eventTarget")) && to.role == Role.DELIVERY) {
            return "starts";
        }
        if (to.role == Role.APP) {
            return from.types.stream().anyMatch(t -> t.startsWith("aws:codedeploy/")) ? "deploys to" : null;
        }
        if (to.role == Role.DELIVERY && to.types.stream().anyMatch(t -> t.startsWith("aws:codedeploy/"))) {
            return "deploys with";
        }
        if (to.role == Role.PAIR) {
            return "publishes to";
        }
        return "";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
