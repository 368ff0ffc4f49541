package io.multiregion.plan;

import io.multiregion.offline.FakeCloudState;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import io.multiregion.stacks.StackContract;

/**
 * The human-readable plan: resources grouped by region, then by the component that owns them, with their options
 * and every input in full (JSON documents such as policies pretty-printed), then the stack outputs and what each
 * symbolic reference stands for.
 */
public final class PlanText {
    /** Heading of the resources that use no regional provider (components, stack references, the stack). */
    static final String NO_REGION = "not tied to a region";
    /** One-line values longer than this are printed as an indented block instead. */
    private static final int INLINE = 100;
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting()
            .create();

    private PlanText() {
    }

    /** What a plan's resources count: registrations by kind. */
    public record Counts(long cloudResources, long providers, long components, long reads, long stack) {
        public long total() {
            return cloudResources + providers + components + reads + stack;
        }

        /** E.g. "55 cloud resources and 2 providers to create, 10 components, 0 read, 1 stack: 68 registrations". */
        public String describe() {
            return count(cloudResources, "cloud resource") + " and " + count(providers, "provider") + " to create, "
                    + count(components, "component") + " (groupings, nothing in the cloud), " + reads + " read, "
                    + count(stack, "stack") + ": " + count(total(), "registration") + " in all";
        }
    }

