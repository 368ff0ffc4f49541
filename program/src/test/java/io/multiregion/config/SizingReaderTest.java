package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:sizing: defaults per role, every bad value with its message, and the warm-standby contract. */
class SizingReaderTest {

    private static List<String> problems(String json, boolean standby) {
        List<String> problems = new ArrayList<>();
        SizingReader.read(ConfigSource.of(Map.of("multiregion:sizing", json)), standby, problems);
        return problems;
    }

    private static Sizing read(String json, boolean standby) {
        List<String> problems = new ArrayList<>();
        Sizing sizing = SizingReader.read(ConfigSource.of(Map.of("multiregion:sizing", json)), standby, problems);
        assertEquals(List.of(), problems);
        return sizing;
    }

    @Test
    @DisplayName("unset: the primary is active, the secondary a smaller warm standby that can grow to the primary's load")
    void defaults() {
        List<String> problems = new ArrayList<>();
        Sizing active = SizingReader.read(ConfigSource.of(Map.of()), false, problems);
        Sizing standby = SizingReader.read(ConfigSource.of(Map.of()), true, problems);
        assertEquals(List.of(), problems);
        assertEquals(new Sizing("m7i.large", 3, 3, 12, 3, "db.r6g.large", 2), active);
        assertEquals(new Sizing("m7i.large", 2, 2, 12, 1, "db.r6g.large", 1), standby);
        assertEquals(List.of(), SizingReader.checkStandby(active, standby));
        assertEquals(List.of(), SizingReader.checkNatGateways(active, 3));
        assertEquals(List.of(), SizingReader.checkNatGateways(standby, 2));
    }

    @Test
    @DisplayName("a partial object keeps the role's defaults for the fields it leaves out")
    void partial() {
        assertEquals(new Sizing("m7i.xlarge", 2, 2, 12, 1, "db.r6g.large", 1), read("{\"instanceType\":\"m7i.xlarge\"}", true));
        assertEquals(new Sizing("m7i.large", 3, 4, 20, 3, "db.r6g.large", 2), read("{\"desiredCapacity\":4,\"maxSize\":\"20\"}", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"minSize\":-1}|multiregion:sizing.minSize: '-1' is negative",
            "{\"maxSize\":2.5}|multiregion:sizing.maxSize: '2.5' is not a whole number",
            "{\"natGateways\":true}|multiregion:sizing.natGateways: 'true' is not a whole number",
            "{\"minSize\":4,\"desiredCapacity\":3}|multiregion:sizing.minSize: '4' is above desiredCapacity 3",
            "{\"desiredCapacity\":13}|multiregion:sizing.desiredCapacity: '13' is above maxSize 12",
            "{\"minSize\":0,\"desiredCapacity\":0,\"maxSize\":0}|multiregion:sizing.minSize: '0' lets scaling in leave no instance",
            "{\"maxSize\":1001}|multiregion:sizing.maxSize: '1001' is above 1000",
            "{\"natGateways\":0}|multiregion:sizing.natGateways: '0' leaves the private subnets without a route out",
            "{\"instanceType\":\"m7i.huge\"}|multiregion:sizing.instanceType: 'm7i.huge' is not an EC2 instance type",
            "{\"instanceType\":\"M7i.large\"}|multiregion:sizing.instanceType: 'M7i.large' is not an EC2 instance type",
            "{\"instanceType\":7}|multiregion:sizing.instanceType: '7' is not an EC2 instance type",
            "{\"instanceTyp\":\"m7i.large\"}|multiregion:sizing.instanceTyp: '\"m7i.large\"' is not a sizing field",
            "[1,2]|multiregion:sizing: '[1,2]' is not an object",
            "small|multiregion:sizing: 'small' is not an object",
    })
    void badValues(String json, String expected) {
        List<String> problems = problems(json, false);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(expected), problems.get(0));
    }

    @Test
    @DisplayName("every problem of one value is reported at once")
    void allAtOnce() {
        List<String> problems = problems("{\"minSize\":-2,\"maxSize\":\"x\",\"instanceType\":\"nope\",\"extra\":1}", true);
        assertEquals(4, problems.size(), problems::toString);
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

    @ParameterizedTest(name = "primary {0}, standby {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // same type: counts
            "m7i.large,3,3,12|m7i.large,2,2,12|",
            "m7i.large,3,3,12|m7i.large,2,4,12|multiregion:sizing.desiredCapacity: '4' x m7i.large = 8 vCPUs is larger",
            "m7i.large,2,3,12|m7i.large,3,3,12|multiregion:sizing.minSize: '3' x m7i.large = 6 vCPUs is larger",
            "m7i.large,3,3,12|m7i.large,1,1,2|multiregion:sizing.maxSize: '2' x m7i.large = 4 vCPUs cannot reach the primary's desired 6 vCPUs",
            // bigger type, fewer instances: compared in vCPUs
            "m7i.large,4,4,12|m7i.xlarge,1,2,12|",
            "m7i.large,3,3,12|m7i.xlarge,1,2,12|multiregion:sizing.desiredCapacity: '2' x m7i.xlarge = 8 vCPUs is larger than the primary's 6 vCPUs",
            "m7i.xlarge,3,3,12|m7i.large,1,1,5|multiregion:sizing.maxSize: '5' x m7i.large = 10 vCPUs cannot reach the primary's desired 12 vCPUs",
            // vCPUs unknown for one side: counts
            "t3.medium,2,2,6|t3.small,2,3,6|multiregion:sizing.desiredCapacity: '3' x t3.small = 3 instances is larger",
    })
    void standbyContract(String primary, String standby, String expected) {
        List<String> problems = SizingReader.checkStandby(sizing(primary), sizing(standby));
        if (expected == null) {
            assertEquals(List.of(), problems);
        } else {
            assertEquals(1, problems.size(), problems::toString);
            assertTrue(problems.get(0).startsWith(expected), problems.get(0));
        }
    }

    @Test
    @DisplayName("more NAT gateways than zones is refused")
    void natAboveZones() {
        List<String> problems = SizingReader.checkNatGateways(new Sizing("m7i.large", 1, 1, 2, 3, "db.r6g.large", 2), 2);
        assertEquals(List.of("multiregion:sizing.natGateways: '3' is above the 2 availability zones of this VPC; "
                + "set at most 2 (one NAT gateway per zone)"), problems);
    }

    @Test
    @DisplayName("the primary's exported sizing reads back as it was; other shapes are refused")
    void exportRoundTrip() {
        Sizing sizing = new Sizing("m7i.xlarge", 3, 4, 12, 3, "db.r6g.large", 2);
        assertEquals(Optional.of(sizing), SizingReader.fromExport(SizingReader.export(sizing)));
        assertEquals(Optional.of(sizing), SizingReader.fromExport(Map.of("instanceType", "m7i.xlarge", "minSize", 3.0,
                "desiredCapacity", 4.0, "maxSize", 12.0, "natGateways", 3.0, "dbInstanceClass", "db.r6g.large",
                "dbInstances", 2.0)));
        assertEquals(Optional.empty(), SizingReader.fromExport(Map.of("instanceType", "m7i.xlarge")));
        assertEquals(Optional.empty(), SizingReader.fromExport("m7i.xlarge"));
        assertEquals(Optional.empty(), SizingReader.fromExport(Map.of("instanceType", "m7i.xlarge", "minSize", 2.5,
                "desiredCapacity", 4.0, "maxSize", 12.0, "natGateways", 3.0)));
    }

    private static Sizing sizing(String csv) {
        String[] f = csv.split(",");
        return new Sizing(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), 1, "db.r6g.large", 1);
    }
}
