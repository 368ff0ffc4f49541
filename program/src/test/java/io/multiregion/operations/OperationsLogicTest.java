package io.multiregion.operations;

import io.multiregion.regions.AwsRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The pure parts of the operations: metric dimensions, bus ARNs, where events are routed, composite rules. */
class OperationsLogicTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web-a1b2c3d/0123456789abcdef,"
                    + "app/web-a1b2c3d/0123456789abcdef",
            "arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:loadbalancer/app/w/1,app/w/1"})
    void loadBalancerDimension(String arn, String dimension) {
        assertEquals(dimension, RegionAlarms.loadBalancerDimension(arn));
    }

    @Test
    void targetGroupDimension() {
        assertEquals("targetgroup/web-tg/fedcba9876543210", RegionAlarms.targetGroupDimension(
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/fedcba9876543210"));
        assertNull(RegionAlarms.targetGroupDimension(null));
    }

    @ParameterizedTest(name = "{0} and {1}: routed between regions = {2}")
    @CsvSource({"eu-west-1,eu-central-1,true", "us-west-2,mx-central-1,true", "cn-north-1,cn-northwest-1,false",
            "us-gov-west-1,us-gov-east-1,false"})
    void crossRegionRouting(String a, String b, boolean supported) {
        assertEquals(supported, EventRouting.supported(new AwsRegion(a), new AwsRegion(b)));
    }

    @Test
    void defaultBusOfTheOtherRegion() {
        assertEquals("arn:aws:events:eu-central-1:123456789012:event-bus/default",
                EventRouting.defaultBus(new AwsRegion("eu-central-1"), "123456789012"));
    }

    @Test
    void compositeRule() {
        assertEquals("ALARM(\"a\") OR ALARM(\"b\")", RegionAlarms.compositeRule(List.of("a", "b")));
    }

    @ParameterizedTest(name = "{0}: RPO lag offered = {1}")
    @CsvSource({"aurora-postgresql,true", "aurora-mysql,false"})
    void rpoLag(String engine, boolean offered) {
        assertEquals(offered, RegionAlarms.rpoLagOffered(engine));
    }
}
