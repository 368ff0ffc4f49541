package io.multiregion.config;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code Pulumi.yaml} declares each key with the type and the default the settings records declare. */
class ProjectFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> declared() throws IOException {
        try (Reader reader = Files.newBufferedReader(StackFiles.ROOT.resolve("Pulumi.yaml"))) {
            return (Map<String, Object>) ((Map<String, Object>) new Yaml().load(reader)).get("config");
        }
    }

    @Test
    @DisplayName("Pulumi.yaml declares exactly the keys the program reads, except structured values")
    void declaresEveryKey() throws IOException {
        // A structured value cannot be declared: Pulumi.yaml types are string, integer, boolean and array only
        // (pulumi/pulumi, sdk/go/common/workspace/project.json, simpleConfigType); those keys are in the README.
        Set<String> declarable = new TreeSet<>();
        SettingsReader.settings().stream().filter(s -> !s.type().equals("object")).forEach(s -> declarable.add(s.name()));
        assertEquals(declarable, new TreeSet<>(declared().keySet()));
    }

    @Test
    @DisplayName("every declared default and type in Pulumi.yaml is the code's (no default: none, or \"\" for optional text)")
    @SuppressWarnings("unchecked")
    void defaultsMatchTheCode() throws IOException {
        Map<String, Object> declared = declared();
        List<String> mismatches = new ArrayList<>();
        for (Field<?> setting : SettingsReader.settings()) {
            Map<String, Object> entry = (Map<String, Object>) declared.get(setting.name());
            if (setting.type().equals("object") || entry == null) {
                continue;
            }
            if (!setting.type().equals(entry.get("type"))) {
                mismatches.add(setting.name() + ": type " + entry.get("type") + " in Pulumi.yaml, " + setting.type() + " in code");
            }
            Optional<JsonElement> yaml = Optional.ofNullable(entry.get("default")).map(d -> new Gson().toJsonTree(d));
            Optional<JsonElement> code = setting.declaredDefault();
            boolean same = code.isPresent() ? code.equals(yaml) : yaml.isEmpty() || yaml.orElseThrow().getAsString().isEmpty();
            if (!same) {
                mismatches.add(setting.name() + ": default " + yaml + " in Pulumi.yaml, " + code + " in code");
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
