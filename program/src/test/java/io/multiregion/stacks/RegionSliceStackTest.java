package io.multiregion.stacks;

import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StackFiles;
import io.multiregion.testing.Template;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both stacks from their stack files: each builds the same region slice for its home region, through that region's
 * provider, sized by its own config (active in A, warm standby in B), and the tiers are chained internet → load
 * balancer → application → database and nothing else.
 */
class RegionSliceStackTest {
    private static ProgramRun primary;
    private static ProgramRun secondary;

    private static final String VPC = "aws:ec2/vpc:Vpc";
    private static final String NAT = "aws:ec2/natGateway:NatGateway";
    private static final String GROUP = "aws:autoscaling/group:Group";
    private static final String TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    @BeforeAll
    static void run() {
        primary = ProgramRun.of("primary", Map.of());
        secondary = ProgramRun.of("secondary", Samples.primaryOutputs());
        assertFalse(primary.failed(), primary::errors);
        assertFalse(secondary.failed(), secondary::errors);
    }

    static Stream<ProgramRun> both() {
        return Stream.of(primary, secondary);
    }

    @ParameterizedTest(name = "{0}: every tier, in {1}, through that region's provider, with the stack's sizing")
    @CsvSource({"primary,eu-west-1,10.10.0.0/16,3,3,3,12,2", "secondary,eu-central-1,10.20.0.0/16,1,2,2,12,1"})
    void tiersInTheHomeRegion(String stack, String region, String cidr, int nat, int min, int desired, int max,
                              int dbInstances) {
        ProgramRun run = stack.equals("primary") ? primary : secondary;
        Template template = Template.of(run)
                .resourceCountIs(VPC, region, 1)
                .resourceCountIs(NAT, region, nat)
                .resourceCountIs(GROUP, region, 1)
                .resourceCountIs(CLUSTER, region, 1)
                .resourceCountIs(INSTANCE, region, dbInstances)
                .resourceCountIs("aws:lb/loadBalancer:LoadBalancer", region, 1)
                .resourceCountIs("aws:codedeploy/deploymentGroup:DeploymentGroup", region, 1)
                .allResourcesProperties(TEMPLATE, Map.of("instanceType", "m7i.large"))
                .allResourcesProperties(INSTANCE, Map.of("instanceClass", "db.r6g.large"));
        template.hasResourceProperties(VPC, Map.of("cidrBlock", cidr));
        template.hasResourceProperties(GROUP, Map.of("minSize", min, "desiredCapacity", desired, "maxSize", max));
    }

    @Test
    @DisplayName("the secondary registers nothing through region A's provider, and its cluster joins A's global cluster")
    void secondaryStaysInB() {
        assertEquals(List.of(), secondary.where(r -> Objects.equals(r.providerRegion(), "eu-west-1")));
        Registered cluster = secondary.one(CLUSTER);
        assertEquals("multiregion-primary-global", cluster.text("globalClusterIdentifier"));
        assertEquals(null, cluster.inputs().get("masterPassword"));
        assertEquals(null, cluster.inputs().get("masterUsername"));
        assertEquals(null, cluster.inputs().get("replicationSourceIdentifier"));
        assertEquals(1, primary.ofType("aws:rds/globalCluster:GlobalCluster").size());
        assertEquals(0, secondary.ofType("aws:rds/globalCluster:GlobalCluster").size());
        assertEquals(primary.one("aws:rds/globalCluster:GlobalCluster").text("globalClusterIdentifier"),
                primary.one(CLUSTER).text("globalClusterIdentifier"));
    }

