package io.multiregion.data;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.DatabaseSettings;
import io.multiregion.config.DatabaseSizing;
import io.multiregion.network.Connectable;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One region's Aurora cluster of the global database, built by that region's slice in its own stack: the primary
 * (writer) cluster in A by the primary stack, the secondary (read-only) cluster in B by the secondary stack. Place
 * it in its region by passing that region's provider in the options.
 *
 * <p>What it registers: a DB subnet group over the isolated subnets; a security group that admits the database
 * port from the application tier's group only, once {@link #allowFrom} joins them (and, through {@link #admit}, from
 * the other region's application subnets when the inter-region network is on) and has no egress rule (replies to admitted connections need none:
 * security groups are stateful); one CloudWatch Logs group per exported log type, with retention and this region's
 * key; the cluster; and {@code sizing.instances()} DB instances.
 *
 * <p>FSBP controls (Security Hub User Guide, "Security Hub controls for Amazon RDS") held by the inputs:
 * RDS.2 (instances not publicly accessible), RDS.3/RDS.27 (storage encrypted, with this region's customer managed
 * key), RDS.7 (cluster deletion protection; RDS.8 is the instance form, which Aurora sets on the cluster), RDS.10/
 * RDS.12 (IAM database authentication), RDS.11 (automatic backups, at least 7 days), RDS.13/RDS.35 (automatic minor
 * version upgrades on every instance), RDS.16 (copy tags to snapshots), RDS.23 (not the engine's default port,
 * checked by the config reader), RDS.24/RDS.25 (custom master user name, checked by the config reader), RDS.34
 * (Aurora MySQL exports its audit log, and a cluster parameter group turns Advanced Auditing on so that there is
 * one) and log exports for Aurora PostgreSQL.
 *
 * <p>Exceptions, by design: RDS.14 (backtracking) cannot hold, since an Aurora global database does not support
 * backtracking (Aurora User Guide, "Limitations of Amazon Aurora global databases"), and Aurora PostgreSQL has no
 * backtracking at all; no backtrack window is set. RDS.6 (enhanced monitoring) is not set: it needs a monitoring
 * role and is left to the observability tier; Performance Insights is on, encrypted with this region's key.
 *
 * <p>Write forwarding from the secondary is off (not set): the standby serves no traffic until a switchover or
 * failover makes its cluster the writer, and forwarded writes would cross regions with the primary's latency.
 */
public final class RegionalCluster extends ComponentResource {

