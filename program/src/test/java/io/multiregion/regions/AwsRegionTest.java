package io.multiregion.regions;

import com.pulumi.aws.enums.Region;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AwsRegion. */
class AwsRegionTest {

    private static final Set<String> PARTITIONS = Set.of(
            "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f");

    @ParameterizedTest(name = "{0} is in partition {1} with DNS suffix {2}")
    @CsvSource({
            "eu-west-1,      aws,        amazonaws.com",
            "us-east-1,      aws,        amazonaws.com",
            "ap-southeast-7, aws,        amazonaws.com",
            "cn-north-1,     aws-cn,     amazonaws.com.cn",
            "cn-northwest-1, aws-cn,     amazonaws.com.cn",
            "us-gov-west-1,  aws-us-gov, amazonaws.com",
            "us-gov-east-1,  aws-us-gov, amazonaws.com",
            "us-iso-east-1,  aws-iso,    c2s.ic.gov",
            "us-isob-east-1, aws-iso-b,  sc2s.sgov.gov",
            "eu-isoe-west-1, aws-iso-e,  cloud.adc-e.uk"})
    @DisplayName("partition and DNS suffix follow the region code")
    void partitionAndDnsSuffix(String code, String partition, String dnsSuffix) {
        AwsRegion region = new AwsRegion(code);
        assertAll(
                () -> assertEquals(partition, region.partition()),
                () -> assertEquals(dnsSuffix, region.dnsSuffix()),
                () -> assertEquals("s3." + code + "." + dnsSuffix, region.serviceHost("s3")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Region.class)
    @DisplayName("every region the AWS provider knows is well-formed, parses and has a partition")
    void everyProviderRegion(Region known) {
        String code = known.getValue();
        Optional<AwsRegion> parsed = AwsRegion.parse(code);
        assertTrue(parsed.isPresent(), () -> code + " must parse");
        AwsRegion region = parsed.orElseThrow();
        assertAll(
                () -> assertEquals(code, region.code()),
                () -> assertEquals(code, region.toString()),
                () -> assertTrue(AwsRegion.wellFormed(code), () -> code + " must count as well-formed"),
                () -> assertTrue(PARTITIONS.contains(region.partition()), () -> code + " -> " + region.partition()),
                () -> assertTrue(code.startsWith("cn-") == region.partition().equals("aws-cn"), code),
                () -> assertFalse(region.dnsSuffix().isBlank(), code));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"EU-WEST-1", "euwest1", "eu-west", "eu west 1", "eu-west-1 ", "", "eu-west-123"})
    @DisplayName("malformed codes are neither well-formed nor parsed")
    void malformed(String code) {
        assertFalse(AwsRegion.wellFormed(code));
        assertEquals(Optional.empty(), AwsRegion.parse(code));
    }

    @Test
    @DisplayName("a well-formed but unknown code is not a region and cannot be constructed")
    void unknownRegion() {
        assertTrue(AwsRegion.wellFormed("xx-west-9"));
        assertEquals(Optional.empty(), AwsRegion.parse("xx-west-9"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new AwsRegion("xx-west-9"));
        assertTrue(error.getMessage().contains("'xx-west-9'"), error::getMessage);
        assertFalse(AwsRegion.wellFormed(null));
        assertThrows(NullPointerException.class, () -> new AwsRegion(null));
    }

    @Test
    @DisplayName("regions are values: equal by code")
    void valueSemantics() {
        assertEquals(new AwsRegion("eu-west-1"), AwsRegion.parse("eu-west-1").orElseThrow());
        assertEquals(new AwsRegion("eu-west-1").hashCode(), new AwsRegion("eu-west-1").hashCode());
        assertFalse(new AwsRegion("eu-west-1").equals(new AwsRegion("eu-central-1")));
    }
}
