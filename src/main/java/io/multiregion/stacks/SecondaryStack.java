package io.multiregion.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.StackReference;
import io.multiregion.config.ConfigException;
import io.multiregion.config.StackSettings;
import io.multiregion.delivery.ReplicaPipeline;
import io.multiregion.delivery.ReplicaSource;
import io.multiregion.delivery.ReplicaTrigger;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.storage.RegionalSupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The secondary stack: the trigger and pipeline in B. It reads the replica from the primary stack's
 * outputs through a StackReference and has no provider for region A at all (static stability).
 */
public final class SecondaryStack {
    private SecondaryStack() {
    }

    public static void build(Context ctx, StackSettings settings) {
        var b = settings.secondaryRegion();
        StackReference primary = new StackReference(settings.primaryStack().orElseThrow());
        Output<Map<String, Object>> exports = primary.outputs();
        checkAgreesWithPrimary(ctx, exports, settings);

        ProviderRegistry providers = new ProviderRegistry(new ProviderRegistry.Args(settings.project(), settings.stack(), settings.role().value(), Set.of(b), settings.aws()));
        RegionalSupport support = new RegionalSupport(settings, providers);
        ComponentResourceOptions top = ComponentResourceOptions.builder().build();

        ReplicaSource replica = ReplicaSource.of(
                text(exports, Exports.REPLICA_BUCKET),
                text(exports, Exports.REPLICA_BUCKET_ARN),
                text(exports, Exports.REPLICA_KEY_ARN),
                text(exports, Exports.ARTIFACT_KEY));
        ReplicaPipeline pipeline = new ReplicaPipeline(settings.project() + "-replica", b, replica, settings, support, top);
        ReplicaTrigger trigger = new ReplicaTrigger(settings.project() + "-trigger", b, replica, pipeline.pipelineArn,
                settings, support, top);

        // every bucket exists now: the access-log buckets admit exactly the buckets that log to them.
        support.seal();

        ctx.export(Exports.PRIMARY_REGION, Output.of(settings.primaryRegion().code()));
        ctx.export(Exports.SECONDARY_REGION, Output.of(b.code()));
        ctx.export(Exports.REPLICA_PIPELINE, pipeline.pipelineName);
        ctx.export(Exports.TRIGGER_MODE, Output.of(settings.delivery().trigger().value()));
        ctx.export(Exports.TRIGGER_RULE, trigger.ruleName);
        trigger.trailName.ifPresent(name -> ctx.export(Exports.TRIGGER_TRAIL, Output.of(name)));
        ctx.export(Exports.RELEASE_OBJECT, Output.tuple(replica.bucketName(), replica.artifactKey())
                .applyValue(t -> "s3://" + t.t1 + "/" + t.t2));
    }

    /** The primary's exports this stack reads. */
    static final List<String> REQUIRED_EXPORTS = List.of(Exports.PRIMARY_REGION, Exports.SECONDARY_REGION,
            Exports.REPLICA_BUCKET, Exports.REPLICA_BUCKET_ARN, Exports.REPLICA_KEY_ARN, Exports.ARTIFACT_KEY);

    /**
     * The one read this stack waits for before registering AWS resources: the primary stack's exports.
     * When its regions disagree with this stack's, or it exports some but not all of what this stack reads
     * (not a primary of this project, or an older one), nothing else is registered. A primary that exports
     * nothing yet (never deployed) is reported as a warning; the engine itself fails when that stack does
     * not exist at all.
     */
    static void checkAgreesWithPrimary(Context ctx, Output<Map<String, Object>> exports, StackSettings settings) {
        String ref = settings.primaryStack().orElseThrow();
        // The one blocking wait of the program. getValueNullable() completes with null when the value is
        // unknown (a preview of a primary that was never deployed), so this never waits forever.
        Map<String, Object> read = Internal.of(exports).getValueNullable().join();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : REQUIRED_EXPORTS) {
            values.put(name, read == null ? null : read.get(name));
        }
        List<String> missing = values.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        if (missing.size() == REQUIRED_EXPORTS.size()) {
            ctx.log().warn("primary stack " + ref + " exports nothing yet: deploy it first (pulumi up -s primary); "
                    + "the replica bucket, its key and the release key stay unknown until then");
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("multiregion:primaryStack: '" + ref + "' does not export " + String.join(", ", missing)
                    + "; point it at this project's primary stack and run pulumi up -s primary with this version first");
        }
        Object primaryRegion = values.get(Exports.PRIMARY_REGION);
        Object secondaryRegion = values.get(Exports.SECONDARY_REGION);
        if (primaryRegion != null && !Objects.equals(primaryRegion.toString(), settings.primaryRegion().code())) {
            problems.add("multiregion:primaryRegion: '" + settings.primaryRegion() + "' disagrees with the primary stack "
                    + ref + ", which was deployed with '" + primaryRegion + "'; set the same value in both stack files");
        }
        if (secondaryRegion != null && !Objects.equals(secondaryRegion.toString(), settings.secondaryRegion().code())) {
            problems.add("multiregion:secondaryRegion: '" + settings.secondaryRegion() + "' disagrees with the primary "
                    + "stack " + ref + ", which replicates to '" + secondaryRegion + "'; set the same value in both stack files");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(settings.stack(), problems);
        }
    }

    private static Output<String> text(Output<Map<String, Object>> exports, String name) {
        return exports.applyValue(m -> Objects.toString(m.get(name), null));
    }
}
