package io.multiregion.testing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partial, deep matching the template assertions rely on. */
class TemplateMatchTest {

    private static final Map<String, Object> INPUTS = Map.of(
            "name", "web",
            "size", 3,
            "tags", Map.of("Stack", "primary", "Role", "web"),
            "policy", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}]}",
            "ports", List.of(80, 443));

    @Test
    void aMapMatchesWhenItHasAtLeastTheExpectedKeys() {
        assertTrue(Template.Match.objectLike(Map.of("tags", Map.of("Stack", "primary"))).test(INPUTS));
        assertFalse(Template.Match.objectLike(Map.of("tags", Map.of("Stack", "secondary"))).test(INPUTS));
        assertFalse(Template.Match.objectLike(Map.of("missing", "x")).test(INPUTS));
    }

    @Test
    void numbersMatchByValueAndListsByPosition() {
        assertTrue(Template.Match.objectLike(Map.of("size", 3.0, "ports", List.of(80, 443))).test(INPUTS));
        assertFalse(Template.Match.objectLike(Map.of("ports", List.of(443, 80))).test(INPUTS));
        assertFalse(Template.Match.objectLike(Map.of("ports", List.of(80))).test(INPUTS));
    }

    @Test
    void jsonTextIsMatchedAsItsStructure() {
        assertTrue(Template.Match.objectLike(Map.of("policy", Map.of("Statement",
                Template.Match.arrayWith(Map.of("Action", "s3:GetObject"))))).test(INPUTS));
        assertFalse(Template.Match.objectLike(Map.of("policy", Map.of("Statement",
                Template.Match.arrayWith(Map.of("Action", "s3:PutObject"))))).test(INPUTS));
    }

    @Test
    void anyValueAbsentAndStringContaining() {
        assertTrue(Template.Match.objectLike(Map.of("name", Template.Match.anyValue(),
                "other", Template.Match.absent())).test(INPUTS));
        assertFalse(Template.Match.objectLike(Map.of("name", Template.Match.absent())).test(INPUTS));
        assertTrue(Template.Match.objectLike(Map.of("name", Template.Match.stringContaining("we"))).test(INPUTS));
    }
}