    /** The counts, and how many warnings the plan carries (the program's and the plan's own), when there are any. */
    public static String summary(Plan plan) {
        int warnings = plan.warnings().size();
        return counts(plan).describe() + (warnings == 0 ? "" : "; " + count(warnings, "warning") + " (see the notes)");
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public static Counts counts(Plan plan) {
        long providers = plan.resources().stream().filter(Plan.PlannedResource::isProvider).count();
        long creates = plan.resources().stream().filter(r -> r.custom() && !r.read() && !r.isProvider()).count();
        long reads = plan.resources().stream().filter(Plan.PlannedResource::read).count();
        long components = plan.resources().stream().filter(r -> !r.custom() && !r.isStack()).count();
        long stack = plan.resources().stream().filter(Plan.PlannedResource::isStack).count();
        return new Counts(creates, providers, components, reads, stack);
    }

    /** Renders the plan, regions in the order its outputs name them; {@code withInputs} false lists resources only. */
    public static String render(Plan plan, boolean withInputs) {
        List<String> order = new ArrayList<>();
        for (String key : List.of("primaryRegion", "secondaryRegion")) {
            if (plan.outputs().get(key) instanceof String region && !region.isBlank()) {
                order.add(region);
            }
        }
        return render(plan, withInputs, order);
    }

    /**
     * Renders the plan; {@code withInputs} false lists resources only; {@code regionOrder} is region A then region B:
     * their resources come first, labelled, then any other region and the global services.
     */
    public static String render(Plan plan, boolean withInputs, List<String> regionOrder) {
        StringBuilder out = new StringBuilder();
        List<Plan.PlannedResource> planned = plan.resources().stream().filter(r -> !r.isStack()).toList();
        out.append("Plan of stack '").append(plan.stack()).append("' (project ").append(plan.project())
                .append("), computed offline: no cloud account was contacted\n");
        out.append("  ").append(summary(plan)).append("\n");
        plan.warnings().forEach(w -> out.append("  ").append(w).append("\n"));
        delivery(plan).forEach(line -> out.append("  ").append(line).append("\n"));

        Map<String, Plan.PlannedResource> byUrn = index(plan);
        Map<String, List<Plan.PlannedResource>> byRegion = new TreeMap<>();
        for (Plan.PlannedResource r : planned) {
            if (r.custom() && !r.read()) {
                String key = r.region() == null ? defaultProviderLabel(r)
                        : (isGlobal(r) ? GLOBAL : "") + r.region();
                byRegion.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<String> keys = new ArrayList<>();
        regionOrder.stream().filter(byRegion::containsKey).forEach(keys::add);
        byRegion.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        for (String key : keys) {
            List<Plan.PlannedResource> inRegion = byRegion.get(key);
            out.append("\n").append(regionHeading(key, regionOrder)).append(" (").append(inRegion.size())
                    .append(" resources)\n");
            Map.Entry<String, List<Plan.PlannedResource>> region = Map.entry(key, inRegion);
            Map<String, List<Plan.PlannedResource>> byParent = new TreeMap<>();
            region.getValue().forEach(r -> byParent.computeIfAbsent(componentPath(plan, r.parent()),
                    k -> new ArrayList<>()).add(r));
            for (Map.Entry<String, List<Plan.PlannedResource>> group : byParent.entrySet()) {
                out.append("  ").append(group.getKey()).append("\n");
                group.getValue().stream()
                        .sorted(Comparator.comparing(Plan.PlannedResource::type).thenComparing(Plan.PlannedResource::name))
                        .forEach(r -> resource(out, r, withInputs, byUrn));
            }
        }

        List<Plan.PlannedResource> global = planned.stream().filter(r -> !r.custom() || r.read()).toList();
        if (!global.isEmpty()) {
            out.append("\nComponents and references (").append(NO_REGION).append(")\n");
            for (Plan.PlannedResource r : global) {
                if (r.custom()) {
                    out.append("  = ").append(r.type()).append("  ").append(r.name()).append("  (read)\n");
                } else {
                    out.append("  component ").append(componentPath(plan, r.urn())).append("  regions: ")
                            .append(String.join(", ", regionsUnder(plan, r.urn()))).append("\n");
                    options(out, r, byUrn, "      ");
                }
            }
        }

        out.append("\nOutputs\n");
        if (plan.outputs().isEmpty()) {
            out.append("  (none)\n");
        }
        plan.outputs().forEach((k, v) -> field(out, "  ", k, v));

        if (!plan.references().isEmpty()) {
            out.append("\nReferences (values the cloud assigns when it creates the resource)\n");
            plan.references().forEach((token, ref) -> out.append("  ").append(token).append("  = ")
                    .append(describe(ref, plan)).append("\n"));
        }

        out.append("\nNotes\n");
        out.append("  - ${resource.output} is a value the cloud assigns when it creates that resource of this plan")
                .append(" (its id, ARN, generated name); ${stack.resource.output} one from the plan of the stack read")
                .append(" through a StackReference; ${account} the AWS account the stack deploys into. ")
                .append(Plan.UNKNOWN).append(" marks what nothing in the plans explains; ").append(Plan.SECRET)
                .append(" marks secrets.\n");
        plan.notes().forEach(n -> out.append("  - ").append(n).append("\n"));
        return out.toString();
    }

    /**
     * The delivery path the stack chose and why, from its {@code deliveryPath} output (StackContract): shown under the
     * counts, since it decides what the rest of the plan holds. Empty when the stack exports none.
     */
    static List<String> delivery(Plan plan) {
        if (!(plan.outputs().get(StackContract.Value.DELIVERY_PATH.key()) instanceof Map<?, ?> path)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Delivery: " + path.get("mode") + " (multiregion:delivery " + path.get("requested") + "): "
                + path.get("reason"));
        if (path.get("source") != null) {
            lines.add("Source: " + path.get("source") + ": " + path.get("sourceReason"));
        }
        return lines;
    }

    /** What a reference stands for, in words. */
    static String describe(Plan.Reference ref, Plan plan) {
        if (ref.urn() == null) {
            return "the AWS account the stack " + (ref.stack().equals(plan.stack()) ? "deploys into"
                    : "'" + ref.stack() + "' deploys into");
        }
        String where = ref.stack().equals(plan.stack()) ? "" : " in stack '" + ref.stack() + "'";
        return ref.output() + " of " + ref.type() + " " + ref.name() + where;
    }

    /** Group key prefix of the resources registered through the provider used only for global services. */
    static final String GLOBAL = "global ";

    /** Whether a resource goes through the provider used only for global services (its name says "global"). */
    static boolean isGlobal(Plan.PlannedResource r) {
        return r.provider() != null && r.provider().substring(r.provider().lastIndexOf("::") + 2).contains("global");
    }

    /** "Region A (primary): eu-west-1", "Region B (secondary): eu-central-1", "Global services: us-east-1"... */
    static String regionHeading(String key, List<String> regionOrder) {
        if (key.startsWith(GLOBAL)) {
            return "Global services: " + key.substring(GLOBAL.length()) + " (the provider used only for them)";
        }
        int i = regionOrder.indexOf(key);
        return i == 0 ? "Region A (primary): " + key : i == 1 ? "Region B (secondary): " + key : "Region " + key;
    }

    private static String defaultProviderLabel(Plan.PlannedResource r) {
        if (r.type().equals(FakeCloudState.STASH)) {
            return "(none: values kept in the stack's state)"; // Pulumi's own Stash, no cloud resource
        }
        return r.provider() == null ? "(default provider: no explicit provider)" : "(provider region unknown)";
    }

    private static void resource(StringBuilder out, Plan.PlannedResource r, boolean withInputs,
                                 Map<String, Plan.PlannedResource> byUrn) {
        out.append("    + ").append(r.type()).append("  ").append(r.name()).append("\n");
        options(out, r, byUrn, "        ");
        if (!withInputs) {
            return;
        }
        r.inputs().forEach((k, v) -> {
            if (v != null && !k.startsWith("__")) {
                field(out, "        ", k, v);
            }
        });
    }

    /** The options set on a resource, one line each, dependsOn and aliases by name. */
    private static void options(StringBuilder out, Plan.PlannedResource r, Map<String, Plan.PlannedResource> byUrn,
                                String indent) {
        r.options().set().forEach((k, v) -> {
            String shown;
            if (k.equals("dependsOn") && v instanceof List<?> urns) {
                shown = urns.stream().map(u -> label(String.valueOf(u), byUrn)).collect(Collectors.joining(", "));
            } else if (v instanceof List<?> list) {
                shown = list.stream().map(String::valueOf).collect(Collectors.joining(", "));
            } else {
                shown = String.valueOf(v);
            }
            out.append(indent).append("(option) ").append(k).append(": ").append(shown).append("\n");
        });
    }

    /** A resource by its name and short type, from its URN. */
    static String label(String urn, Map<String, Plan.PlannedResource> byUrn) {
        Plan.PlannedResource r = byUrn.get(urn);
        if (r != null) {
            return r.name() + " (" + Recorder.shortType(r.type()) + ")";
        }
        int sep = urn.lastIndexOf("::");
        return sep < 0 ? urn : urn.substring(sep + 2);
    }

    /** One input or output: short values on one line, JSON documents and long structures as an indented block. */
    static void field(StringBuilder out, String indent, String key, Object v) {
        String block = block(v);
        if (block.indexOf('\n') < 0 && block.length() <= INLINE) {
            out.append(indent).append(key).append(": ").append(block).append("\n");
            return;
        }
        out.append(indent).append(key).append(":").append(jsonDocument(v) ? " (JSON document)" : "").append("\n");
        for (String line : block.split("\n", -1)) {
            out.append(indent).append("    ").append(line).append("\n");
        }
    }

    /** The full text of a value: markers bare, JSON documents and structures pretty, other strings quoted. */
    static String block(Object v) {
        if (v instanceof String s) {
            if (Plan.UNKNOWN.equals(s) || Plan.SECRET.equals(s)) {
                return s;
            }
            if (jsonDocument(s)) {
                return PRETTY.toJson(JsonParser.parseString(s));
            }
            if (s.indexOf('\n') >= 0) {
                return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
            }
            return COMPACT.toJson(s);
        }
        String compact = COMPACT.toJson(v);
        return compact.length() <= INLINE ? compact : PRETTY.toJson(v);
    }

    /** Whether a value is a string holding a JSON object or array (a policy, an event pattern). */
    static boolean jsonDocument(Object v) {
        if (!(v instanceof String s)) {
            return false;
        }
        String t = s.trim();
        if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) {
            return false;
        }
        try {
            JsonElement e = JsonParser.parseString(t);
            return e.isJsonObject() || e.isJsonArray();
        } catch (JsonParseException e) {
            return false;
        }
    }

    /** A value as one line: markers bare, strings quoted, structures as compact JSON. */
    static String value(Object v) {
        return Plan.UNKNOWN.equals(v) || Plan.SECRET.equals(v) ? (String) v : COMPACT.toJson(v);
    }

    /** "type name / type name" from the outermost component down; "(stack)" for top-level resources. */
    static String componentPath(Plan plan, String urn) {
        List<String> parts = new ArrayList<>();
        String current = urn;
        Map<String, Plan.PlannedResource> byUrn = index(plan);
        while (current != null) {
            Plan.PlannedResource r = byUrn.get(current);
            if (r == null || r.isStack()) {
                break;
            }
            parts.add(0, r.type() + " " + r.name());
            current = r.parent();
        }
        return parts.isEmpty() ? "(stack)" : String.join(" / ", parts);
    }

    /** The regions of the custom resources under a component, sorted. */
    static List<String> regionsUnder(Plan plan, String componentUrn) {
        Map<String, Plan.PlannedResource> byUrn = index(plan);
        return plan.resources().stream()
                .filter(r -> r.custom() && r.region() != null && isUnder(byUrn, r, componentUrn))
                .map(Plan.PlannedResource::region)
                .distinct().sorted().collect(Collectors.toList());
    }

    static boolean isUnder(Map<String, Plan.PlannedResource> byUrn, Plan.PlannedResource r, String ancestor) {
        String p = r.parent();
        while (p != null) {
            if (p.equals(ancestor)) {
                return true;
            }
            Plan.PlannedResource parent = byUrn.get(p);
            p = parent == null ? null : parent.parent();
        }
        return false;
    }

    static Map<String, Plan.PlannedResource> index(Plan plan) {
        Map<String, Plan.PlannedResource> byUrn = new LinkedHashMap<>();
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        return byUrn;
    }
}
