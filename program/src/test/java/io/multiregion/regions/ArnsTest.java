package io.multiregion.regions;

import com.pulumi.aws.enums.Region;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Arns. */
class ArnsTest {

    private static final String ACCOUNT = "123456789012";

    private static List<String> everyArn(AwsRegion region) {
        return List.of(
                Arns.bucket(region, "releases"),
                Arns.object(region, "releases", "releases/app.zip"),
                Arns.trail(region, ACCOUNT, "release-trigger"),
                Arns.accountRoot(region, ACCOUNT),
                Arns.logGroupsOfAccount(region, ACCOUNT),
                Arns.trailsOfAccount(region, ACCOUNT));
    }

    @Test
    @DisplayName("ARNs in eu-west-1 have the documented shapes")
    void shapes() {
        AwsRegion region = new AwsRegion("eu-west-1");
        assertEquals(List.of(
                "arn:aws:s3:::releases",
                "arn:aws:s3:::releases/releases/app.zip",
                "arn:aws:cloudtrail:eu-west-1:123456789012:trail/release-trigger",
                "arn:aws:iam::123456789012:root",
                "arn:aws:logs:eu-west-1:123456789012:log-group:*",
                "arn:aws:cloudtrail:eu-west-1:123456789012:trail/*"), everyArn(region));
    }

    @ParameterizedTest(name = "{0} ARNs start with arn:{1}:")
    @CsvSource({"cn-north-1, aws-cn", "cn-northwest-1, aws-cn", "us-gov-west-1, aws-us-gov", "eu-central-1, aws"})
    @DisplayName("every ARN carries the region's partition")
    void partitionOfRegion(String code, String partition) {
        for (String arn : everyArn(new AwsRegion(code))) {
            assertTrue(arn.startsWith("arn:" + partition + ":"), arn);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Region.class, names = {"CNNorth1", "CNNorthwest1"})
    @DisplayName("no ARN for a China region starts with arn:aws:")
    void chinaNeverAws(Region china) {
        AwsRegion region = new AwsRegion(china.getValue());
        for (String arn : everyArn(region)) {
            assertFalse(arn.startsWith("arn:aws:"), arn);
            assertTrue(arn.startsWith("arn:aws-cn:"), arn);
        }
    }

    @Test
    @DisplayName("regional ARNs name their region, global ones (S3, IAM) do not")
    void regionField() {
        AwsRegion region = new AwsRegion("cn-north-1");
        assertAll(
                () -> assertEquals("arn:aws-cn:cloudtrail:cn-north-1:123456789012:trail/t", Arns.trail(region, ACCOUNT, "t")),
                () -> assertEquals("arn:aws-cn:s3:::b", Arns.bucket(region, "b")),
                () -> assertEquals("arn:aws-cn:iam::123456789012:root", Arns.accountRoot(region, ACCOUNT)));
    }

    @ParameterizedTest(name = "accountOf({0}) = ''{1}''")
    @CsvSource(value = {
            "arn:aws:kms:eu-west-1:123456789012:key/abcd-1234, 123456789012",
            "arn:aws-cn:iam::210987654321:role/release, 210987654321",
            "arn:aws:codepipeline:eu-central-1:123456789012:pipe:line, 123456789012",
            "arn:aws:s3:::bucket, ''",
            "arn:aws:s3, ''",
            "not-an-arn, ''",
            "'', ''",
            "NULL, ''"}, nullValues = "NULL")
    @DisplayName("accountOf reads the account field, or empty when there is none")
    void accountOf(String arn, String account) {
        assertEquals(account, Arns.accountOf(arn));
    }
}