    /**
     * Built with {@link #builder()}.
     *
     * @param project                 project name, part of every physical name
     * @param stack                   stack name, part of every physical name
     * @param region                  this cluster's region
     * @param primary                 true for the writer cluster in A (the global database's primary), false for
     *                                the read-only secondary in B (default false)
     * @param globalClusterIdentifier the global cluster to join ({@link GlobalDatabase#identifier}; the secondary stack
     *                                reads it from the primary's outputs)
     * @param engineVersion           the global cluster's engine version, which this member is created with (its owner
     *                                is the global cluster: {@link GlobalDatabase#engineVersion} in the primary; in the
     *                                secondary the configured version, which the stack contract checks against the
     *                                primary's)
     * @param database                engine, version, port, backups, windows, master user and database name
     * @param sizing                  instance class and count of this region (checked by {@link DatabaseSizing#check})
     * @param isolatedSubnetIds       the isolated (data) subnets of this region's VPC, in at least two zones
     * @param vpcId                   this region's VPC
     * @param kmsKeyArn               a customer managed key of this region: storage, Performance Insights, log groups
     * @param keyPolicyReady          what the key's policy is complete after (its {@code KeyPolicy} resource); the log
     *                                groups wait for it, because CloudWatch Logs checks the policy when a log group is
     *                                created with a key (terraform-provider-aws#8042); empty when the key's policy is
     *                                inline (default empty)
     * @param masterPassword          the master password (a secret) for the primary; empty for the secondary, which
     *                                takes no credentials (default empty)
     * @param logRetentionDays        retention of the database log groups (a value CloudWatch Logs accepts)
     * @param protect                 refuse deletion and replacement from Pulumi (RDS deletion protection is always on;
     *                                default true)
     */
    public record Args(String project, String stack, AwsRegion region, boolean primary,
                       Output<String> globalClusterIdentifier, Output<String> engineVersion, DatabaseSettings database,
                       DatabaseSizing sizing, Output<List<String>> isolatedSubnetIds, Output<String> vpcId,
                       Output<String> kmsKeyArn, List<Resource> keyPolicyReady, Optional<Output<String>> masterPassword,
                       int logRetentionDays, boolean protect) {
        public Args {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(engineVersion, "engineVersion");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(sizing, "sizing");
            keyPolicyReady = List.copyOf(keyPolicyReady);
            if (primary && masterPassword.isEmpty()) {
                throw new IllegalArgumentException("the primary cluster needs the master password");
            }
            if (!primary && masterPassword.isPresent()) {
                throw new IllegalArgumentException("a secondary cluster takes no master password: it inherits the primary's");
            }
            List<String> problems = DatabaseSizing.check(sizing, "sizing");
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        }

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private String project;
            private String stack;
            private AwsRegion region;
            private boolean primary;
            private Output<String> globalClusterIdentifier;
            private Output<String> engineVersion;
            private DatabaseSettings database;
            private DatabaseSizing sizing;
            private Output<List<String>> isolatedSubnetIds;
            private Output<String> vpcId;
            private Output<String> kmsKeyArn;
            private List<Resource> keyPolicyReady = List.of();
            private Optional<Output<String>> masterPassword = Optional.empty();
            private Integer logRetentionDays;
            private boolean protect = true;

            private Builder() {
            }

            /** The project and the stack, part of every physical name. */
            public Builder names(String project, String stack) {
                this.project = project;
                this.stack = stack;
                return this;
            }

            /** This cluster's region. */
            public Builder region(AwsRegion region) {
                this.region = region;
                return this;
            }

            /**
             * Whether this is the writer cluster in A, the global database's primary, which takes the stored master
             * password (default false: the read-only secondary in B, which takes no credentials).
             */
            public Builder primary(boolean primary, Optional<Output<String>> masterPassword) {
                this.primary = primary;
                this.masterPassword = masterPassword;
                return this;
            }

            /**
             * The global cluster to join and its engine version, which this member is created with (the global cluster
             * owns it: {@link GlobalDatabase#engineVersion} in the primary; in the secondary the configured version,
             * which the stack contract checks against the primary's).
             */
            public Builder globalCluster(Output<String> identifier, Output<String> engineVersion) {
                this.globalClusterIdentifier = identifier;
                this.engineVersion = engineVersion;
                return this;
            }

            /** Engine, version, port, backups, windows, master user and database name. */
            public Builder database(DatabaseSettings database) {
                this.database = database;
                return this;
            }

            /** Instance class and count of this region (checked by {@link DatabaseSizing#check}). */
            public Builder sizing(DatabaseSizing sizing) {
                this.sizing = sizing;
                return this;
            }

            /** This region's VPC and its isolated (data) subnets, in at least two zones. */
            public Builder subnets(Output<String> vpcId, Output<List<String>> isolatedSubnetIds) {
                this.vpcId = vpcId;
                this.isolatedSubnetIds = isolatedSubnetIds;
                return this;
            }

            /**
             * A customer managed key of this region (storage, Performance Insights, log groups) and what its policy is
             * complete after (its {@code KeyPolicy} resource), which the log groups wait for: CloudWatch Logs checks the
             * policy when a log group is created with a key (terraform-provider-aws#8042). Without it (default), the
             * key's policy is taken to be inline.
             */
            public Builder key(Output<String> kmsKeyArn, List<Resource> keyPolicyReady) {
                this.kmsKeyArn = kmsKeyArn;
                this.keyPolicyReady = keyPolicyReady;
                return this;
            }

            /** Retention of the database log groups (a value CloudWatch Logs accepts). */
            public Builder logRetentionDays(int logRetentionDays) {
                this.logRetentionDays = logRetentionDays;
                return this;
            }

            /** Refuse deletion and replacement from Pulumi (default true; RDS deletion protection is always on). */
            public Builder protect(boolean protect) {
                this.protect = protect;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(project, "names are required"), stack,
                        Objects.requireNonNull(region, "region is required"), primary,
                        Objects.requireNonNull(globalClusterIdentifier, "globalCluster is required"), engineVersion,
                        Objects.requireNonNull(database, "database is required"),
                        Objects.requireNonNull(sizing, "sizing is required"),
                        Objects.requireNonNull(isolatedSubnetIds, "subnets are required"), vpcId,
                        Objects.requireNonNull(kmsKeyArn, "key is required"), keyPolicyReady, masterPassword,
                        Objects.requireNonNull(logRetentionDays, "logRetentionDays is required"), protect);
            }
        }
    }

    /**
     * What every member of the global database ignores, whatever its role today. AWS sets or clears
     * {@code replicationSourceIdentifier} and {@code globalClusterIdentifier} on the members when their roles change
     * (a switchover or failover makes A's cluster a secondary, which then reports the new primary's ARN as its
     * replication source), and the provider reads {@code globalClusterIdentifier} back inconsistently: acting on either
     * drift would promote a cluster out of the global database or detach it (terraform-provider-aws#43214, #45398;
     * cloudposse/terraform-aws-rds-cluster#280; in CloudFormation, cloudformation-coverage-roadmap#1857).
     * {@code engineVersion} belongs to the global cluster and moves with upgrades made outside Pulumi
     * ({@link GlobalDatabase}).
     */
    public static final List<String> MEMBER_DRIFT = List.of("replicationSourceIdentifier", "globalClusterIdentifier",
            "engineVersion");

    /** Days of Performance Insights retention kept without charge (Aurora User Guide, "Pricing and data retention for Performance Insights"). */
    static final int PERFORMANCE_INSIGHTS_DAYS = 7;

    /** The cluster identifier (unique across the global database's regions). */
    @Export(name = "clusterIdentifier", refs = {String.class}, tree = "[0]")
    public final Output<String> clusterIdentifier;
    /** The cluster endpoint: the writer in the primary; in a secondary, it accepts writes only after a switchover or failover. */
    @Export(name = "endpoint", refs = {String.class}, tree = "[0]")
    public final Output<String> endpoint;
    /** The reader endpoint, balanced over the cluster's read-only instances. */
    @Export(name = "readerEndpoint", refs = {String.class}, tree = "[0]")
    public final Output<String> readerEndpoint;
    /** The database's security group. */
    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    public final Output<String> securityGroupId;
    /** The cluster's ARN. */
    public final Output<String> arn;
    /** The port the cluster listens on. */
    public final int port;
    public final Cluster cluster;
    public final List<ClusterInstance> instances;
    public final List<LogGroup> logGroups;
    private final String name;

    public RegionalCluster(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:data:RegionalCluster", name, options);
        this.name = name;
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        DatabaseSettings db = args.database();
        String identifier = DbNames.cluster(args.project(), args.stack(), args.region().code());
        this.port = db.port();

        SubnetGroup subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                .name(identifier + "-isolated")
                .description("Isolated subnets of the " + args.project() + " database in " + args.region())
                .subnetIds(args.isolatedSubnetIds())
                .build(), child);

        SecurityGroup group = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .name(identifier + "-db")
                .description("Aurora " + identifier + ": the database port from the application tier only")
                .vpcId(args.vpcId())
                // no egress at all: AWS adds allow-all egress to a new group, and an empty list removes it;
                // ingress is the separate rule below only, so the list is left unmanaged here.
                .egress(List.of())
                .build(), child);
        this.securityGroupId = group.id();

        // Aurora writes to /aws/rds/cluster/<id>/<type> and creates the group itself, without retention or key,
        // unless it exists (Aurora User Guide, "Publishing database logs to Amazon CloudWatch Logs"): create each
        // first, with retention and this region's key, and only once the key's policy lets CloudWatch Logs use it.
        List<LogGroup> groups = new ArrayList<>();
        for (String type : db.engine().logExports()) {
            groups.add(new LogGroup(name + "-log-" + type, LogGroupArgs.builder()
                    .name("/aws/rds/cluster/" + identifier + "/" + type)
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(args.kmsKeyArn())
                    .build(),
                    CustomResourceOptions.builder().parent(this)
                            // CloudWatch Logs checks the key policy when the group is created with the key.
                            .dependsOn(args.keyPolicyReady()).build()));
        }
        this.logGroups = List.copyOf(groups);

        ClusterArgs.Builder cluster = ClusterArgs.builder()
                .clusterIdentifier(identifier)
                .globalClusterIdentifier(args.globalClusterIdentifier())
                .engine(db.engine().value())
                .engineVersion(args.engineVersion()) // the global cluster's (its owner)
                .port(db.port())
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(group.id().applyValue(List::of))
                .storageEncrypted(true)
                .kmsKeyId(args.kmsKeyArn()) // a key of this cluster's own region (encrypted secondaries need one in B)
                .deletionProtection(true)
                .iamDatabaseAuthenticationEnabled(true)
                .enabledCloudwatchLogsExports(db.engine().logExports())
                .copyTagsToSnapshot(true)
                .backupRetentionPeriod(db.backupRetentionDays())
                .skipFinalSnapshot(false)
                .finalSnapshotIdentifier(DbNames.finalSnapshot(identifier));
        db.engine().parameterFamily().ifPresent(family -> {
            ClusterParameterGroup parameters = new ClusterParameterGroup(name + "-parameters", ClusterParameterGroupArgs.builder()
                    .name(identifier + "-audit")
                    .family(family)
                    .description("Advanced Auditing for " + identifier + " (FSBP RDS.34)")
                    .parameters(db.engine().clusterParameters().entrySet().stream()
                            .map(e -> ClusterParameterGroupParameterArgs.builder()
                                    .name(e.getKey()).value(e.getValue()).applyMethod("immediate").build())
                            .toList())
                    .build(), child);
            cluster.dbClusterParameterGroupName(parameters.name());
        });
        db.preferredBackupWindow().ifPresent(cluster::preferredBackupWindow);
        db.preferredMaintenanceWindow().ifPresent(cluster::preferredMaintenanceWindow);
        List<String> ignored = new ArrayList<>(MEMBER_DRIFT);
        if (args.primary()) {
            cluster.masterUsername(db.masterUsername())
                    .masterPassword(args.masterPassword().orElseThrow().asSecret())
                    .databaseName(db.databaseName());
            // masterPassword: the stored password (DatabaseCredentials reads it from the secret version's state), set at
            // creation and then left to rotation outside Pulumi, never rolled back.
            ignored.add("masterPassword");
        }
        // A secondary takes no master user, no password and no replicationSourceIdentifier: it joins the global
        // cluster and inherits them; with replicationSourceIdentifier set, RDS tries to create a standalone cluster
        // and asks for a MasterUsername (terraform-provider-aws#43214).
        List<Resource> logsFirst = new ArrayList<>(groups);
        this.cluster = new Cluster(name, cluster.build(), CustomResourceOptions.builder().parent(this)
                .protect(args.protect())
                .ignoreChanges(ignored)
                // the log groups exist before the cluster exports to them, so RDS does not create them unencrypted.
                .dependsOn(logsFirst)
                .build());
        this.arn = this.cluster.arn();
        this.clusterIdentifier = this.cluster.clusterIdentifier();
        this.endpoint = this.cluster.endpoint();
        this.readerEndpoint = this.cluster.readerEndpoint();

        List<ClusterInstance> created = new ArrayList<>();
        for (int n = 1; n <= args.sizing().instances(); n++) {
            created.add(new ClusterInstance(name + "-" + n, ClusterInstanceArgs.builder()
                    .identifier(DbNames.instance(identifier, n))
                    .clusterIdentifier(this.cluster.id())
                    .engine(db.engine().value())
                    .instanceClass(args.sizing().instanceClass())
                    .dbSubnetGroupName(subnets.name())
                    .publiclyAccessible(false)
                    .autoMinorVersionUpgrade(true)
                    .performanceInsightsEnabled(true)
                    .performanceInsightsKmsKeyId(args.kmsKeyArn())
                    .performanceInsightsRetentionPeriod(PERFORMANCE_INSIGHTS_DAYS)
                    .promotionTier(n == 1 ? 0 : 1) // the first instance is the preferred writer after a failover
                    .build(),
                    CustomResourceOptions.builder().parent(this).protect(args.protect())
                            // the engine version follows the cluster's (upgrades go through the global cluster).
                            .ignoreChanges(List.of("engineVersion"))
                            .build()));
        }
        this.instances = List.copyOf(created);

        registerOutputs(Map.of("clusterIdentifier", clusterIdentifier, "endpoint", endpoint,
                "readerEndpoint", readerEndpoint, "securityGroupId", securityGroupId));
    }

    /**
     * Lets the application tier reach the database port, and only the database port (AWS CDK's
     * {@code cluster.connections.allowDefaultPortFrom(app)}): this cluster's group admits the port from the application's
     * group ({@code <cluster>-from-app}, a child of this cluster), and the application's group may send to this cluster's
     * group on it ({@code <app>-to-db}, registered with {@code appSide}). Nothing else reaches the cluster in its VPC.
     *
     * @param app     the application tier
     * @param appSide the options of the application's rule (its parent: where the application's rules live)
     * @return both rules
     */
    public List<Resource> allowFrom(Connectable app, CustomResourceOptions appSide) {
        SecurityGroupIngressRule in = new SecurityGroupIngressRule(name + "-from-app", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(securityGroupId)
                .referencedSecurityGroupId(app.securityGroup())
                .ipProtocol("tcp")
                .fromPort(port)
                .toPort(port)
                .description("Aurora from the application tier")
                .build(), CustomResourceOptions.builder().parent(this).build());
        SecurityGroupEgressRule out = new SecurityGroupEgressRule(app.connectionName() + "-to-db",
                SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(app.securityGroup())
                        .description("the database port, to the data tier only")
                        .ipProtocol("tcp").fromPort(port).toPort(port)
                        .referencedSecurityGroupId(securityGroupId)
                        .build(), appSide);
        return List.of(in, out);
    }

    /**
     * Admits, on the database port, clients that no security group of this VPC can name: one ingress rule per block,
     * parented to this cluster. It serves the other region's application tier, whose traffic arrives over the
     * inter-region transit gateway peering: a rule can reference another VPC's security group across a transit
     * gateway only within one Region (AWS Networking blog, "Introducing security group referencing for AWS Transit
     * Gateway"), so the rule names the client subnets' blocks, which the caller narrows to the subnets that need
     * the database.
     *
     * @param label       who the clients are, in the rules' logical names (e.g. {@code eu-central-1-app})
     * @param cidrs       the client subnets' blocks
     * @param description the rules' description
     */
    public List<SecurityGroupIngressRule> admit(String label, List<String> cidrs, String description) {
        if (cidrs.isEmpty()) {
            throw new IllegalArgumentException("no client block to admit from " + label);
        }
        List<SecurityGroupIngressRule> rules = new ArrayList<>();
        for (int i = 0; i < cidrs.size(); i++) {
            rules.add(new SecurityGroupIngressRule(name + "-from-" + label + "-" + (i + 1),
                    SecurityGroupIngressRuleArgs.builder()
                            .securityGroupId(securityGroupId)
                            .cidrIpv4(cidrs.get(i))
                            .ipProtocol("tcp")
                            .fromPort(port)
                            .toPort(port)
                            .description(description)
                            .build(),
                    CustomResourceOptions.builder().parent(this).build()));
        }
        return List.copyOf(rules);
    }
}
