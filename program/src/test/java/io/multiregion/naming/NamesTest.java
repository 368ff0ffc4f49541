package io.multiregion.naming;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names. */
class NamesTest {

    @ParameterizedTest(name = "fit(''{0}'', {1}) = ''{2}''")
    @CsvSource({
            "multiregion-primary-release-trigger, 128, multiregion-primary-release-trigger",
            "MultiRegion_Primary.Release,         128, multiregion-primary-release",
            "acme  corp//stack,                   128, acme-corp-stack",
            "multiregion-primary,                  12, multiregion",
            "multiregion-primary,                  11, multiregion",
            "--edge--,                             32, edge",
            "a-b-c-d,                               2, a"})
    @DisplayName("fit lower-cases, hyphenates, cuts and trims")
    void fit(String name, int max, String expected) {
        assertEquals(expected, Names.fit(name, max));
    }

    static Stream<Arguments> names() {
        String longName = "Multi.Region_" + "x".repeat(300) + "-";
        return Stream.of(Names.S3_BUCKET, Names.IAM_ROLE, Names.EVENT_RULE, Names.CONNECTION, Names.PIPELINE,
                        Names.TRAIL, Names.CODEBUILD_PROJECT)
                .flatMap(limit -> Stream.of("multiregion-secondary-release-trigger", longName, "ÄÖÜ stack (test) #1",
                                "a_" + "-".repeat(limit) + "b")
                        .map(name -> Arguments.of(name, limit)));
    }

    @ParameterizedTest(name = "fit(''{0}'', {1})")
    @MethodSource("names")
    @DisplayName("fit always stays inside the limit and the allowed characters")
    void fitLimits(String name, int limit) {
        String fitted = Names.fit(name, limit);
        assertAll(
                () -> assertTrue(fitted.length() <= limit, () -> fitted.length() + " > " + limit),
                () -> assertTrue(fitted.matches("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"), () -> "characters of '" + fitted + "'"),
                () -> assertTrue(!fitted.contains("--"), fitted));
    }

    @Test
    @DisplayName("autoNamed accepts a name that leaves exactly room for the random suffix")
    void autoNamedAtLimit() {
        String name = "r".repeat(Names.IAM_ROLE - Names.RANDOM_SUFFIX);
        assertEquals(name, Names.autoNamed(name, Names.IAM_ROLE));
        assertEquals(8, Names.RANDOM_SUFFIX, "'-' plus 7 random characters");
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {Names.S3_BUCKET, Names.IAM_ROLE, Names.EVENT_RULE, Names.CONNECTION})
    @DisplayName("autoNamed rejects a name that the random suffix would push over the limit")
    void autoNamedTooLong(int limit) {
        String name = "r".repeat(limit - Names.RANDOM_SUFFIX + 1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Names.autoNamed(name, limit));
        assertTrue(error.getMessage().contains("'" + name + "'"), error::getMessage);
        assertTrue(error.getMessage().contains(String.valueOf(limit)), error::getMessage);
    }

    @Test
    @DisplayName("bucket logical names: lower case, digits and hyphens, room for the suffix")
    void bucketNames() {
        assertEquals("multiregion-release", Names.bucket("multiregion-release"));
        String longest = "b".repeat(Names.S3_BUCKET - Names.RANDOM_SUFFIX);
        assertEquals(longest, Names.bucket(longest));
        assertThrows(IllegalArgumentException.class, () -> Names.bucket(longest + "b"));
        assertThrows(IllegalArgumentException.class, () -> Names.bucket("Release"));
        assertThrows(IllegalArgumentException.class, () -> Names.bucket("release_bucket"));
        assertThrows(IllegalArgumentException.class, () -> Names.bucket("-release"));
    }
}
