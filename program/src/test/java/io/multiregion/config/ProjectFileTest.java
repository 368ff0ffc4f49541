package io.multiregion.config;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code Pulumi.yaml} declares each key with the type and the default the readers use. */
class ProjectFileTest {

    @Test
    @DisplayName("every declared default and type in Pulumi.yaml is the code's")
    @SuppressWarnings("unchecked")
    void defaultsMatchTheCode() throws IOException {
        Map<String, Object> declared;
        try (Reader reader = Files.newBufferedReader(StackFiles.ROOT.resolve("Pulumi.yaml"))) {
            declared = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(reader)).get("config");
        }
        List<String> mismatches = new ArrayList<>();
        for (Setting setting : SettingsReader.settings()) {
            if (setting.type().equals("object")) {
                continue; // not declarable (see UnknownKeysTest)
            }
            Map<String, Object> entry = (Map<String, Object>) declared.get(setting.name());
            if (entry == null) {
                mismatches.add(setting.name() + ": not declared");
                continue;
            }
            if (!setting.type().equals(entry.get("type"))) {
                mismatches.add(setting.name() + ": type " + entry.get("type") + " in Pulumi.yaml, " + setting.type() + " in code");
            }
            String yamlDefault = entry.containsKey("default") ? new Gson().toJson(entry.get("default")) : null;
            String codeDefault = setting.defaultValue().orElse(null);
            boolean same = yamlDefault == null ? codeDefault == null
                    : codeDefault != null && JsonParser.parseString(yamlDefault).equals(JsonParser.parseString(codeDefault));
            if (!same) {
                mismatches.add(setting.name() + ": default " + yamlDefault + " in Pulumi.yaml, " + codeDefault + " in code");
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
