package io.multiregion.config;

import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration reference (docs/configuration.md) is generated from the settings' declarations: its tables are
 * what {@code bin/config-reference} writes today, every key and field declares its meaning, and a reference that lacks
 * a table of a structured value is refused.
 */
class ConfigurationReferenceTest {

    private static String reference() throws IOException {
        return Files.readString(StackFiles.ROOT.resolve("docs/configuration.md"), StandardCharsets.UTF_8);
    }

    @Test
    void theReferenceIsWhatTheDeclarationsGenerate() throws IOException {
        String now = reference();
        assertEquals(ConfigurationReference.render(now), now,
                "docs/configuration.md is not what the settings declare: run bin/config-reference");
    }

    @Test
    void theReadmesSummaryOfTheKeysIsWhatTheDeclarationsGenerate() throws IOException {
        String now = Files.readString(StackFiles.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertEquals(ConfigurationReference.render(now, List.of(ConfigurationReference.KEY_SUMMARY)), now,
                "README.md's summary of the keys is not what the settings declare: run bin/config-reference");
        for (Field<?> key : SettingsReader.settings()) {
            assertTrue(now.contains("| `" + key.name() + "` | "), key.name() + " is in the README's summary");
        }
    }

    @Test
    void everyKeyAndFieldDeclaresItsMeaning() {
        List<String> missing = new ArrayList<>();
        for (Field<?> key : SettingsReader.settings()) {
            if (key.meaning().isBlank()) {
                missing.add(SettingsReader.NS + ":" + key.name());
            }
            collect(SettingsReader.NS + ":" + key.name() + ".", key.fields(), missing);
        }
        assertEquals(List.of(), missing, "keys and fields without a meaning for the reference");
    }

    private static void collect(String prefix, List<Field<?>> fields, List<String> missing) {
        for (Field<?> field : fields) {
            if (!field.fields().isEmpty()) {
                collect(prefix + field.name() + ".", field.fields(), missing);
            } else if (field.meaning().isBlank()) {
                missing.add(prefix + field.name());
            }
        }
    }

    @Test
    void theTablesShowEachDeclarationsTypeDefaultAndReaders() {
        String keys = ConfigurationReference.keyTable();
        assertTrue(keys.contains("| `trigger` | string | `cloudtrail` | secondary | "), keys);
        assertTrue(keys.contains("| `testCommands` | list of string | `[\"make test\"]` | both | "), keys);
        assertTrue(keys.contains("| `role` | string | required | both | "), keys);
        Field<?> network = SettingsReader.settings().stream().filter(f -> f.name().equals("network")).findFirst()
                .orElseThrow();
        String fields = ConfigurationReference.fieldTable(network);
        // one field declared once, shown under each region with that region's default
        assertTrue(fields.contains("| `primary.cidr` | string | `10.10.0.0/16` | "), fields);
        assertTrue(fields.contains("| `secondary.cidr` | string | `10.20.0.0/16` | "), fields);
        assertTrue(fields.contains("| `flowLogRetentionDays` | integer | `365` | "), fields);
    }

    @Test
    void aReferenceWithoutTheTableOfAStructuredValueIsRefused() throws IOException {
        String without = reference().replaceAll("(?s)<!-- BEGIN GENERATED multiregion:database .*?<!-- END GENERATED "
                + "multiregion:database -->", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigurationReference.render(without));
        assertTrue(e.getMessage().contains("no block for multiregion:database"), e.getMessage());
    }
}