    @ParameterizedTest(name = "security groups: CloudFront → ALB (80) → app (8080) → database port, nothing else open")
    @MethodSource("both")
    void securityGroupChain(ProgramRun run) {
        // a CIDR source is only ever the peer VPC's subnets over the transit gateway peering (the database flow)
        assertEquals(List.of(), run.where(r -> r.type().equals(INGRESS) && r.text("cidrIpv4") != null
                        && !(r.text("cidrIpv4").startsWith("10.10.") || r.text("cidrIpv4").startsWith("10.20."))),
                "behind the front door nothing is open to the internet");
        List<Registered> fromFrontDoor = run.where(r -> r.type().equals(INGRESS) && r.text("prefixListId") != null);
        assertEquals(List.of(80.0), fromFrontDoor.stream().map(r -> ((Number) r.at("fromPort")).doubleValue()).toList(),
                "without a domain only HTTP is open, to CloudFront's origin-facing servers, and only on the load balancer");
        run.where(r -> r.type().equals(INGRESS) && r.text("cidrIpv4") != null).forEach(r ->
                assertEquals(5433.0, ((Number) r.at("fromPort")).doubleValue(), "only the database port crosses the peering"));
        List<Registered> ingress = run.where(r -> r.type().equals(INGRESS) && r.text("cidrIpv4") == null
                && r.text("prefixListId") == null);
        assertTrue(ingress.stream().allMatch(r -> r.text("referencedSecurityGroupId") != null),
                "every other ingress comes from a named security group");
        List<Double> ports = ingress.stream().map(r -> ((Number) r.at("fromPort")).doubleValue()).sorted().toList();
        assertEquals(List.of(5433.0, 8080.0), ports, "app port from the load balancer, database port from the app");
        List<Registered> openEgress = run.where(r -> r.type().equals(EGRESS) && "0.0.0.0/0".equals(r.text("cidrIpv4")));
        assertEquals(List.of(443.0), openEgress.stream().map(r -> ((Number) r.at("fromPort")).doubleValue()).toList(),
                "the only egress to the internet is HTTPS from the app tier (AWS APIs through NAT)");
        run.ofType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").forEach(g -> {
            assertEquals(null, g.inputs().get("ingress"));
            assertEquals(null, g.inputs().get("egress"));
        });
    }

    @ParameterizedTest(name = "FSBP on the instances: IMDSv2 with hop limit 1, encrypted EBS, no public IP")
    @MethodSource("both")
    void instanceControls(ProgramRun run) {
        Registered template = run.one(TEMPLATE);
        assertEquals("required", template.at("metadataOptions", "httpTokens"));
        assertEquals(1.0, ((Number) template.at("metadataOptions", "httpPutResponseHopLimit")).doubleValue());
        assertTrue(template.text("imageId").startsWith("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami"));
        assertEquals("false", String.valueOf(template.at("networkInterfaces", 0, "associatePublicIpAddress")));
        assertEquals("true", String.valueOf(template.at("blockDeviceMappings", 0, "ebs", "encrypted")));
        assertEquals("ELB", run.one(GROUP).text("healthCheckType"));
    }

    @ParameterizedTest(name = "the Auto Scaling group waits for the key policy that admits its service-linked role")
    @MethodSource("both")
    void groupWaitsForKeyPolicy(ProgramRun run) {
        Registered group = run.one(GROUP);
        String region = group.providerRegion();
        Registered policy = run.where(r -> r.type().equals("aws:kms/keyPolicy:KeyPolicy")
                && Objects.equals(r.providerRegion(), region)).get(0);
        assertTrue(group.dependsOn(policy));
        assertTrue(policy.text("policy").contains("AWSServiceRoleForAutoScaling"));
    }

    @ParameterizedTest(name = "both pipelines end with a deploy to their own region's CodeDeploy group")
    @MethodSource("both")
    void pipelinesDeployToTheirSlice(ProgramRun run) {
        Registered pipeline = run.one("aws:codepipeline/pipeline:Pipeline");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = (List<Map<String, Object>>) pipeline.inputs().get("stages");
        Map<String, Object> last = stages.get(stages.size() - 1);
        assertEquals("Deploy", last.get("name"));
        Object action = ((List<?>) last.get("actions")).get(0);
        assertEquals("CodeDeploy", ((Map<?, ?>) action).get("provider"));
        assertEquals(List.of("release"), ((Map<?, ?>) action).get("inputArtifacts"));
        Registered group = run.one("aws:codedeploy/deploymentGroup:DeploymentGroup");
        assertEquals(group.text("deploymentGroupName"), ((Map<?, ?>) ((Map<?, ?>) action).get("configuration"))
                .get("DeploymentGroupName"));
    }

    @ParameterizedTest(name = "bad sizing and network: {0}")
    @CsvSource(delimiter = '|', value = {
            "standby larger than the primary|secondary|sizing|{\"minSize\":4,\"desiredCapacity\":4,\"maxSize\":12}|is larger than the primary's",
            "standby that cannot reach the primary's load|secondary|sizing|{\"maxSize\":2}|cannot reach the primary's desired",
            "NAT above the zone count|primary|sizing|{\"natGateways\":4}|is above the 3 availability zones",
            "burstable database class|primary|sizing|{\"dbInstanceClass\":\"db.t4g.medium\"}|is a burstable class",
            "overlapping VPC blocks|primary|network|{\"primary\":{\"cidr\":\"10.10.0.0/16\"},\"secondary\":{\"cidr\":\"10.10.128.0/17\"}}|overlaps",
            "VPC too small for its subnets|primary|network|{\"primary\":{\"cidr\":\"10.10.0.0/26\",\"zones\":3}}|too small",
            "unknown instance type|primary|sizing|{\"instanceType\":\"m7i.huge\"}|is not an EC2 instance type"})
    void badSliceConfigRegistersNothing(String description, String stack, String key, String value, String expected) {
        Map<String, String> config = new HashMap<>(StackFiles.config(stack));
        config.put("multiregion:" + key, value);
        ProgramRun run = ProgramRun.with(stack, config, stack.equals("primary") ? Map.of() : Samples.primaryOutputs());
        assertTrue(run.failed(), description);
        assertTrue(run.errors().contains(expected), run.errors());
        assertEquals(List.of(), run.aws(), "nothing may be registered");
    }
}
