package io.multiregion.values;

import com.pulumi.core.Output;

import java.util.List;

/** Small conversions of engine values that every component needs the same way. */
public final class Outputs {
    private Outputs() {
    }

    /**
     * A one-element list of a value, or an empty list while the engine reports no value (a preview of a resource
     * not yet created, or plain mocks): {@code List.of(null)} would fail the whole program.
     */
    public static Output<List<String>> listOf(Output<String> value) {
        return value.applyValue(v -> v == null ? List.of() : List.of(v));
    }
}
