package io.multiregion.config;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One setting, declared once next to the record it fills: a key of a namespace or a field of a structured value, with
 * its type, its default and its rules. {@link Fields} reads every field the same way, one rule per type:
 * <ul>
 *   <li>text: a string;</li>
 *   <li>a whole number: a JSON number or a numeric string (a stack file or {@code pulumi config set --path} may quote
 *       it) without a fraction: {@code 3}, {@code "3"}, {@code 3.0} and {@code 1e1} are whole, {@code 2.5} is not;</li>
 *   <li>a boolean: true or false, also as text;</li>
 *   <li>a choice: one of the names it lists (a misspelt one gets a suggestion);</li>
 *   <li>a list: a JSON list whose entries all have the entry's type;</li>
 *   <li>a structured value: a map of its declared fields.</li>
 * </ul>
 * A value of the wrong type, or one a rule refuses, is a problem naming the key, the value and the fix, and the default
 * takes its place, so that the checks after it still run.
 *
 * @param <T> the value's Java type
 */
public final class Field<T> {
    private static final Gson GSON = new Gson();

    /** A rule of a field: the problems of a value (each placed at the field's key by {@link Fields}), none when good. */
    @FunctionalInterface
    public interface Rule<T> {
        List<Problem> check(T value);
    }

    private final String name;
    private final String type;
    private final String expected;
    private final List<String> choices;
    private final Function<JsonElement, Optional<T>> read;
    private final Function<T, String> show;
    private final T fallback;
    private final List<Rule<T>> rules;
    private final String hint;
    private final Set<Role> readBy;
    private final List<Field<?>> fields;
    private final String meaning;
    private final String shownDefault;

    private Field(String name, String type, String expected, List<String> choices, Function<JsonElement, Optional<T>> read,
                  Function<T, String> show, T fallback, List<Rule<T>> rules, String hint, Set<Role> readBy,
                  List<Field<?>> fields, String meaning, String shownDefault) {
        this.name = name;
        this.type = type;
        this.expected = expected;
        this.choices = List.copyOf(choices);
        this.read = read;
        this.show = show;
        this.fallback = fallback;
        this.rules = List.copyOf(rules);
        this.hint = hint;
        this.readBy = Set.copyOf(readBy);
        this.fields = List.copyOf(fields);
        this.meaning = meaning;
        this.shownDefault = shownDefault;
    }

    private static <T> Field<T> of(String name, String type, String expected, Function<JsonElement, Optional<T>> read,
                                   Function<T, String> show, T fallback) {
        return new Field<>(name, type, expected, List.of(), read, show, fallback, List.of(), "", EnumSet.allOf(Role.class),
                List.of(), "", null);
    }

    /** Text. */
    public static Field<String> text(String name, String fallback) {
        return of(name, "string", "text", e -> isText(e) ? Optional.of(e.getAsString()) : Optional.empty(), s -> s, fallback);
    }

    /** A whole number in the range of an int; a larger one reads as the largest int, and so is out of any range. */
    public static Field<Integer> whole(String name, Integer fallback) {
        return of(name, "integer", "a whole number", e -> wholeNumber(e).map(n -> (int) Math.max(Integer.MIN_VALUE,
                Math.min(Integer.MAX_VALUE, n))), String::valueOf, fallback);
    }

    /** A whole number in the range of a long. */
    public static Field<Long> wholeLong(String name, Long fallback) {
        return of(name, "integer", "a whole number", Field::wholeNumber, String::valueOf, fallback);
    }

    /** true or false. */
    public static Field<Boolean> bool(String name, boolean fallback) {
        return of(name, "boolean", "a boolean", e -> isText(e) || e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()
                ? Optional.of(e.getAsString().toLowerCase(Locale.ROOT)).filter(t -> t.equals("true")
                || t.equals("false")).map(Boolean::parseBoolean) : Optional.empty(), String::valueOf, fallback);
    }

