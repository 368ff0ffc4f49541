package io.multiregion.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String PROJECT = """
            name: demo
            runtime: java
            config:
              region:
                type: string
                description: required, no default
              size:
                type: integer
                default: 3
              enabled:
                type: boolean
                default: false
              commands:
                type: array
                items:
                  type: string
                default: ["make test"]
              shortForm: plain-value
              aws:skipMetadataApiCheck: "true"
            """;

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void appliesProjectDefaultsUnderTheProjectNamespaceAndStackValuesOverride() throws IOException {
        write("Pulumi.yaml", PROJECT);
        write("Pulumi.dev.yaml", """
                config:
                  demo:region: eu-west-1
                  size: 5
                  pulumi:disable-default-providers: ["*"]
                """);
        StackConfig config = ConfigLoader.load(dir, "dev");
        assertEquals("demo", config.project());
        assertEquals("eu-west-1", config.value("demo:region"));
        assertEquals("5", config.value("demo:size"), "a short stack key is in the project namespace, as a string");
        assertEquals("false", config.value("demo:enabled"), "project default");
        assertEquals("[\"make test\"]", config.value("demo:commands"), "structured default as JSON");
        assertEquals("plain-value", config.value("demo:shortForm"), "short form sets the value");
        assertEquals("true", config.value("aws:skipMetadataApiCheck"), "namespaced project keys keep their namespace");
        assertEquals("[\"*\"]", config.value("pulumi:disable-default-providers"), "lists pass as JSON");
        assertTrue(config.secretKeys().isEmpty());
    }

    @Test
    void passesStructuredValuesAsJson() throws IOException {
        write("Pulumi.yaml", PROJECT);
        write("Pulumi.dev.yaml", """
                config:
                  demo:region: eu-west-1
                  demo:commands:
                    - make test
                    - make lint
                  demo:tags:
                    team: platform
                    cost: 12
                """);
        StackConfig config = ConfigLoader.load(dir, "dev");
        assertEquals("[\"make test\",\"make lint\"]", config.value("demo:commands"));
        assertEquals("{\"team\":\"platform\",\"cost\":12}", config.value("demo:tags"));
    }

    @Test
    void secureValuesAreSecretAndMasked() throws IOException {
        write("Pulumi.yaml", PROJECT);
        write("Pulumi.dev.yaml", """
                config:
                  demo:region: eu-west-1
                  demo:dbPassword:
                    secure: v1:abcdefgh:ciphertext==
                  demo:nested:
                    user: admin
                    password:
                      secure: v1:xyz
                """);
        StackConfig config = ConfigLoader.load(dir, "dev");
        assertEquals(Set.of("demo:dbPassword", "demo:nested"), config.secretKeys());
        assertEquals(StackConfig.SECRET_PLACEHOLDER, config.value("demo:dbPassword"));
        assertEquals("{\"user\":\"admin\",\"password\":\"" + StackConfig.SECRET_PLACEHOLDER + "\"}",
                config.value("demo:nested"));
        assertFalse(config.values().values().stream().anyMatch(v -> v.contains("v1:")), "ciphertext never passed on");
    }

    @Test
    void missingRequiredKeysAndWrongTypesAreRefusedLikeTheCli() throws IOException {
        write("Pulumi.yaml", PROJECT);
        write("Pulumi.dev.yaml", """
                config:
                  demo:size: lots
                  demo:enabled: maybe
                  demo:commands: make test
                """);
        ConfigLoader.Loaded loaded = ConfigLoader.read(dir, "dev");
        List<String> errors = loaded.cliErrors();
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Stack 'dev' is missing configuration value 'region'"), errors.get(0));
        assertTrue(errors.stream().anyMatch(e -> e.contains("'size' must be of type 'integer'")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("'enabled' must be of type 'boolean'")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("'commands' must be of type 'List<string>'")), errors.toString());
        StackFileException e = assertThrows(StackFileException.class, () -> ConfigLoader.load(dir, "dev"));
        assertTrue(e.getMessage().contains("would be refused by the Pulumi CLI"), e.getMessage());
    }

    @Test
    void unknownStackNamesTheKnownOnes() throws IOException {
        write("Pulumi.yaml", PROJECT);
        write("Pulumi.dev.yaml", "config: {}\n");
        write("Pulumi.prod.yaml", "config: {}\n");
        StackFileException e = assertThrows(StackFileException.class, () -> ConfigLoader.load(dir, "staging"));
        assertTrue(e.getMessage().contains("unknown stack 'staging'"), e.getMessage());
        assertTrue(e.getMessage().contains("known stacks: dev, prod"), e.getMessage());
        assertThrows(StackFileException.class, () -> ConfigLoader.load(dir, "../etc"));
    }

    @Test
    void missingProjectFileAndMalformedYamlAreReported() throws IOException {
        StackFileException noProject = assertThrows(StackFileException.class, () -> ConfigLoader.load(dir, "dev"));
        assertTrue(noProject.getMessage().contains("Pulumi.yaml"), noProject.getMessage());
        write("Pulumi.yaml", PROJECT);
        write("Pulumi.dev.yaml", "config:\n  demo:region: [unclosed\n");
        StackFileException malformed = assertThrows(StackFileException.class, () -> ConfigLoader.load(dir, "dev"));
        assertTrue(malformed.getMessage().startsWith("malformed YAML in "), malformed.getMessage());
        assertTrue(malformed.getMessage().contains("Pulumi.dev.yaml"), malformed.getMessage());
        write("Pulumi.dev.yaml", "config: just a string\n");
        StackFileException notAMap = assertThrows(StackFileException.class, () -> ConfigLoader.load(dir, "dev"));
        assertTrue(notAMap.getMessage().contains("'config' must be a map"), notAMap.getMessage());
    }

    @Test
    void readsTheRealStackFiles() {
        for (String stack : List.of("primary", "secondary")) {
            StackConfig config = ConfigLoader.read(Path.of("."), stack).config();
            assertEquals("multiregion", config.project());
            assertEquals(stack, config.value("multiregion:role"));
            assertEquals("[\"*\"]", config.value("pulumi:disable-default-providers"));
            assertTrue(config.value("multiregion:testCommands").startsWith("["), "arrays pass as JSON");
            assertEquals("cloudtrail", config.value("multiregion:trigger"));
        }
    }

    /**
     * YAML 1.2, as the Pulumi CLI reads stack files: the values whose meaning differs from YAML 1.1 (snakeyaml's
     * default) reach the program as the CLI passes them.
     */
    @Test
    void readsStackFilesAsYaml12LikeTheCli() throws IOException {
        write("Pulumi.yaml", PROJECT);
        write("Pulumi.dev.yaml", """
                config:
                  demo:region: eu-west-1
                  plainNo: no
                  plainYes: yes
                  plainOn: on
                  plainOff: off
                  capitalTrue: True
                  version: 1.10
                  hex: 0x1F
                  nothing: ~
                  date: 2026-12-03
                  demo:settings:
                    a: no
                    b: on
                    c: True
                    d: 1.10
                    e: 0x1F
                    f: 0o17
                    g: 2026-12-03
                    h: "yes"
                    i: ~
                """);
        StackConfig config = ConfigLoader.load(dir, "dev");
        assertEquals("no", config.value("demo:plainNo"), "YAML 1.1 would make it false");
        assertEquals("yes", config.value("demo:plainYes"));
        assertEquals("on", config.value("demo:plainOn"));
        assertEquals("off", config.value("demo:plainOff"));
        assertEquals("True", config.value("demo:capitalTrue"), "a scalar reaches the program as written");
        assertEquals("1.10", config.value("demo:version"), "not the number 1.1");
        assertEquals("0x1F", config.value("demo:hex"));
        assertEquals("", config.value("demo:nothing"));
        assertEquals("2026-12-03", config.value("demo:date"));
        assertEquals("{\"a\":\"no\",\"b\":\"on\",\"c\":true,\"d\":1.1,\"e\":31,\"f\":15,\"g\":\"2026-12-03\","
                + "\"h\":\"yes\",\"i\":null}", config.value("demo:settings"),
                "inside a structure: YAML 1.2's core schema (no, on are strings; True is a boolean)");
    }

    @Test
    void aYaml11BooleanForADeclaredBooleanIsRefusedLikeTheCli() throws IOException {
        write("Pulumi.yaml", PROJECT);
        write("Pulumi.dev.yaml", """
                config:
                  demo:region: eu-west-1
                  enabled: no
                """);
        ConfigLoader.Loaded loaded = ConfigLoader.read(dir, "dev");
        assertEquals("no", loaded.config().value("demo:enabled"));
        assertEquals(List.of("Stack 'dev' with configuration key 'enabled' must be of type 'boolean' (got \"no\")"),
                loaded.cliErrors());
    }

    @Test
    void aDuplicateKeyIsMalformedYaml() throws IOException {
        write("Pulumi.yaml", PROJECT);
        write("Pulumi.dev.yaml", """
                config:
                  demo:region: eu-west-1
                  demo:region: eu-west-2
                """);
        StackFileException e = assertThrows(StackFileException.class, () -> ConfigLoader.load(dir, "dev"));
        assertTrue(e.getMessage().contains("duplicate key 'demo:region'"), e.getMessage());
    }
}
