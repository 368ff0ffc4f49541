package io.multiregion.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Assertions over what a run registered, read like assertions about a template: "there are exactly two NAT gateways
 * in eu-west-1", "some bucket has this versioning configuration", "every bucket blocks public access". Properties are
 * matched partially and deeply ({@link Match#objectLike}): a map in the expected properties matches a map input that
 * has at least those keys with matching values, a list matches a list of the same length element by element, an
 * input holding JSON text (a policy, an event pattern) is parsed before it is matched, and a {@link Match} matches
 * what it says.
 *
 * <pre>{@code
 * Template t = Template.of(StandardRuns.get("primary"));
 * t.resourceCountIs("aws:ec2/natGateway:NatGateway", "eu-west-1", 3);
 * t.hasResourceProperties("aws:s3/bucketVersioningV2:BucketVersioningV2",
 *         Map.of("versioningConfiguration", Map.of("status", "Enabled")));
 * t.allResourcesProperties("aws:ec2/subnet:Subnet", Map.of("mapPublicIpOnLaunch", false));
 * }</pre>
 */
public final class Template {
    private final ProgramRun run;

    private Template(ProgramRun run) {
        this.run = run;
    }

    public static Template of(ProgramRun run) {
        return new Template(run);
    }

    /** Exactly {@code count} resources of the type, in any region. */
    public Template resourceCountIs(String type, int count) {
        int found = run.ofType(type).size();
        if (found != count) {
            throw new AssertionError("expected " + count + " of " + type + ", found " + found);
        }
        return this;
    }

    /** Exactly {@code count} resources of the type registered through the provider of {@code region}. */
    public Template resourceCountIs(String type, String region, int count) {
        int found = run.inRegion(type, region).size();
        if (found != count) {
            throw new AssertionError("expected " + count + " of " + type + " in " + region + ", found " + found);
        }
        return this;
    }

    /** At least one resource of the type has these properties; returns those that do. */
    public List<Registered> hasResourceProperties(String type, Map<String, ?> properties) {
        List<Registered> candidates = run.ofType(type);
        List<Registered> matching = candidates.stream()
                .filter(r -> Match.objectLike(properties).test(r.inputs())).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("no " + type + " has " + properties + "; the " + candidates.size()
                    + " registered: " + candidates.stream().map(Registered::inputs).toList());
        }
        return matching;
    }

    /** Every resource of the type (and at least one) has these properties. */
    public Template allResourcesProperties(String type, Map<String, ?> properties) {
        List<Registered> candidates = run.ofType(type);
        if (candidates.isEmpty()) {
            throw new AssertionError("no " + type + " is registered");
        }
        List<String> failing = candidates.stream().filter(r -> !Match.objectLike(properties).test(r.inputs()))
                .map(Registered::name).toList();
        if (!failing.isEmpty()) {
            throw new AssertionError(failing.size() + " of " + candidates.size() + " " + type + " lack " + properties
                    + ": " + failing);
        }
        return this;
    }

    /** No resource of the type has these properties. */
    public Template noResourceProperties(String type, Map<String, ?> properties) {
        List<String> found = run.ofType(type).stream().filter(r -> Match.objectLike(properties).test(r.inputs()))
                .map(Registered::name).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("expected no " + type + " with " + properties + ", found " + found);
        }
        return this;
    }

    /** Matchers for expected properties, after CDK's {@code Match}. */
    public static final class Match {
        private Match() {
        }

        /** Any value that is present (not null). */
        public static Predicate<Object> anyValue() {
            return Objects::nonNull;
        }

        /** The key is absent (or null). */
        public static Predicate<Object> absent() {
            return Objects::isNull;
        }

        /** A list with at least elements matching each of these, in any order. */
        public static Predicate<Object> arrayWith(Object... expected) {
            return actual -> {
                Object value = parsedIfJson(actual);
                if (!(value instanceof List<?> list)) {
                    return false;
                }
                for (Object e : expected) {
                    if (list.stream().noneMatch(item -> matches(e, item))) {
                        return false;
                    }
                }
                return true;
            };
        }

        /** A text containing this part. */
        public static Predicate<Object> stringContaining(String part) {
            return actual -> actual instanceof String s && s.contains(part);
        }

        /** A map with at least these keys, each matching deeply. */
        public static Predicate<Object> objectLike(Map<String, ?> expected) {
            return actual -> {
                Object value = parsedIfJson(actual);
                if (!(value instanceof Map<?, ?> map)) {
                    return false;
                }
                for (Map.Entry<String, ?> e : expected.entrySet()) {
                    if (!matches(e.getValue(), map.get(e.getKey()))) {
                        return false;
                    }
                }
                return true;
            };
        }

        @SuppressWarnings("unchecked")
        static boolean matches(Object expected, Object actual) {
            if (expected instanceof Predicate<?> p) {
                return ((Predicate<Object>) p).test(actual);
            }
            if (expected instanceof Map<?, ?> map) {
                return objectLike((Map<String, ?>) map).test(actual);
            }
            if (expected instanceof List<?> list) {
                Object value = parsedIfJson(actual);
                if (!(value instanceof List<?> items) || items.size() != list.size()) {
                    return false;
                }
                for (int i = 0; i < list.size(); i++) {
                    if (!matches(list.get(i), items.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            if (expected instanceof Number n && actual instanceof Number a) {
                return n.doubleValue() == a.doubleValue();
            }
            return Objects.equals(expected, actual);
        }

        /** JSON text (a policy, a pattern) as maps and lists; anything else as it is. */
        private static Object parsedIfJson(Object actual) {
            if (actual instanceof String s && (s.startsWith("{") || s.startsWith("["))) {
                try {
                    return plain(JsonParser.parseString(s));
                } catch (JsonParseException e) {
                    return actual;
                }
            }
            return actual;
        }

        private static Object plain(JsonElement e) {
            if (e.isJsonObject()) {
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                e.getAsJsonObject().entrySet().forEach(en -> out.put(en.getKey(), plain(en.getValue())));
                return out;
            }
            if (e.isJsonArray()) {
                List<Object> out = new ArrayList<>();
                e.getAsJsonArray().forEach(x -> out.add(plain(x)));
                return out;
            }
            if (e.isJsonNull()) {
                return null;
            }
            var p = e.getAsJsonPrimitive();
            return p.isBoolean() ? p.getAsBoolean() : p.isNumber() ? p.getAsNumber() : p.getAsString();
        }
    }
}