    /** One of {@code values}, named by {@code text}; {@code what} says what they are ("a trigger mode"). */
    public static <E> Field<E> choice(String name, E fallback, Collection<E> values, Function<E, String> text, String what) {
        List<String> names = values.stream().map(text).toList();
        Function<JsonElement, Optional<E>> read = e -> isText(e)
                ? values.stream().filter(v -> text.apply(v).equals(e.getAsString())).findFirst() : Optional.empty();
        return new Field<>(name, "string", what, names, read, text, fallback, List.of(), "", EnumSet.allOf(Role.class),
                List.of(), "", null);
    }

    /** A list of text; every entry is checked by {@code entry}, and, when {@code unique}, listed once. */
    public static Field<List<String>> texts(String name, List<String> fallback, Rule<String> entry, boolean unique) {
        return list(name, fallback, "a list of text", e -> isText(e) ? Optional.of(e.getAsString()) : Optional.empty(),
                entry, unique);
    }

    /** A list of whole numbers; every entry is checked by {@code entry}, and, when {@code unique}, listed once. */
    public static Field<List<Integer>> wholes(String name, List<Integer> fallback, Rule<Integer> entry, boolean unique) {
        return list(name, fallback, "a list of whole numbers", e -> whole("", null).read.apply(e), entry, unique);
    }

    private static <E> Field<List<E>> list(String name, List<E> fallback, String expected,
                                           Function<JsonElement, Optional<E>> entry, Rule<E> check, boolean unique) {
        Function<JsonElement, Optional<List<E>>> read = e -> {
            if (!e.isJsonArray()) {
                return Optional.empty();
            }
            List<E> out = new ArrayList<>();
            for (JsonElement item : e.getAsJsonArray()) {
                Optional<E> value = entry.apply(item);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                out.add(value.orElseThrow());
            }
            return Optional.of(out);
        };
        Rule<List<E>> entries = values -> {
            List<Problem> problems = new ArrayList<>();
            Set<E> seen = new HashSet<>();
            for (E value : values) {
                List<Problem> bad = check.check(value);
                bad.forEach(p -> problems.add(p.at("", String.valueOf(value))));
                if (bad.isEmpty() && unique && !seen.add(value)) {
                    problems.add(new Problem("", String.valueOf(value), Problem.Kind.DUPLICATE, "is listed twice",
                            "list each entry once"));
                }
            }
            return problems;
        };
        return of(name, "array", expected, read, GSON::toJson, fallback).rule(entries);
    }

    /** A map of text to text whose keys are the user's (tags). */
    public static Field<Map<String, String>> textMap(String name) {
        return of(name, "object", "a map of text", e -> {
            if (!e.isJsonObject() || !e.getAsJsonObject().entrySet().stream().allMatch(v -> v.getValue().isJsonPrimitive())) {
                return Optional.empty();
            }
            Map<String, String> out = new LinkedHashMap<>();
            e.getAsJsonObject().entrySet().forEach(v -> out.put(v.getKey(), v.getValue().getAsString()));
            return Optional.of(out);
        }, GSON::toJson, null);
    }

    /** A structured value: a map of {@code fields}; {@code example} shows how to write it. */
    public static Field<JsonObject> object(String name, List<Field<?>> fields, String example) {
        return new Field<JsonObject>(name, "object", "an object", List.of(),
                e -> e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty(), JsonElement::toString,
                null, List.of(), "set it as a map in the stack file, e.g. " + example, EnumSet.allOf(Role.class), fields, "", null);
    }

    /** No entry rule: every entry of the list's type is good. */
    public static <E> Rule<E> any() {
        return value -> List.of();
    }

    /** A rule: a value {@code good} refuses is a problem of this kind. */
    public static <E> Rule<E> expect(Predicate<E> good, Problem.Kind kind, String message, String fix) {
        return value -> good.test(value) ? List.of() : List.of(Problem.of(kind, message, fix));
    }

    /** A rule: text that does not match {@code pattern} is malformed. */
    public static Rule<String> matching(Pattern pattern, String message, String fix) {
        return expect(v -> pattern.matcher(v).matches(), Problem.Kind.MALFORMED, message, fix);
    }

