package io.multiregion.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.multiregion.config.DatabaseSettings;
import io.multiregion.config.DeliverySettings;
import io.multiregion.data.DatabaseCredentials;
import io.multiregion.data.GlobalDatabase;
import io.multiregion.config.StackSettings;
import io.multiregion.delivery.ReplicatedBucket;
import io.multiregion.delivery.SourcePipeline;
import io.multiregion.images.ImageRepositories;
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
 * The primary stack: the pairs that span both regions (the replicating release bucket pair, the global database and
 * its replicated secret, the image repository pair), region A's slice and
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

        DatabaseSettings database = settings.database();
        boolean protect = settings.storage().protectData();
        GlobalDatabase global = new GlobalDatabase(settings.project() + "-global-db", new GlobalDatabase.Args(
                settings.project(), settings.stack(), database.engine(), database.engineVersion(), protect),
                support.in(a, null));
        DatabaseCredentials credentials = new DatabaseCredentials(settings.project() + "-db-credentials",
                new DatabaseCredentials.Args(settings.project(), settings.stack(), a, support.key(a).arn, b,
                        support.key(b).arn, database.engine(), database.port(), database.masterUsername(),
                        database.databaseName(), settings.storage().kmsDeletionWindowDays(), protect),
                support.in(a, null));
        ImageRepositories images = new ImageRepositories(settings.project() + "-images", new ImageRepositories.Args(
                settings.project(), settings.stack(), a, providers.forRegion(a), support.key(a).arn, b,
                providers.forRegion(b), support.key(b).arn, ImageRepositories.DEFAULT_UNTAGGED_DAYS,
                ImageRepositories.DEFAULT_TAGGED_KEPT, protect),
                ComponentResourceOptions.builder().build());

        // Region A's own slice: network, load balancer, application tier, the writer cluster, CodeDeploy target.
        RegionSlice slice = StackParts.slice(settings, support, new RegionSlice.Data(global.identifier, database, true,
                Optional.of(credentials.masterPassword), credentials.secretArn, images.primaryArn,
                settings.storage().logRetentionDays()));

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
        exports.put(Value.GLOBAL_CLUSTER, global.identifier);
        exports.put(Value.DATABASE_SECRET_REPLICA_ARN, credentials.replicaArn);
        exports.put(Value.DATABASE_WRITER_ENDPOINT, global.writerEndpoint);
        exports.put(Value.IMAGE_REPOSITORY_REPLICA_ARN, images.replicaArn);
        exports.put(Value.IMAGE_REPOSITORY_URL, images.primaryUrl);
        StackParts.sliceExports(settings, slice, exports);
        StackContract.export(ctx, StackContract.Exporter.PRIMARY, exports);
    }
}
