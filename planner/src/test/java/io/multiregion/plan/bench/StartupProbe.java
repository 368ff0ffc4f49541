package io.multiregion.plan.bench;

import io.multiregion.plan.OfflineRun;

import io.multiregion.App;
import io.multiregion.offline.ConfigLoader;
import io.multiregion.plan.Planner;
import io.multiregion.offline.StackConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Started the way the Pulumi language host starts the program (Maven exec:java, or java on the assembled jar):
 * prints the time from the launch (environment variable BENCH_LAUNCH_MS, epoch ms, set by the launcher) to the first
 * resource registration of {@link App#stack} on the in-process engine.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) {
        long launch = Long.parseLong(System.getenv().getOrDefault("BENCH_LAUNCH_MS",
                String.valueOf(System.currentTimeMillis())));
        AtomicLong first = new AtomicLong(-1);
        StackConfig config = ConfigLoader.read(Path.of("."), args.length > 0 ? args[0] : "primary").config();
        Planner.plan(config, OfflineRun.APP, name -> Optional.empty(), count -> {
            if (count == 1) {
                first.compareAndSet(-1, System.currentTimeMillis() - launch);
            }
        });
        System.out.println("FIRST_REGISTRATION_MS=" + first.get());
        System.out.flush();
        System.exit(0);
    }
}
