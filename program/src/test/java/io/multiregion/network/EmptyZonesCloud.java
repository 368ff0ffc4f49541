package io.multiregion.network;

import com.pulumi.Context;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A cloud whose zone lookup answers an empty list, as the SDK's default mocks do (they answer every invoke with an
 * empty map, so {@code getAvailabilityZones} gives no names): the program must fail,
 * never build a network without subnets. Other calls and resources answer as plain mocks.
 */
final class EmptyZonesCloud implements Mocks {

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        return CompletableFuture.completedFuture(ResourceResult.of(java.util.Optional.of(args.name + "-id"),
                args.inputs == null ? Map.of() : args.inputs));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (args.token.equals("aws:index/getAvailabilityZones:getAvailabilityZones")) {
            return CompletableFuture.completedFuture(Map.of("names", List.of(), "zoneIds", List.of(), "id", "empty"));
        }
        return CompletableFuture.completedFuture(Map.of());
    }

    /** The outcome of running the program on this cloud. */
    record Outcome(TestResult result) {
        boolean failed() {
            return !result.exceptions().isEmpty() || result.exitCode() != 0;
        }

        String errors() {
            StringBuilder text = new StringBuilder();
            result.exceptions().forEach(e -> {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    text.append(t.getMessage()).append('\n');
                }
            });
            result.errors().forEach(e -> text.append(e).append('\n'));
            return text.toString();
        }
    }

    /** The expected failure's stack trace stays out of the build's console. */
    private static Logger quiet() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.OFF);
        return logger;
    }

    static Outcome run(Consumer<Context> program) {
        try {
            return new Outcome(PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("multiregion").stackName("primary").preview(false).build())
                    .mocks(new EmptyZonesCloud())
                    .standardLogger(quiet())
                    .build()
                    .runTest(program));
        } finally {
            PulumiTest.cleanup();
        }
    }
}
