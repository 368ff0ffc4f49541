package io.multiregion.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Sample EventBridge events ({@code src/test/resources/events/}) and what EventBridge does with them: match a pattern
 * (with AWS's own matcher, event-ruler) and build a target's input with an input transformer (dot-notation paths, as
 * EventBridge requires, placeholders filled into the template).
 */
public final class Events {
    private Events() {
    }

    /** A sample event file with {@code ${bucket}}, {@code ${key}} and {@code ${region}} filled in. */
    public static String sample(String file, String bucket, String key, String region) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + file)) {
            if (in == null) {
                throw new AssertionError("missing test resource events/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${bucket}", bucket).replace("${key}", key).replace("${region}", region);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether event-ruler matches the event against the pattern. */
    public static boolean matches(String pattern, String event) {
        Machine machine = Machine.builder().build();
        try {
            machine.addRule("rule", pattern);
        } catch (IOException e) {
            throw new AssertionError("event-ruler rejects the pattern " + pattern, e);
        }
        try {
            // the JSON form matches arrays as EventBridge does (each element of an array on its own)
            return machine.rulesForJSONEvent(event).contains("rule");
        } catch (Exception e) {
            throw new AssertionError("event-ruler cannot read the event " + event, e);
        }
    }

    /** The value at a dot-notation JSON path ({@code $.detail.object.version-id}), when present. */
    public static Optional<JsonElement> at(JsonElement document, String path) {
        if (!path.startsWith("$.")) {
            throw new IllegalArgumentException("not a dot-notation path from the root: " + path);
        }
        JsonElement current = document;
        for (String field : path.substring(2).split("\\.")) {
            if (current == null || !current.isJsonObject() || !current.getAsJsonObject().has(field)) {
                return Optional.empty();
            }
            current = current.getAsJsonObject().get(field);
        }
        return Optional.ofNullable(current);
    }

    /**
     * The input an EventBridge input transformer builds from an event: each path's value replaces its {@code <name>}
     * placeholder in the template (a quoted placeholder takes the text of a string value). A path that is absent
     * from the event fails: EventBridge would send an empty value.
     */
    public static JsonObject transform(String event, Map<String, String> inputPaths, String template) {
        JsonElement document = JsonParser.parseString(event);
        String input = template;
        for (Map.Entry<String, String> path : inputPaths.entrySet()) {
            JsonElement value = at(document, path.getValue())
                    .orElseThrow(() -> new AssertionError("the event has no " + path.getValue()));
            input = input.replace("<" + path.getKey() + ">", value.getAsString());
        }
        return JsonParser.parseString(input).getAsJsonObject();
    }
}
