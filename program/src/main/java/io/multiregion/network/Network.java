package io.multiregion.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.aws.outputs.GetAvailabilityZonesResult;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.SubnetPlan;
import io.multiregion.values.Outputs;
import io.multiregion.config.NetworkSettings;
import io.multiregion.iam.Actions;
import io.multiregion.iam.ServiceRole;
import io.multiregion.iam.Statement;
import io.multiregion.regions.Arns;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One region's VPC: public, private (application) and isolated (data) subnets in each zone
 * ({@link SubnetPlan}), an internet gateway, NAT gateways, an S3 gateway endpoint, VPC flow logs, and the default
 * security group stripped of its rules. The caller places it in a region by passing that region's provider in the
 * options; every child and the zone lookup take it from this component.
 *
 * <p>Routing:
 * <ul>
 *   <li>public subnets share one route table with {@code 0.0.0.0/0} to the internet gateway;</li>
 *   <li>each private subnet has its own route table with {@code 0.0.0.0/0} to NAT gateway {@code i mod n} (NAT
 *       gateway {@code j} sits in public subnet {@code j}); with 0 NAT gateways the private subnets have no route to
 *       the internet (instances then reach AWS only through the S3 endpoint);</li>
 *   <li>the isolated subnets share one route table with no route to the internet;</li>
 *   <li>the S3 gateway endpoint is on the private and isolated route tables, through the endpoint's
 *       {@code routeTableIds} only: a gateway endpoint takes its route tables through one mechanism, either its
 *       {@code routeTableIds} or separate {@code VpcEndpointRouteTableAssociation} resources, never both (Pulumi AWS
 *       docs, aws.ec2.VpcEndpoint: "Do not use the same route table ID in both a VPC Endpoint resource and a VPC Endpoint
 *       Route Table Association resource"). The private and isolated route table ids are outputs
 *       ({@link #internalRouteTableIds}): {@link TransitGatewayAttachment} adds the routes to the peer region to them,
 *       and attaches the VPC to its region's transit gateway in the private subnets.</li>
 * </ul>
 *
 * <p>AWS Foundational Security Best Practices controls for the network:
 * <ul>
 *   <li>EC2.2: the default security group has no rules ({@link DefaultSecurityGroup} with none);</li>
 *   <li>EC2.6: flow logs of ALL traffic to a KMS-encrypted log group;</li>
 *   <li>EC2.15: no subnet auto-assigns public IPv4 addresses, the public ones included. Nothing there needs it: an
 *       internet-facing load balancer gets its public addresses from Elastic Load Balancing, and each NAT gateway has
 *       its Elastic IP; the application's instances are in the private subnets;</li>
 *   <li>EC2.10 (an interface endpoint for the EC2 API): not built, a documented exception. Nothing in the VPC
 *       calls the EC2 API on a path that must stay private, and each interface endpoint is billed per zone and
 *       hour (AWS PrivateLink pricing); add one with the other interface endpoints when the application needs them;</li>
 *   <li>EC2.9, EC2.18 (instances and security groups) belong to the application tier; EC2.23 to the Transit
 *       Gateway.</li>
 * </ul>
 */
public final class Network extends ComponentResource {

    /** The service that delivers flow logs (Amazon VPC User Guide, "IAM role for publishing flow logs to CloudWatch Logs"). */
    static final String FLOW_LOGS_SERVICE = "vpc-flow-logs.amazonaws.com";
    /** CloudWatch Logs log group names: 1 to 512 characters of a-z A-Z 0-9 _ - / . # (CloudWatch Logs API Reference, CreateLogGroup). */
    static final int LOG_GROUP_NAME = 512;
    private static final Pattern LOG_GROUP_CHARS = Pattern.compile("^[A-Za-z0-9_\\-/.#]+$");

    /**
     * What the network needs, built with {@link #builder()}. No field has a default: the config defaults live in
     * {@link io.multiregion.config.NetworkSettings}.
     *
     * @param region               the region the caller's provider points at (partition, endpoint service name, ARNs)
     * @param stack                the stack name, put in every physical name and Name tag
     * @param cidr                 the VPC block (validated by {@link SubnetPlan#problems})
     * @param zones                the zones by name, or empty to take the first {@code zoneCount} available zones the
     *                             region reports
     * @param zoneCount            zones with subnets; equals {@code zones}' size when they are given
     * @param natGateways          NAT gateways, 0 to {@code zoneCount}
     * @param flowLogRetentionDays days the flow log group keeps records
     * @param flowLogKeyArn        ARN of the region's KMS key that encrypts the flow log group
     * @param flowLogKeyPolicy     the key's policy resource: the log group is created only after it, since CloudWatch
     *                             Logs checks at creation that the policy lets it use the key (terraform-provider-aws#8042)
     */
    public record Args(AwsRegion region, String stack, String cidr, Optional<List<String>> zones, int zoneCount,
                       int natGateways, int flowLogRetentionDays, Output<String> flowLogKeyArn, Resource flowLogKeyPolicy) {
        public Args {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(stack, "stack");
            Objects.requireNonNull(cidr, "cidr");
            Objects.requireNonNull(flowLogKeyArn, "flowLogKeyArn");
            Objects.requireNonNull(flowLogKeyPolicy, "flowLogKeyPolicy");
            zones = zones.map(List::copyOf);
            if (zones.map(List::size).filter(n -> n != zoneCount).isPresent()) {
                throw new IllegalArgumentException("zones names " + zones.map(List::size).orElse(0) + " zones, zoneCount is " + zoneCount);
            }
            if (natGateways < 0 || natGateways > zoneCount) {
                throw new IllegalArgumentException("natGateways must be 0 to " + zoneCount + ", not " + natGateways);
            }
            if (flowLogRetentionDays < 1) {
                throw new IllegalArgumentException("flowLogRetentionDays must be positive, not " + flowLogRetentionDays);
            }
        }

        /** Named construction: every field must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}. */
        public static final class Builder {
            private AwsRegion region;
            private String stack;
            private String cidr;
            private Optional<List<String>> zones;
            private Integer zoneCount;
            private Integer natGateways;
            private Integer flowLogRetentionDays;
            private Output<String> flowLogKeyArn;
            private Resource flowLogKeyPolicy;

            private Builder() {
            }

            /** The region the caller's provider points at (partition, endpoint service name, ARNs). */
            public Builder region(AwsRegion region) {
                this.region = region;
                return this;
            }

            /** The stack name, put in every physical name and Name tag. */
            public Builder stack(String stack) {
                this.stack = stack;
                return this;
            }

            /**
             * The region's block and zones as configured: the VPC block (validated by {@link SubnetPlan#problems}), the
             * number of zones with subnets, and their names, or empty to take the first zones the region reports.
             */
            public Builder block(NetworkSettings.RegionNetwork network) {
                return block(network.cidr(), network.availabilityZones(), network.zones());
            }

            /**
             * The VPC block (validated by {@link SubnetPlan#problems}), the zones by name or empty to take the first
             * {@code zoneCount} available zones the region reports, and the number of zones with subnets.
             */
            public Builder block(String cidr, Optional<List<String>> zones, int zoneCount) {
                this.cidr = cidr;
                this.zones = zones;
                this.zoneCount = zoneCount;
                return this;
            }

            /** NAT gateways, 0 to the number of zones. */
            public Builder natGateways(int natGateways) {
                this.natGateways = natGateways;
                return this;
            }

            /**
             * The flow log group's retention, the ARN of the region's KMS key that encrypts it, and the key's policy
             * resource: the log group is created only after it, since CloudWatch Logs checks at creation that the policy
             * lets it use the key (terraform-provider-aws#8042).
             */
            public Builder flowLogs(int retentionDays, Output<String> keyArn, Resource keyPolicy) {
                this.flowLogRetentionDays = retentionDays;
                this.flowLogKeyArn = keyArn;
                this.flowLogKeyPolicy = keyPolicy;
                return this;
            }

            /** The args; fails naming the first field left unset. */
            public Args build() {
                return new Args(region, stack, Objects.requireNonNull(cidr, "block is required"), zones, zoneCount,
                        Objects.requireNonNull(natGateways, "natGateways is required"),
                        Objects.requireNonNull(flowLogRetentionDays, "flowLogs are required"), flowLogKeyArn,
                        flowLogKeyPolicy);
            }
        }
    }

    /** The VPC's id. */
    @Export(name = "vpcId", refs = {String.class}, tree = "[0]")
    public final Output<String> vpcId;
    /** The VPC's CIDR block. */
    @Export(name = "vpcCidr", refs = {String.class}, tree = "[0]")
    public final Output<String> vpcCidr;
    /** Public subnet ids, in zone order (load balancer, NAT gateways). */
    @Export(name = "publicSubnetIds", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> publicSubnetIds;
    /** Private (application) subnet ids, in zone order. */
    @Export(name = "privateSubnetIds", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> privateSubnetIds;
    /** Isolated (data) subnet ids, in zone order. */
    @Export(name = "isolatedSubnetIds", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> isolatedSubnetIds;
    /** Private route table ids, one per zone (for routes to the peer region). */
    @Export(name = "privateRouteTableIds", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> privateRouteTableIds;
    /** The isolated subnets' route table id, in a list (for routes to the peer region). */
    @Export(name = "isolatedRouteTableIds", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> isolatedRouteTableIds;
    /**
     * The route tables of the subnets that never reach the internet directly, by the suffix of their logical name:
     * {@code private-1} to {@code private-n} (one per zone), then {@code isolated}. Each is its own output, so that a
     * caller can add one route per table (the routes to the peer region over a transit gateway).
     */
    public final Map<String, Output<String>> internalRouteTableIds;
    /** The zones holding the subnets, in zone order. */
    @Export(name = "zoneNames", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> zoneNames;
    /** The subnet layout. */
    public final SubnetPlan plan;
    /** The flow log group's name. */
    public final String flowLogGroupName;
    /**
     * What an internet-facing load balancer in the public subnets waits for: the internet gateway (attached to the VPC
     * as it is created) and the public route to it. Elastic Load Balancing refuses an internet-facing load balancer
     * in a VPC without an attached internet gateway ({@code InvalidSubnet: VPC ... has no internet gateway}), and the
     * provider does not retry it (terraform-provider-aws#3494, #3580; openshift/installer#1110).
     */
    public final List<Resource> internetGateway;
    /**
     * What an instance in a private subnet needs on its first boot to reach AWS and the package mirrors: the
     * private subnets' route tables and their associations (an unassociated subnet uses the VPC's main table, which
     * has no internet route), the routes to the NAT gateways, the NAT gateways and the public route they send through,
     * and the S3 gateway endpoint (the Amazon Linux repositories and the CodeDeploy agent's bucket are in S3). An Auto
     * Scaling group launches at once, so it waits for all of them.
     */
    public final List<Resource> privateEgress;

    public Network(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:network:Network", name, options);
        this.plan = SubnetPlan.of(args.cidr(), args.zoneCount());
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String stack = args.stack();
        AwsRegion region = args.region();

        this.zoneNames = args.zones().map(Output::of).orElseGet(() -> availableZones(region))
                .applyValue(answered -> chooseZones(answered, args.zoneCount(), region));

        Vpc vpc = new Vpc(name, VpcArgs.builder()
                .cidrBlock(plan.vpcCidr())
                .enableDnsSupport(true)
                .enableDnsHostnames(true) // interface endpoints and the database need DNS names inside the VPC
                .tags(tags(stack, name, "vpc"))
                .build(), child);
        this.vpcId = vpc.id();
        this.vpcCidr = vpc.cidrBlock();

        // FSBP EC2.2: adopting the default security group with no ingress or egress removes all its rules
        // (Pulumi AWS docs, aws.ec2.DefaultSecurityGroup).
        new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .tags(tags(stack, name, "default-sg-no-rules"))
                .build(), child);

        InternetGateway igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(tags(stack, name, "igw"))
                .build(), child);

        List<Subnet> publicSubnets = new ArrayList<>();
        List<Subnet> privateSubnets = new ArrayList<>();
        List<Subnet> isolatedSubnets = new ArrayList<>();
        for (int i = 0; i < args.zoneCount(); i++) {
            final int zone = i;
            Output<String> az = zoneNames.applyValue(z -> z.get(zone));
            publicSubnets.add(subnet(name, stack, "public", i, plan.publicCidrs().get(i), az, vpc, child));
            privateSubnets.add(subnet(name, stack, "private", i, plan.privateCidrs().get(i), az, vpc, child));
            isolatedSubnets.add(subnet(name, stack, "isolated", i, plan.isolatedCidrs().get(i), az, vpc, child));
        }

        List<Resource> egress = new ArrayList<>();
        RouteTable publicTable = routeTable(name + "-public", stack, vpc, child);
        Route publicRoute = new Route(name + "-public-internet", RouteArgs.builder()
                .routeTableId(publicTable.id())
                .destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igw.id())
                .build(), child);
        this.internetGateway = List.of(igw, publicRoute);
        egress.add(publicRoute);
        for (int i = 0; i < publicSubnets.size(); i++) {
            egress.add(associate(name + "-public-" + (i + 1), publicTable, publicSubnets.get(i), child));
        }

        // NAT gateway j in public subnet j. The EIP and the NAT gateway wait for the internet gateway: AWS refuses
        // both until the VPC has one attached (Pulumi AWS docs, aws.ec2.Eip and aws.ec2.NatGateway: "depends on the
        // Internet Gateway").
        CustomResourceOptions afterIgw = CustomResourceOptions.builder().parent(this).dependsOn(igw).build();
        List<NatGateway> nats = new ArrayList<>();
        for (int j = 0; j < args.natGateways(); j++) {
            Eip eip = new Eip(name + "-nat-" + (j + 1), EipArgs.builder()
                    .domain("vpc")
                    .tags(tags(stack, name, "nat-" + (j + 1)))
                    .build(), afterIgw);
            nats.add(new NatGateway(name + "-nat-" + (j + 1), NatGatewayArgs.builder()
                    .allocationId(eip.id()) // an EIP's id is its allocation id
                    .subnetId(publicSubnets.get(j).id())
                    .connectivityType("public")
                    .tags(tags(stack, name, "nat-" + (j + 1)))
                    .build(), afterIgw));
        }

        egress.addAll(nats);
        List<Output<String>> privateTableIds = new ArrayList<>();
        Map<String, Output<String>> internalTables = new LinkedHashMap<>();
        for (int i = 0; i < privateSubnets.size(); i++) {
            RouteTable table = routeTable(name + "-private-" + (i + 1), stack, vpc, child);
            egress.add(table);
            if (!nats.isEmpty()) {
                egress.add(new Route(name + "-private-" + (i + 1) + "-internet", RouteArgs.builder()
                        .routeTableId(table.id())
                        .destinationCidrBlock("0.0.0.0/0")
                        .natGatewayId(nats.get(i % nats.size()).id())
                        .build(), child));
            }
            egress.add(associate(name + "-private-" + (i + 1), table, privateSubnets.get(i), child));
            privateTableIds.add(table.id());
            internalTables.put("private-" + (i + 1), table.id());
        }

        RouteTable isolatedTable = routeTable(name + "-isolated", stack, vpc, child);
        internalTables.put("isolated", isolatedTable.id());
        this.internalRouteTableIds = Collections.unmodifiableMap(internalTables);
        for (int i = 0; i < isolatedSubnets.size(); i++) {
            associate(name + "-isolated-" + (i + 1), isolatedTable, isolatedSubnets.get(i), child);
        }

        List<Output<String>> endpointTables = new ArrayList<>(privateTableIds);
        endpointTables.add(isolatedTable.id());
        egress.add(new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName(endpointService(region, "s3"))
                .vpcEndpointType("Gateway")
                .routeTableIds(Output.all(endpointTables)) // the only mechanism: no VpcEndpointRouteTableAssociation (above)
                .tags(tags(stack, name, "s3"))
                .build(), child));
        this.privateEgress = List.copyOf(egress);

        this.flowLogGroupName = flowLogGroupName(stack, name);
        flowLogs(name, args, vpc);

        this.publicSubnetIds = ids(publicSubnets);
        this.privateSubnetIds = ids(privateSubnets);
        this.isolatedSubnetIds = ids(isolatedSubnets);
        this.privateRouteTableIds = Output.all(privateTableIds);
        this.isolatedRouteTableIds = Outputs.listOf(isolatedTable.id());

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("vpcId", vpcId);
        outputs.put("vpcCidr", vpcCidr);
        outputs.put("publicSubnetIds", publicSubnetIds);
        outputs.put("privateSubnetIds", privateSubnetIds);
        outputs.put("isolatedSubnetIds", isolatedSubnetIds);
        outputs.put("privateRouteTableIds", privateRouteTableIds);
        outputs.put("isolatedRouteTableIds", isolatedRouteTableIds);
        outputs.put("zoneNames", zoneNames);
        registerOutputs(Collections.unmodifiableMap(outputs));
    }

    /**
     * Flow logs of ALL traffic (FSBP EC2.6) to a log group encrypted with the region's key, delivered through a role
     * that only the flow-logs service of this account may assume, for flow logs of this account and region
     * (Amazon VPC User Guide, "IAM role for publishing flow logs to CloudWatch Logs": aws:SourceAccount and
     * aws:SourceArn in the trust policy).
     */
    private void flowLogs(String name, Args args, Vpc vpc) {
        AwsRegion region = args.region();
        LogGroup logGroup = new LogGroup(name + "-flow-logs", LogGroupArgs.builder()
                .name(flowLogGroupName)
                .retentionInDays(args.flowLogRetentionDays())
                .kmsKeyId(args.flowLogKeyArn())
                .tags(tags(args.stack(), name, "flow-logs"))
                .build(),
                // CloudWatch Logs checks at creation that the key policy lets it use the key; a key whose policy is a
                // separate resource still has the default one until that resource exists (terraform-provider-aws#8042)
                CustomResourceOptions.builder().parent(this).dependsOn(args.flowLogKeyPolicy()).build());

        Output<String> account = args.flowLogKeyArn().applyValue(Arns::accountOf);
        Output<String> flowLogs = account.applyValue(a -> flowLogArns(region, a));
        // Of the actions the VPC User Guide lists for this role, CreateLogGroup and DescribeLogGroups are left out:
        // the log group exists before the flow log, so the service neither creates nor looks for it.
        ServiceRole role = ServiceRole.create(name + "-flow-logs", FLOW_LOGS_SERVICE,
                List.of(Statement.Condition.of("StringEquals", "aws:SourceAccount", account),
                        Statement.Condition.of("ArnLike", "aws:SourceArn", flowLogs)),
                "Delivers the VPC flow logs of " + name + " (" + args.stack() + ") to " + flowLogGroupName,
                List.of(Statement.allow("WriteFlowLogStreams").actions(Actions.LOGS_WRITE)
                                .resource(logGroup.arn().applyValue(Arns::logStreamsOf)).build(),
                        Statement.allow("ListFlowLogStreams").actions(Actions.LOGS_LIST_STREAMS)
                                .resource(logGroup.arn().applyValue(Arns::logGroupForActions)).build()),
                CustomResourceOptions.builder().parent(this).build());

        new FlowLog(name + "-flow-log", FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.arn())
                .tags(tags(args.stack(), name, "flow-log"))
                .build(),
                // the service delivers as soon as the flow log exists: the role's permissions must be in place first
                CustomResourceOptions.builder().parent(this).dependsOn(role.policy()).build());
    }

    /** The zones the region reports as available, excluding Local and Wavelength Zones, through this component's provider. */
    private Output<List<String>> availableZones(AwsRegion region) {
        return AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                        .state("available")
                        // only Availability Zones, never opted-in Local Zones (AWS provider docs, aws.getAvailabilityZones)
                        .filters(GetAvailabilityZonesFilterArgs.builder().name("opt-in-status").values("opt-in-not-required").build())
                        .build(),
                new InvokeOutputOptions(this, null, null, null, List.of()))
                .applyValue(GetAvailabilityZonesResult::names);
    }

    /**
     * The first {@code count} zones of an answer; an empty or short answer is an error naming the region and the fix,
     * never a network with fewer subnets than asked for.
     */
    static List<String> chooseZones(List<String> answered, int count, AwsRegion region) {
        List<String> zones = answered == null ? List.of() : answered;
        if (zones.isEmpty()) {
            throw new IllegalStateException("no availability zones in " + region.code() + ": the zone lookup answered none, "
                    + "so no subnet can be placed; list the zones in multiregion:network (availabilityZones of this region, e.g. ["
                    + region.code() + "a, " + region.code() + "b])");
        }
        if (zones.size() < count) {
            throw new IllegalStateException("only " + zones.size() + " availability zones in " + region.code() + " (" + zones
                    + "), " + count + " asked for; lower zones or list availabilityZones for this region in multiregion:network");
        }
        return List.copyOf(zones.subList(0, count));
    }

    /** {@code /multiregion/<stack>/vpc-flow-logs/<name>}, checked against CloudWatch Logs' name rules. */
    static String flowLogGroupName(String stack, String name) {
        String groupName = "/multiregion/" + stack + "/vpc-flow-logs/" + name;
        if (groupName.length() > LOG_GROUP_NAME || !LOG_GROUP_CHARS.matcher(groupName).matches()) {
            throw new IllegalArgumentException("log group name '" + groupName + "' breaks CloudWatch Logs' rules (1 to "
                    + LOG_GROUP_NAME + " characters of a-z A-Z 0-9 _ - / . #)");
        }
        return groupName;
    }

    /** {@code arn:<partition>:ec2:<region>:<account>:vpc-flow-log/*}: every flow log of the account in the region. */
    static String flowLogArns(AwsRegion region, String account) {
        return "arn:" + region.partition() + ":ec2:" + region.code() + ":" + account + ":vpc-flow-log/*";
    }

    /**
     * A gateway or interface endpoint's service name: the partition's reverse DNS prefix, the region, the service
     * ({@code com.amazonaws.eu-west-1.s3}, {@code cn.com.amazonaws.cn-north-1.s3}).
     */
    static String endpointService(AwsRegion region, String service) {
        List<String> labels = new ArrayList<>(Arrays.asList(region.dnsSuffix().split("\\.")));
        Collections.reverse(labels);
        return String.join(".", labels) + "." + region.code() + "." + service;
    }

    private Subnet subnet(String name, String stack, String tier, int index, String cidr, Output<String> zone,
                          Vpc vpc, CustomResourceOptions child) {
        String logical = name + "-" + tier + "-" + (index + 1);
        return new Subnet(logical, SubnetArgs.builder()
                .vpcId(vpc.id())
                .cidrBlock(cidr)
                .availabilityZone(zone)
                // FSBP EC2.15 (Security Hub User Guide, "Amazon EC2 subnets should not automatically assign public IP
                // addresses"): no subnet does, the public ones included. The load balancer's public addresses come from
                // Elastic Load Balancing and each NAT gateway's from its Elastic IP, whatever the subnet's setting.
                .mapPublicIpOnLaunch(false)
                .tags(tags(stack, name, tier + "-" + (index + 1)))
                .build(), child);
    }

    private static RouteTable routeTable(String logical, String stack, Vpc vpc, CustomResourceOptions child) {
        return new RouteTable(logical, RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", stack + "-" + logical, "Stack", stack))
                .build(), child);
    }

    private static RouteTableAssociation associate(String logical, RouteTable table, Subnet subnet,
                                                   CustomResourceOptions child) {
        return new RouteTableAssociation(logical, RouteTableAssociationArgs.builder()
                .routeTableId(table.id())
                .subnetId(subnet.id())
                .build(), child);
    }

    private static Output<List<String>> ids(List<Subnet> subnets) {
        return Output.all(subnets.stream().map(Subnet::id).toList());
    }

    /** The Name tag carries the stack, so two stacks' networks are told apart in the console. */
    private static Map<String, String> tags(String stack, String name, String part) {
        return Map.of("Name", stack + "-" + name + "-" + part, "Stack", stack);
    }
}
