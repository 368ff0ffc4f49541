package io.multiregion.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What reading a stack's configuration found: problems, which stop the program before anything is created, and
 * warnings, which do not. Every reader adds to the same instance, so every problem is reported at once.
 */
public final class Problems {
    private final List<Problem> problems = new ArrayList<>();
    private final Set<Problem> warnings = new LinkedHashSet<>();

    /** A problem: names the key, the bad value and the fix. */
    public void add(Problem problem) {
        problems.add(problem);
    }

    /** A warning: something that works but is probably not what was meant. */
    public void warn(Problem warning) {
        warnings.add(warning);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }
}
