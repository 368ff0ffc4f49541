package io.multiregion.network;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.KeyPolicy;
import com.pulumi.aws.kms.KeyPolicyArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.config.SubnetPlan;
import io.multiregion.iam.PolicyDocument;
import io.multiregion.iam.Statement;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network component built alone on the fake cloud, with chosen args. */
class NetworkTest {

    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String ROUTE = "aws:ec2/route:Route";
    static final String ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
    static final String ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    static final String NAT = "aws:ec2/natGateway:NatGateway";
    static final String EIP = "aws:ec2/eip:Eip";
    static final String IGW = "aws:ec2/internetGateway:InternetGateway";
    static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String FLOW_LOG = "aws:ec2/flowLog:FlowLog";
    static final String ROLE = "aws:iam/role:Role";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

    /** A program with a provider for the region, a key and its policy (as the regional support builds them), and the network. */
    static Consumer<Context> program(String region, String stack, String cidr, Optional<List<String>> zones, int zoneCount,
                                     int nat) {
        return ctx -> {
            AwsRegion awsRegion = AwsRegion.parse(region).orElseThrow();
            Provider provider = new Provider("aws-" + region, ProviderArgs.builder().region(region).build());
            CustomResourceOptions inRegion = CustomResourceOptions.builder().provider(provider).build();
            Key key = new Key("key", KeyArgs.builder().description("test key").enableKeyRotation(true).build(), inRegion);
            KeyPolicy policy = new KeyPolicy("key-policy", KeyPolicyArgs.builder().keyId(key.id())
                    .policy(PolicyDocument.of(Statement.allow("Account").actions("kms:DescribeKey").resource(key.arn())
                            .awsPrincipal("arn:aws:iam::123456789012:root").build()))
                    .build(), inRegion);
            new Network("net", Network.Args.builder()
                    .region(awsRegion)
                    .stack(stack)
                    .block(cidr, zones, zoneCount)
                    .natGateways(nat)
                    .flowLogs(365, key.arn(), policy)
                    .build(), ComponentResourceOptions.builder().providers(provider).build());
        };
    }