    /** This field with one more rule, checked after the others. */
    public Field<T> rule(Rule<T> rule) {
        List<Rule<T>> more = new ArrayList<>(rules);
        more.add(rule);
        return new Field<>(name, type, expected, choices, read, show, fallback, more, hint, readBy, fields, meaning,
                shownDefault);
    }

    /** This field with a rule of its own. */
    public Field<T> rule(Predicate<T> good, Problem.Kind kind, String message, String fix) {
        return rule(expect(good, kind, message, fix));
    }

    /** A number from {@code min} to {@code max}; {@code hint} says the range and its source. */
    public Field<T> range(long min, long max, String hint) {
        return hint(hint).rule(v -> ((Number) v).longValue() >= min && ((Number) v).longValue() <= max,
                Problem.Kind.OUT_OF_RANGE, "is out of range", hint + fallbackNote());
    }

    /** One of {@code values} (numbers a service accepts); {@code what} names them. */
    public Field<T> oneOf(Collection<T> values, String what) {
        String listed = values.stream().map(show).sorted(Field::byNumber).collect(Collectors.joining(", "));
        return rule(values::contains, Problem.Kind.NOT_ONE_OF, "is not " + what, "use one of " + listed);
    }

    /** The fix for a value of the wrong type, and for one out of range. */
    public Field<T> hint(String text) {
        return new Field<>(name, type, expected, choices, read, show, fallback, rules, text, readBy, fields, meaning,
                shownDefault);
    }

    /** The same field under another name (the same type, default and rules). */
    public Field<T> renamed(String other) {
        return new Field<>(other, type, expected, choices, read, show, fallback, rules, hint, readBy, fields, meaning,
                shownDefault);
    }

    /** A key only this role's stack reads. */
    public Field<T> only(Role role) {
        return new Field<>(name, type, expected, choices, read, show, fallback, rules, hint, EnumSet.of(role), fields,
                meaning, shownDefault);
    }

    /** This field with its meaning, as the configuration reference shows it (Markdown, one paragraph). */
    public Field<T> doc(String text) {
        return new Field<>(name, type, expected, choices, read, show, fallback, rules, hint, readBy, fields, text,
                shownDefault);
    }

    /**
     * This field with the default the configuration reference shows (Markdown), where it is not one value: it depends
     * on the stack's role, the region or another key, or the key is required.
     */
    public Field<T> shownDefault(String text) {
        return new Field<>(name, type, expected, choices, read, show, fallback, rules, hint, readBy, fields, meaning, text);
    }

    /**
     * A default that differs by case, as the configuration reference shows it: {@code `3` (primary), `2` (secondary)},
     * or the one value when every case has the same ({@code `12`}).
     *
     * @param byCase each case's default, by the case's name, in the order to show them
     */
    public static String defaultsByCase(Map<String, ?> byCase) {
        if (byCase.values().stream().map(String::valueOf).distinct().count() == 1) {
            return "`" + byCase.values().iterator().next() + "`";
        }
        return byCase.entrySet().stream().map(e -> "`" + e.getValue() + "` (" + e.getKey() + ")")
                .collect(Collectors.joining(", "));
    }

    /** {@link #defaultsByCase} of a default that depends on the stack's role. */
    public static String defaultsByRole(Object primary, Object secondary) {
        Map<String, Object> byRole = new LinkedHashMap<>();
        byRole.put(Role.PRIMARY.value(), primary);
        byRole.put(Role.SECONDARY.value(), secondary);
        return defaultsByCase(byRole);
    }

    public String name() {
        return name;
    }

    /** The meaning the configuration reference shows; empty when none is declared. */
    public String meaning() {
        return meaning;
    }

    /** The default as the configuration reference shows it: the declared text, the default value, or "unset". */
    public String defaultText() {
        if (shownDefault != null) {
            return shownDefault;
        }
        return declaredDefault().map(d -> "`" + (d.isJsonPrimitive() ? d.getAsString() : d.isJsonArray()
                ? d.getAsJsonArray().asList().stream().map(JsonElement::toString).collect(Collectors.joining(", ", "[", "]"))
                : d.toString()) + "`").orElse("unset");
    }

