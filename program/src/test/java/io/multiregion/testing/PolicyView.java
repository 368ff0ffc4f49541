package io.multiregion.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A parsed IAM policy document: its statements with actions, resources, principals and conditions as lists. */
public record PolicyView(List<StatementView> statements) {

    /** One statement, normalised (single values become one-element lists). */
    public record StatementView(String sid, String effect, List<String> actions, List<String> resources,
                                Map<String, List<String>> principals, Map<String, Map<String, List<String>>> conditions) {
        public boolean allows() {
            return "Allow".equals(effect);
        }

        public List<String> condition(String operator, String key) {
            return conditions.getOrDefault(operator, Map.of()).getOrDefault(key, List.of());
        }

        /**
         * Whether a value satisfies one of the patterns of a {@code *Like} condition: {@code *} matches any run of
         * characters and {@code ?} one (IAM User Guide, "IAM JSON policy elements: Condition operators").
         */
        public boolean like(String operator, String key, String value) {
            return condition(operator, key).stream().anyMatch(pattern -> matchesLike(pattern, value));
        }
    }

    /** Whether a value matches a {@code StringLike}/{@code ArnLike} pattern ({@code *}: any run, {@code ?}: one character). */
    public static boolean matchesLike(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    /**
     * Every IAM policy document a run registered ({@code policy}, {@code assumeRolePolicy} and {@code policyDocument}
     * inputs that hold statements: role, key and bucket policies, trust policies, CloudWatch Logs resource policies),
     * by {@code "<type> <name>"} of its resource.
     */
    public static List<Map.Entry<String, PolicyView>> documents(ProgramRun run) {
        List<Map.Entry<String, PolicyView>> out = new ArrayList<>();
        for (Registered r : run.aws()) {
            for (String key : List.of("policy", "assumeRolePolicy", "policyDocument")) {
                if (r.inputs().get(key) instanceof String json && json.trim().startsWith("{") && json.contains("\"Statement\"")) {
                    out.add(Map.entry(r.type() + " " + r.name(), parse(json)));
                }
            }
        }
        return out;
    }

    public static PolicyView parse(String json) {
        JsonObject document = JsonParser.parseString(json).getAsJsonObject();
        List<StatementView> statements = new ArrayList<>();
        JsonElement raw = document.get("Statement");
        List<JsonElement> items = new ArrayList<>();
        if (raw.isJsonArray()) {
            raw.getAsJsonArray().forEach(items::add);
        } else {
            items.add(raw);
        }
        for (JsonElement item : items) {
            JsonObject s = item.getAsJsonObject();
            Map<String, List<String>> principals = new TreeMap<>();
            if (s.has("Principal")) {
                JsonElement p = s.get("Principal");
                if (p.isJsonPrimitive()) {
                    principals.put("AWS", List.of(p.getAsString()));
                } else {
                    p.getAsJsonObject().entrySet().forEach(e -> principals.put(e.getKey(), strings(e.getValue())));
                }
            }
            Map<String, Map<String, List<String>>> conditions = new TreeMap<>();
            if (s.has("Condition")) {
                s.getAsJsonObject("Condition").entrySet().forEach(op -> {
                    Map<String, List<String>> keys = new TreeMap<>();
                    op.getValue().getAsJsonObject().entrySet().forEach(k -> keys.put(k.getKey(), strings(k.getValue())));
                    conditions.put(op.getKey(), keys);
                });
            }
            statements.add(new StatementView(
                    s.has("Sid") ? s.get("Sid").getAsString() : "",
                    s.get("Effect").getAsString(),
                    s.has("Action") ? strings(s.get("Action")) : List.of(),
                    s.has("Resource") ? strings(s.get("Resource")) : List.of(),
                    principals, conditions));
        }
        return new PolicyView(statements);
    }

    public StatementView sid(String sid) {
        return statements.stream().filter(s -> s.sid().equals(sid)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements));
    }

    public List<String> allActions() {
        return statements.stream().flatMap(s -> s.actions().stream()).toList();
    }

    public List<String> allResources() {
        return statements.stream().flatMap(s -> s.resources().stream()).toList();
    }

    private static List<String> strings(JsonElement element) {
        List<String> out = new ArrayList<>();
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        } else {
            out.add(element.getAsString());
        }
        return out;
    }
}
