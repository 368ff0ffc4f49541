package io.multiregion.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The human-readable plan: resources grouped by region, then by the component that owns them. */
public final class PlanText {
    /** Heading of the resources that use no regional provider (components, stack references, the stack). */
    static final String NO_REGION = "not tied to a region";
    private static final int MAX_VALUE = 120;
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private PlanText() {
    }

    /** Renders the plan; {@code withInputs} false lists resources only. */
    public static String render(Plan plan, boolean withInputs) {
        StringBuilder out = new StringBuilder();
        List<Plan.PlannedResource> planned = plan.resources().stream().filter(r -> !r.isStack()).toList();
        long creates = planned.stream().filter(r -> r.custom() && !r.read()).count();
        long reads = planned.stream().filter(Plan.PlannedResource::read).count();
        long components = planned.stream().filter(r -> !r.custom()).count();
        out.append("Plan of stack '").append(plan.stack()).append("' (project ").append(plan.project())
                .append("), computed offline: no cloud account was contacted\n");
        out.append("  ").append(creates).append(" resources to create, ").append(components)
                .append(" components, ").append(reads).append(" read\n");

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
                        .forEach(r -> resource(out, r, withInputs));
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
                }
            }
        }

        out.append("\nOutputs\n");
        if (plan.outputs().isEmpty()) {
            out.append("  (none)\n");
        }
        plan.outputs().forEach((k, v) -> out.append("  ").append(k).append(": ").append(value(v)).append("\n"));

        out.append("\nNotes\n");
        out.append("  - ").append(Plan.UNKNOWN).append(" marks values only the cloud knows (ids, ARNs, outputs of other"
                + " resources), as pulumi preview shows them; ").append(Plan.SECRET).append(" marks secrets.\n");
        plan.notes().forEach(n -> out.append("  - ").append(n).append("\n"));
        return out.toString();
    }

    private static String defaultProviderLabel(Plan.PlannedResource r) {
        return r.provider() == null ? "(default provider: no explicit provider)" : "(provider region unknown)";
    }

    private static void resource(StringBuilder out, Plan.PlannedResource r, boolean withInputs) {
        out.append("    + ").append(r.type()).append("  ").append(r.name()).append("\n");
        if (!withInputs) {
            return;
        }
        r.inputs().forEach((k, v) -> {
            if (v != null && !k.startsWith("__")) {
                out.append("        ").append(k).append(": ").append(value(v)).append("\n");
            }
        });
    }

    /** A value as one line: markers bare, strings quoted, structures as compact JSON, long values cut. */
    static String value(Object v) {
        String text = Plan.UNKNOWN.equals(v) || Plan.SECRET.equals(v) ? (String) v : COMPACT.toJson(v);
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 3) + "..." : text;
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
