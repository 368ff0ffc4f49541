package io.multiregion.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Both stacks in native delivery, from their stack files with {@code multiregion:delivery: native}: the secondary
 * reads exactly what that primary exported. Run once, then shared by every test class (the program is deterministic).
 */
public final class NativeRuns {
    private NativeRuns() {
    }

    private static ProgramRun primary;
    private static ProgramRun secondary;

    /** A stack file's configuration with native delivery. */
    public static Map<String, String> config(String stack) {
        Map<String, String> config = new HashMap<>(StackFiles.config(stack));
        config.put("multiregion:delivery", "native");
        return config;
    }

    public static synchronized ProgramRun primary() {
        if (primary == null) {
            primary = ProgramRun.with("primary", config("primary"), Map.of());
        }
        return primary;
    }

    /** What the native primary exported, as the secondary's StackReference reads it. */
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
