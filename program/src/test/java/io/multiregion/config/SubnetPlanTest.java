package io.multiregion.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subnet layout and the CIDR checks, without the engine. */
class SubnetPlanTest {

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("10.10.0.0/16", 3,
                        List.of("10.10.128.0/20", "10.10.144.0/20", "10.10.160.0/20"),
                        List.of("10.10.0.0/19", "10.10.32.0/19", "10.10.64.0/19"),
                        List.of("10.10.192.0/20", "10.10.208.0/20", "10.10.224.0/20")),
                Arguments.of("10.20.0.0/16", 2,
                        List.of("10.20.128.0/19", "10.20.160.0/19"),
                        List.of("10.20.0.0/18", "10.20.64.0/18"),
                        List.of("10.20.192.0/19", "10.20.224.0/19")),
                Arguments.of("192.168.4.0/24", 3,
                        List.of("192.168.4.128/28", "192.168.4.144/28", "192.168.4.160/28"),
                        List.of("192.168.4.0/27", "192.168.4.32/27", "192.168.4.64/27"),
                        List.of("192.168.4.192/28", "192.168.4.208/28", "192.168.4.224/28")),
                Arguments.of("172.16.0.0/20", 6,
                        List.of("172.16.8.0/25", "172.16.8.128/25", "172.16.9.0/25", "172.16.9.128/25",
                                "172.16.10.0/25", "172.16.10.128/25"),
                        List.of("172.16.0.0/24", "172.16.1.0/24", "172.16.2.0/24", "172.16.3.0/24",
                                "172.16.4.0/24", "172.16.5.0/24"),
                        List.of("172.16.12.0/25", "172.16.12.128/25", "172.16.13.0/25", "172.16.13.128/25",
                                "172.16.14.0/25", "172.16.14.128/25")));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void layout(String vpc, int zones, List<String> pub, List<String> priv, List<String> isolated) {
        SubnetPlan plan = SubnetPlan.of(vpc, zones);
        assertEquals(pub, plan.publicCidrs());
        assertEquals(priv, plan.privateCidrs());
        assertEquals(isolated, plan.isolatedCidrs());
        assertEquals(zones, plan.zones());
    }

    @ParameterizedTest
    @CsvSource({"10.10.0.0/16,2", "10.10.0.0/16,3", "10.10.0.0/16,4", "10.10.0.0/16,6", "10.0.0.0/24,2",
            "10.0.0.0/24,4", "192.168.0.0/23,6", "172.31.0.0/16,5"})
    void subnetsAreInsideTheVpcDisjointAndWithinAwsSizes(String vpc, int zones) {
        SubnetPlan plan = SubnetPlan.of(vpc, zones);
        List<String> all = plan.all();
        assertEquals(3 * zones, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertTrue(SubnetPlan.contains(vpc, all.get(i)), all.get(i) + " outside " + vpc);
            int prefix = Integer.parseInt(all.get(i).substring(all.get(i).indexOf('/') + 1));
            assertTrue(prefix >= SubnetPlan.LARGEST_PREFIX && prefix <= SubnetPlan.SMALLEST_PREFIX, all.get(i));
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(SubnetPlan.overlap(all.get(i), all.get(j)), all.get(i) + " overlaps " + all.get(j));
            }
        }
        // the application tier is the largest
        assertTrue(SubnetPlan.usableAddresses(plan.privateCidrs().get(0)) > SubnetPlan.usableAddresses(plan.publicCidrs().get(0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "banana|3|is not an IPv4 CIDR block",
            "10.10.0.0/33|3|is not an IPv4 CIDR block",
            "10.10.0.0|3|is not an IPv4 CIDR block",
            "fd00::/56|3|is not an IPv4 CIDR block",
            "10.10.0.1/16|3|has host bits set; use the block's first address: 10.10.0.0/16",
            "10.0.0.0/8|3|AWS accepts VPC blocks from /16 to /28",
            "10.10.0.0/29|2|AWS accepts VPC blocks from /16 to /28",
            "8.8.0.0/16|3|is not in a private range",
            "100.64.0.0/16|3|is not in a private range",
            "172.32.0.0/16|3|is not in a private range",
            "10.10.0.0/25|3|too small for public, private and isolated subnets in 3 zones: its public and isolated subnets would be /29",
            "10.10.0.0/25|3|use a /24 or larger block",
            "10.10.0.0/26|2|use a /25 or larger block",
            "10.10.0.0/24|5|use a /23 or larger block",
            "10.10.0.0/16|0|use at least 1 zone"})
    void problems(String cidr, int zones, String expected) {
        List<Problem> problems = SubnetPlan.problems(cidr, zones);
        assertTrue(problems.stream().anyMatch(p -> p.toString().contains(expected)), problems.toString());
        assertThrows(IllegalArgumentException.class, () -> SubnetPlan.of(cidr, zones));
    }

    @ParameterizedTest
    @CsvSource({"10.10.0.0/16,2", "10.10.0.0/24,3", "10.10.0.0/25,2", "192.168.0.0/26,1", "172.16.0.0/12,3"})
    void edgesOfTheAcceptedRange(String cidr, int zones) {
        // 172.16.0.0/12 is private but larger than AWS's /16 limit
        boolean expectOk = !cidr.endsWith("/12");
        assertEquals(expectOk, SubnetPlan.problems(cidr, zones).isEmpty(), SubnetPlan.problems(cidr, zones).toString());
    }

    @ParameterizedTest
    @CsvSource({"10.10.0.0/16,10.20.0.0/16,false", "10.10.0.0/16,10.10.128.0/17,true", "10.0.0.0/16,10.0.255.0/24,true",
            "192.168.0.0/24,192.168.1.0/24,false", "10.10.0.0/16,banana,false"})
    void overlap(String a, String b, boolean expected) {
        assertEquals(expected, SubnetPlan.overlap(a, b));
        assertEquals(expected, SubnetPlan.overlap(b, a));
    }

    @Test
    void usableAddressesLeaveTheFiveAwsReserves() {
        assertEquals(11, SubnetPlan.usableAddresses("10.0.0.0/28"));
        assertEquals(4091, SubnetPlan.usableAddresses("10.0.0.0/20"));
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,1", "3,2", "4,2", "5,3", "6,3", "8,3", "9,4"})
    void slotBits(int zones, int bits) {
        assertEquals(bits, SubnetPlan.slotBits(zones));
    }
}
