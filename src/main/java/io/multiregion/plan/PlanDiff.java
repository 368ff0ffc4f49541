package io.multiregion.plan;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changes between two plans of the same stack (for example the base branch's and a pull request's): resources
 * added, removed, and changed (with the input keys that differ), and changed stack outputs.
 *
 * @param stack    the stack
 * @param added    resources only in the new plan
 * @param removed  resources only in the old plan
 * @param changed  resources in both whose inputs, region or provider differ
 * @param outputs  stack output names whose value differs, is new or is gone
 */
public record PlanDiff(String stack, List<Plan.PlannedResource> added, List<Plan.PlannedResource> removed,
                       List<Change> changed, List<String> outputs) {

    private static final Gson GSON = new Gson();

    public PlanDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        outputs = List.copyOf(outputs);
    }

    /**
     * A resource in both plans that differs.
     *
     * @param resource the resource in the new plan
     * @param keys     the input keys that differ, plus {@code (region)} or {@code (provider)} when those changed
     */
    public record Change(Plan.PlannedResource resource, List<String> keys) {
        public Change {
            keys = List.copyOf(keys);
        }
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && outputs.isEmpty();
    }

    public static PlanDiff between(Plan before, Plan after) {
        Map<String, Plan.PlannedResource> old = byUrn(before);
        Map<String, Plan.PlannedResource> now = byUrn(after);
        List<Plan.PlannedResource> added = new ArrayList<>();
        List<Plan.PlannedResource> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        now.forEach((urn, r) -> {
            Plan.PlannedResource was = old.get(urn);
            if (was == null) {
                added.add(r);
                return;
            }
            List<String> keys = new ArrayList<>(changedKeys(was.inputs(), r.inputs()));
            if (!Objects.equals(was.region(), r.region())) {
                keys.add("(region)");
            }
            if (!Objects.equals(was.provider(), r.provider())) {
                keys.add("(provider)");
            }
            if (!keys.isEmpty()) {
                changed.add(new Change(r, keys));
            }
        });
        old.forEach((urn, r) -> {
            if (!now.containsKey(urn)) {
                removed.add(r);
            }
        });
        return new PlanDiff(after.stack(), added, removed, changed,
                List.copyOf(changedKeys(before.outputs(), after.outputs())));
    }

    private static Map<String, Plan.PlannedResource> byUrn(Plan plan) {
        Map<String, Plan.PlannedResource> m = new TreeMap<>();
        plan.resources().stream().filter(r -> !r.isStack()).forEach(r -> m.put(r.urn(), r));
        return m;
    }

    /** Keys whose values differ, compared as JSON so that 30 and 30.0 are equal. */
    static TreeSet<String> changedKeys(Map<String, Object> before, Map<String, Object> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(k -> json(before.get(k)).equals(json(after.get(k))));
        return keys;
    }

    private static JsonElement json(Object v) {
        JsonElement e = GSON.toJsonTree(v);
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
                ? GSON.toJsonTree(e.getAsJsonPrimitive().getAsBigDecimal().stripTrailingZeros()) : e;
    }

    /** Plain text, or GitHub-flavoured Markdown for a pull-request comment. */
    public String render(boolean markdown) {
        StringBuilder out = new StringBuilder();
        String summary = added.size() + " to add, " + changed.size() + " to change, " + removed.size() + " to remove";
        if (markdown) {
            out.append("### Stack `").append(stack).append("`: ").append(summary).append("\n\n");
        } else {
            out.append("Stack '").append(stack).append("': ").append(summary).append("\n");
        }
        if (isEmpty()) {
            out.append(markdown ? "No changes.\n\n" : "  no changes\n");
            return out.toString();
        }
        if (markdown) {
            out.append("```diff\n");
        }
        added.forEach(r -> out.append("+ ").append(line(r)).append("\n"));
        removed.forEach(r -> out.append("- ").append(line(r)).append("\n"));
        changed.forEach(c -> out.append(markdown ? "! " : "~ ").append(line(c.resource())).append("  changed: ")
                .append(String.join(", ", c.keys())).append("\n"));
        outputs.forEach(o -> out.append(markdown ? "! " : "~ ").append("output ").append(o).append("\n"));
        if (markdown) {
            out.append("```\n\n");
        }
        return out.toString();
    }

    private static String line(Plan.PlannedResource r) {
        return r.type() + "  " + r.name() + "  [" + (r.region() == null ? "-" : r.region()) + "]";
    }
}
