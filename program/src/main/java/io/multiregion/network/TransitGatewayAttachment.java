package io.multiregion.network;

import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociation;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociationArgs;
import com.pulumi.aws.ec2transitgateway.RouteTablePropagation;
import com.pulumi.aws.ec2transitgateway.RouteTablePropagationArgs;
import com.pulumi.aws.ec2transitgateway.VpcAttachment;
import com.pulumi.aws.ec2transitgateway.VpcAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.config.SubnetPlan;
import io.multiregion.regions.AwsRegion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One region's VPC on its region's transit gateway: the VPC attachment, its association with the gateway's route
 * table, the propagation of the VPC's block into that table, and in each private and isolated route table of the VPC a
 * route to the peer region's VPC block through the gateway. Built by the stack that owns the VPC (A's by the primary,
 * B's by the secondary, which reads B's gateway and route table from the primary's outputs); the gateways, their
 * route tables and the peering belong to the primary ({@link TransitGatewayPeering}). Place it in its region by
 * passing that region's provider in the options.
 *
 * <p><b>Which subnets hold the attachment: the private (application) subnets, one per zone.</b> AWS recommends a
 * small dedicated subnet per zone (Transit Gateway Guide, "Design best practices"), for a network ACL and a route
 * table of their own. Neither is needed here: the program keeps the VPC's default network ACL, which allows all
 * traffic, and traffic arriving from the gateway only needs the VPC's local route, which every route table has (the
 * attachment subnet's table must route to the destination inside the VPC: Transit Gateway Guide, "Amazon VPC
 * attachments", Limits). And there is no room for them: {@link SubnetPlan} gives each tier a power-of-two number of
 * slots, so with 2 or 4 zones (B's default is 2) the three tiers fill the whole VPC block, and new subnets would mean
 * renumbering, that is replacing, every subnet of a running VPC. The attachment takes one address per zone of a
 * private subnet, and it covers every zone, since resources in a zone without an attachment cannot reach the gateway
 * (same page).
 *
 * <p>Rules AWS applies at creation, each held here:
 * <ul>
 *   <li>the gateway's default route table association and propagation are off ({@link TransitGatewayPeering}), so the
 *       attachment must not ask for them: with them requested the provider looks for a default route table that does
 *       not exist and fails with {@code MissingParameter: TransitGatewayRouteTableId} (terraform-provider-aws#6664,
 *       #13512);</li>
 *   <li>the VPC routes wait for the attachment: "a transit gateway must have at least one VPC attachment before that
 *       transit gateway can be added to a route table" (Transit Gateway Guide, "Amazon VPC attachments", Limits;
 *       {@code InvalidTransitGatewayID.NotFound} otherwise, aws-ia/terraform-aws-vpc#101).</li>
 * </ul>
 */
public final class TransitGatewayAttachment extends ComponentResource {

    /**
     * The VPC side.
     *
     * @param vpcId               the VPC
     * @param attachmentSubnetIds one subnet per zone, for the attachment's network interfaces
     * @param routeTableIds       the route tables that get a route to the peer, by a label used in the routes' names
     */
    public record Vpc(Output<String> vpcId, Output<List<String>> attachmentSubnetIds,
                      Map<String, Output<String>> routeTableIds) {
        public Vpc {
            Objects.requireNonNull(vpcId, "vpcId");
            Objects.requireNonNull(attachmentSubnetIds, "attachmentSubnetIds");
            routeTableIds = Collections.unmodifiableMap(new LinkedHashMap<>(routeTableIds));
            if (routeTableIds.isEmpty()) {
                throw new IllegalArgumentException("no route table to route to the peer from");
            }
        }

        /**
         * A {@link Network}: the attachment in its private subnets, routes from its private and isolated route tables
         * (the public subnets hold only the load balancer and the NAT gateways, which never talk to the peer).
         */
        public static Vpc of(Network network) {
            return new Vpc(network.vpcId, network.privateSubnetIds, network.internalRouteTableIds);
        }
    }

    /**
     * The gateway side, owned by the primary stack.
     *
     * @param transitGatewayId the region's transit gateway
     * @param routeTableId     its route table (the peering is associated with it too)
     */
    public record Gateway(Output<String> transitGatewayId, Output<String> routeTableId) {
        public Gateway {
            Objects.requireNonNull(transitGatewayId, "transitGatewayId");
            Objects.requireNonNull(routeTableId, "routeTableId");
        }
    }

    /**
     * @param region  the region of the VPC and the gateway
     * @param stack   the stack name, in the Name tags
     * @param vpc     the VPC to attach and route from
     * @param gateway the region's gateway and route table
     * @param peerCidr the peer region's VPC block, routed through the gateway
     */
    public record Args(AwsRegion region, String stack, Vpc vpc, Gateway gateway, String peerCidr) {
        public Args {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(stack, "stack");
            Objects.requireNonNull(vpc, "vpc");
            Objects.requireNonNull(gateway, "gateway");
            if (SubnetPlan.parse(peerCidr).isEmpty()) {
                throw new IllegalArgumentException("peerCidr '" + peerCidr + "' is not a CIDR block");
            }
        }
    }

    /** The VPC attachment's id. */
    @Export(name = "attachmentId", refs = {String.class}, tree = "[0]")
    public final Output<String> attachmentId;
    /** The VPC routes to the peer, by the label of their route table. */
    public final Map<String, Route> routes;

    public TransitGatewayAttachment(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:network:TransitGatewayAttachment", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        VpcAttachment attachment = new VpcAttachment(name, VpcAttachmentArgs.builder()
                .transitGatewayId(args.gateway().transitGatewayId())
                .vpcId(args.vpc().vpcId())
                .subnetIds(args.vpc().attachmentSubnetIds())
                .dnsSupport("enable")
                .applianceModeSupport("disable") // appliance mode is for an inspection VPC; this one holds none
                .securityGroupReferencingSupport("disable") // no rule references a group across the gateway
                // the gateway has no default route table: association and propagation are explicit, below
                // (terraform-provider-aws#6664, #13512)
                .transitGatewayDefaultRouteTableAssociation(false)
                .transitGatewayDefaultRouteTablePropagation(false)
                .tags(Map.of("Name", args.stack() + "-" + name, "Stack", args.stack()))
                .build(), child);
        this.attachmentId = attachment.id();

        // The gateway's route table decides where traffic from this VPC goes (the peer's block, over the peering)...
        new RouteTableAssociation(name + "-association", RouteTableAssociationArgs.builder()
                .transitGatewayAttachmentId(attachment.id())
                .transitGatewayRouteTableId(args.gateway().routeTableId())
                .build(), child);
        // ...and learns this VPC's block from the attachment, for the traffic arriving over the peering.
        new RouteTablePropagation(name + "-propagation", RouteTablePropagationArgs.builder()
                .transitGatewayAttachmentId(attachment.id())
                .transitGatewayRouteTableId(args.gateway().routeTableId())
                .build(), child);

        // AWS refuses a route to a transit gateway that is not yet attached to the VPC (see the class comment).
        CustomResourceOptions afterAttachment = CustomResourceOptions.builder().parent(this).dependsOn(attachment).build();
        Map<String, Route> created = new LinkedHashMap<>();
        args.vpc().routeTableIds().forEach((label, tableId) -> created.put(label, new Route(name + "-" + label,
                RouteArgs.builder()
                        .routeTableId(tableId)
                        .destinationCidrBlock(args.peerCidr())
                        .transitGatewayId(args.gateway().transitGatewayId())
                        .build(), afterAttachment)));
        this.routes = Collections.unmodifiableMap(created);

        registerOutputs(Map.of("attachmentId", attachmentId));
    }
}
