package io.multiregion.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.config.DatabaseSettings;
import io.multiregion.config.SourceMode;
import io.multiregion.config.DeliverySettings;
import io.multiregion.config.InterRegionSettings;
import io.multiregion.config.NetworkSettings;
import io.multiregion.data.DatabaseCredentials;
import io.multiregion.data.GlobalDatabase;
import io.multiregion.config.StackSettings;
import io.multiregion.delivery.ReplicatedBucket;
import io.multiregion.delivery.SourcePipeline;
import io.multiregion.deploy.DeployTarget;
import io.multiregion.images.ImageRepositories;
import io.multiregion.operations.RegionAlarms;
import io.multiregion.operations.RegionOperations;
import io.multiregion.governance.Governance;
import io.multiregion.network.TransitGatewayAttachment;
import io.multiregion.network.TransitGatewayPeering;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.slice.RegionSlice;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.storage.RegionalSupport;
import io.multiregion.storage.SecureBucket;
import io.multiregion.web.OriginAccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The primary stack: the pairs that span both regions (the replicating release bucket pair, the global database and
 * its replicated secret, the image repository pair, the transit gateway pair with its peering), region A's slice
 * (with its attachment to A's gateway) and
 * region A's delivery (the source pipeline, which deploys to the slice). It is allowed both regions' providers.
 *
 * <p>In native delivery there is no replicating pair: the release archive stays in A (the publish step), and the
 * source pipeline also deploys to B through an action that runs in B, with its artifact store in B (built here, with
 * B's key, as a pair). B's CodeDeploy target belongs to the secondary; the pipeline names it by
 * {@link StackContract#nativeTarget}.
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

        boolean nativeDelivery = !delivery.mode().replicates();
        // Pairs belong to the primary, built with both regions' providers. Bespoke and pipeline-free delivery replicate
        // releases to B; native delivery replaces the replicating pair with the pipeline's artifact store in B (below);
        // the release archive in A stays.
        Optional<ReplicatedBucket> pair = nativeDelivery ? Optional.empty() : Optional.of(new ReplicatedBucket(
                settings.project() + "-release", new ReplicatedBucket.Args(a, b, providers.forRegion(a),
                providers.forRegion(b), delivery.replicateDeleteMarkers()),
                support, ComponentResourceOptions.builder().build()));
        SecureBucket release = pair.map(p -> p.source).orElseGet(() ->
                support.bucket(settings.project() + "-release-archive", a, null, ref -> List.of()));

        DatabaseSettings database = settings.database();
        boolean protect = settings.storage().protectData();
        GlobalDatabase global = new GlobalDatabase(settings.project() + "-global-db", new GlobalDatabase.Args(
                settings.project(), settings.stack(), database.engine(), database.engineVersion(), protect),
                support.in(a, null));
        // the secret stores the global writer endpoint as its host, known before either regional cluster
        DatabaseCredentials credentials = new DatabaseCredentials(settings.project() + "-db-credentials",
                DatabaseCredentials.Args.builder()
                        .names(settings.project(), settings.stack())
                        .primary(a, support.key(a).arn)
                        .replica(b, support.key(b).arn)
                        .database(database)
                        .host(global.writerEndpoint)
                        .recoveryWindowDays(settings.storage().kmsDeletionWindowDays())
                        .protect(protect)
                        .build(),
                support.in(a, null));
        ImageRepositories images = new ImageRepositories(settings.project() + "-images", ImageRepositories.Args.builder()
                .names(settings.project(), settings.stack())
                .primary(a, providers.forRegion(a), support.key(a).arn)
                .replica(b, providers.forRegion(b), support.key(b).arn)
                .protect(protect)
                .build(),
                ComponentResourceOptions.builder().build());

        // The secret header the front door adds and both load balancers require: generated here, once, kept in this
        // stack's state, and handed to the secondary (which builds the front door) as a secret output.
        Output<String> originSecret = OriginAccess.secret(settings.project() + "-origin-verify",
                CustomResourceOptions.builder());
        OriginAccess.Ingress ingress = StackParts.ingress(settings, originSecret);

        // Region A's own slice: network, load balancer, application tier, the writer cluster, CodeDeploy target.
        // Its cluster takes the global cluster's version and the stored password; its application reads the secret in
        // A as the secret grants it; with a domain it writes the validation record of the application's name.
        RegionSlice slice = StackParts.slice(settings, support, RegionSlice.Data.builder()
                .globalCluster(global.identifier, global.engineVersion)
                .database(database, settings.storage().logRetentionDays())
                .writer(credentials.masterPassword)
                .secretRead(credentials.grantRead("Database", a))
                .images(images.in(a))
                .build(), ingress);

        // The inter-region network: the pair (both gateways, their peering and the routes over it) and A's own
        // attachment; B's attachment is the secondary's.
        Optional<TransitGatewayPeering> gateways = settings.interRegion().enabled()
                ? Optional.of(interRegion(settings, providers, support, slice)) : Optional.empty();

        // Region A's delivery: the source pipeline publishes each release (into the pair when it replicates) and
        // deploys it to A, and in native delivery to B too. With an upload source, the user's CI puts each release
        // into the source bucket and its arrival starts the pipeline.
        Optional<SourcePipeline.CrossRegionDeploy> toB = nativeDelivery
                ? Optional.of(crossRegion(settings)) : Optional.empty();
        SourcePipeline.Args.Builder sourceArgs = SourcePipeline.Args.builder()
                .region(a)
                .stack(settings.stack())
                .source(delivery.source())
                .repository(delivery.sourceProvider(), delivery.repository().orElse(""), // required with a connection
                        delivery.branch())
                .connection(settings.project() + "-" + settings.stack() + "-" + delivery.sourceProvider().value(),
                        delivery.connectionArn())
                .release(release, delivery.artifactKey())
                .buildProject(StackParts.build(delivery), settings.storage().logRetentionDays())
                .deployTo(StackParts.deployTo(slice));
        toB.ifPresent(sourceArgs::crossRegion);
        SourcePipeline source = new SourcePipeline(settings.project() + "-source", sourceArgs.build(), support,
                support.in(a, null));

        // Region A's operations: its topic, its alarms (the release replication's failures are published in the
        // source bucket's region, A), its events to B's bus, and the patching of its instances.
        RegionOperations ops = StackParts.operations(settings, support, slice, Optional.of(source.pipelineName),
                pair.map(p -> List.of(new RegionAlarms.Replication(p.source.bucketName, p.replica.bucketName,
                        ReplicatedBucket.ruleId(b), false))).orElse(List.of()));
        Optional<Output<Map<String, Object>>> replication = pair.map(p -> Output.tuple(p.source.bucketName,
                p.replica.bucketName).applyValue(t -> {
                    Map<String, Object> names = new LinkedHashMap<>();
                    names.put("sourceBucket", t.t1);
                    names.put("destinationBucket", t.t2);
                    names.put("ruleId", ReplicatedBucket.ruleId(b));
                    return names;
                }));
        // Governance of this stack's region (and, in the primary, what exists once per account).
        Governance governance = StackParts.governance(settings, support);

        Map<Value, Output<?>> exports = new LinkedHashMap<>();
        gateways.ifPresent(p -> {
            exports.put(Value.PRIMARY_TRANSIT_GATEWAY, p.requesterGatewayId);
            exports.put(Value.SECONDARY_TRANSIT_GATEWAY, p.accepterGatewayId);
            exports.put(Value.SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE, p.accepterRouteTableId);
            exports.put(Value.TRANSIT_GATEWAY_PEERING, p.peeringAttachmentId);
        });
        exports.put(Value.PRIMARY_REGION, Output.of(a.code()));
        exports.put(Value.SECONDARY_REGION, Output.of(b.code()));
        exports.put(Value.ARTIFACT_KEY, Output.of(delivery.artifactKey()));
        exports.put(Value.SOURCE_BUCKET, release.bucketName);
        pair.ifPresent(p -> {
            exports.put(Value.REPLICA_BUCKET, p.replica.bucketName);
            exports.put(Value.REPLICA_BUCKET_ARN, p.replica.arn);
            exports.put(Value.REPLICA_KEY_ARN, p.replicaKey.arn);
            exports.put(Value.REPLICATION_ROLE_ARN, p.replicationRoleArn);
        });
        source.secondaryStore.ifPresent(store -> {
            exports.put(Value.NATIVE_STORE_BUCKET, store.bucketName);
            exports.put(Value.NATIVE_STORE_ARN, store.arn);
            exports.put(Value.NATIVE_STORE_KEY_ARN, support.key(b).arn);
        });
        exports.put(Value.SOURCE_PIPELINE, source.pipelineName);
        if (delivery.source() == SourceMode.CONNECTION) {
            exports.put(Value.CONNECTION_ARN, source.connectionArn);
            exports.put(Value.CONNECTION_NOTE, Output.of(source.createdConnection
                    ? "The connection was created PENDING: complete its handshake once in the console "
                    + "(Developer Tools > Settings > Connections > Update pending connection) before the first release."
                    : "Existing connection from multiregion:connectionArn; no handshake needed."));
        }
        source.uploadCommand.ifPresent(command -> exports.put(Value.UPLOAD_COMMAND, command));
        source.uploadPolicyArn.ifPresent(policy -> exports.put(Value.UPLOAD_POLICY_ARN, policy));
        exports.put(Value.GLOBAL_CLUSTER, global.identifier);
        exports.put(Value.DATABASE_SECRET_REPLICA_ARN, credentials.replicaArn);
        exports.put(Value.DATABASE_SECRET_REPLICA_KEY_ARN, credentials.replicaKeyArn);
        exports.put(Value.APPLICATION_NAME_RECORD, slice.web.applicationNameRecordFqdn.orElse(Output.of("")));
        exports.put(Value.DATABASE_WRITER_ENDPOINT, global.writerEndpoint);
        exports.put(Value.IMAGE_REPOSITORY_REPLICA_ARN, images.replicaArn);
        exports.put(Value.IMAGE_REPOSITORY_URL, images.primaryUrl);
        // What the front door (in the secondary) needs of A's load balancer.
        exports.put(Value.PRIMARY_LOAD_BALANCER_DNS, slice.web.dnsName);
        exports.put(Value.PRIMARY_LOAD_BALANCER_ZONE, slice.web.zoneId);
        exports.put(Value.PRIMARY_REGIONAL_NAME, Output.of(settings.domain().map(d -> d.regionalName(a)).orElse("")));
        exports.put(Value.ORIGIN_SECRET, originSecret);
        exports.put(Value.ORIGIN_ACCESS, Output.of(ingress.export()));
        exports.put(Value.MONITORING, ops.monitoring(replication));
        exports.put(Value.ALARM_TOPIC, ops.topic.topicArn);
        StackParts.sliceExports(settings, slice, exports);
        exports.put(Value.GOVERNANCE, Output.of(governance.summary()));
        StackContract.export(ctx, StackContract.Exporter.PRIMARY, delivery.mode(), exports);
    }

    /**
     * The primary's part of the inter-region network: the pair, built with both regions' providers (both gateways,
     * their route tables, the peering and its acceptance in B, the static routes over it), region A's attachment and
     * routes, and what crosses the peering: A's database admits B's application subnets on its port, and nothing
     * else is opened. The routes towards B's block need no B attachment yet: B's block reaches B's route table by
     * propagation once the secondary attaches B's VPC.
     */
    private static TransitGatewayPeering interRegion(StackSettings settings, ProviderRegistry providers,
                                                     RegionalSupport support, RegionSlice slice) {
        AwsRegion a = settings.primaryRegion();
        AwsRegion b = settings.secondaryRegion();
        InterRegionSettings inter = settings.interRegion();
        NetworkSettings network = settings.network();
        TransitGatewayPeering pair = new TransitGatewayPeering(settings.project() + "-tgw", new TransitGatewayPeering.Args(
                settings.stack(),
                new TransitGatewayPeering.Side(a, providers.forRegion(a), inter.primaryAsn(), network.primary().cidr()),
                new TransitGatewayPeering.Side(b, providers.forRegion(b), inter.secondaryAsn(), network.secondary().cidr())),
                ComponentResourceOptions.builder().build());
        new TransitGatewayAttachment(settings.project() + "-tgw-attachment", new TransitGatewayAttachment.Args(a,
                settings.stack(), TransitGatewayAttachment.Vpc.of(slice.network),
                new TransitGatewayAttachment.Gateway(pair.requesterGatewayId, pair.requesterRouteTableId),
                network.secondary().cidr()), support.in(a, null));
        slice.database.admit(b.code() + "-app", InterRegionSettings.applicationSubnets(network),
                "Aurora from the application tier in " + b.code() + ", over the transit gateway peering");
        return pair;
    }

    /** Native delivery: B's CodeDeploy target, which the secondary creates with these names. */
    private static SourcePipeline.CrossRegionDeploy crossRegion(StackSettings settings) {
        StackContract.NativeTarget target = StackParts.nativeTarget(settings);
        return new SourcePipeline.CrossRegionDeploy(settings.secondaryRegion(), target.applicationName(),
                target.deploymentGroupName(), DeployTarget.DEFAULT_CONFIG);
    }
}
