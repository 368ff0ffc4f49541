package io.multiregion.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.multiregion.config.DeliverySettings;
import io.multiregion.config.StackSettings;
import io.multiregion.delivery.ReplicatedBucket;
import io.multiregion.delivery.SourcePipeline;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.slice.RegionSlice;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.storage.RegionalSupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The primary stack: the pairs that span both regions (the replicating release bucket pair), region A's slice and
 * region A's delivery (the source pipeline, which deploys to the slice). It is allowed both regions' providers.
 */
public final class PrimaryStack {
    private PrimaryStack() {
    }

    public static void build(Context ctx, StackSettings settings) {
        AwsRegion a = settings.primaryRegion();
        AwsRegion b = settings.secondaryRegion();
        ProviderRegistry providers = StackParts.providers(settings, Set.of(a, b));
        RegionalSupport support = StackParts.support(settings, providers);
        DeliverySettings delivery = settings.delivery();

        // Pairs belong to the primary, built with both regions' providers.
        ReplicatedBucket release = new ReplicatedBucket(settings.project() + "-release",
                new ReplicatedBucket.Args(a, b, providers.forRegion(a), providers.forRegion(b),
                        delivery.replicateDeleteMarkers()),
                support, ComponentResourceOptions.builder().build());

        // Region A's own slice: network, load balancer, application tier, CodeDeploy target.
        RegionSlice slice = StackParts.slice(settings, support);

        // Region A's delivery: the source pipeline publishes each release into the pair and deploys it to A.
        SourcePipeline source = new SourcePipeline(settings.project() + "-source", new SourcePipeline.Args(a,
                settings.stack(), settings.project() + "-" + settings.stack() + "-" + delivery.sourceProvider().value(),
                delivery.sourceProvider(), delivery.repository().orElseThrow(), // required for the primary
                delivery.branch(), delivery.connectionArn(), delivery.artifactKey(), release.source,
                StackParts.build(delivery), settings.storage().logRetentionDays(),
                Optional.of(StackParts.deployTo(slice))),
                support, support.in(a, null));

        // every bucket exists now: the access-log buckets admit exactly the buckets that log to them.
        support.seal();

        Map<Value, Output<?>> exports = new LinkedHashMap<>();
        exports.put(Value.PRIMARY_REGION, Output.of(a.code()));
        exports.put(Value.SECONDARY_REGION, Output.of(b.code()));
        exports.put(Value.ARTIFACT_KEY, Output.of(delivery.artifactKey()));
        exports.put(Value.SOURCE_BUCKET, release.source.bucketName);
        exports.put(Value.REPLICA_BUCKET, release.replica.bucketName);
        exports.put(Value.REPLICA_BUCKET_ARN, release.replica.arn);
        exports.put(Value.REPLICA_KEY_ARN, release.replicaKey.arn);
        exports.put(Value.REPLICATION_ROLE_ARN, release.replicationRoleArn);
        exports.put(Value.SOURCE_PIPELINE, source.pipelineName);
        exports.put(Value.CONNECTION_ARN, source.connectionArn);
        exports.put(Value.CONNECTION_NOTE, Output.of(source.createdConnection
                ? "The connection was created PENDING: complete its handshake once in the console "
                + "(Developer Tools > Settings > Connections > Update pending connection) before the first release."
                : "Existing connection from multiregion:connectionArn; no handshake needed."));
        StackParts.sliceExports(settings, slice, exports);
        StackContract.export(ctx, StackContract.Exporter.PRIMARY, exports);
    }
}
