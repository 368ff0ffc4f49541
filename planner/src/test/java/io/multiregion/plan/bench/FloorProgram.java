package io.multiregion.plan.bench;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.function.Consumer;

/** The floor: the cheapest Pulumi Java program that registers {@code count} resources, with no inputs, through one provider. */
final class FloorProgram {
    private FloorProgram() {
    }

    static Consumer<Context> registering(int count) {
        return ctx -> {
            if (count < 2) {
                return; // only the stack itself
            }
            var provider = new Provider("floor", ProviderArgs.builder().region("eu-west-1").build());
            var options = CustomResourceOptions.builder().provider(provider).build();
            for (int i = 2; i < count; i++) {
                new Queue("floor-" + i, QueueArgs.Empty, options);
            }
        };
    }
}
