package io.multiregion;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.multiregion.config.ConfigSource;
import io.multiregion.config.RunKnowledge;
import io.multiregion.config.SettingsReader;
import io.multiregion.config.StackSettings;
import io.multiregion.stacks.PrimaryStack;
import io.multiregion.stacks.SecondaryStack;

/**
 * Program entry. The Pulumi Java language host runs {@link #main}; the tests and the offline plan run
 * {@link #stack} on the SDK's in-process engine. It reads and validates all configuration before the
 * first resource is registered, then composes the stack its role asks for.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        stack(ctx, RunKnowledge.DEPLOYMENT);
    }

    /**
     * The program for a run that knows less than a deployment ({@link RunKnowledge}): the values it cannot know are
     * not checked.
     */
    public static void stack(Context ctx, RunKnowledge knowledge) {
        StackSettings settings = SettingsReader.read(ConfigSource.of(ctx, knowledge), ctx.projectName(), ctx.stackName());
        settings.warnings().forEach(ctx.log()::warn);
        switch (settings.role()) {
            case PRIMARY -> PrimaryStack.build(ctx, settings);
            case SECONDARY -> SecondaryStack.build(ctx, settings, knowledge);
            default -> throw new IllegalStateException("unhandled role " + settings.role());
        }
    }
}
