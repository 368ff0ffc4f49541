package io.multiregion.network;

import io.multiregion.regions.ProviderRegistry;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inter-region network on both stacks, run from the stack files (on, ASNs 64512 and 64513) and with it switched
 * off: the pair in the primary, each region's attachment and routes in its own stack, the ordering AWS needs, and
 * exactly one flow across the peering.
 */
class InterRegionNetworkTest {
    static final String A = "eu-west-1";
    static final String B = "eu-central-1";
    static final String A_CIDR = "10.10.0.0/16";
    static final String B_CIDR = "10.20.0.0/16";

    static final String GATEWAY = "aws:ec2transitgateway/transitGateway:TransitGateway";
    static final String GATEWAY_TABLE = "aws:ec2transitgateway/routeTable:RouteTable";
    static final String PEERING = "aws:ec2transitgateway/peeringAttachment:PeeringAttachment";
    static final String ACCEPTER = "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter";
    static final String ASSOCIATION = "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation";
    static final String PROPAGATION = "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation";
    static final String GATEWAY_ROUTE = "aws:ec2transitgateway/route:Route";
    static final String VPC_ATTACHMENT = "aws:ec2transitgateway/vpcAttachment:VpcAttachment";
    static final String VPC_ROUTE = "aws:ec2/route:Route";
    static final String ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    /** Every type of the inter-region network. */
    static final List<String> TYPES = List.of(GATEWAY, GATEWAY_TABLE, PEERING, ACCEPTER, ASSOCIATION, PROPAGATION,
            GATEWAY_ROUTE, VPC_ATTACHMENT);

    /** The database port of the stack files (multiregion:database default for Aurora PostgreSQL). */
    static final double DB_PORT = 5433;

    private static ProgramRun primary;
    private static ProgramRun secondary;
    /** The secondary fed with exactly what the primary exported. */
    private static ProgramRun fed;

    @BeforeAll
    static void run() {
        primary = StandardRuns.get("primary");
        secondary = StandardRuns.get("secondary/cloudtrail");
        fed = ProgramRun.of("secondary", primary.exports());
        assertFalse(fed.failed(), fed::errors);
    }

