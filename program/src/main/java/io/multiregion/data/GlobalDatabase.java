package io.multiregion.data;

import com.pulumi.aws.rds.GlobalCluster;
import com.pulumi.aws.rds.GlobalClusterArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.config.Engine;

import java.util.List;
import java.util.Map;

/**
 * The Aurora global database itself: the container both regional clusters join. Owned by the primary stack (it
 * spans both regions: docs/architecture.md, "Who owns what") and registered in region A; place it there by passing A's
 * provider in the options. The primary cluster in A and the secondary cluster in B ({@link RegionalCluster}) join it
 * through {@link #identifier}, which the secondary stack reads from the primary's outputs.
 *
 * <p>It holds no data of its own: its storage is encrypted (every member must then be encrypted, each with a key of
 * its own region), and deletion protection keeps a mistaken {@code pulumi destroy} from removing it (docs/deploying.md, "Tearing
 * down on purpose").
 *
 * <p><b>The engine version has one owner: this global cluster.</b> It is created with the configured version, and the
 * members are created with the version it reports ({@link #engineVersion}; the secondary's must agree: the stack
 * contract checks it). After that the version changes outside Pulumi: a major version upgrade is made on the global
 * cluster, a minor one on the global cluster too for Aurora PostgreSQL (managed minor version upgrade) and cluster by
 * cluster, secondaries first, for Aurora MySQL (Aurora User Guide, "Upgrading an Amazon Aurora global database";
 * automatic minor version upgrades do not apply to members of a global database: AWS re:Post knowledge center,
 * "aurora-mysql-global-cluster-upgrade"). So the global cluster and every member ignore drift of
 * {@code engineVersion}: a later {@code pulumi up} never tries to go back, and never runs the provider's own global
 * upgrade path, which has open bugs (terraform-provider-aws#30358, #29487, #36107). The upgrade procedure is in
 * docs/database.md.
 */
public final class GlobalDatabase extends ComponentResource {

    /**
     * @param project       project name, part of the identifier
     * @param stack         stack name, part of the identifier
     * @param engine        the engine of every member
     * @param engineVersion the version the global cluster is created with; members take the global cluster's, and an
     *                      upgrade is made on the global cluster with the AWS CLI (docs/database.md)
     * @param protect       refuse deletion and replacement from Pulumi (in addition to RDS deletion protection)
     */
    public record Args(String project, String stack, Engine engine, String engineVersion, boolean protect) {
    }

    /** The global cluster's identifier, which both regional clusters name in {@code globalClusterIdentifier}. */
    @Export(name = "identifier", refs = {String.class}, tree = "[0]")
    public final Output<String> identifier;
    /**
     * The global writer endpoint: it always names the current primary cluster, also after a switchover or failover
     * to another region (Aurora User Guide, "Connecting to an Amazon Aurora global database"), so applications in
     * both regions write through it and never need a new host after a failover.
     */
    @Export(name = "writerEndpoint", refs = {String.class}, tree = "[0]")
    public final Output<String> writerEndpoint;
    /** The global cluster's ARN. */
    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    public final Output<String> arn;
    /** The engine version the global cluster reports, which its members are created with. */
    @Export(name = "engineVersion", refs = {String.class}, tree = "[0]")
    public final Output<String> engineVersion;
    public final GlobalCluster cluster;

    public GlobalDatabase(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:data:GlobalDatabase", name, options);
        this.cluster = new GlobalCluster(name, GlobalClusterArgs.builder()
                .globalClusterIdentifier(DbNames.globalCluster(args.project(), args.stack()))
                .engine(args.engine().value())
                .engineVersion(args.engineVersion())
                // members of an encrypted global cluster must be encrypted; each names a key of its own region.
                .storageEncrypted(true)
                .deletionProtection(true)
                .forceDestroy(false) // never remove the members with it
                .build(),
                CustomResourceOptions.builder().parent(this).protect(args.protect())
                        // upgrades move the version outside Pulumi (docs/database.md): never undo one, and never
                        // upgrade through the provider (see the class comment)
                        .ignoreChanges(List.of("engineVersion"))
                        .build());
        // The identifier as registered: what every member must name (in AWS, also the resource's id).
        this.identifier = cluster.globalClusterIdentifier();
        this.arn = cluster.arn();
        this.writerEndpoint = cluster.endpoint();
        this.engineVersion = cluster.engineVersion();
        registerOutputs(Map.of("identifier", identifier, "arn", arn, "writerEndpoint", writerEndpoint,
                "engineVersion", engineVersion));
    }
}