    /** The type as the configuration reference names it: string, integer, boolean, a list, a map or structured. */
    public String referenceType() {
        return switch (type) {
            case "array" -> expected.contains("whole numbers") ? "list of integer" : "list of string";
            case "object" -> fields.isEmpty() ? "map of string" : "structured";
            default -> type;
        };
    }

    /** The type {@code Pulumi.yaml} declares: string, integer, boolean, array or object. */
    public String type() {
        return type;
    }

    /** The default; null when there is none, or when it depends on the stack's role. */
    public T fallback() {
        return fallback;
    }

    /** The default as JSON, as {@code Pulumi.yaml} declares it; empty when there is none. */
    public Optional<JsonElement> declaredDefault() {
        if (fallback == null) {
            return Optional.empty();
        }
        String text = show.apply(fallback);
        return Optional.of(type.equals("string") ? new JsonPrimitive(text) : JsonParser.parseString(text));
    }

    /** The roles whose stacks read this key. */
    public Set<Role> readBy() {
        return readBy;
    }

    /** The fields of a structured value. */
    public List<Field<?>> fields() {
        return fields;
    }

    /** Whether a raw value (text, or JSON for lists and maps) is this field's default, or empty. */
    public boolean isDefault(String raw) {
        return raw.isEmpty() || declaredDefault().map(d -> d.isJsonPrimitive() && d.getAsString().equals(raw)
                || d.equals(Fields.json(raw))).orElse(false);
    }

    /** A value shown as written. */
    String show(T value) {
        return show.apply(value);
    }

    /** The problems the field's rules find in a value (the first rule that finds any decides). */
    public List<Problem> check(T value) {
        for (Rule<T> rule : rules) {
            List<Problem> found = rule.check(value);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** The value of a JSON element, or the problem (not yet placed at a key). */
    Optional<T> read(JsonElement element, List<Problem> problems) {
        Optional<T> value = read.apply(element);
        if (value.isEmpty()) {
            problems.add(refusal(element));
            return Optional.empty();
        }
        List<Problem> found = check(value.orElseThrow());
        problems.addAll(found);
        return found.isEmpty() ? value : Optional.empty();
    }

    private Problem refusal(JsonElement element) {
        if (!choices.isEmpty()) {
            return Problem.of(Problem.Kind.NOT_ONE_OF, "is not " + expected + (isText(element)
                    ? Suggest.didYouMean(element.getAsString(), choices) : ""), hint.isEmpty() ? "set it to " + choices() : hint);
        }
        String fix = !hint.isEmpty() ? hint : switch (type) {
            case "integer" -> "set a whole number";
            case "boolean" -> "set true or false";
            case "array" -> "write it as a YAML list";
            default -> "set a single value";
        };
        return Problem.of(Problem.Kind.MALFORMED, "is not " + expected, fix + fallbackNote());
    }

    /** The names of a choice: {@code a, b or c}. */
    String choices() {
        return choices.size() < 2 ? String.join("", choices)
                : String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }

    private String fallbackNote() {
        return fallback == null || type.equals("object") ? "" : " (default " + show.apply(fallback) + ")";
    }

    private static int byNumber(String a, String b) {
        return a.matches("-?[0-9]+") && b.matches("-?[0-9]+") ? Long.compare(Long.parseLong(a), Long.parseLong(b))
                : a.compareTo(b);
    }

    static boolean isText(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    /** A JSON number or numeric string without a fraction, within the range of a long (beyond it: the nearest end). */
    private static Optional<Long> wholeNumber(JsonElement e) {
        if (!e.isJsonPrimitive() || e.getAsJsonPrimitive().isBoolean()) {
            return Optional.empty();
        }
        try {
            BigDecimal n = new BigDecimal(e.getAsString().trim()).stripTrailingZeros();
            if (n.scale() > 0) {
                return Optional.empty();
            }
            boolean fits = n.precision() - n.scale() <= 18;
            return Optional.of(fits ? n.longValueExact() : n.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
