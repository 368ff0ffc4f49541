package io.multiregion.testing;

import com.google.gson.Gson;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration the Pulumi CLI would hand the program for a stack: the project's declared
 * defaults from {@code Pulumi.yaml}, overridden by {@code Pulumi.<stack>.yaml}; structured values as
 * JSON text, as the CLI passes them.
 */
public final class StackFiles {
    private StackFiles() {
    }

    public static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static final Gson GSON = new Gson();

    @SuppressWarnings("unchecked")
    public static Map<String, String> config(String stack) {
        Map<String, String> config = new LinkedHashMap<>();
        Map<String, Object> project = load(ROOT.resolve("Pulumi.yaml"));
        String name = String.valueOf(project.get("name"));
        Object declared = project.get("config");
        if (declared instanceof Map<?, ?> keys) {
            keys.forEach((key, spec) -> {
                if (spec instanceof Map<?, ?> specMap && specMap.containsKey("default")) {
                    String qualified = key.toString().contains(":") ? key.toString() : name + ":" + key;
                    config.put(qualified, render(specMap.get("default")));
                }
            });
        }
        Map<String, Object> stackFile = load(ROOT.resolve("Pulumi." + stack + ".yaml"));
        Object values = stackFile.get("config");
        if (values instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> config.put(key, render(value)));
        }
        return config;
    }

    private static String render(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            return GSON.toJson(value);
        }
        return String.valueOf(value);
    }

    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> map = new Yaml().load(reader);
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
