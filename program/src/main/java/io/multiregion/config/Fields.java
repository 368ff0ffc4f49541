package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fields of one configuration value, each read the one way its {@link Field} declares: the keys of a namespace
 * ({@code multiregion:}, {@code aws:}), or the fields of a structured value. A bad value is a problem at its key, with
 * the value as written and the fix, and the field's default takes its place; every problem goes to the shared
 * {@link Problems}, so all of them are reported at once.
 */
public final class Fields {
    private final String prefix;
    private final Function<Field<?>, Optional<Found>> lookup;
    private final Predicate<String> undecryptable;
    private final Problems problems;
    private final int before;
    private final boolean map;

    /** A field's value as found: the JSON element read, and the text shown in messages (as written). */
    private record Found(JsonElement element, String shown) {
    }

    private Fields(String prefix, Function<Field<?>, Optional<Found>> lookup, Predicate<String> undecryptable,
                   Problems problems, int before, boolean map) {
        this.prefix = prefix;
        this.lookup = lookup;
        this.undecryptable = undecryptable;
        this.problems = problems;
        this.before = before;
        this.map = map;
    }

    /**
     * The keys of a namespace. A key's value is text (lists and maps as JSON text); an empty string counts as unset
     * (the project declares "" for optional keys), and so does a secret this run cannot decrypt (the offline plan),
     * with a warning: the deployment that can decrypt it checks it.
     */
    public static Fields keys(ConfigSource source, String namespace, Problems problems) {
        return new Fields(namespace + ":", field -> {
            String key = namespace + ":" + field.name();
            if (source.isUndecryptable(key)) {
                problems.warn(new Problem(key, null, Problem.Kind.UNDECRYPTABLE, "a secure value that cannot be "
                        + "decrypted here", "it is not checked until a deployment that can decrypt it (pulumi preview / up)"));
                return Optional.empty();
            }
            return source.get(key).filter(raw -> !raw.isEmpty()).map(raw -> new Found(
                    field.type().equals("array") || field.type().equals("object") ? json(raw) : new JsonPrimitive(raw), raw));
        }, source::isUndecryptable, problems, problems.problems().size(), true);
    }

    /** A namespace with nothing set: every field reads as its default. */
    static Fields none() {
        return keys(ConfigSource.of(Map.of()), "multiregion", new Problems());
    }

    /**
     * The fields of a structured value: a field it does not declare is a problem naming the fields it has; unset or
     * not a map, every field takes its default.
     */
    public Fields object(Field<JsonObject> field) {
        int start = problems.problems().size();
        Optional<JsonObject> object = find(field);
        object.ifPresent(o -> o.keySet().stream().sorted().filter(f -> field.fields().stream().noneMatch(d -> d.name()
                .equals(f))).forEach(f -> problems.add(unknownField(key(field), f, text(o.get(f)), field.fields()))));
        JsonObject value = object.orElseGet(JsonObject::new);
        return new Fields(key(field) + ".", f -> Optional.ofNullable(value.get(f.name())).filter(e -> !e.isJsonNull())
                .map(e -> new Found(e, text(e))), k -> false, problems, start, object.isPresent());
    }

    /** The one wording of a field a structured value does not have. */
    static Problem unknownField(String key, String name, String value, List<Field<?>> fields) {
        List<String> names = fields.stream().map(Field::name).toList();
        return new Problem(key + "." + name, value, Problem.Kind.UNKNOWN_FIELD, "is not a field of " + key
                + Suggest.didYouMean(name, names), "remove or rename it (fields: " + String.join(", ", names) + ")");
    }

    /** Whether this structured value is set as a map (unset, or set to something else, it is not). */
    public boolean isMap() {
        return map;
    }

    /** The value, or the field's default when it is unset or bad. */
    public <T> T get(Field<T> field) {
        return get(field, field.fallback());
    }

    /** The value, or {@code fallback} (a default that depends on the role) when it is unset or bad. */
    public <T> T get(Field<T> field, T fallback) {
        return find(field).orElse(fallback);
    }

    /** The value, or empty when it is unset or bad. */
    public <T> Optional<T> find(Field<T> field) {
        Optional<Found> found = lookup.apply(field);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Problem> bad = new ArrayList<>();
        Optional<T> value = field.read(found.orElseThrow().element(), bad);
        bad.forEach(p -> problems.add(p.at(key(field), found.orElseThrow().shown())));
        return value;
    }

    /**
     * A field the stack cannot do without ({@code why}): missing, it is a problem with {@code fix}; set as a secret this
     * run cannot decrypt, a problem that says so (it is no secret).
     */
    public <T> Optional<T> require(Field<T> field, String fix, String why) {
        if (isUndecryptable(field)) {
            problems.add(undecryptable(key(field), why));
            return Optional.empty();
        }
        if (!has(field)) {
            problems.add(new Problem(key(field), null, Problem.Kind.MISSING, "missing", fix));
            return Optional.empty();
        }
        return find(field);
    }

    /** Whether the field is set as a secret this run cannot decrypt (it then reads as unset). */
    public boolean isUndecryptable(Field<?> field) {
        return undecryptable.test(key(field));
    }

    /** A key set as a secret this run cannot decrypt, which the stack needs to be built: {@code why}. */
    static Problem undecryptable(String key, String why) {
        return new Problem(key, null, Problem.Kind.UNDECRYPTABLE, "set, but as a secure value that this run cannot "
                + "decrypt (the offline plan has no access to the stack's secrets provider), and " + why,
                "it is no secret: store it in plain text (pulumi config set " + key + " <value>, without --secret)");
    }

    /** Whether the field is set (to something other than an empty string). */
    public boolean has(Field<?> field) {
        return lookup.apply(field).isPresent();
    }

    /** The value as written, when set. */
    public Optional<String> raw(Field<?> field) {
        return lookup.apply(field).map(Found::shown);
    }

    /** The qualified key of a field: {@code multiregion:sizing.minSize}. */
    public String key(Field<?> field) {
        return prefix + field.name();
    }

    /** A problem of a field's value found with other values (a cross-field rule). */
    public <T> void add(Field<T> field, T value, Problem.Kind kind, String message, String fix) {
        problems.add(new Problem(key(field), value == null ? null : field.show(value), kind, message, fix));
    }

    /** A warning about a field's value. */
    public <T> void warn(Field<T> field, T value, Problem.Kind kind, String message, String fix) {
        problems.warn(new Problem(key(field), field.show(value), kind, message, fix));
    }

    /** Whether no problem was found since this value's reading began. */
    public boolean clean() {
        return problems.problems().size() == before;
    }

    /** Config text as JSON: lists and maps arrive as JSON text; anything else stays the text it is. */
    static JsonElement json(String raw) {
        try {
            return JsonParser.parseString(raw);
        } catch (JsonParseException e) {
            return new JsonPrimitive(raw);
        }
    }

    /** A JSON value as written in a message: text as it is, anything else as JSON. */
    static String text(JsonElement e) {
        return Field.isText(e) ? e.getAsString() : e.toString();
    }
}
