package io.multiregion.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading a stack's configuration found: problems, which stop the program before anything is created, and
 * warnings, which do not. Every reader adds to the same instance, so every problem is reported at once.
 */
public final class Problems {
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** A problem: names the key, the bad value and the fix. */
    public void add(String problem) {
        problems.add(problem);
    }

    /** A warning: something that works but is probably not what was meant. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
