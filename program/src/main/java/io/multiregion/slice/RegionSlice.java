package io.multiregion.slice;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.compute.AppTier;
import io.multiregion.config.DatabaseSettings;
import io.multiregion.config.DomainSettings;
import io.multiregion.config.NetworkSettings;
import io.multiregion.config.Sizing;
import io.multiregion.data.RegionalCluster;
import io.multiregion.deploy.DeployTarget;
import io.multiregion.iam.Statement;
import io.multiregion.images.ImageRepositories;
import io.multiregion.network.Network;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.web.LoadBalancer;
import io.multiregion.web.OriginAccess;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one region runs for itself: its network, its load balancer, its application tier, its cluster of the
 * global database and the CodeDeploy target its pipeline deploys to. Both stacks build this same component for their
 * home region, with their own sizing: the active application in A, a smaller, fully working warm standby in B. The
 * slice is placed in its region by the provider in its options; its tiers take it from the slice. The slice only
 * wires its tiers: the flows and grants that join two of them are made by their owners (the load balancer's way to
 * the application, the database's admission of it, the image repository's pull grant).
 */
public final class RegionSlice extends ComponentResource {

    /** How a region's slice is sized: active (serves traffic) or warm standby (smaller, grows after a failover). */
    public enum Profile { ACTIVE, STANDBY }

