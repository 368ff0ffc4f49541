package io.multiregion.stacks;

import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Users already run these stacks: a resource whose URN changes is deleted and created again by Pulumi (and a
 * protected one fails the update). {@code src/test/resources/urns/<stack>.txt} lists every URN that the first
 * released program registered for each stack file; each one must still be registered, or be the alias of what
 * replaced it.
 */
class UrnStabilityTest {

    @ParameterizedTest(name = "{0}: every earlier URN is still registered or aliased")
    @ValueSource(strings = {"primary", "secondary"})
    void noUrnDisappears(String stack) throws IOException {
        ProgramRun run = ProgramRun.of(stack, stack.equals("primary") ? Map.of() : Samples.primaryOutputs());
        assertFalse(run.failed(), run::errors);
        List<String> earlier;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/urns/" + stack + ".txt"))) {
            earlier = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        List<String> lost = earlier.stream()
                .filter(urn -> !run.urns().contains(urn) && !run.aliasUrns().contains(urn))
                .toList();
        assertEquals(List.of(), lost, "URNs that would be deleted and created again; add an alias for each");
    }
}
