package io.multiregion.regions;

import com.pulumi.aws.enums.Region;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
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
            "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");

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
            "eu-isoe-west-1, aws-iso-e,  cloud.adc-e.uk",
            "mx-central-1,   aws,        amazonaws.com",
            "ca-west-1,      aws,        amazonaws.com",
            "ap-east-2,      aws,        amazonaws.com",
            "ap-southeast-6, aws,        amazonaws.com",
            "us-isob-west-1, aws-iso-b,  sc2s.sgov.gov",
            "us-isof-east-1, aws-iso-f,  csp.hci.ic.gov",
            "eusc-de-east-1, aws-eusc,   amazonaws.eu"})
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

    @Test
    @DisplayName("every region of AWS's region data parses, with a partition of the data, and the regions the provider "
            + "predates are known as such (their providers skip the provider's own region check)")
    void everyRegionOfTheData() {
        List<String> codes = software.amazon.awssdk.regions.Region.regions().stream()
                .filter(r -> !r.isGlobalRegion()).map(software.amazon.awssdk.regions.Region::id).toList();
        assertTrue(codes.size() >= 48, codes.toString());
        for (String code : codes) {
            AwsRegion region = AwsRegion.parse(code).orElseThrow(() -> new AssertionError(code + " must parse"));
            assertTrue(PARTITIONS.contains(region.partition()), code + " -> " + region.partition());
            assertTrue(AwsRegion.wellFormed(code), code);
        }
        assertFalse(new AwsRegion("ap-east-2").providerKnows());
        assertTrue(new AwsRegion("mx-central-1").providerKnows());
        assertEquals("Mexico (Central)", new AwsRegion("mx-central-1").description());
        assertEquals(Optional.empty(), AwsRegion.parse("aws-global"), "a partition's global endpoint is no region");
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