    /**
     * Built with {@link #builder()}.
     *
     * @param region                 the slice's region
     * @param profile                active (the primary) or standby (the secondary)
     * @param project                the project, in names
     * @param stack                  the stack, in names (the CodeDeploy application is {@code <project>-<stack>})
     * @param network                this region's VPC block and zones
     * @param flowLogRetentionDays   retention of the VPC flow logs
     * @param sizing                 instance type, group sizes and NAT gateways of this stack
     * @param domain                 the application's DNS name and zone; empty: HTTP only (default empty)
     * @param deletionProtection     deletion protection on the load balancer (default true)
     * @param protectData            protect what holds data: the access-log bucket, the cluster (default true)
     * @param noncurrentVersionDays  days old log object versions are kept
     * @param key                    the region's KMS key (flow logs, EBS volumes, the database); its policy admits them
     * @param data                   the slice's share of the data tier and images
     * @param deployApplicationName  the CodeDeploy application's name (default {@code <project>-<stack>}; native
     *                               delivery names B's application so that A's pipeline knows it, see
     *                               {@code StackContract.nativeTarget})
     * @param ingress                who may reach the region's load balancer: anyone (default) or only the front door
     *                               and the health checkers
     */
    public record Args(AwsRegion region, Profile profile, String project, String stack,
                       NetworkSettings.RegionNetwork network, int flowLogRetentionDays, Sizing sizing,
                       Optional<DomainSettings> domain, boolean deletionProtection, boolean protectData,
                       int noncurrentVersionDays, RegionalKey key, Data data, String deployApplicationName,
                       OriginAccess.Ingress ingress) {

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private AwsRegion region;
            private Profile profile;
            private String project;
            private String stack;
            private NetworkSettings.RegionNetwork network;
            private Integer flowLogRetentionDays;
            private Sizing sizing;
            private Optional<DomainSettings> domain = Optional.empty();
            private boolean deletionProtection = true;
            private boolean protectData = true;
            private Integer noncurrentVersionDays;
            private RegionalKey key;
            private Data data;
            private String deployApplicationName;
            private OriginAccess.Ingress ingress = OriginAccess.Ingress.PUBLIC;

            private Builder() {
            }

            /** The slice's region and its profile: active (the primary) or standby (the secondary). */
            public Builder region(AwsRegion region, Profile profile) {
                this.region = region;
                this.profile = profile;
                return this;
            }

            /** The project and the stack, in names (the CodeDeploy application is {@code <project>-<stack>}). */
            public Builder names(String project, String stack) {
                this.project = project;
                this.stack = stack;
                return this;
            }

            /** This region's VPC block and zones, and the retention of its flow logs. */
            public Builder network(NetworkSettings.RegionNetwork network, int flowLogRetentionDays) {
                this.network = network;
                this.flowLogRetentionDays = flowLogRetentionDays;
                return this;
            }

            /** Instance type, group sizes and NAT gateways of this stack. */
            public Builder sizing(Sizing sizing) {
                this.sizing = sizing;
                return this;
            }

            /** The application's DNS name and zone; empty: HTTP only (default empty). */
            public Builder domain(Optional<DomainSettings> domain) {
                this.domain = domain;
                return this;
            }

            /** Deletion protection on the load balancer (default true). */
            public Builder deletionProtection(boolean deletionProtection) {
                this.deletionProtection = deletionProtection;
                return this;
            }

            /** Protect what holds data from deletion and replacement: the access-log bucket, the cluster (default true). */
            public Builder protectData(boolean protectData) {
                this.protectData = protectData;
                return this;
            }

            /** Days old log object versions are kept. */
            public Builder noncurrentVersionDays(int noncurrentVersionDays) {
                this.noncurrentVersionDays = noncurrentVersionDays;
                return this;
            }

            /** The region's KMS key (flow logs, EBS volumes, the database); its policy admits them. */
            public Builder key(RegionalKey key) {
                this.key = key;
                return this;
            }

            /** The slice's share of the data tier and images. */
            public Builder data(Data data) {
                this.data = data;
                return this;
            }

            /**
             * The CodeDeploy application's name (default {@code <project>-<stack>}; native delivery names B's application
             * so that A's pipeline knows it, see {@code StackContract.nativeTarget}).
             */
            public Builder deployApplicationName(String deployApplicationName) {
                this.deployApplicationName = deployApplicationName;
                return this;
            }

            /**
             * Who may reach the region's load balancer: anyone (default) or only the front door and the health checkers.
             */
            public Builder ingress(OriginAccess.Ingress ingress) {
                this.ingress = ingress;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                Objects.requireNonNull(project, "names are required");
                return new Args(Objects.requireNonNull(region, "region is required"), profile, project, stack,
                        Objects.requireNonNull(network, "network is required"), flowLogRetentionDays,
                        Objects.requireNonNull(sizing, "sizing is required"), domain, deletionProtection, protectData,
                        Objects.requireNonNull(noncurrentVersionDays, "noncurrentVersionDays is required"),
                        Objects.requireNonNull(key, "key is required"), Objects.requireNonNull(data, "data is required"),
                        deployApplicationName == null ? project + "-" + stack : deployApplicationName, ingress);
            }
        }
    }

    /** The name of the CodeDeploy target component of the slice named {@code sliceName}. */
    public static String deployComponent(String sliceName) {
        return sliceName + "-deploy";
    }

    /**
     * The slice's share of what the primary stack owns for both regions: its regional cluster of the global database,
     * the copy of the database secret its application reads, the image repository its instances pull from, and, with a
     * domain, the validation record of the application's name. Built with {@link #builder()}.
     *
     * @param globalClusterIdentifier the global cluster this region's cluster joins
     * @param engineVersion           the global cluster's engine version, which this region's cluster is created with
     * @param database                engine, port, backups, windows, names
     * @param primary                 whether this region's cluster is the writer (region A; default false)
     * @param masterPassword          the stored master password (the writer cluster only)
     * @param secretRead              the application's read access to this region's copy of the database secret, as its
     *                                owner grants it ({@code DatabaseCredentials.grantRead} in A, {@code readStatements}
     *                                with the replica's ARN and key from the contract in B)
     * @param images                  the image repository in this region, as its owner names it
     * @param logRetentionDays        retention of the database's log groups
     * @param applicationNameRecord   with a domain, the FQDN of the application name's validation record when another
     *                                stack owns it (the secondary); empty when this stack writes it (the primary;
     *                                default)
     */
    public record Data(Output<String> globalClusterIdentifier, Output<String> engineVersion, DatabaseSettings database,
                       boolean primary, Optional<Output<String>> masterPassword, List<Statement> secretRead,
                       ImageRepositories.RegionalRepository images, int logRetentionDays,
                       Optional<Output<String>> applicationNameRecord) {
        public Data {
            secretRead = List.copyOf(secretRead);
        }

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Data}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private Output<String> globalClusterIdentifier;
            private Output<String> engineVersion;
            private DatabaseSettings database;
            private boolean primary;
            private Optional<Output<String>> masterPassword = Optional.empty();
            private List<Statement> secretRead;
            private ImageRepositories.RegionalRepository images;
            private Integer logRetentionDays;
            private Optional<Output<String>> applicationNameRecord = Optional.empty();

            private Builder() {
            }

            /** The global cluster this region's cluster joins, and its engine version, which the cluster is created with. */
            public Builder globalCluster(Output<String> identifier, Output<String> engineVersion) {
                this.globalClusterIdentifier = identifier;
                this.engineVersion = engineVersion;
                return this;
            }

            /** Engine, port, backups, windows, names; and the retention of the database's log groups. */
            public Builder database(DatabaseSettings database, int logRetentionDays) {
                this.database = database;
                this.logRetentionDays = logRetentionDays;
                return this;
            }

            /**
             * This region's cluster is the writer (region A), created with the stored master password (default: a
             * secondary cluster, which takes no credentials).
             */
            public Builder writer(Output<String> masterPassword) {
                this.primary = true;
                this.masterPassword = Optional.of(masterPassword);
                return this;
            }

            /**
             * The application's read access to this region's copy of the database secret, as its owner grants it
             * ({@code DatabaseCredentials.grantRead} in A, {@code readStatements} with the replica's ARN and key from the
             * contract in B).
             */
            public Builder secretRead(List<Statement> secretRead) {
                this.secretRead = secretRead;
                return this;
            }

            /** The image repository in this region, as its owner names it. */
            public Builder images(ImageRepositories.RegionalRepository images) {
                this.images = images;
                return this;
            }

            /**
             * With a domain, the FQDN of the application name's validation record, which another stack owns (the
             * secondary); by default this stack writes it (the primary).
             */
            public Builder applicationNameRecord(Output<String> fqdn) {
                this.applicationNameRecord = Optional.of(fqdn);
                return this;
            }

            /** The data; fails naming the first required field left unset. */
            public Data build() {
                return new Data(Objects.requireNonNull(globalClusterIdentifier, "globalCluster is required"),
                        engineVersion, Objects.requireNonNull(database, "database is required"), primary,
                        masterPassword, Objects.requireNonNull(secretRead, "secretRead is required"),
                        Objects.requireNonNull(images, "images are required"), logRetentionDays, applicationNameRecord);
            }
        }
    }

    /** The region's VPC. */
    public final Network network;
    /** The region's load balancer. */
    public final LoadBalancer web;
    /** The region's application tier. */
    public final AppTier app;
    /** The region's cluster of the Aurora global database. */
    public final RegionalCluster database;
    /** The CodeDeploy application and deployment group the region's pipeline deploys to. */
    public final DeployTarget deploy;
    /** The region. */
    public final AwsRegion region;
    /** The URL of this region's load balancer. */
    @Export(name = "url", refs = {String.class}, tree = "[0]")
    public final Output<String> url;

    public RegionSlice(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:slice:RegionSlice", name, options);
        this.region = args.region();
        ComponentResourceOptions inside = ComponentResourceOptions.builder().parent(this).build();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        RegionalKey key = args.key();
        Data data = args.data();

        this.network = new Network(name + "-vpc", Network.Args.builder()
                .region(region)
                .stack(args.stack())
                .block(args.network())
                .natGateways(args.sizing().natGateways())
                .flowLogs(args.flowLogRetentionDays(), key.arn, key.policy)
                .build(), inside);

        // internet-facing: it waits for the VPC's internet gateway (Network#internetGateway)
        this.web = new LoadBalancer(name + "-web", LoadBalancer.Args.builder()
                .region(region)
                .vpcId(network.vpcId)
                .publicSubnetIds(network.publicSubnetIds)
                .internetGateway(network.internetGateway)
                .deletionProtection(args.deletionProtection())
                .protectData(args.protectData())
                .noncurrentDays(args.noncurrentVersionDays())
                .domain(args.domain())
                .applicationNameRecord(data.applicationNameRecord())
                .ingress(args.ingress())
                .build(), inside);

        // The release revisions' owner (the region's pipeline) grants the instances read access to them; the secret's
        // owner grants read on this region's copy, with the key that encrypts that copy. The group waits for the
        // network its instances need on first boot; the standby's minimum is raised by the recovery runbook after a
        // failover.
        this.app = new AppTier(name + "-app", AppTier.Args.builder()
                .region(region)
                .sizing(args.sizing())
                .subnets(network.vpcId, network.privateSubnetIds)
                .behind(web)
                .ebsKey(key.arn, key.policy)
                .secret(new AppTier.SecretAccess(data.secretRead()))
                .firstBoot(network.privateEgress)
                .recoveryScalesGroup(args.profile() == Profile.STANDBY)
                .build(), inside);

        this.database = new RegionalCluster(name + "-db", RegionalCluster.Args.builder()
                .names(args.project(), args.stack())
                .region(region)
                .primary(data.primary(), data.masterPassword())
                .globalCluster(data.globalClusterIdentifier(), data.engineVersion())
                .database(data.database())
                .sizing(args.sizing().database())
                .subnets(network.vpcId, network.isolatedSubnetIds)
                .key(key.arn, List.of(key.policy))
                .logRetentionDays(data.logRetentionDays())
                .protect(args.protectData())
                .build(), inside);
        // The application tier's only way to the data tier: its database port, to the cluster's group, which admits it.
        database.allowFrom(app, child);
        // The images live with their owner (the primary's repository pair): the instances may pull from this region's
        // repository.
        data.images().grantPull(name + "-app-images", app.instanceRoleName, child);

        this.deploy = new DeployTarget(deployComponent(name), DeployTarget.Args.builder()
                .region(region)
                .applicationName(args.deployApplicationName())
                .autoScalingGroup(app.autoScalingGroupName, new DeployTarget.Launch(app.launchTemplateId,
                        app.instanceRoleArn))
                .targetGroupName(web.targetGroupName)
                .build(), inside);

        this.url = web.url;
        registerOutputs(Map.of("url", url));
    }
}