    static List<Registered> named(ProgramRun run, String type, String prefix, int count) {
        List<Registered> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = prefix + i;
            out.add(run.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " named " + name)));
        }
        return out;
    }

    static Registered byName(ProgramRun run, String type, String name) {
        return run.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    /** The fake cloud gives every resource the id {@code <logical name>-id}. */
    static String id(Registered r) {
        return r.name() + "-id";
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ThreeZonesThreeNat {
        ProgramRun run;
        SubnetPlan plan = SubnetPlan.of("10.10.0.0/16", 3);

        @BeforeAll
        void build() {
            run = ProgramRun.program("primary", Map.of(), program("eu-west-1", "primary", "10.10.0.0/16", Optional.empty(), 3, 3));
            assertFalse(run.failed(), run.errors());
        }

        Registered associationOf(Registered subnet) {
            List<Registered> found = run.ofType(ASSOCIATION).stream().filter(a -> id(subnet).equals(a.text("subnetId"))).toList();
            assertEquals(1, found.size(), "one route table association per subnet: " + subnet.name());
            return found.get(0);
        }

        @Test
        void counts() {
            assertEquals(1, run.ofType(VPC).size());
            assertEquals(9, run.ofType(SUBNET).size());
            assertEquals(1, run.ofType(IGW).size());
            assertEquals(3, run.ofType(EIP).size());
            assertEquals(3, run.ofType(NAT).size());
            assertEquals(5, run.ofType(ROUTE_TABLE).size(), "one public, one per private subnet, one isolated");
            assertEquals(4, run.ofType(ROUTE).size(), "public to the IGW, each private table to a NAT gateway");
            assertEquals(9, run.ofType(ASSOCIATION).size());
            assertEquals(1, run.ofType(ENDPOINT).size());
            assertEquals(1, run.ofType(DEFAULT_SG).size());
            assertEquals(1, run.ofType(FLOW_LOG).size());
        }

        @Test
        void vpcHasDnsAndTheConfiguredBlock() {
            Registered vpc = run.one(VPC);
            assertEquals("10.10.0.0/16", vpc.text("cidrBlock"));
            assertEquals(true, vpc.inputs().get("enableDnsSupport"));
            assertEquals(true, vpc.inputs().get("enableDnsHostnames"));
        }

        @Test
        void subnetsFollowThePlanInsideTheVpcWithoutOverlap() {
            assertEquals(plan.publicCidrs(), named(run, SUBNET, "net-public-", 3).stream().map(s -> s.text("cidrBlock")).toList());
            assertEquals(plan.privateCidrs(), named(run, SUBNET, "net-private-", 3).stream().map(s -> s.text("cidrBlock")).toList());
            assertEquals(plan.isolatedCidrs(), named(run, SUBNET, "net-isolated-", 3).stream().map(s -> s.text("cidrBlock")).toList());
            List<String> cidrs = run.ofType(SUBNET).stream().map(s -> s.text("cidrBlock")).toList();
            for (int i = 0; i < cidrs.size(); i++) {
                assertTrue(SubnetPlan.contains("10.10.0.0/16", cidrs.get(i)));
                for (int j = i + 1; j < cidrs.size(); j++) {
                    assertFalse(SubnetPlan.overlap(cidrs.get(i), cidrs.get(j)), cidrs.get(i) + " / " + cidrs.get(j));
                }
            }
            run.ofType(SUBNET).forEach(s -> assertEquals("net-id", s.text("vpcId")));
        }

        @Test
        void zonesComeFromTheLookupThroughTheRegionsProvider() {
            for (String tier : List.of("public", "private", "isolated")) {
                assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"),
                        named(run, SUBNET, "net-" + tier + "-", 3).stream().map(s -> s.text("availabilityZone")).toList());
            }
        }

        @Test
        void noSubnetMapsPublicIps() {
            // FSBP EC2.15, with no exception: the public subnets hold only the load balancer (its addresses come from
            // Elastic Load Balancing) and the NAT gateways (each with its Elastic IP)
            assertEquals(9, run.ofType(SUBNET).size());
            run.ofType(SUBNET).forEach(s -> assertEquals(false, s.inputs().get("mapPublicIpOnLaunch"),
                    s.name() + " must say false explicitly"));
        }

        @Test
        void publicRoutesGoToTheInternetGateway() {
            Registered route = byName(run, ROUTE, "net-public-internet");
            assertEquals("0.0.0.0/0", route.text("destinationCidrBlock"));
            assertEquals(id(run.one(IGW)), route.text("gatewayId"));
            assertEquals(id(byName(run, ROUTE_TABLE, "net-public")), route.text("routeTableId"));
            for (Registered subnet : named(run, SUBNET, "net-public-", 3)) {
                assertEquals(id(byName(run, ROUTE_TABLE, "net-public")), associationOf(subnet).text("routeTableId"));
            }
        }

        @Test
        void oneNatGatewayPerZoneInItsPublicSubnetWithAnElasticIp() {
            List<Registered> nats = named(run, NAT, "net-nat-", 3);
            List<Registered> publics = named(run, SUBNET, "net-public-", 3);
            for (int j = 0; j < 3; j++) {
                assertEquals(id(publics.get(j)), nats.get(j).text("subnetId"));
                assertEquals(id(byName(run, EIP, "net-nat-" + (j + 1))), nats.get(j).text("allocationId"));
                assertEquals("public", nats.get(j).text("connectivityType"));
                assertEquals("vpc", byName(run, EIP, "net-nat-" + (j + 1)).text("domain"));
            }
        }

        @Test
        void eachPrivateSubnetRoutesThroughTheNatGatewayOfItsZone() {
            for (int i = 1; i <= 3; i++) {
                Registered route = byName(run, ROUTE, "net-private-" + i + "-internet");
                assertEquals("0.0.0.0/0", route.text("destinationCidrBlock"));
                assertEquals("net-nat-" + i + "-id", route.text("natGatewayId"));
                assertNull(route.inputs().get("gatewayId"));
                assertEquals(id(byName(run, ROUTE_TABLE, "net-private-" + i)), route.text("routeTableId"));
                assertEquals(id(byName(run, ROUTE_TABLE, "net-private-" + i)),
                        associationOf(byName(run, SUBNET, "net-private-" + i)).text("routeTableId"));
            }
        }

        @Test
        void isolatedSubnetsHaveNoRouteToTheInternet() {
            String isolated = id(byName(run, ROUTE_TABLE, "net-isolated"));
            assertTrue(run.ofType(ROUTE).stream().noneMatch(r -> isolated.equals(r.text("routeTableId"))));
            for (Registered subnet : named(run, SUBNET, "net-isolated-", 3)) {
                assertEquals(isolated, associationOf(subnet).text("routeTableId"));
            }
        }

        @Test
        void s3GatewayEndpointOnPrivateAndIsolatedTablesThroughOneMechanism() {
            Registered endpoint = run.one(ENDPOINT);
            assertEquals("Gateway", endpoint.text("vpcEndpointType"));
            assertEquals("com.amazonaws.eu-west-1.s3", endpoint.text("serviceName"));
            assertEquals(List.of("net-private-1-id", "net-private-2-id", "net-private-3-id", "net-isolated-id"),
                    endpoint.inputs().get("routeTableIds"));
            assertTrue(run.ofType("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation").isEmpty(),
                    "route tables reach the endpoint through routeTableIds only (Pulumi AWS docs, aws.ec2.VpcEndpoint)");
        }

        @Test
        void defaultSecurityGroupHasNoRules() {
            Registered sg = run.one(DEFAULT_SG);
            assertEquals("net-id", sg.text("vpcId"));
            for (String rules : List.of("ingress", "egress")) {
                Object value = sg.inputs().get(rules);
                assertTrue(value == null || (value instanceof List<?> l && l.isEmpty()), rules + ": " + value);
            }
        }

        @Test
        void flowLogsOfAllTrafficToAnEncryptedLogGroupNamedWithTheStack() {
            Registered flowLog = run.one(FLOW_LOG);
            Registered group = run.one(LOG_GROUP);
            assertEquals("ALL", flowLog.text("trafficType"));
            assertEquals("cloud-watch-logs", flowLog.text("logDestinationType"));
            assertEquals("net-id", flowLog.text("vpcId"));
            assertEquals("arn:aws:logs:eu-west-1:123456789012:log-group:/multiregion/primary/vpc-flow-logs/net",
                    flowLog.text("logDestination"));
            assertEquals("arn:aws:iam::123456789012:role/" + run.one(ROLE).name() + "-a1b2c3d", flowLog.text("iamRoleArn"));
            assertEquals("/multiregion/primary/vpc-flow-logs/net", group.text("name"));
            assertEquals("arn:aws:kms:eu-west-1:123456789012:key/key-0000-1111", group.text("kmsKeyId"));
            assertEquals(365, ((Number) group.inputs().get("retentionInDays")).intValue());
        }

        @Test
        void logGroupWaitsForTheKeyPolicyAndTheFlowLogForTheRolePolicy() {
            assertTrue(run.one(LOG_GROUP).dependsOn(run.one(KEY_POLICY)),
                    "a log group waits for its key's policy (terraform-provider-aws#8042)");
            assertTrue(run.one(FLOW_LOG).dependsOn(run.one(ROLE_POLICY)), "delivery starts once the role may write");
        }

        @Test
        void elasticIpsAndNatGatewaysWaitForTheInternetGateway() {
            Registered igw = run.one(IGW);
            run.ofType(EIP).forEach(e -> assertTrue(e.dependsOn(igw), e.name()));
            run.ofType(NAT).forEach(n -> assertTrue(n.dependsOn(igw), n.name()));
        }

        @Test
        void flowLogsRoleIsTrustedOnlyByTheServiceForThisAccountsFlowLogs() {
            PolicyView trust = PolicyView.parse(run.one(ROLE).text("assumeRolePolicy"));
            assertEquals(1, trust.statements().size());
            PolicyView.StatementView s = trust.statements().get(0);
            assertEquals(List.of("sts:AssumeRole"), s.actions());
            assertEquals(Map.of("Service", List.of("vpc-flow-logs.amazonaws.com")), s.principals());
            assertEquals(List.of("123456789012"), s.condition("StringEquals", "aws:SourceAccount"));
            assertEquals(List.of("arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*"), s.condition("ArnLike", "aws:SourceArn"));
        }

        @Test
        void flowLogsRoleWritesOnlyItsLogGroup() {
            PolicyView policy = PolicyView.parse(run.one(ROLE_POLICY).text("policy"));
            String group = "arn:aws:logs:eu-west-1:123456789012:log-group:/multiregion/primary/vpc-flow-logs/net";
            assertEquals(2, policy.statements().size());
            PolicyView.StatementView write = policy.sid("WriteFlowLogStreams");
            assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents"), write.actions());
            assertEquals(List.of(group + ":log-stream:*"), write.resources(), "log-stream resource type");
            PolicyView.StatementView list = policy.sid("ListFlowLogStreams");
            assertEquals(List.of("logs:DescribeLogStreams"), list.actions());
            // DescribeLogStreams is authorized against log-group:NAME:* (CloudWatch Logs User Guide, "Overview of
            // managing access permissions to your CloudWatch Logs resources"); the bare ARN is never matched
            assertEquals(List.of(group + ":*"), list.resources(), "log-group resource type, in the form IAM matches");
            policy.statements().forEach(st -> assertTrue(st.conditions().isEmpty(), st.sid()));
            policy.statements().forEach(st -> assertTrue(st.allows()));
            assertFalse(policy.allActions().contains("logs:DescribeLogGroups"));
            assertFalse(policy.allResources().contains("*"));
        }

        @Test
        void everyResourceGoesThroughTheRegionsProviderAndLivesInTheComponent() {
            List<Registered> aws = run.aws();
            assertTrue(aws.size() > 30);
            aws.forEach(r -> assertEquals("eu-west-1", r.providerRegion(), r.type() + " " + r.name()));
            aws.stream().filter(r -> !r.type().startsWith("aws:kms/"))
                    .forEach(r -> assertTrue(r.urn().contains("multiregion:network:Network$"), r.urn()));
        }

        @Test
        void physicalNamesCarryTheStackAndFitAwsLimits() {
            Registered role = run.one(ROLE);
            assertTrue(role.name().length() + Names.RANDOM_SUFFIX <= Names.IAM_ROLE, role.name());
            assertTrue(run.one(LOG_GROUP).text("name").contains("/primary/"));
            run.aws().stream().filter(r -> r.inputs().get("tags") instanceof Map<?, ?>).forEach(r -> {
                Map<?, ?> tags = (Map<?, ?>) r.inputs().get("tags");
                assertEquals("primary", tags.get("Stack"), r.name());
                assertTrue(String.valueOf(tags.get("Name")).startsWith("primary-"), r.name() + " " + tags);
            });
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TwoZonesOneNat {
        ProgramRun run;

        @BeforeAll
        void build() {
            run = ProgramRun.program("secondary", Map.of(), program("eu-central-1", "secondary", "10.20.0.0/16",
                    Optional.of(List.of("eu-central-1b", "eu-central-1c")), 2, 1));
            assertFalse(run.failed(), run.errors());
        }

        @Test
        void counts() {
            assertEquals(6, run.ofType(SUBNET).size());
            assertEquals(1, run.ofType(NAT).size());
            assertEquals(1, run.ofType(EIP).size());
            assertEquals(4, run.ofType(ROUTE_TABLE).size());
            assertEquals(3, run.ofType(ROUTE).size());
            assertEquals(6, run.ofType(ASSOCIATION).size());
        }

        @Test
        void explicitZonesAreUsedInOrder() {
            assertEquals(List.of("eu-central-1b", "eu-central-1c"),
                    named(run, SUBNET, "net-private-", 2).stream().map(s -> s.text("availabilityZone")).toList());
        }

        @Test
        void bothPrivateTablesShareTheOneNatGatewayInTheFirstPublicSubnet() {
            assertEquals("net-public-1-id", run.one(NAT).text("subnetId"));
            for (int i = 1; i <= 2; i++) {
                assertEquals("net-nat-1-id", byName(run, ROUTE, "net-private-" + i + "-internet").text("natGatewayId"));
            }
        }

        @Test
        void subnetsFollowThePlan() {
            SubnetPlan plan = SubnetPlan.of("10.20.0.0/16", 2);
            assertEquals(plan.all(), run.ofType(SUBNET).stream()
                    .sorted(java.util.Comparator.comparing((Registered r) -> List.of("public", "private", "isolated")
                            .indexOf(r.name().split("-")[1])).thenComparing(Registered::name))
                    .map(s -> s.text("cidrBlock")).toList());
        }

        @Test
        void everythingInTheSecondaryRegionWithItsStackInTheNames() {
            run.aws().forEach(r -> assertEquals("eu-central-1", r.providerRegion(), r.name()));
            assertEquals("/multiregion/secondary/vpc-flow-logs/net", run.one(LOG_GROUP).text("name"));
            assertEquals("com.amazonaws.eu-central-1.s3", run.one(ENDPOINT).text("serviceName"));
            assertEquals(List.of("arn:aws:ec2:eu-central-1:123456789012:vpc-flow-log/*"),
                    PolicyView.parse(run.one(ROLE).text("assumeRolePolicy")).statements().get(0)
                            .condition("ArnLike", "aws:SourceArn"));
        }
    }

    @Test
    void withoutNatGatewaysPrivateSubnetsHaveNoInternetRoute() {
        ProgramRun run = ProgramRun.program("secondary", Map.of(),
                program("eu-central-1", "secondary", "10.20.0.0/16", Optional.empty(), 2, 0));
        assertFalse(run.failed(), run.errors());
        assertTrue(run.ofType(NAT).isEmpty());
        assertTrue(run.ofType(EIP).isEmpty());
        assertEquals(List.of("net-public-internet"), run.ofType(ROUTE).stream().map(Registered::name).toList());
        assertEquals(List.of("net-private-1-id", "net-private-2-id", "net-isolated-id"), run.one(ENDPOINT).inputs().get("routeTableIds"));
    }

    @Test
    void anEmptyZoneAnswerFailsWithTheRegionAndTheFix() {
        EmptyZonesCloud.Outcome run = EmptyZonesCloud.run(program("eu-west-1", "primary", "10.10.0.0/16", Optional.empty(), 3, 3));
        assertTrue(run.failed(), "an empty zone answer must fail the program, never build zero subnets");
        assertTrue(run.errors().contains("no availability zones in eu-west-1"), run.errors());
        assertTrue(run.errors().contains("multiregion:network"), run.errors());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "eu-west-1a,eu-west-1b,eu-west-1c|2|eu-west-1a,eu-west-1b",
            "eu-west-1a,eu-west-1b,eu-west-1c|3|eu-west-1a,eu-west-1b,eu-west-1c"})
    void chooseZonesTakesTheFirstAnswered(String answered, int count, String expected) {
        assertEquals(List.of(expected.split(",")),
                Network.chooseZones(List.of(answered.split(",")), count, new AwsRegion("eu-west-1")));
    }

    @Test
    void chooseZonesRefusesEmptyOrShortAnswers() {
        AwsRegion region = new AwsRegion("eu-west-1");
        assertTrue(assertThrows(IllegalStateException.class, () -> Network.chooseZones(List.of(), 2, region))
                .getMessage().startsWith("no availability zones in eu-west-1"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Network.chooseZones(null, 2, region))
                .getMessage().contains("availabilityZones"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Network.chooseZones(List.of("eu-west-1a", "eu-west-1b"), 3, region))
                .getMessage().startsWith("only 2 availability zones in eu-west-1"));
    }

    @ParameterizedTest
    @CsvSource({"eu-west-1,com.amazonaws.eu-west-1.s3", "cn-north-1,cn.com.amazonaws.cn-north-1.s3",
            "us-gov-west-1,com.amazonaws.us-gov-west-1.s3"})
    void endpointServiceNameFollowsThePartition(String region, String expected) {
        assertEquals(expected, Network.endpointService(new AwsRegion(region), "s3"));
    }

    @ParameterizedTest
    @CsvSource({"eu-west-1,arn:aws:ec2:eu-west-1:111122223333:vpc-flow-log/*",
            "cn-north-1,arn:aws-cn:ec2:cn-north-1:111122223333:vpc-flow-log/*",
            "us-gov-west-1,arn:aws-us-gov:ec2:us-gov-west-1:111122223333:vpc-flow-log/*"})
    void flowLogArnsFollowThePartition(String region, String expected) {
        assertEquals(expected, Network.flowLogArns(new AwsRegion(region), "111122223333"));
    }

    @Test
    void argsRefuseInconsistentValues() {
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgramRun run = ProgramRun.program("primary", Map.of(), ctx -> {
            Provider provider = new Provider("aws-eu-west-1", ProviderArgs.builder().region("eu-west-1").build());
            CustomResourceOptions inRegion = CustomResourceOptions.builder().provider(provider).build();
            Key key = new Key("key", KeyArgs.builder().description("test key").build(), inRegion);
            KeyPolicy policy = new KeyPolicy("key-policy", KeyPolicyArgs.builder().keyId(key.id()).policy("{}").build(), inRegion);
            AwsRegion region = new AwsRegion("eu-west-1");
            java.util.function.BiFunction<Optional<List<String>>, Integer, Network.Args.Builder> args = (zones, nat) ->
                    Network.Args.builder().region(region).stack("primary").block("10.10.0.0/16", zones, 2).natGateways(nat);
            List<Runnable> cases = List.of(
                    () -> args.apply(Optional.of(List.of("eu-west-1a")), 1).flowLogs(365, key.arn(), policy).build(),
                    () -> args.apply(Optional.empty(), 3).flowLogs(365, key.arn(), policy).build(),
                    () -> args.apply(Optional.empty(), -1).flowLogs(365, key.arn(), policy).build(),
                    () -> args.apply(Optional.empty(), 1).flowLogs(0, key.arn(), policy).build());
            for (Runnable c : cases) {
                try {
                    c.run();
                } catch (IllegalArgumentException e) {
                    refused.add(e.getMessage());
                }
            }
        });
        assertFalse(run.failed(), run.errors());
        assertEquals(4, refused.size(), refused.toString());
    }

    @Test
    void flowLogGroupNameKeepsCloudWatchRules() {
        assertEquals("/multiregion/primary/vpc-flow-logs/net", Network.flowLogGroupName("primary", "net"));
        assertThrows(IllegalArgumentException.class, () -> Network.flowLogGroupName("prod stack", "net"));
        assertThrows(IllegalArgumentException.class, () -> Network.flowLogGroupName("p".repeat(500), "net"));
    }
}
