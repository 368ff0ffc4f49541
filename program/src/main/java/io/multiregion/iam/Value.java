package io.multiregion.iam;

import com.pulumi.core.Output;

/**
 * A value in a policy document: known when the program runs (a service name, a constant ARN pattern), or
 * pending until the cloud reports it (an ARN). Known values are rendered directly, so only pending ones
 * cost the engine any work.
 */
public sealed interface Value permits Value.Known, Value.Pending {

    /** A value known when the program runs. */
    record Known(String text) implements Value {
    }

    /** A value the cloud reports later. */
    record Pending(Output<String> output) implements Value {
    }

    static Value of(String text) {
        return new Known(text);
    }

    static Value of(Output<String> output) {
        return new Pending(output);
    }
}
