package io.multiregion.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares two IAM policy documents (identity, trust, key and bucket policies) statement by statement, the way a
 * reviewer reads them: statements are matched by {@code Sid} (by position when they have none), and for each
 * statement added, removed or changed the lines say which of Effect, Principal, Action, Resource and Condition
 * changed, with the values added and removed.
 */
final class PolicyDiff {
    private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();
    /** The elements of a statement, in the order they are reported. */
    private static final List<String> FIELDS = List.of("Effect", "Principal", "NotPrincipal", "Action", "NotAction",
            "Resource", "NotResource", "Condition");

    private PolicyDiff() {
    }

    /** A string holding a JSON object or array, parsed; any other value as it is. */
    static Object parsed(Object value) {
        if (PlanText.jsonDocument(value)) {
            try {
                return GSON.fromJson((String) value, Object.class);
            } catch (JsonParseException e) {
                return value;
            }
        }
        return value;
    }

    static boolean isPolicy(Object value) {
        return value instanceof Map<?, ?> m && m.containsKey("Statement");
    }

    /** One line per difference, statement by statement. */
    static List<String> statements(Object before, Object after) {
        Map<String, Map<?, ?>> a = bySid(before);
        Map<String, Map<?, ?>> b = bySid(after);
        List<String> lines = new ArrayList<>();
        if (isPolicy(before) != isPolicy(after)) {
            lines.add("(document) " + PlanDiff.arrow(before, after));
            return lines;
        }
        Set<String> sids = new TreeSet<>(a.keySet());
        sids.addAll(b.keySet());
        for (String sid : sids) {
            Map<?, ?> x = a.get(sid);
            Map<?, ?> y = b.get(sid);
            if (x == null) {
                lines.add("+ statement " + sid + ": " + COMPACT.toJson(y));
            } else if (y == null) {
                lines.add("- statement " + sid + ": " + COMPACT.toJson(x));
            } else {
                List<String> fields = fields(x, y);
                if (!fields.isEmpty()) {
                    lines.add("~ statement " + sid + ":");
                    fields.forEach(f -> lines.add("    " + f));
                }
            }
        }
        Object versionA = before instanceof Map<?, ?> m ? m.get("Version") : null;
        Object versionB = after instanceof Map<?, ?> m ? m.get("Version") : null;
        if (!Objects.equals(versionA, versionB)) {
            lines.add("~ Version: " + PlanDiff.arrow(versionA, versionB));
        }
        return lines;
    }

    /**
     * Statements by {@code Sid}; a statement without one by what it does (effect and actions, e.g.
     * {@code [Deny s3:*]}), numbered when several do the same, so that adding or removing one statement does not
     * shift the others.
     */
    private static Map<String, Map<?, ?>> bySid(Object policy) {
        Map<String, Map<?, ?>> out = new LinkedHashMap<>();
        if (!(policy instanceof Map<?, ?> m)) {
            return out;
        }
        Object statements = m.get("Statement");
        List<?> list = statements instanceof List<?> l ? l : statements == null ? List.of() : List.of(statements);
        for (Object item : list) {
            if (item instanceof Map<?, ?> s) {
                String key;
                if (s.get("Sid") instanceof String id && !id.isEmpty()) {
                    key = "\"" + id + "\"";
                } else {
                    Set<String> actions = strings(s.containsKey("Action") ? s.get("Action") : s.get("NotAction"));
                    String base = "[" + s.get("Effect") + (s.containsKey("NotAction") ? " not " : " ")
                            + String.join(",", actions) + "]";
                    key = base;
                    for (int n = 2; out.containsKey(key); n++) {
                        key = base + " #" + n;
                    }
                }
                out.put(key, s);
            }
        }
        return out;
    }

    /** The statement elements that differ: lists as added and removed values, conditions key by key. */
    private static List<String> fields(Map<?, ?> a, Map<?, ?> b) {
        List<String> lines = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        a.keySet().forEach(k -> keys.add(String.valueOf(k)));
        b.keySet().forEach(k -> keys.add(String.valueOf(k)));
        List<String> ordered = new ArrayList<>(FIELDS);
        keys.stream().filter(k -> !FIELDS.contains(k) && !k.equals("Sid")).forEach(ordered::add);
        for (String key : ordered) {
            Object x = a.get(key);
            Object y = b.get(key);
            if (Objects.equals(normal(x), normal(y))) {
                continue;
            }
            if (key.equals("Condition") || key.equals("Principal") || key.equals("NotPrincipal")) {
                Map<String, Object> fa = new TreeMap<>();
                Map<String, Object> fb = new TreeMap<>();
                PlanDiff.flatten("", x, fa);
                PlanDiff.flatten("", y, fb);
                Set<String> paths = new TreeSet<>(fa.keySet());
                paths.addAll(fb.keySet());
                // condition values and principals are sets: compare each operator/key's values as a set
                Map<String, Set<String>> sa = sets(fa);
                Map<String, Set<String>> sb = sets(fb);
                Set<String> groups = new TreeSet<>(sa.keySet());
                groups.addAll(sb.keySet());
                for (String g : groups) {
                    String change = setChange(sa.getOrDefault(g, Set.of()), sb.getOrDefault(g, Set.of()));
                    if (!change.isEmpty()) {
                        lines.add(key + (g.isEmpty() ? "" : " " + g) + ": " + change);
                    }
                }
            } else if (x instanceof String || x instanceof List<?> || y instanceof String || y instanceof List<?>) {
                String change = setChange(strings(x), strings(y));
                lines.add(key + ": " + (change.isEmpty() ? PlanDiff.arrow(x, y) : change));
            } else {
                lines.add(key + ": " + PlanDiff.arrow(x, y));
            }
        }
        return lines;
    }

    /** Flattened paths grouped by their path without list indexes: {@code StringEquals.aws:SourceArn} → values. */
    private static Map<String, Set<String>> sets(Map<String, Object> flat) {
        Map<String, Set<String>> out = new TreeMap<>();
        flat.forEach((path, v) -> out.computeIfAbsent(path.replaceAll("\\[\\d+]", ""), k -> new TreeSet<>())
                .add(String.valueOf(v)));
        return out;
    }

    private static String setChange(Set<String> before, Set<String> after) {
        Set<String> plus = new TreeSet<>(after);
        plus.removeAll(before);
        Set<String> minus = new TreeSet<>(before);
        minus.removeAll(after);
        List<String> parts = new ArrayList<>();
        plus.forEach(p -> parts.add("+ " + p));
        minus.forEach(m -> parts.add("- " + m));
        return String.join("; ", parts);
    }

    private static Set<String> strings(Object v) {
        Set<String> out = new TreeSet<>();
        if (v instanceof Collection<?> c) {
            c.forEach(x -> out.add(String.valueOf(x)));
        } else if (v != null) {
            out.add(String.valueOf(v));
        }
        return out;
    }

    /** A value with single strings and one-element lists equal, and lists compared as sets. */
    private static Object normal(Object v) {
        if (v instanceof String s) {
            return Set.of(s);
        }
        if (v instanceof Collection<?> c) {
            Set<String> set = new TreeSet<>();
            c.forEach(x -> set.add(COMPACT.toJson(x)));
            return set.stream().map(x -> x.startsWith("\"") ? x.substring(1, x.length() - 1) : x)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normal(x)));
            return out;
        }
        return v;
    }
}
