package io.multiregion.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Both stacks with the inter-region network switched off ({@code multiregion:interRegion: {enabled: false}}), from
 * their stack files otherwise: the secondary reads exactly what that primary exported. Run once, then shared by every
 * test class (the program is deterministic).
 */
public final class InterRegionRuns {
    private InterRegionRuns() {
    }

    /** The value of {@code multiregion:interRegion} in these runs: off, the stack files' ASNs. */
    public static final String OFF = "{\"enabled\": false, \"primaryAsn\": 64512, \"secondaryAsn\": 64513}";

    private static ProgramRun primary;
    private static ProgramRun secondary;

    /** A stack file's configuration with the inter-region network off. */
    public static Map<String, String> config(String stack) {
        Map<String, String> config = new HashMap<>(StackFiles.config(stack));
        config.put("multiregion:interRegion", OFF);
        return config;
    }

    public static synchronized ProgramRun primary() {
        if (primary == null) {
            primary = ProgramRun.with("primary", config("primary"), Map.of());
        }
        return primary;
    }


    public static synchronized ProgramRun secondary() {
        if (secondary == null) {
            secondary = ProgramRun.with("secondary", config("secondary"), primary().exports());
        }
        return secondary;
    }
}
