package io.multiregion.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.multiregion.config.StackSettings;
import io.multiregion.delivery.ReplicatedBucket;
import io.multiregion.delivery.SourcePipeline;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.storage.RegionalSupport;

import java.util.Set;

/**
 * The primary stack: the source pipeline in A and the replicating bucket pair (source in A, replica in
 * B, built with both regions' providers).
 */
public final class PrimaryStack {
    private PrimaryStack() {
    }

    public static void build(Context ctx, StackSettings settings) {
        var a = settings.primaryRegion();
        var b = settings.secondaryRegion();
        ProviderRegistry providers = new ProviderRegistry(new ProviderRegistry.Args(settings.project(), settings.stack(), settings.role().value(), Set.of(a, b), settings.aws()));
        RegionalSupport support = new RegionalSupport(settings, providers);
        ComponentResourceOptions top = ComponentResourceOptions.builder().build();

        ReplicatedBucket release = new ReplicatedBucket(settings.project() + "-release",
                new ReplicatedBucket.Args(a, b, settings.delivery().replicateDeleteMarkers()), support, top);
        SourcePipeline source = new SourcePipeline(settings.project() + "-source", a, release.source, settings, support, top);

        // every bucket exists now: the access-log buckets admit exactly the buckets that log to them.
        support.seal();

        ctx.export(Exports.PRIMARY_REGION, Output.of(a.code()));
        ctx.export(Exports.SECONDARY_REGION, Output.of(b.code()));
        ctx.export(Exports.ARTIFACT_KEY, Output.of(settings.delivery().artifactKey()));
        ctx.export(Exports.SOURCE_BUCKET, release.source.bucketName);
        ctx.export(Exports.REPLICA_BUCKET, release.replica.bucketName);
        ctx.export(Exports.REPLICA_BUCKET_ARN, release.replica.arn);
        ctx.export(Exports.REPLICA_KEY_ARN, release.replicaKey.arn);
        ctx.export(Exports.REPLICATION_ROLE_ARN, release.replicationRoleArn);
        ctx.export(Exports.SOURCE_PIPELINE, source.pipelineName);
        ctx.export(Exports.CONNECTION_ARN, source.connectionArn);
        ctx.export(Exports.CONNECTION_NOTE, Output.of(source.createdConnection
                ? "The connection was created PENDING: complete its handshake once in the console "
                + "(Developer Tools > Settings > Connections > Update pending connection) before the first release."
                : "Existing connection from multiregion:connectionArn; no handshake needed."));
    }
}
