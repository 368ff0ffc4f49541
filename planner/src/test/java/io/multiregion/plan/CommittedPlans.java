package io.multiregion.plan;

import io.multiregion.offline.ConfigLoader;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The plans of the committed stack files (the primary, then the secondary reading it), computed once for every test
 * class that only reads them: each plan runs the whole program, and the suite's time is mostly such runs.
 */
final class CommittedPlans {
    private static final Path PROJECT = Path.of(".");
    private static Plan primary;
    private static Plan secondary;

    private CommittedPlans() {
    }

    static synchronized Plan primary() {
        if (primary == null) {
            primary = Planner.plan(ConfigLoader.read(PROJECT, "primary").config(), OfflineRun.APP,
                    name -> Optional.empty(), null);
        }
        return primary;
    }

    /** The secondary's plan, its StackReference answered by {@link #primary()}. */
    static synchronized Plan secondary() {
        if (secondary == null) {
            Plan a = primary();
            secondary = Planner.plan(ConfigLoader.read(PROJECT, "secondary").config(), OfflineRun.APP,
                    name -> Optional.of(a), null);
        }
        return secondary;
    }
}