    private static Registered named(ProgramRun run, String type, String name) {
        return run.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " in " + run.ofType(type).stream()
                        .map(Registered::name).toList()));
    }

    private static String id(Registered resource) {
        return resource.name() + "-id";
    }

    private static List<Registered> peerRoutes(ProgramRun run, String peerCidr) {
        return run.where(r -> r.type().equals(VPC_ROUTE) && peerCidr.equals(r.text("destinationCidrBlock")));
    }

    @Test
    @DisplayName("one transit gateway per region across both stacks, both in the primary")
    void oneGatewayPerRegion() {
        assertEquals(2, primary.ofType(GATEWAY).size());
        assertEquals(1, primary.inRegion(GATEWAY, A).size());
        assertEquals(1, primary.inRegion(GATEWAY, B).size());
        for (ProgramRun run : List.of(secondary, fed, StandardRuns.get("secondary/eventbridge"),
                StandardRuns.get("secondary/native"))) {
            assertEquals(List.of(), run.ofType(GATEWAY), "the secondary builds no gateway");
        }
        assertEquals(1, StandardRuns.get("primary/native").inRegion(GATEWAY, A).size());
        assertEquals(1, StandardRuns.get("primary/native").inRegion(GATEWAY, B).size());
    }

    @Test
    @DisplayName("gateways: the configured distinct ASNs, no automatic acceptance (FSBP EC2.23), default association and propagation off, DNS on")
    void gatewaySettings() {
        Registered a = primary.inRegion(GATEWAY, A).get(0);
        Registered b = primary.inRegion(GATEWAY, B).get(0);
        assertEquals(64512.0, ((Number) a.at("amazonSideAsn")).doubleValue());
        assertEquals(64513.0, ((Number) b.at("amazonSideAsn")).doubleValue());
        for (Registered gateway : List.of(a, b)) {
            assertAll(gateway.name(),
                    () -> assertEquals("disable", gateway.text("autoAcceptSharedAttachments")),
                    // else the accepted peering lands in the default route table: Resource.AlreadyAssociated
                    // (terraform-provider-aws#16452)
                    () -> assertEquals("disable", gateway.text("defaultRouteTableAssociation")),
                    () -> assertEquals("disable", gateway.text("defaultRouteTablePropagation")),
                    () -> assertEquals("enable", gateway.text("dnsSupport")),
                    () -> assertTrue(gateway.text("description").startsWith("primary: ")),
                    () -> assertEquals("primary-" + gateway.name(), ((Map<?, ?>) gateway.at("tags")).get("Name")));
        }
    }

    @Test
    @DisplayName("one route table per gateway, in the gateway's region")
    void oneRouteTablePerGateway() {
        for (String region : List.of(A, B)) {
            List<Registered> tables = primary.inRegion(GATEWAY_TABLE, region);
            assertEquals(1, tables.size(), region);
            assertEquals(id(primary.inRegion(GATEWAY, region).get(0)), tables.get(0).text("transitGatewayId"));
        }
    }

    @Test
    @DisplayName("the peering attachment in A towards B's gateway, its accepter in B through B's provider, both in the primary")
    void peeringAndAccepter() {
        Registered peering = primary.one(PEERING);
        Registered accepter = primary.one(ACCEPTER);
        Registered gatewayA = primary.inRegion(GATEWAY, A).get(0);
        Registered gatewayB = primary.inRegion(GATEWAY, B).get(0);
        assertAll(
                () -> assertEquals(A, peering.providerRegion()),
                () -> assertEquals(id(gatewayA), peering.text("transitGatewayId")),
                () -> assertEquals(id(gatewayB), peering.text("peerTransitGatewayId")),
                () -> assertEquals(B, peering.text("peerRegion")),
                () -> assertTrue(peering.dependsOn(gatewayB)),
                () -> assertEquals(B, accepter.providerRegion(), "the accepter runs in the peer's region"),
                () -> assertEquals(id(peering), accepter.text("transitGatewayAttachmentId")),
                () -> assertTrue(accepter.dependsOn(peering)));
        for (ProgramRun run : List.of(secondary, fed)) {
            assertEquals(List.of(), run.ofType(PEERING));
            assertEquals(List.of(), run.ofType(ACCEPTER), "requester and accepter are in the same stack");
        }
    }

    @Test
    @DisplayName("the peering is associated with the route table of each side, after the acceptance")
    void peeringAssociatedOnBothSides() {
        Registered peering = primary.one(PEERING);
        Registered accepter = primary.one(ACCEPTER);
        for (String region : List.of(A, B)) {
            Registered table = primary.inRegion(GATEWAY_TABLE, region).get(0);
            List<Registered> associations = primary.where(r -> r.type().equals(ASSOCIATION)
                    && id(peering).equals(r.text("transitGatewayAttachmentId")) && region.equals(r.providerRegion()));
            assertEquals(1, associations.size(), region);
            Registered association = associations.get(0);
            assertEquals(id(table), association.text("transitGatewayRouteTableId"), region);
            assertTrue(association.dependsOn(accepter), region + ": IncorrectState before the acceptance "
                    + "(terraform-provider-aws#26754)");
        }
    }

    @Test
    @DisplayName("static routes to each peer block in both gateways' route tables, over the peering, after the acceptance")
    void staticRoutesOverThePeering() {
        Registered peering = primary.one(PEERING);
        Registered accepter = primary.one(ACCEPTER);
        Map<String, String> peerOf = Map.of(A, B_CIDR, B, A_CIDR);
        for (String region : List.of(A, B)) {
            Registered table = primary.inRegion(GATEWAY_TABLE, region).get(0);
            List<Registered> routes = primary.inRegion(GATEWAY_ROUTE, region);
            assertEquals(1, routes.size(), region);
            Registered route = routes.get(0);
            assertAll(region,
                    () -> assertEquals(id(table), route.text("transitGatewayRouteTableId")),
                    () -> assertEquals(peerOf.get(region), route.text("destinationCidrBlock")),
                    () -> assertEquals(id(peering), route.text("transitGatewayAttachmentId")),
                    () -> assertNull(route.inputs().get("blackhole")),
                    () -> assertTrue(route.dependsOn(accepter), "IncorrectState before the acceptance "
                            + "(terraform-provider-aws#14228)"));
        }
        // a peering attachment takes static routes only: it never propagates
        assertTrue(primary.ofType(PROPAGATION).stream().noneMatch(p -> id(peering).equals(p.text("transitGatewayAttachmentId"))));
        assertEquals(List.of(), secondary.ofType(GATEWAY_ROUTE), "the pair's routes are the primary's");
    }

    @Test
    @DisplayName("A's VPC on A's gateway: the private subnets, one per zone, associated with and propagating into A's route table")
    void primaryAttachment() {
        Registered attachment = primary.one(VPC_ATTACHMENT);
        Registered gateway = primary.inRegion(GATEWAY, A).get(0);
        Registered table = primary.inRegion(GATEWAY_TABLE, A).get(0);
        attachmentChecks(primary, attachment, A, 3, id(gateway), id(table));
        assertTrue(attachment.dependsOn(gateway));
    }

    @Test
    @DisplayName("B's VPC on the gateway the primary built in B, read from the primary's outputs, in the secondary only")
    void secondaryAttachment() {
        attachmentChecks(secondary, secondary.one(VPC_ATTACHMENT), B, 2, Samples.SECONDARY_TRANSIT_GATEWAY,
                Samples.SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE);
        // fed with the primary's own exports: B's attachment joins exactly the primary's gateway and route table in B
        attachmentChecks(fed, fed.one(VPC_ATTACHMENT), B, 2, id(primary.inRegion(GATEWAY, B).get(0)),
                id(primary.inRegion(GATEWAY_TABLE, B).get(0)));
        assertEquals(1, primary.ofType(VPC_ATTACHMENT).size(), "the primary attaches A's VPC only");
        assertEquals(A, primary.one(VPC_ATTACHMENT).providerRegion());
    }

    private static void attachmentChecks(ProgramRun run, Registered attachment, String region, int zones, String gatewayId,
                                         String tableId) {
        List<Registered> privateSubnets = new ArrayList<>();
        for (int i = 1; i <= zones; i++) {
            privateSubnets.add(named(run, SUBNET, "multiregion-vpc-private-" + i));
        }
        assertAll(run + " " + region,
                () -> assertEquals(region, attachment.providerRegion()),
                () -> assertEquals(gatewayId, attachment.text("transitGatewayId")),
                () -> assertEquals("multiregion-vpc-id", attachment.text("vpcId")),
                () -> assertEquals(privateSubnets.stream().map(InterRegionNetworkTest::id).toList(), attachment.at("subnetIds")),
                () -> assertTrue(privateSubnets.stream().allMatch(attachment::dependsOn), "one private subnet per zone"),
                () -> assertEquals(zones, privateSubnets.stream().map(s -> s.text("availabilityZone")).distinct().count()),
                // the gateways have no default route table (terraform-provider-aws#6664, #13512)
                () -> assertEquals(false, attachment.at("transitGatewayDefaultRouteTableAssociation")),
                () -> assertEquals(false, attachment.at("transitGatewayDefaultRouteTablePropagation")),
                () -> assertEquals("enable", attachment.text("dnsSupport")));
        List<Registered> associations = run.where(r -> r.type().equals(ASSOCIATION) && id(attachment).equals(
                r.text("transitGatewayAttachmentId")));
        List<Registered> propagations = run.where(r -> r.type().equals(PROPAGATION) && id(attachment).equals(
                r.text("transitGatewayAttachmentId")));
        assertEquals(1, associations.size());
        assertEquals(1, propagations.size());
        assertEquals(tableId, associations.get(0).text("transitGatewayRouteTableId"));
        assertEquals(tableId, propagations.get(0).text("transitGatewayRouteTableId"));
        assertEquals(region, associations.get(0).providerRegion());
        assertEquals(region, propagations.get(0).providerRegion());
    }

    @Test
    @DisplayName("each VPC routes the peer's block through its gateway from every private and the isolated route table, after the attachment")
    void vpcRoutes() {
        record Side(ProgramRun run, String peerCidr, int zones, String gatewayId) {
        }
        for (Side side : List.of(new Side(primary, B_CIDR, 3, id(primary.inRegion(GATEWAY, A).get(0))),
                new Side(secondary, A_CIDR, 2, Samples.SECONDARY_TRANSIT_GATEWAY))) {
            ProgramRun run = side.run();
            Registered attachment = run.one(VPC_ATTACHMENT);
            List<String> tables = new ArrayList<>();
            for (int i = 1; i <= side.zones(); i++) {
                tables.add("multiregion-vpc-private-" + i);
            }
            tables.add("multiregion-vpc-isolated");
            List<Registered> routes = peerRoutes(run, side.peerCidr());
            assertEquals(tables.size(), routes.size(), "one route per private table and one in the isolated table");
            for (String table : tables) {
                Registered routeTable = named(run, ROUTE_TABLE, table);
                List<Registered> inTable = routes.stream().filter(r -> r.dependsOn(routeTable)).toList();
                assertEquals(1, inTable.size(), table);
                Registered route = inTable.get(0);
                assertAll(table,
                        () -> assertEquals(id(routeTable), route.text("routeTableId")),
                        () -> assertEquals(side.gatewayId(), route.text("transitGatewayId")),
                        () -> assertTrue(route.dependsOn(attachment), "a gateway is routable once attached to the VPC "
                                + "(InvalidTransitGatewayID.NotFound before)"));
            }
            assertEquals(List.of(), run.where(r -> r.type().equals(VPC_ROUTE) && r.text("transitGatewayId") != null
                    && r.text("routeTableId").equals("multiregion-vpc-public-id")), "no public route table routes to the peer");
        }
    }

    @Test
    @DisplayName("what crosses the peering: B's application subnets to A's database port, nothing else")
    void onlyTheDatabaseFlowCrosses() {
        List<String> bApplication = List.of("10.20.0.0/18", "10.20.64.0/18");
        List<String> aData = List.of("10.10.192.0/20", "10.10.208.0/20", "10.10.224.0/20");
        Registered dbGroup = named(primary, "aws:ec2/securityGroup:SecurityGroup", "multiregion-db-sg");
        List<Registered> fromPeer = primary.where(r -> r.type().equals(INGRESS) && r.text("cidrIpv4") != null
                && !"0.0.0.0/0".equals(r.text("cidrIpv4")));
        assertEquals(bApplication, fromPeer.stream().map(r -> r.text("cidrIpv4")).toList());
        for (Registered rule : fromPeer) {
            assertAll(rule.name(),
                    () -> assertEquals(id(dbGroup), rule.text("securityGroupId"), "only the database admits the peer"),
                    () -> assertEquals("tcp", rule.text("ipProtocol")),
                    () -> assertEquals(DB_PORT, ((Number) rule.at("fromPort")).doubleValue()),
                    () -> assertEquals(DB_PORT, ((Number) rule.at("toPort")).doubleValue()),
                    () -> assertEquals(A, rule.providerRegion()));
        }
        Registered appGroup = named(secondary, "aws:ec2/securityGroup:SecurityGroup", "multiregion-app-app");
        List<Registered> toPeer = secondary.where(r -> r.type().equals(EGRESS) && r.text("cidrIpv4") != null
                && !"0.0.0.0/0".equals(r.text("cidrIpv4")));
        assertEquals(aData, toPeer.stream().map(r -> r.text("cidrIpv4")).toList());
        for (Registered rule : toPeer) {
            assertAll(rule.name(),
                    () -> assertEquals(id(appGroup), rule.text("securityGroupId")),
                    () -> assertEquals(DB_PORT, ((Number) rule.at("fromPort")).doubleValue()),
                    () -> assertEquals(DB_PORT, ((Number) rule.at("toPort")).doubleValue()),
                    () -> assertEquals(B, rule.providerRegion()));
        }
        // nothing the other way: B admits no block of A, A's application reaches no block of B
        assertEquals(List.of(), secondary.where(r -> r.type().equals(INGRESS) && r.text("cidrIpv4") != null
                && !"0.0.0.0/0".equals(r.text("cidrIpv4"))));
        assertEquals(List.of(), primary.where(r -> r.type().equals(EGRESS) && r.text("cidrIpv4") != null
                && !"0.0.0.0/0".equals(r.text("cidrIpv4"))));
    }

    @Test
    @DisplayName("the secondary never uses A's provider for any part of the inter-region network")
    void secondaryStaysInB() {
        for (ProgramRun run : List.of(secondary, fed)) {
            for (String type : List.of(VPC_ATTACHMENT, ASSOCIATION, PROPAGATION, VPC_ROUTE, EGRESS)) {
                assertTrue(run.ofType(type).stream().allMatch(r -> B.equals(r.providerRegion())), type);
            }
            // B's provider, and the dedicated global one (us-east-1, the front door's) but never A's
            assertEquals(Set.of(B), run.ofType("pulumi:providers:aws").stream()
                    .filter(p -> !p.name().equals(ProviderRegistry.GLOBAL_PROVIDER)).map(p -> p.text("region"))
                    .collect(Collectors.toSet()));
        }
    }

    @Test
    @DisplayName("the primary exports both gateways, B's route table and the peering; the secondary reads B's")
    void contract() {
        assertEquals(id(primary.inRegion(GATEWAY, A).get(0)), primary.output(Value.PRIMARY_TRANSIT_GATEWAY.key()));
        assertEquals(id(primary.inRegion(GATEWAY, B).get(0)), primary.output(Value.SECONDARY_TRANSIT_GATEWAY.key()));
        assertEquals(id(primary.inRegion(GATEWAY_TABLE, B).get(0)),
                primary.output(Value.SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE.key()));
        assertEquals(id(primary.one(PEERING)), primary.output(Value.TRANSIT_GATEWAY_PEERING.key()));
        Map<String, Object> expected = Map.of("enabled", true, "primaryAsn", 64512.0, "secondaryAsn", 64513.0,
                "databaseSubnets", List.of("10.10.192.0/20", "10.10.208.0/20", "10.10.224.0/20"),
                "applicationSubnets", List.of("10.20.0.0/18", "10.20.64.0/18"));
        assertEquals(expected, primary.output(Value.INTER_REGION.key()));
        assertEquals(expected, secondary.output(Value.INTER_REGION.key()), "both stack files derive the same value");
        assertEquals(Samples.primaryOutputs().get(Value.INTER_REGION.key()), expected, "the fixture is what the primary exports");
        for (Value value : List.of(Value.PRIMARY_TRANSIT_GATEWAY, Value.SECONDARY_TRANSIT_GATEWAY,
                Value.SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE, Value.TRANSIT_GATEWAY_PEERING)) {
            assertNull(secondary.output(value.key()), value + " is the primary's");
        }
    }

    @Test
    @DisplayName("switched off in both stack files, nothing of it is registered, exported or opened")
    void switchedOff() {
        ProgramRun offPrimary = StandardRuns.get("primary/inter-region-off");
        ProgramRun offSecondary = StandardRuns.get("secondary/inter-region-off");
        for (ProgramRun run : List.of(offPrimary, offSecondary)) {
            for (String type : TYPES) {
                assertEquals(List.of(), run.ofType(type), type);
            }
            assertEquals(List.of(), run.where(r -> r.type().equals(VPC_ROUTE) && r.text("transitGatewayId") != null));
            assertEquals(List.of(), run.where(r -> (r.type().equals(INGRESS) || r.type().equals(EGRESS))
                    && r.text("cidrIpv4") != null && !"0.0.0.0/0".equals(r.text("cidrIpv4"))), "no flow to the other region");
            assertEquals(List.of(), run.where(r -> r.type().startsWith("multiregion:network:TransitGateway")));
            assertEquals(Map.of("enabled", false, "primaryAsn", 64512.0, "secondaryAsn", 64513.0),
                    run.output(Value.INTER_REGION.key()));
            for (Value value : List.of(Value.PRIMARY_TRANSIT_GATEWAY, Value.SECONDARY_TRANSIT_GATEWAY,
                    Value.SECONDARY_TRANSIT_GATEWAY_ROUTE_TABLE, Value.TRANSIT_GATEWAY_PEERING)) {
                assertNull(run.output(value.key()), value.key());
            }
        }
        // everything else is the same: switching it off removes exactly the inter-region resources
        Set<String> on = urnsWithout(primary);
        Set<String> off = urnsWithout(offPrimary);
        assertEquals(on, off);
        assertEquals(urnsWithout(secondary), urnsWithout(offSecondary));
    }

    /** The URNs of a run, less the inter-region network's (its types, its components, its routes and flows). */
    private static Set<String> urnsWithout(ProgramRun run) {
        Set<String> removed = run.where(r -> TYPES.contains(r.type())
                        || r.type().startsWith("multiregion:network:TransitGateway")
                        || r.type().equals(VPC_ROUTE) && r.text("transitGatewayId") != null
                        || (r.type().equals(INGRESS) || r.type().equals(EGRESS)) && r.text("cidrIpv4") != null
                        && !"0.0.0.0/0".equals(r.text("cidrIpv4")))
                .stream().map(Registered::urn).filter(Objects::nonNull).collect(Collectors.toSet());
        return run.urns().stream().filter(u -> !removed.contains(u)).collect(Collectors.toSet());
    }
}
