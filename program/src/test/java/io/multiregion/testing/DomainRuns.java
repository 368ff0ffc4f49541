package io.multiregion.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Both stacks from their stack files with {@code multiregion:domain} set (the same value in both, as the README asks):
 * the secondary reads exactly what that primary exported. Run once, then shared by every test class (the program is
 * deterministic).
 */
public final class DomainRuns {
    private DomainRuns() {
    }

    /** The hosted zone and the application's name of these runs. */
    public static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";
    public static final String NAME = "app.example.com";

    private static ProgramRun primary;
    private static ProgramRun secondary;

    /** A stack file's configuration with the domain set. */
    public static Map<String, String> config(String stack) {
        Map<String, String> config = new HashMap<>(StackFiles.config(stack));
        config.put("multiregion:domain", "{\"zoneId\":\"" + ZONE_ID + "\",\"name\":\"" + NAME + "\"}");
        return config;
    }

    public static synchronized ProgramRun primary() {
        if (primary == null) {
            primary = ProgramRun.with("primary", config("primary"), Map.of());
        }
        return primary;
    }

    /** What the primary with a domain exported, as the secondary's StackReference reads it. */
    public static Map<String, Object> primaryExports() {
        return primary().exports();
    }

    public static synchronized ProgramRun secondary() {
        if (secondary == null) {
            secondary = ProgramRun.with("secondary", config("secondary"), primaryExports());
        }
        return secondary;
    }
}
