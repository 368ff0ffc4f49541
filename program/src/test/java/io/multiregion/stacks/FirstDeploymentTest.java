package io.multiregion.stacks;

import io.multiregion.compute.AppTier;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a first {@code pulumi up} of each stack needs in order, checked on the registered graph of every standard run
 * (both stacks, every delivery mode, with and without a domain): the mocks create in any order, AWS does not.
 */
class FirstDeploymentTest {
    private static final String ALB = "aws:lb/loadBalancer:LoadBalancer";
    private static final String IGW = "aws:ec2/internetGateway:InternetGateway";
    private static final String ROUTE = "aws:ec2/route:Route";
    private static final String ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
    private static final String ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    private static final String NAT = "aws:ec2/natGateway:NatGateway";
    private static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private static final String GROUP = "aws:autoscaling/group:Group";
    private static final String TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    static Stream<String> runs() {
        return StandardRuns.ALL.stream();
    }

    @ParameterizedTest(name = "{0}: every internet-facing load balancer waits for its VPC's internet gateway and its route")
    @MethodSource("runs")
    void loadBalancerWaitsForTheInternetGateway(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Registered> albs = run.where(r -> r.type().equals(ALB) && Boolean.FALSE.equals(r.at("internal")));
        assertFalse(albs.isEmpty());
        for (Registered alb : albs) {
            List<Registered> gateways = run.inRegion(IGW, alb.providerRegion());
            assertEquals(1, gateways.size());
            Registered igw = gateways.get(0);
            assertTrue(alb.dependsOn(igw), alb.name() + ": ELB refuses it while the VPC has no internet gateway "
                    + "(InvalidSubnet, not retried: terraform-provider-aws#3494)");
            Registered publicRoute = run.where(r -> r.type().equals(ROUTE) && (igw.name() + "-id").equals(r.text("gatewayId")))
                    .get(0);
            assertTrue(alb.dependsOn(publicRoute), "and for the public subnets' route to it");
        }
    }

    @ParameterizedTest(name = "{0}: the Auto Scaling group waits for private routes, NAT, the S3 endpoint and its rules")
    @MethodSource("runs")
    void groupWaitsForWhatFirstBootNeeds(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered group = run.one(GROUP);
        String region = group.providerRegion();
        List<Registered> needed = new ArrayList<>();
        needed.addAll(run.where(r -> r.type().equals(ROUTE_TABLE) && r.name().contains("-private-")));
        needed.addAll(run.where(r -> r.type().equals(ASSOCIATION) && r.name().contains("-private-")));
        needed.addAll(run.where(r -> r.type().equals(ROUTE) && r.text("natGatewayId") != null));
        needed.addAll(run.where(r -> r.type().equals(ROUTE) && r.text("gatewayId") != null)); // NAT's way out
        needed.addAll(run.ofType(NAT));
        needed.addAll(run.where(r -> r.type().equals(ENDPOINT) && String.valueOf(r.text("serviceName")).endsWith(".s3")));
        String appGroup = String.valueOf(run.one(TEMPLATE).at("networkInterfaces", 0, "securityGroups", 0));
        List<Registered> appOut = run.where(r -> r.type().equals(EGRESS) && appGroup.equals(r.text("securityGroupId"))
                && "0.0.0.0/0".equals(r.text("cidrIpv4")));
        assertEquals(List.of((double) AppTier.HTTPS), appOut.stream().map(r -> ((Number) r.at("fromPort")).doubleValue()).toList());
        needed.addAll(appOut);
        needed.addAll(run.where(r -> r.type().equals(INGRESS) && appGroup.equals(r.text("securityGroupId"))));
        needed.addAll(run.where(r -> r.type().equals(EGRESS) && appGroup.equals(r.text("referencedSecurityGroupId"))));
        assertTrue(needed.size() >= 10, "found " + needed.size());
        List<String> missing = needed.stream().filter(r -> Objects.equals(r.providerRegion(), region))
                .filter(r -> !group.dependsOn(r)).map(r -> r.type() + " " + r.name()).toList();
        assertEquals(List.of(), missing, "an instance that boots before these cannot install the CodeDeploy agent "
                + "or pass its first health check");
    }

    @ParameterizedTest(name = "{0}: instance refresh launches before it terminates, so a group of 2 or 3 keeps its capacity")
    @MethodSource("runs")
    void instanceRefreshKeepsCapacity(String name) {
        Registered group = StandardRuns.get(name).one(GROUP);
        assertEquals("Rolling", group.at("instanceRefresh", "strategy"));
        double min = ((Number) group.at("instanceRefresh", "preferences", "minHealthyPercentage")).doubleValue();
        double max = ((Number) group.at("instanceRefresh", "preferences", "maxHealthyPercentage")).doubleValue();
        assertEquals(100.0, min, "every instance stays in service");
        assertTrue(max > 100 && max <= 200 && max - min <= 100, "room to launch first, within AWS's range: " + max);
        int minSize = ((Number) group.at("minSize")).intValue();
        assertTrue(Math.floor(minSize * max / 100.0) >= minSize + 1,
                "room for at least one more instance at the group's smallest size (" + minSize + ")");
    }

    @ParameterizedTest(name = "{0}: no subnet auto-assigns public IPv4 addresses (FSBP EC2.15, no exception)")
    @MethodSource("runs")
    void noSubnetMapsPublicIps(String name) {
        List<Registered> subnets = StandardRuns.get(name).ofType("aws:ec2/subnet:Subnet");
        assertFalse(subnets.isEmpty());
        subnets.forEach(s -> assertEquals(false, s.at("mapPublicIpOnLaunch"), s.name()));
    }
}
