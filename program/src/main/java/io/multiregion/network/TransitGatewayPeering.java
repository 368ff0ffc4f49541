package io.multiregion.network;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ec2transitgateway.PeeringAttachment;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentAccepter;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentAccepterArgs;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentArgs;
import com.pulumi.aws.ec2transitgateway.Route;
import com.pulumi.aws.ec2transitgateway.RouteArgs;
import com.pulumi.aws.ec2transitgateway.RouteTable;
import com.pulumi.aws.ec2transitgateway.RouteTableArgs;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociation;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociationArgs;
import com.pulumi.aws.ec2transitgateway.TransitGateway;
import com.pulumi.aws.ec2transitgateway.TransitGatewayArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.config.InterRegionSettings;
import io.multiregion.config.SubnetPlan;
import io.multiregion.regions.AwsRegion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The inter-region pair: a Transit Gateway in each region, one route table per gateway, the peering attachment from
 * A's gateway to B's, its acceptance in B, each side of the peering associated with its gateway's route table, and a
 * static route to the peer's VPC block in each route table over the peering. Owned by the primary stack, which holds
 * both regions' providers (requester and accepter in one stack, so that one {@code pulumi up} creates and accepts the
 * peering). Each region's VPC attachment belongs to that region's stack ({@link TransitGatewayAttachment}).
 *
 * <p><b>Spans two regions</b>, so it takes both regions' providers in its {@link Args} and passes each to the
 * resources of its region; the component itself needs no provider in its options.
 *
 * <p>Rules AWS applies at creation, each held here:
 * <ul>
 *   <li>default route table association and propagation off on both gateways: otherwise AWS associates the accepted
 *       peering attachment with the default route table itself, and the explicit association below fails with
 *       {@code Resource.AlreadyAssociated} (terraform-provider-aws#16452);</li>
 *   <li>the accepter is registered through B's provider: the accepter gateway's owner accepts in the accepter's region
 *       (Transit Gateway Guide, "Transit gateway peering attachments");</li>
 *   <li>the associations and the routes over the peering wait for the accepter: until the attachment is
 *       {@code available} AWS refuses both with {@code IncorrectState} (terraform-provider-aws#14228 for the routes,
 *       #26754 for the association); the accepter resource returns once the attachment is available;</li>
 *   <li>routes over a peering are static only: a peering attachment propagates nothing (Transit Gateway Guide,
 *       "Transit gateway peering attachments": "add a static route ... that points to the transit gateway peering
 *       attachment").</li>
 * </ul>
 *
 * <p>FSBP EC2.23: neither gateway accepts shared attachments automatically ({@code autoAcceptSharedAttachments}
 * disabled). DNS support is on, as AWS's default. Security-group referencing stays off: it never crosses a peering,
 * and the only flow across this one is a CIDR rule (see the stacks).
 */
public final class TransitGatewayPeering extends ComponentResource {

    /**
     * One region's side of the pair.
     *
     * @param region   the region
     * @param provider that region's provider
     * @param asn      the Amazon-side ASN of the region's gateway (a private ASN: {@link InterRegionSettings#isPrivateAsn})
     * @param vpcCidr  the region's VPC block, the destination of the other side's static route
     */
    public record Side(AwsRegion region, Provider provider, long asn, String vpcCidr) {
        public Side {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(vpcCidr, "vpcCidr");
            if (!InterRegionSettings.isPrivateAsn(asn)) {
                throw new IllegalArgumentException("ASN " + asn + " is not a private ASN a transit gateway accepts");
            }
        }
    }

    /**
     * @param stack     the stack name, in the Name tags and descriptions
     * @param requester region A: its gateway requests the peering
     * @param accepter  region B: its gateway accepts it
     */
    public record Args(String stack, Side requester, Side accepter) {
        public Args {
            Objects.requireNonNull(stack, "stack");
            if (requester.region().equals(accepter.region())) {
                throw new IllegalArgumentException("the gateways must be in two regions, got " + requester.region() + " twice");
            }
            if (requester.asn() == accepter.asn()) {
                throw new IllegalArgumentException("peered transit gateways take distinct ASNs, got " + requester.asn() + " twice");
            }
            if (SubnetPlan.overlap(requester.vpcCidr(), accepter.vpcCidr())) {
                throw new IllegalArgumentException("the VPC blocks " + requester.vpcCidr() + " and " + accepter.vpcCidr()
                        + " overlap: they cannot be routed to each other");
            }
        }
    }

    /** A's transit gateway. */
    @Export(name = "requesterGatewayId", refs = {String.class}, tree = "[0]")
    public final Output<String> requesterGatewayId;
    /** A's transit gateway route table: A's VPC attachment and A's side of the peering are associated with it. */
    @Export(name = "requesterRouteTableId", refs = {String.class}, tree = "[0]")
    public final Output<String> requesterRouteTableId;
    /** B's transit gateway, which the secondary stack attaches B's VPC to. */
    @Export(name = "accepterGatewayId", refs = {String.class}, tree = "[0]")
    public final Output<String> accepterGatewayId;
    /** B's transit gateway route table: B's VPC attachment and B's side of the peering are associated with it. */
    @Export(name = "accepterRouteTableId", refs = {String.class}, tree = "[0]")
    public final Output<String> accepterRouteTableId;
    /** The peering attachment (the same id on both sides), once accepted. */
    @Export(name = "peeringAttachmentId", refs = {String.class}, tree = "[0]")
    public final Output<String> peeringAttachmentId;

    public TransitGatewayPeering(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:network:TransitGatewayPeering", name, options);
        Side a = args.requester();
        Side b = args.accepter();
        CustomResourceOptions inA = CustomResourceOptions.builder().parent(this).provider(a.provider()).build();
        CustomResourceOptions inB = CustomResourceOptions.builder().parent(this).provider(b.provider()).build();

        TransitGateway gatewayA = gateway(name, args.stack(), a, b, inA);
        TransitGateway gatewayB = gateway(name, args.stack(), b, a, inB);
        RouteTable tableA = routeTable(name, args.stack(), a, gatewayA, inA);
        RouteTable tableB = routeTable(name, args.stack(), b, gatewayB, inB);

        PeeringAttachment peering = new PeeringAttachment(name + "-peering", PeeringAttachmentArgs.builder()
                .transitGatewayId(gatewayA.id())
                .peerTransitGatewayId(gatewayB.id())
                .peerRegion(b.region().code())
                .peerAccountId(gatewayB.ownerId()) // the same account: the owner of B's gateway accepts below
                .tags(tags(args.stack(), name + "-peering"))
                .build(), inA);
        // The accepter in B, through B's provider, with the requester's attachment id.
        PeeringAttachmentAccepter accepter = new PeeringAttachmentAccepter(name + "-peering-accepter",
                PeeringAttachmentAccepterArgs.builder()
                        .transitGatewayAttachmentId(peering.id())
                        .tags(tags(args.stack(), name + "-peering-accepter"))
                        .build(), inB);
        // The peering is usable once accepted: every use of it below waits for the accepter (IncorrectState before,
        // terraform-provider-aws#14228, #26754).
        CustomResourceOptions afterAcceptanceInA = CustomResourceOptions.builder().parent(this).provider(a.provider())
                .dependsOn(accepter).build();
        CustomResourceOptions afterAcceptanceInB = CustomResourceOptions.builder().parent(this).provider(b.provider())
                .dependsOn(accepter).build();
        Output<String> acceptedId = accepter.transitGatewayAttachmentId();

        // Each side of the peering is associated with its own gateway's route table: traffic arriving over the peering
        // is routed by it to the region's VPC attachment, whose block propagates there.
        new RouteTableAssociation(name + "-" + a.region().code() + "-peering", RouteTableAssociationArgs.builder()
                .transitGatewayAttachmentId(peering.id())
                .transitGatewayRouteTableId(tableA.id())
                .build(), afterAcceptanceInA);
        new RouteTableAssociation(name + "-" + b.region().code() + "-peering", RouteTableAssociationArgs.builder()
                .transitGatewayAttachmentId(acceptedId)
                .transitGatewayRouteTableId(tableB.id())
                .build(), afterAcceptanceInB);

        // Static routes to the peer's VPC block over the peering. They do not need the peer's VPC attachment: a
        // static route points at the peering attachment, and the peer's own route table carries its block once the
        // peer's stack attaches its VPC (propagation).
        new Route(name + "-" + a.region().code() + "-to-" + b.region().code(), RouteArgs.builder()
                .transitGatewayRouteTableId(tableA.id())
                .destinationCidrBlock(b.vpcCidr())
                .transitGatewayAttachmentId(peering.id())
                .build(), afterAcceptanceInA);
        new Route(name + "-" + b.region().code() + "-to-" + a.region().code(), RouteArgs.builder()
                .transitGatewayRouteTableId(tableB.id())
                .destinationCidrBlock(a.vpcCidr())
                .transitGatewayAttachmentId(acceptedId)
                .build(), afterAcceptanceInB);

        this.requesterGatewayId = gatewayA.id();
        this.requesterRouteTableId = tableA.id();
        this.accepterGatewayId = gatewayB.id();
        this.accepterRouteTableId = tableB.id();
        this.peeringAttachmentId = acceptedId;
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("requesterGatewayId", requesterGatewayId);
        outputs.put("requesterRouteTableId", requesterRouteTableId);
        outputs.put("accepterGatewayId", accepterGatewayId);
        outputs.put("accepterRouteTableId", accepterRouteTableId);
        outputs.put("peeringAttachmentId", peeringAttachmentId);
        registerOutputs(outputs);
    }

    private static TransitGateway gateway(String name, String stack, Side side, Side peer, CustomResourceOptions options) {
        String logical = name + "-" + side.region().code();
        return new TransitGateway(logical, TransitGatewayArgs.builder()
                .description(stack + ": " + side.region().code() + " side of the peering with " + peer.region().code())
                .amazonSideAsn(amazonSideAsn(side.asn()))
                // FSBP EC2.23: attachments shared with this account are never accepted automatically
                .autoAcceptSharedAttachments("disable")
                // off: each attachment is associated and propagated explicitly (terraform-provider-aws#16452)
                .defaultRouteTableAssociation("disable")
                .defaultRouteTablePropagation("disable")
                .dnsSupport("enable")
                // groups are never referenced across the gateway: the peering does not carry the references
                .securityGroupReferencingSupport("disable")
                .tags(tags(stack, logical))
                .build(), options);
    }

    private static RouteTable routeTable(String name, String stack, Side side, TransitGateway gateway,
                                         CustomResourceOptions options) {
        String logical = name + "-" + side.region().code() + "-routes";
        return new RouteTable(logical, RouteTableArgs.builder()
                .transitGatewayId(gateway.id())
                .tags(tags(stack, logical))
                .build(), options);
    }

    /**
     * An ASN as the provider input takes it. The Java SDK declares {@code amazonSideAsn} as a 32-bit signed
     * {@code Integer}, but the 32-bit private range (4200000000 to 4294967294) lies above {@link Integer#MAX_VALUE};
     * the EC2 API takes a {@code Long} (EC2 API Reference, TransitGatewayRequestOptions) and the provider a 64-bit
     * integer. The SDK sends every input number as a protocol-buffer double, which holds every 32-bit ASN exactly, so a
     * 4-byte ASN travels in the input as that double. The gateway's {@code amazonSideAsn} output is not read here (the
     * SDK would clamp a 4-byte value to an {@code Integer}).
     */
    @SuppressWarnings("unchecked")
    static Output<Integer> amazonSideAsn(long asn) {
        if (asn <= Integer.MAX_VALUE) {
            return Output.of((int) asn);
        }
        return (Output<Integer>) (Output<?>) Output.of((double) asn);
    }

    /** The Name tag carries the stack, so two stacks' gateways are told apart in the console. */
    private static Map<String, String> tags(String stack, String logical) {
        return Map.of("Name", stack + "-" + logical, "Stack", stack);
    }
}
