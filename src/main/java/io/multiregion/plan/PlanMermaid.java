package io.multiregion.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Mermaid flowchart of the plan: one subgraph per region holding, per component, a node counting its resources
 * in that region; edges where a resource depends on one in another region (or on a stack reference).
 */
public final class PlanMermaid {
    private PlanMermaid() {
    }

    public static String render(Plan plan) {
        Map<String, Plan.PlannedResource> byUrn = PlanText.index(plan);
        // node id -> label, grouped by region
        Map<String, Map<String, String>> nodes = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> nodeOf = new LinkedHashMap<>();
        for (Plan.PlannedResource r : plan.resources()) {
            if (!r.custom() || r.isStack()) {
                continue;
            }
            String region = r.read() ? PlanText.NO_REGION : r.region() == null ? "default provider" : r.region();
            String owner = r.read() ? r.type() + " " + r.name() : PlanText.componentPath(plan, r.parent());
            String id = id(region + "|" + owner);
            nodes.computeIfAbsent(region, k -> new TreeMap<>()).put(id, owner);
            counts.merge(id, 1, Integer::sum);
            nodeOf.put(r.urn(), id);
        }
        Map<String, Integer> edges = new TreeMap<>();
        for (Plan.PlannedResource r : plan.resources()) {
            String from = nodeOf.get(r.urn());
            if (from == null) {
                continue;
            }
            for (String dep : r.dependsOn()) {
                Plan.PlannedResource target = byUrn.get(dep);
                String to = nodeOf.get(dep);
                if (target == null || to == null || to.equals(from)) {
                    continue;
                }
                boolean crossRegion = target.read() || r.region() == null || !r.region().equals(target.region());
                if (crossRegion) {
                    edges.merge(to + " --> " + from, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("%% Offline plan of stack '").append(plan.stack()).append("': components per region and the")
                .append(" dependencies that cross regions.\n");
        out.append("flowchart LR\n");
        for (Map.Entry<String, Map<String, String>> region : nodes.entrySet()) {
            out.append("  subgraph ").append(id("region|" + region.getKey())).append("[\"")
                    .append(escape(region.getKey())).append("\"]\n");
            for (Map.Entry<String, String> node : region.getValue().entrySet()) {
                int n = counts.getOrDefault(node.getKey(), 0);
                out.append("    ").append(node.getKey()).append("[\"").append(escape(node.getValue()))
                        .append("<br/>").append(n).append(n == 1 ? " resource" : " resources").append("\"]\n");
            }
            out.append("  end\n");
        }
        new TreeSet<>(edges.keySet()).forEach(e -> {
            int n = edges.get(e);
            String[] ends = e.split(" --> ");
            out.append("  ").append(ends[0]).append(" -->|").append(n).append(n == 1 ? " dependency" : " dependencies")
                    .append("| ").append(ends[1]).append("\n");
        });
        return out.toString();
    }

    private static String id(String key) {
        return "n" + Integer.toHexString(key.hashCode()).replace('-', 'm');
    }

    private static String escape(String label) {
        return label.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
