package io.multiregion.plan;

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

    /** Renders the plan; {@code withInputs} false lists resources only. */
    public static String render(Plan plan, boolean withInputs) {
        StringBuilder out = new StringBuilder();
        List<Plan.PlannedResource> planned = plan.resources().stream().filter(r -> !r.isStack()).toList();
        out.append("Plan of stack '").append(plan.stack()).append("' (project ").append(plan.project())
                .append("), computed offline: no cloud account was contacted\n");
        out.append("  ").append(counts(plan).describe()).append("\n");
        plan.notes().stream().filter(n -> n.startsWith(PlanMocks.UNRESOLVED))
                .forEach(n -> out.append("  WARNING: ").append(n).append("\n"));

        Map<String, Plan.PlannedResource> byUrn = index(plan);
        Map<String, List<Plan.PlannedResource>> byRegion = new TreeMap<>();
        for (Plan.PlannedResource r : planned) {
            if (r.custom() && !r.read()) {
                byRegion.computeIfAbsent(r.region() == null ? defaultProviderLabel(r) : r.region(),
                        k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<Plan.PlannedResource>> region : byRegion.entrySet()) {
            out.append("\nRegion ").append(region.getKey()).append(" (").append(region.getValue().size())
                    .append(" resources)\n");
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

    /** What a reference stands for, in words. */
    static String describe(Plan.Reference ref, Plan plan) {
        if (ref.urn() == null) {
            return "the AWS account the stack " + (ref.stack().equals(plan.stack()) ? "deploys into"
                    : "'" + ref.stack() + "' deploys into");
        }
        String where = ref.stack().equals(plan.stack()) ? "" : " in stack '" + ref.stack() + "'";
        return ref.output() + " of " + ref.type() + " " + ref.name() + where;
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
