package io.multiregion.slice;

import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
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
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.Statement;
import io.multiregion.images.ImageRepositories;
import io.multiregion.network.Network;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.RegionalKey;
import io.multiregion.web.LoadBalancer;
import io.multiregion.web.OriginAccess;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one region runs for itself: its network, its load balancer, its application tier, its cluster of the
 * global database and the CodeDeploy target its pipeline deploys to. Both stacks build this same component for their home region, with their own
 * sizing: the active application in A, a smaller, fully working warm standby in B. The slice is placed in its
 * region by the provider in its options; its tiers take it from the slice.
 */
public final class RegionSlice extends ComponentResource {

    /** How a region's slice is sized: active (serves traffic) or warm standby (smaller, grows after a failover). */
    public enum Profile { ACTIVE, STANDBY }

    /**
     * @param region                 the slice's region
     * @param profile                active (the primary) or standby (the secondary)
     * @param project                the project, in names
     * @param stack                  the stack, in names (the CodeDeploy application is {@code <project>-<stack>})
     * @param network                this region's VPC block and zones
     * @param flowLogRetentionDays   retention of the VPC flow logs (default 365)
     * @param sizing                 instance type, group sizes and NAT gateways of this stack
     * @param domain                 the application's DNS name and zone; empty: HTTP only (default empty)
     * @param deletionProtection     deletion protection on the load balancer (default true)
     * @param protectData            protect the access-log bucket (default true)
     * @param noncurrentVersionDays  days old log object versions are kept (default 90)
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

        /** With a load balancer anyone may reach. */
        public Args(AwsRegion region, Profile profile, String project, String stack,
                    NetworkSettings.RegionNetwork network, int flowLogRetentionDays, Sizing sizing,
                    Optional<DomainSettings> domain, boolean deletionProtection, boolean protectData,
                    int noncurrentVersionDays, RegionalKey key, Data data, String deployApplicationName) {
            this(region, profile, project, stack, network, flowLogRetentionDays, sizing, domain, deletionProtection,
                    protectData, noncurrentVersionDays, key, data, deployApplicationName, OriginAccess.Ingress.PUBLIC);
        }

        /** With the default CodeDeploy application name, {@code <project>-<stack>}. */
        public Args(AwsRegion region, Profile profile, String project, String stack,
                    NetworkSettings.RegionNetwork network, int flowLogRetentionDays, Sizing sizing,
                    Optional<DomainSettings> domain, boolean deletionProtection, boolean protectData,
                    int noncurrentVersionDays, RegionalKey key, Data data) {
            this(region, profile, project, stack, network, flowLogRetentionDays, sizing, domain, deletionProtection,
                    protectData, noncurrentVersionDays, key, data, project + "-" + stack);
        }
    }

    /** The name of the CodeDeploy target component of the slice named {@code sliceName}. */
    public static String deployComponent(String sliceName) {
        return sliceName + "-deploy";
    }

    /**
     * The slice's share of what the primary stack owns for both regions: its regional cluster of the global database,
     * the copy of the database secret its application reads, the image repository its instances pull from, and, with a
     * domain, the validation record of the application's name.
     *
     * @param globalClusterIdentifier the global cluster this region's cluster joins
     * @param engineVersion           the global cluster's engine version, which this region's cluster is created with
     * @param database                engine, port, backups, windows, names
     * @param primary                 whether this region's cluster is the writer (region A)
     * @param masterPassword          the stored master password (the writer cluster only)
     * @param secretRead              the application's read access to this region's copy of the database secret, as its
     *                                owner grants it ({@code DatabaseCredentials.grantRead} in A, {@code readStatements}
     *                                with the replica's ARN and key from the contract in B)
     * @param imageRepositoryArn      the image repository in this region
     * @param logRetentionDays        retention of the database's log groups (default 365)
     * @param applicationNameRecord   with a domain, the FQDN of the application name's validation record when another
     *                                stack owns it (the secondary); empty when this stack writes it (the primary)
     */
    public record Data(Output<String> globalClusterIdentifier, Output<String> engineVersion, DatabaseSettings database,
                       boolean primary, Optional<Output<String>> masterPassword, List<Statement> secretRead,
                       Output<String> imageRepositoryArn, int logRetentionDays,
                       Optional<Output<String>> applicationNameRecord) {
        public Data {
            secretRead = List.copyOf(secretRead);
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
        RegionalKey key = args.key();
        Data data = args.data();

        this.network = new Network(name + "-vpc", new Network.Args(region, args.stack(), args.network().cidr(),
                args.network().availabilityZones(), args.network().zones(), args.sizing().natGateways(),
                args.flowLogRetentionDays(), key.arn, key.policy), inside);

        // internet-facing: it waits for the VPC's internet gateway (Network#internetGateway)
        this.web = new LoadBalancer(name + "-web", new LoadBalancer.Args(region, network.vpcId, network.publicSubnetIds,
                AppTier.DEFAULT_APP_PORT, args.deletionProtection(), args.protectData(), args.noncurrentVersionDays(),
                args.domain(), network.internetGateway, data.applicationNameRecord(), args.ingress()), inside);

        // The release revisions' owner (the region's pipeline) grants the instances read access to them; the secret's
        // owner grants read on this region's copy, with the key that encrypts that copy. The group waits for the
        // network its instances need on first boot.
        AppTier.Args appArgs = AppTier.Args.of(region, args.sizing(), network.vpcId,
                network.privateSubnetIds, AppTier.DEFAULT_APP_PORT, web.securityGroupId, web.targetGroupArn,
                web.requestCountLabel, key.arn, Optional.of(key.policy), Optional.empty(),
                Optional.of(new AppTier.SecretAccess(data.secretRead())), network.privateEgress);
        // the standby's minimum is raised by the recovery runbook after a failover
        this.app = new AppTier(name + "-app", args.profile() == Profile.STANDBY ? appArgs.withRecoveryScaling()
                : appArgs, inside);

        this.database = new RegionalCluster(name + "-db", new RegionalCluster.Args(args.project(), args.stack(), region,
                data.primary(), data.globalClusterIdentifier(), data.engineVersion(), data.database(),
                args.sizing().database(),
                network.isolatedSubnetIds, network.vpcId, app.securityGroupId, key.arn, List.of(key.policy),
                data.masterPassword(), data.logRetentionDays(), args.protectData()), inside);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        // The application tier's only way to the data tier: its database port, to the cluster's group.
        new SecurityGroupEgressRule(name + "-app-to-db", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(app.securityGroupId)
                .description("the database port, to the data tier only")
                .ipProtocol("tcp").fromPort(database.port).toPort(database.port)
                .referencedSecurityGroupId(database.securityGroupId)
                .build(), child);
        // The images live with their owner (the primary's repository pair): the instances may pull from this
        // region's repository.
        new RolePolicy(name + "-app-images", RolePolicyArgs.builder()
                .role(app.instanceRoleName)
                .policy(PolicyDocument.of(ImageRepositories.pullStatements("PullApplicationImages",
                        data.imageRepositoryArn())))
                .build(), child);

        this.deploy = new DeployTarget(deployComponent(name), DeployTarget.Args.of(region,
                args.deployApplicationName(), app.autoScalingGroupName, web.targetGroupName,
                new DeployTarget.Launch(app.launchTemplateId, app.instanceRoleArn)), inside);

        this.url = web.url;
        registerOutputs(Map.of("url", url));
    }
}
