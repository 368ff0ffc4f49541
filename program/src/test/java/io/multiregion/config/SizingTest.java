package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** multiregion:sizing: defaults per role, and the warm-standby contract (each bad value: {@link BadValuesTest}). */
class SizingTest {

    private static Sizing read(String stack, String json) {
        return Configs.settings(stack, Configs.with(stack, json == null ? "" : "sizing=" + json)).sizing();
    }

    @Test
    @DisplayName("unset: the primary is active, the secondary a smaller warm standby that can grow to the primary's load")
    void defaults() {
        Sizing active = read("primary", null);
        Sizing standby = read("secondary", null);
        assertEquals(new Sizing("m7i.large", 3, 3, 12, 3, "db.r6g.large", 2), active);
        assertEquals(new Sizing("m7i.large", 2, 2, 12, 1, "db.r6g.large", 1), standby);
        assertEquals(List.of(), standby.checkStandby(active));
    }

    @Test
    @DisplayName("a partial object keeps the role's defaults for the fields it leaves out; numbers may be text")
    void partial() {
        assertEquals(new Sizing("m7i.xlarge", 2, 2, 12, 1, "db.r6g.large", 1), read("secondary", "{\"instanceType\":\"m7i.xlarge\"}"));
        assertEquals(new Sizing("m7i.large", 3, 4, 20, 3, "db.r6g.large", 2), read("primary", "{\"desiredCapacity\":4,\"maxSize\":\"20\"}"));
        assertEquals(new Sizing("m7i.large", 2, 2, 10, 1, "db.r6g.large", 1), read("secondary", "{\"minSize\":\"2.0\",\"maxSize\":1e1}"));
    }

    @Test
    @DisplayName("every problem of one value is reported at once")
    void allAtOnce() {
        List<Problem> problems = Configs.problems("secondary", Configs.with("secondary",
                "sizing={\"minSize\":-2,\"maxSize\":\"x\",\"instanceType\":\"nope\",\"extra\":1}"));
        assertEquals(List.of("multiregion:sizing.extra", "multiregion:sizing.instanceType", "multiregion:sizing.maxSize",
                "multiregion:sizing.minSize"), problems.stream().map(Problem::key).sorted().toList());
    }

    @ParameterizedTest(name = "{0}: {1} vCPUs, {2}")
    @CsvSource({
            "m7i.large,2,x86_64", "m7i.xlarge,4,x86_64", "m7i.24xlarge,96,x86_64", "m7i-flex.2xlarge,8,x86_64",
            "m7g.large,2,arm64", "c7gn.4xlarge,16,arm64", "t4g.medium,,arm64", "t3.micro,,x86_64", "a1.large,2,arm64",
            "g5.xlarge,4,x86_64", "g5g.xlarge,4,arm64", "m7i.metal-24xl,,x86_64", "hpc7g.16xlarge,,arm64",
    })
    void vcpusAndArchitecture(String type, Integer vcpus, String architecture) {
        assertEquals(Optional.ofNullable(vcpus), Sizing.vcpusOf(type));
        assertEquals(architecture, Sizing.architectureOf(type));
    }

    @ParameterizedTest(name = "primary {0}, standby {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            // same type: counts
            "m7i.large,3,3,12|m7i.large,2,2,12||",
            "m7i.large,3,3,12|m7i.large,2,4,12|sizing.desiredCapacity|= 8 vCPUs is larger",
            "m7i.large,2,3,12|m7i.large,3,3,12|sizing.minSize|= 6 vCPUs is larger",
            "m7i.large,3,3,12|m7i.large,1,1,2|sizing.maxSize|cannot reach the primary's desired 6 vCPUs",
            // bigger type, fewer instances: compared in vCPUs
            "m7i.large,4,4,12|m7i.xlarge,1,2,12||",
            "m7i.large,3,3,12|m7i.xlarge,1,2,12|sizing.desiredCapacity|8 vCPUs is larger than the primary's 6 vCPUs",
            "m7i.xlarge,3,3,12|m7i.large,1,1,5|sizing.maxSize|10 vCPUs cannot reach the primary's desired 12 vCPUs",
            // vCPUs unknown for one side: counts
            "t3.medium,2,2,6|t3.small,2,3,6|sizing.desiredCapacity|3 instances is larger",
    })
    void standbyContract(String primary, String standby, String key, String fragment) {
        List<Problem> problems = sizing(standby).checkStandby(sizing(primary));
        if (key == null) {
            assertEquals(List.of(), problems);
        } else {
            Configs.only(problems, key, Problem.Kind.DISAGREES_WITH_PRIMARY, fragment);
        }
    }

    @Test
    @DisplayName("more NAT gateways than zones is refused")
    void natAboveZones() {
        Configs.only(Sizing.checkNatGateways(new Sizing("m7i.large", 1, 1, 2, 3, "db.r6g.large", 2), 2),
                "sizing.natGateways", Problem.Kind.CONFLICT, "set at most 2 (one NAT gateway per zone)");
        assertEquals(List.of(), Sizing.checkNatGateways(Sizing.ACTIVE, 3));
    }

    @Test
    @DisplayName("the primary's exported sizing reads back as it was; other shapes are refused")
    void exportRoundTrip() {
        Sizing sizing = new Sizing("m7i.xlarge", 3, 4, 12, 3, "db.r6g.large", 2);
        assertEquals(Optional.of(sizing), Sizing.fromExport(sizing.export()));
        assertEquals(Optional.of(sizing), Sizing.fromExport(Map.of("instanceType", "m7i.xlarge", "minSize", 3.0,
                "desiredCapacity", 4.0, "maxSize", 12.0, "natGateways", 3.0, "dbInstanceClass", "db.r6g.large",
                "dbInstances", 2.0)));
        assertEquals(Optional.empty(), Sizing.fromExport(Map.of("instanceType", "m7i.xlarge")));
        assertEquals(Optional.empty(), Sizing.fromExport("m7i.xlarge"));
        assertEquals(Optional.empty(), Sizing.fromExport(Map.of("instanceType", "m7i.xlarge", "minSize", 2.5,
                "desiredCapacity", 4.0, "maxSize", 12.0, "natGateways", 3.0)));
    }

    private static Sizing sizing(String csv) {
        String[] f = csv.split(",");
        return new Sizing(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), 1, "db.r6g.large", 1);
    }
}
