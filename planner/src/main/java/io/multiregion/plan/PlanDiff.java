package io.multiregion.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changes between two plans of the same stack (for example the base branch's and a pull request's): resources
 * added, removed and changed, each changed input old → new (policy documents statement by statement), with whether
 * the change replaces the resource or updates it in place ({@link Replacements}), the options that changed, and
 * changed stack outputs. As {@code pulumi preview} does, a replacement carries on: a resource whose input takes a value
 * from a replaced resource gets a new value there, so it is replaced too when that input forces a new resource, and
 * updated otherwise. Changes of inputs that the resource's {@code ignoreChanges} lists are shown apart: {@code pulumi up}
 * does not apply them.
 *
 * @param stack   the stack
 * @param added   resources only in the new plan
 * @param removed resources only in the old plan
 * @param changed resources in both that {@code pulumi up} would update or replace
 * @param ignored resources in both whose only differences are inputs their {@code ignoreChanges} lists
 * @param outputs stack outputs whose value differs, is new or is gone
 */
public record PlanDiff(String stack, List<Plan.PlannedResource> added, List<Plan.PlannedResource> removed,
                       List<Change> changed, List<Change> ignored, List<ValueChange> outputs) {

    private static final Gson GSON = new Gson();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final int SHOWN = 160;

    public PlanDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        ignored = List.copyOf(ignored);
        outputs = List.copyOf(outputs);
    }

    /**
     * One value that differs.
     *
     * @param key     input key, output name or option name
     * @param before  the old value (null when absent)
     * @param after   the new value (null when absent)
     * @param effect  for an input: what the change does to the resource; null for outputs and options
     * @param details how the value differs inside, one line each (policy statements, nested paths)
     */
    public record ValueChange(String key, Object before, Object after, Replacements.Effect effect,
                              List<String> details) {
        public ValueChange {
            details = List.copyOf(details);
        }
    }

    /**
     * An input that takes a value from a resource that is replaced: it gets the replacement's new value.
     *
     * @param input    the input
     * @param resource the replaced resource's name
     * @param effect   what the new value does to this resource
     */
    public record Cause(String input, String resource, Replacements.Effect effect) {
    }

    /**
     * A resource in both plans that differs.
     *
     * @param resource the resource in the new plan
     * @param inputs   the inputs that differ (and that {@code pulumi up} applies)
     * @param options  the options that differ ({@code protect}, {@code dependsOn}...)
     * @param moved    {@code region} and/or {@code provider} when those changed
     * @param causes   inputs that take a value from a replaced resource
     * @param ignored  inputs that differ but that the resource's {@code ignoreChanges} lists
     */
    public record Change(Plan.PlannedResource resource, List<ValueChange> inputs, List<ValueChange> options,
                         List<String> moved, List<Cause> causes, List<ValueChange> ignored) {
        public Change {
            inputs = List.copyOf(inputs);
            options = List.copyOf(options);
            moved = List.copyOf(moved);
            causes = List.copyOf(causes);
            ignored = List.copyOf(ignored);
        }

        /** A change without causes or ignored inputs. */
        public Change(Plan.PlannedResource resource, List<ValueChange> inputs, List<ValueChange> options,
                      List<String> moved) {
            this(resource, inputs, options, moved, List.of(), List.of());
        }

        /** The changed input keys, then {@code (region)}/{@code (provider)}, then {@code (option) name}. */
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            inputs.forEach(i -> keys.add(i.key()));
            causes.stream().map(Cause::input).filter(k -> !keys.contains(k)).forEach(keys::add);
            moved.forEach(m -> keys.add("(" + m + ")"));
            options.forEach(o -> keys.add("(option) " + o.key()));
            return keys;
        }

        /**
         * True when a changed input forces a replacement, the resource moves to another region, or an input that
         * forces a replacement takes a value from a replaced resource.
         */
        public boolean replaces() {
            return moved.contains("region") || inputs.stream().anyMatch(i -> i.effect() == Replacements.Effect.REPLACE)
                    || causes.stream().anyMatch(c -> c.effect() == Replacements.Effect.REPLACE);
        }

        /** The inputs that force the replacement. */
        public List<String> replacedBy() {
            return inputs.stream().filter(i -> i.effect() == Replacements.Effect.REPLACE).map(ValueChange::key).toList();
        }

        /** Whether {@code pulumi up} would do anything to the resource. */
        public boolean applies() {
            return !inputs.isEmpty() || !options.isEmpty() || !moved.isEmpty() || !causes.isEmpty();
        }

        Change with(List<Cause> moreCauses, List<ValueChange> moreIgnored) {
            List<Cause> c = new ArrayList<>(causes);
            moreCauses.stream().filter(x -> !c.contains(x)).forEach(c::add);
            List<ValueChange> i = new ArrayList<>(ignored);
            moreIgnored.stream().filter(x -> !i.contains(x)).forEach(i::add);
            return new Change(resource, inputs, options, moved, c, i);
        }
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && outputs.isEmpty();
    }

    /** The diff of two plans of the same stack; refuses plans of different stacks or projects. */
    public static PlanDiff between(Plan before, Plan after) {
        return between(before, after, false);
    }

    /**
     * @param allowDifferentStacks compare plans of different stacks (or projects) anyway
     * @throws PlanException when the plans are of different stacks and that is not allowed
     */
    public static PlanDiff between(Plan before, Plan after, boolean allowDifferentStacks) {
        boolean sameStack = before.stack().equals(after.stack());
        boolean sameProject = before.project().isEmpty() || after.project().isEmpty()
                || before.project().equals(after.project());
        if (!allowDifferentStacks && (!sameStack || !sameProject)) {
            throw new PlanException(PlanException.BAD_INPUT, "the plans are of different stacks ('"
                    + before.project() + "/" + before.stack() + "' and '" + after.project() + "/" + after.stack()
                    + "'): every resource would show as removed and added. Compare two plans of the same stack"
                    + " (e.g. the base branch's and the pull request's), or pass --allow-different-stacks");
        }
        Map<String, Plan.PlannedResource> old = byUrn(before, after.stack(), allowDifferentStacks);
        Map<String, Plan.PlannedResource> now = byUrn(after, after.stack(), allowDifferentStacks);
        List<Plan.PlannedResource> added = new ArrayList<>();
        List<Plan.PlannedResource> removed = new ArrayList<>();
        Map<String, Change> changes = new LinkedHashMap<>();
        now.forEach((urn, r) -> {
            Plan.PlannedResource was = old.get(urn);
            if (was == null) {
                added.add(r);
                return;
            }
            List<ValueChange> inputs = new ArrayList<>();
            List<ValueChange> ignoredInputs = new ArrayList<>();
            for (String key : changedKeys(was.inputs(), r.inputs())) {
                Object a = was.inputs().get(key);
                Object b = r.inputs().get(key);
                ValueChange change = new ValueChange(key, a, b, Replacements.of(r.type(), key,
                        r.options().replaceOnChanges()), details(a, b));
                (isIgnored(key, a, b, r.options().ignoreChanges()) ? ignoredInputs : inputs).add(change);
            }
            List<String> moved = new ArrayList<>();
            if (!Objects.equals(was.region(), r.region())) {
                moved.add("region");
            }
            if (!Objects.equals(was.provider(), r.provider())) {
                moved.add("provider");
            }
            List<ValueChange> options = new ArrayList<>();
            Map<String, Object> optionsBefore = optionMap(was.options());
            Map<String, Object> optionsAfter = optionMap(r.options());
            for (String key : changedKeys(optionsBefore, optionsAfter)) {
                options.add(new ValueChange(key, optionsBefore.get(key), optionsAfter.get(key), null, List.of()));
            }
            if (!inputs.isEmpty() || !moved.isEmpty() || !options.isEmpty() || !ignoredInputs.isEmpty()) {
                changes.put(urn, new Change(r, inputs, options, moved, List.of(), ignoredInputs));
            }
        });
        carryReplacements(after, now, changes);
        old.forEach((urn, r) -> {
            if (!now.containsKey(urn)) {
                removed.add(r);
            }
        });
        List<Change> changed = changes.values().stream().filter(Change::applies).toList();
        List<Change> ignored = changes.values().stream().filter(c -> !c.applies()).toList();
        List<ValueChange> outputs = new ArrayList<>();
        for (String key : changedKeys(before.outputs(), after.outputs())) {
            Object a = before.outputs().get(key);
            Object b = after.outputs().get(key);
            outputs.add(new ValueChange(key, a, b, null, details(a, b)));
        }
        return new PlanDiff(after.stack(), added, removed, changed, ignored, outputs);
    }

    /**
     * Carries replacements to the resources that take a value from a replaced resource (the plan records, for each
     * input, the references it embeds): the replacement's outputs (id, ARN, generated name) are new, so the input
     * changes. When that input forces a new resource, this resource is replaced too, and so on, until nothing more
     * is replaced; otherwise it is updated in place. An input the resource's {@code ignoreChanges} lists keeps its
     * value. References to another stack's resources are left alone: that stack's own diff shows them.
     */
    private static void carryReplacements(Plan after, Map<String, Plan.PlannedResource> now,
                                          Map<String, Change> changes) {
        Map<String, String> urnOf = new TreeMap<>();
        now.forEach((key, r) -> urnOf.put(r.urn(), key));
        Set<String> replaced = new LinkedHashSet<>();
        changes.forEach((urn, c) -> {
            if (c.replaces()) {
                replaced.add(c.resource().urn());
            }
        });
        boolean grew = !replaced.isEmpty();
        while (grew) {
            grew = false;
            for (Map.Entry<String, Plan.PlannedResource> entry : now.entrySet()) {
                Plan.PlannedResource r = entry.getValue();
                List<Cause> causes = new ArrayList<>();
                List<ValueChange> ignoredInputs = new ArrayList<>();
                r.references().forEach((input, tokens) -> {
                    for (String token : tokens) {
                        Plan.Reference ref = after.references().get(token);
                        if (ref == null || ref.urn() == null || !after.stack().equals(ref.stack())
                                || !replaced.contains(ref.urn()) || ref.urn().equals(r.urn())) {
                            continue;
                        }
                        if (isIgnored(input, null, null, r.options().ignoreChanges())) {
                            ignoredInputs.add(new ValueChange(input, r.inputs().get(input), r.inputs().get(input),
                                    Replacements.of(r.type(), input, r.options().replaceOnChanges()),
                                    List.of("takes a new " + ref.output() + " from replaced " + ref.name())));
                        } else {
                            causes.add(new Cause(input, ref.name(),
                                    Replacements.of(r.type(), input, r.options().replaceOnChanges())));
                        }
                    }
                });
                if (causes.isEmpty() && ignoredInputs.isEmpty()) {
                    continue;
                }
                Change existing = changes.get(entry.getKey());
                Change updated = existing == null
                        ? new Change(r, List.of(), List.of(), List.of(), causes, ignoredInputs)
                        : existing.with(causes, ignoredInputs);
                if (!updated.equals(existing)) {
                    changes.put(entry.getKey(), updated);
                    if (updated.replaces() && replaced.add(r.urn())) {
                        grew = true;
                    }
                }
            }
        }
        // Keep the plan's order (by URN) for the resources that only a replacement changes.
        List<Map.Entry<String, Change>> sorted = new ArrayList<>(changes.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        changes.clear();
        sorted.forEach(e -> changes.put(e.getKey(), e.getValue()));
    }

    /**
     * Whether {@code ignoreChanges} covers a changed input: the input itself (or {@code *}) is listed, or every path
     * inside it that differs is under a listed path ({@code tags.Name}, {@code rules[0].filter}).
     */
    static boolean isIgnored(String key, Object before, Object after, List<String> ignoreChanges) {
        if (ignoreChanges.contains(key) || ignoreChanges.contains("*")) {
            return true;
        }
        List<String> nested = ignoreChanges.stream().filter(p -> p.startsWith(key + ".") || p.startsWith(key + "["))
                .toList();
        if (nested.isEmpty() || (before == null && after == null)) {
            return false;
        }
        Map<String, Object> flatA = new TreeMap<>();
        Map<String, Object> flatB = new TreeMap<>();
        flatten(key, before, flatA);
        flatten(key, after, flatB);
        Set<String> paths = new TreeSet<>(flatA.keySet());
        paths.addAll(flatB.keySet());
        for (String path : paths) {
            if (json(flatA.get(path)).equals(json(flatB.get(path)))) {
                continue;
            }
            boolean covered = nested.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + ".")
                    || path.startsWith(p + "["));
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** Options as comparable values: every option, with dependsOn as resource names. */
    private static Map<String, Object> optionMap(Plan.Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protect", o.protect());
        m.put("retainOnDelete", o.retainOnDelete());
        m.put("deleteBeforeReplace", o.deleteBeforeReplace());
        m.put("ignoreChanges", o.ignoreChanges());
        m.put("replaceOnChanges", o.replaceOnChanges());
        m.put("dependsOn", o.dependsOn().stream().map(PlanDiff::nameOf).sorted().toList());
        m.put("aliases", o.aliases());
        return m;
    }

    private static String nameOf(String urn) {
        int sep = urn.lastIndexOf("::");
        int type = urn.lastIndexOf('$', sep);
        String name = sep < 0 ? urn : urn.substring(sep + 2);
        String t = sep < 0 ? "" : urn.substring(type + 1, sep);
        return t.isEmpty() ? name : name + " (" + Recorder.shortType(t) + ")";
    }

    /** Resources by URN, with the stack part of the URN made equal when plans of two stacks are compared. */
    private static Map<String, Plan.PlannedResource> byUrn(Plan plan, String stack, boolean normalise) {
        Map<String, Plan.PlannedResource> m = new TreeMap<>();
        plan.resources().stream().filter(r -> !r.isStack()).forEach(r -> m.put(
                normalise ? r.urn().replaceFirst("^urn:pulumi:[^:]*::", "urn:pulumi:" + stack + "::") : r.urn(), r));
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

    /**
     * How two values differ inside: policy documents statement by statement, other structures (and JSON held in
     * strings) path by path; empty for plain values (the change line shows them).
     */
    static List<String> details(Object before, Object after) {
        Object a = PolicyDiff.parsed(before);
        Object b = PolicyDiff.parsed(after);
        if (PolicyDiff.isPolicy(a) || PolicyDiff.isPolicy(b)) {
            return PolicyDiff.statements(a, b);
        }
        if (!(a instanceof Map<?, ?> || a instanceof List<?>) && !(b instanceof Map<?, ?> || b instanceof List<?>)) {
            return List.of();
        }
        Map<String, Object> flatA = new TreeMap<>();
        Map<String, Object> flatB = new TreeMap<>();
        flatten("", a, flatA);
        flatten("", b, flatB);
        Set<String> paths = new TreeSet<>(flatA.keySet());
        paths.addAll(flatB.keySet());
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            Object x = flatA.get(path);
            Object y = flatB.get(path);
            if (!json(x).equals(json(y))) {
                lines.add((path.isEmpty() ? "(value)" : path) + ": " + arrow(x, y));
            }
        }
        return lines;
    }

    static void flatten(String path, Object value, Map<String, Object> into) {
        Object v = PolicyDiff.parsed(value);
        if (v instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, x) -> flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, x, into));
        } else if (v instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.put(path, v);
        }
    }

    /** {@code old → new}, absent values as {@code (none)}. */
    static String arrow(Object before, Object after) {
        return shown(before) + " → " + shown(after);
    }

    static String shown(Object v) {
        if (v == null) {
            return "(none)";
        }
        String text = Plan.UNKNOWN.equals(v) || Plan.SECRET.equals(v) ? (String) v : COMPACT.toJson(v);
        return text.length() > SHOWN ? text.substring(0, SHOWN - 3) + "..." : text;
    }

    /** Plain text, or GitHub-flavoured Markdown for a pull-request comment. */
    public String render(boolean markdown) {
        StringBuilder out = new StringBuilder();
        long replaced = changed.stream().filter(Change::replaces).count();
        String summary = added.size() + " to add, " + changed.size() + " to change"
                + (replaced > 0 ? " (" + replaced + " replaced)" : "") + ", " + removed.size() + " to remove"
                + (ignored.isEmpty() ? "" : "; " + ignored.size() + " ignored (ignoreChanges)");
        if (markdown) {
            out.append("### Stack `").append(stack).append("`: ").append(summary).append("\n\n");
        } else {
            out.append("Stack '").append(stack).append("': ").append(summary).append("\n");
        }
        if (isEmpty() && ignored.isEmpty()) {
            out.append(markdown ? "No changes.\n\n" : "  no changes\n");
            return out.toString();
        }
        if (markdown) {
            out.append("```diff\n");
        }
        added.forEach(r -> out.append("+ ").append(line(r)).append(flags(r.options())).append("\n"));
        removed.forEach(r -> {
            out.append("- ").append(line(r)).append(flags(r.options())).append("\n");
            if (r.options().protect()) {
                out.append("    WARNING: protected: the delete fails until a deployment that keeps the resource turns"
                        + " protect off\n");
            }
        });
        for (Change c : changed) {
            out.append(markdown ? "! " : "~ ").append(line(c.resource())).append("  ").append(verdict(c)).append("\n");
            for (String m : c.moved()) {
                out.append("    (").append(m).append(")\n");
            }
            for (ValueChange o : c.options()) {
                out.append("    (option) ").append(o.key()).append(": ").append(arrow(o.before(), o.after()))
                        .append("\n");
                if (o.key().equals("protect") && Boolean.TRUE.equals(o.before())) {
                    out.append("    WARNING: no longer protected: pulumi destroy or a replacement can now delete it\n");
                }
            }
            for (ValueChange i : c.inputs()) {
                input(out, i);
            }
            Map<String, List<Cause>> byInput = new LinkedHashMap<>();
            c.causes().forEach(x -> byInput.computeIfAbsent(x.input(), k -> new ArrayList<>()).add(x));
            byInput.forEach((input, causes) -> {
                List<String> names = causes.stream().map(x -> "`" + x.resource() + "`").distinct().toList();
                out.append("    ").append(input).append(": a new value, because ").append(String.join(", ", names))
                        .append(names.size() == 1 ? " is" : " are").append(" replaced")
                        .append(effect(causes.get(0).effect())).append("\n");
            });
            for (ValueChange i : c.ignored()) {
                out.append("    ").append(i.key()).append(": ").append(ignoredText(i)).append("\n");
            }
        }
        if (!ignored.isEmpty()) {
            out.append(markdown ? "# " : "  ").append("ignored (ignoreChanges): no change on `pulumi up`\n");
            for (Change c : ignored) {
                out.append(markdown ? "# " : "  ").append("= ").append(line(c.resource())).append("\n");
                for (ValueChange i : c.ignored()) {
                    out.append(markdown ? "#   " : "      ").append(i.key()).append(": ").append(ignoredText(i))
                            .append("\n");
                }
            }
        }
        for (ValueChange o : outputs) {
            out.append(markdown ? "! " : "~ ").append("output ").append(o.key());
            if (o.details().isEmpty()) {
                out.append(": ").append(arrow(o.before(), o.after())).append("\n");
            } else {
                out.append(":\n");
                o.details().forEach(d -> out.append("        ").append(d).append("\n"));
            }
        }
        if (markdown) {
            out.append("```\n\n");
        }
        return out.toString();
    }

    private static String verdict(Change c) {
        if (c.replaces()) {
            return "REPLACE (" + String.join(", ", replaceReasons(c)) + ")";
        }
        List<String> because = c.causes().stream().map(x -> "`" + x.resource() + "`").distinct().toList();
        String cause = because.isEmpty() ? "" : " because " + String.join(", ", because)
                + (because.size() == 1 ? " is" : " are") + " replaced";
        boolean uncertain = c.inputs().stream().anyMatch(i -> i.effect() == Replacements.Effect.MAY_REPLACE)
                || c.causes().stream().anyMatch(x -> x.effect() == Replacements.Effect.MAY_REPLACE);
        if (c.inputs().isEmpty() && c.causes().isEmpty()) {
            return "update (options only)";
        }
        return (uncertain ? "update (may replace)" : "update") + cause;
    }

    private static void input(StringBuilder out, ValueChange i) {
        String effect = effect(i.effect());
        if (i.details().isEmpty()) {
            out.append("    ").append(i.key()).append(": ").append(arrow(i.before(), i.after())).append(effect)
                    .append("\n");
        } else {
            out.append("    ").append(i.key()).append(":").append(effect).append("\n");
            i.details().forEach(d -> out.append("        ").append(d).append("\n"));
        }
    }

    private static String effect(Replacements.Effect effect) {
        return switch (effect) {
            case REPLACE -> "  [forces replacement]";
            case UPDATE -> "  [in place]";
            case MAY_REPLACE -> "  [may replace]";
        };
    }

    private static String ignoredText(ValueChange i) {
        String what = Objects.equals(i.before(), i.after()) && !i.details().isEmpty() ? i.details().get(0)
                : i.details().isEmpty() ? arrow(i.before(), i.after()) : String.join("; ", i.details());
        return what + "  [ignored (ignoreChanges): no change on `pulumi up`]";
    }

    private static List<String> replaceReasons(Change c) {
        List<String> reasons = new ArrayList<>();
        if (c.moved().contains("region")) {
            reasons.add("moves to another region");
        }
        List<String> inputs = c.replacedBy();
        if (!inputs.isEmpty()) {
            reasons.add(String.join(", ", inputs) + (inputs.size() == 1 ? " forces" : " force") + " a new resource");
        }
        c.causes().stream().filter(x -> x.effect() == Replacements.Effect.REPLACE).map(Cause::resource).distinct()
                .forEach(name -> reasons.add("replaced because `" + name + "` is replaced"));
        if (c.resource().options().protect()) {
            reasons.add("protected: the replacement fails until protect is turned off");
        }
        return reasons;
    }

    private static String flags(Plan.Options options) {
        Set<String> set = new LinkedHashSet<>();
        if (options.protect()) {
            set.add("protect");
        }
        if (options.retainOnDelete()) {
            set.add("retainOnDelete");
        }
        return set.isEmpty() ? "" : "  (" + String.join(", ", set) + ")";
    }

    private static String line(Plan.PlannedResource r) {
        return r.type() + "  " + r.name() + "  [" + (r.region() == null ? "-" : r.region()) + "]";
    }
}
