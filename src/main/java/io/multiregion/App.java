package io.multiregion;

import com.pulumi.Context;
import com.pulumi.Pulumi;

/** Program entry: the Pulumi Java language host runs {@link #main}; tests and the plan run {@link #stack}. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** Builds the stack selected by config. */
    public static void stack(Context ctx) {
        ctx.export("project", com.pulumi.core.Output.of(ctx.projectName()));
    }
}
