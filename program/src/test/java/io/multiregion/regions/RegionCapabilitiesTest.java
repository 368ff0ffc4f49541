package io.multiregion.regions;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facts of AWS's endpoint data this program's delivery paths rest on, pinned for the version in use
 * (software.amazon.awssdk:regions 2.59.1): a version bump that changes them fails here, so the change is seen and the
 * documentation (README, docs/delivery.md) updated with it.
 */
class RegionCapabilitiesTest {

    /** The commercial regions of the data: partition aws, with an EC2 endpoint. */
    private static Set<String> commercial() {
        return AwsRegion.all().stream().filter(r -> r.partition().equals("aws"))
                .filter(r -> RegionCapabilities.of(r).offers(Service.EC2)).map(AwsRegion::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> without(Set<String> regions, Service service) {
        return regions.stream().filter(r -> !RegionCapabilities.of(new AwsRegion(r)).offers(service))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @DisplayName("the data is software.amazon.awssdk:regions 2.59.1 (a bump must review the facts below)")
    void version() {
        assertEquals("2.59.1", RegionCapabilities.SDK_VERSION);
        assertEquals("AWS's endpoint data, software.amazon.awssdk:regions 2.59.1", RegionCapabilities.dataSource());
    }

    @Test
    @DisplayName("34 commercial regions, among them the newest")
    void commercialRegions() {
        Set<String> commercial = commercial();
        assertEquals(34, commercial.size(), commercial.toString());
        assertTrue(commercial.containsAll(List.of("ap-southeast-7", "mx-central-1", "ca-west-1", "ap-east-2",
                "ap-southeast-6", "ap-southeast-5")), commercial.toString());
    }

    @Test
    @DisplayName("CodeConnections is missing in 17 of the 34 commercial regions and in every China, ISO and EUSC region")
    void codeConnections() {
        Set<String> missing = without(commercial(), Service.CODECONNECTIONS);
        assertEquals(17, missing.size(), missing.toString());
        assertTrue(missing.containsAll(List.of("af-south-1", "ap-east-1", "ap-southeast-3", "ap-southeast-4",
                "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "eu-central-2", "eu-south-2", "il-central-1",
                "me-central-1", "me-south-1", "mx-central-1")), missing.toString());
        for (AwsRegion region : AwsRegion.all()) {
            String partition = region.partition();
            if (partition.equals("aws-cn") || partition.startsWith("aws-iso") || partition.equals("aws-eusc")) {
                assertFalse(RegionCapabilities.of(region).offers(Service.CODECONNECTIONS), region.code());
            }
        }
        assertTrue(RegionCapabilities.of(new AwsRegion("us-gov-west-1")).offers(Service.CODECONNECTIONS));
        assertTrue(RegionCapabilities.of(new AwsRegion("eu-west-1")).offers(Service.CODECONNECTIONS));
    }

    @Test
    @DisplayName("CodePipeline is missing in ap-east-2, ap-southeast-7, ca-west-1 and mx-central-1; CodeBuild in ap-east-2, ca-west-1 and mx-central-1")
    void pipelinesAndBuilds() {
        assertEquals(Set.of("ap-east-2", "ap-southeast-7", "ca-west-1", "mx-central-1"),
                without(commercial(), Service.CODEPIPELINE));
        assertEquals(Set.of("ap-east-2", "ca-west-1", "mx-central-1"), without(commercial(), Service.CODEBUILD));
        for (String china : List.of("cn-north-1", "cn-northwest-1")) {
            assertTrue(RegionCapabilities.of(new AwsRegion(china)).offers(Service.CODEPIPELINE), china);
            assertTrue(RegionCapabilities.of(new AwsRegion(china)).offers(Service.CODEBUILD), china);
        }
    }

    @ParameterizedTest(name = "{0} is in every region with an EC2 endpoint")
    @EnumSource(value = Service.class, names = {"CODEDEPLOY", "EVENTBRIDGE", "SYSTEMS_MANAGER", "STEP_FUNCTIONS", "S3",
            "KMS"})
    void everywhere(Service service) {
        List<AwsRegion> regions = AwsRegion.all().stream().filter(r -> RegionCapabilities.of(r).offers(Service.EC2)).toList();
        assertTrue(regions.size() >= 34 + 2 + 2, regions.toString());
        regions.forEach(r -> assertTrue(RegionCapabilities.of(r).offers(service), service + " in " + r));
    }

    @ParameterizedTest(name = "global IAM in {0}: {1}")
    @CsvSource({"eu-west-1, true", "mx-central-1, true", "cn-north-1, true", "us-gov-west-1, true", "us-iso-east-1, true",
            "eu-isoe-west-1, false", "eusc-de-east-1, false"})
    @DisplayName("a global service is offered where the data lists its partition's global endpoint")
    void globalServices(String region, boolean offered) {
        assertEquals(offered, RegionCapabilities.of(new AwsRegion(region)).offers(Service.IAM));
    }

    @Test
    @DisplayName("offering: the regions of a partition that offer every service asked for")
    void offering() {
        List<AwsRegion> pipelines = RegionCapabilities.offering("aws", List.of(Service.CODEPIPELINE, Service.CODEBUILD));
        assertEquals(30, pipelines.size());
        assertFalse(pipelines.contains(new AwsRegion("mx-central-1")));
        assertEquals(List.of(new AwsRegion("cn-north-1"), new AwsRegion("cn-northwest-1")),
                RegionCapabilities.offering("aws-cn", List.of(Service.CODEPIPELINE)));
        assertEquals(List.of(), RegionCapabilities.offering("aws-cn", List.of(Service.CODECONNECTIONS)));
        assertEquals(Set.of(Service.CODEPIPELINE, Service.CODEBUILD), RegionCapabilities.of(new AwsRegion("mx-central-1"))
                .missing(List.of(Service.S3, Service.CODEPIPELINE, Service.CODEBUILD, Service.CODEDEPLOY)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "aws:s3/bucketV2:BucketV2, S3",
            "aws:cloudwatch/logGroup:LogGroup, CLOUDWATCH_LOGS",
            "aws:cloudwatch/eventRule:EventRule, EVENTBRIDGE",
            "aws:cloudwatch/eventTarget:EventTarget, EVENTBRIDGE",
            "aws:cloudwatch/metricAlarm:MetricAlarm, CLOUDWATCH",
            "aws:codestarconnections/connection:Connection, CODECONNECTIONS",
            "aws:sfn/stateMachine:StateMachine, STEP_FUNCTIONS",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule, EC2",
            "aws:lb/loadBalancer:LoadBalancer, ELASTIC_LOAD_BALANCING",
            "aws:ecr/replicationConfiguration:ReplicationConfiguration, ECR",
            "aws:iam/rolePolicy:RolePolicy, IAM"})
    @DisplayName("each Pulumi resource type maps to the service whose endpoint creates it")
    void resourceTypes(String type, Service service) {
        assertEquals(Optional.of(service), Service.ofResourceType(type));
    }

    @Test
    @DisplayName("components, providers and unmapped types map to no service")
    void noService() {
        assertEquals(Optional.empty(), Service.ofResourceType("multiregion:delivery:ReplicaTrigger"));
        assertEquals(Optional.empty(), Service.ofResourceType("pulumi:providers:aws"));
        assertEquals(Optional.empty(), Service.ofResourceType("aws:cloudwatch/somethingNew:SomethingNew"));
        assertEquals(Optional.of(Service.CODECONNECTIONS), Service.ofEndpointPrefix("codestar-connections"));
    }
}
