package io.multiregion.regions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where each partition's global services (Route 53, CloudFront) are controlled. */
class GlobalRegionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"eu-central-1,us-east-1", "us-east-1,us-east-1", "ap-southeast-5,us-east-1",
            "cn-north-1,cn-northwest-1", "us-gov-east-1,us-gov-west-1"})
    void globalRegionOfThePartition(String region, String global) {
        assertEquals(new AwsRegion(global), ProviderRegistry.globalRegion(new AwsRegion(region)));
    }
}
