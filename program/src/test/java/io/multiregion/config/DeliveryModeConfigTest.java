package io.multiregion.config;

import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.RegionCapabilities;
import io.multiregion.regions.Service;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:delivery: where native delivery is possible, and the keys only one mode reads. */
class DeliveryModeConfigTest {

    private static StackSettings read(Map<String, String> config, String stack) {
        return SettingsReader.read(ConfigSource.of(config), "multiregion", stack);
    }

    private static Map<String, String> nativeConfig(Map<String, String> base) {
        Map<String, String> config = new HashMap<>(base);
        config.put("multiregion:delivery", "native");
        return config;
    }

    @ParameterizedTest(name = "{0} -> {1}: native accepted = {2}")
    @CsvSource({
            "eu-west-1, eu-central-1, true, ",
            "us-east-1, us-west-2, true, ",
            "ap-southeast-2, ap-southeast-4, true, ",
            "eu-west-1, ap-southeast-7, false, pipeline-free",
            "us-west-2, mx-central-1, false, pipeline-free",
            "mx-central-1, us-east-1, false, ",
            "ca-west-1, ca-central-1, false, "})
    void nativeNeedsCrossRegionActionsInBothRegions(String a, String b, boolean accepted, String alternative) {
        for (String stack : List.of("primary", "secondary")) {
            Map<String, String> config = nativeConfig(stack.equals("primary") ? Configs.primary()
                    : Configs.secondary());
            config.put("multiregion:primaryRegion", a);
            config.put("multiregion:secondaryRegion", b);
            if (accepted) {
                assertEquals(DeliveryMode.NATIVE, read(config, stack).delivery().mode());
            } else {
                ConfigException e = assertThrows(ConfigException.class, () -> read(config, stack));
                String unsupported = RegionCapabilities.of(new AwsRegion(b)).offers(Service.CODEPIPELINE) ? a : b;
                assertEquals(1, e.problems().stream().map(Problem::toString).filter(p -> p.startsWith("multiregion:delivery: 'native'")).count(),
                        e.problems().toString());
                String problem = e.problems().stream().map(Problem::toString).filter(p -> p.startsWith("multiregion:delivery:")).findFirst()
                        .orElseThrow();
                assertTrue(problem.contains(unsupported + " has none: it offers no AWS CodePipeline"), problem);
                if (alternative != null) {
                    // B lacks CodePipeline: the mode that works for the pair is named
                    assertTrue(problem.contains("set multiregion:delivery to " + alternative), problem);
                } else {
                    // A lacks CodePipeline: no mode helps; the primary region is what must change
                    assertTrue(problem.contains("choose another multiregion:primaryRegion"), problem);
                }
            }
        }
    }

    @Test
    @DisplayName("native: bespoke-only keys set on purpose are warned about in the stack that would read them")
    void bespokeOnlyKeysWarnInNativeMode() {
        Map<String, String> secondary = nativeConfig(Configs.secondary());
        secondary.put("multiregion:trigger", "eventbridge");
        secondary.put("multiregion:buildComputeType", "BUILD_GENERAL1_LARGE");
        List<String> warnings = read(secondary, "secondary").warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("multiregion:trigger: 'eventbridge' is set for the "
                + "secondary stack, but only bespoke delivery reads it there")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("multiregion:buildComputeType: 'BUILD_GENERAL1_LARGE'")),
                warnings.toString());
        assertTrue(warnings.stream().allMatch(w -> !w.contains("multiregion:trigger") || w.contains("set multiregion:delivery to bespoke")));

        Map<String, String> primary = nativeConfig(Configs.primary());
        primary.put("multiregion:replicateDeleteMarkers", "true");
        // the primary's build still runs in native delivery: its build keys are not warned about
        primary.put("multiregion:buildComputeType", "BUILD_GENERAL1_LARGE");
        List<String> primaryWarnings = read(primary, "primary").warnings();
        assertEquals(List.of("multiregion:replicateDeleteMarkers"), primaryWarnings.stream()
                .map(w -> w.substring(0, w.indexOf(':', "multiregion:".length()))).toList(), primaryWarnings.toString());
    }

    @Test
    @DisplayName("native: a key left at its declared default, or bespoke delivery, warns about nothing")
    void defaultsAndBespokeWarnNothing() {
        Map<String, String> secondary = nativeConfig(Configs.secondary());
        secondary.put("multiregion:trigger", "cloudtrail"); // the default the engine hands the program
        assertEquals(List.of(), read(secondary, "secondary").warnings());
        Map<String, String> bespoke = new HashMap<>(Configs.secondary());
        bespoke.put("multiregion:trigger", "eventbridge");
        assertEquals(List.of(), read(bespoke, "secondary").warnings());
    }
}
