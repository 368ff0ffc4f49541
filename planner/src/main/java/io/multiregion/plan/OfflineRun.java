package io.multiregion.plan;

import com.pulumi.Context;
import io.multiregion.App;
import io.multiregion.config.RunKnowledge;
import io.multiregion.offline.StackConfig;

import java.util.function.Consumer;

/**
 * What the offline plan cannot know, told to the program ({@link RunKnowledge}): the value of a {@code secure:} key
 * (the plan has no access to the stack's secrets provider and hands the program {@link StackConfig#SECRET_PLACEHOLDER})
 * and an output of a referenced stack that only the cloud knows ({@link Plan#UNKNOWN} in that stack's plan).
 */
public final class OfflineRun implements RunKnowledge {

    /** The program, run with what the offline plan cannot know. */
    public static final Consumer<Context> APP = ctx -> App.stack(ctx, new OfflineRun(ctx));

    private final Context ctx;

    private OfflineRun(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean cannotDecrypt(String qualifiedKey) {
        int colon = qualifiedKey.indexOf(':');
        return colon > 0 && ctx.config(qualifiedKey.substring(0, colon)).get(qualifiedKey.substring(colon + 1))
                .filter(StackConfig.SECRET_PLACEHOLDER::equals).isPresent();
    }

    @Override
    public boolean isUnknown(Object stackOutputValue) {
        return Plan.UNKNOWN.equals(stackOutputValue);
    }
}
