package io.multiregion.regions;

import com.pulumi.aws.enums.Region;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An AWS region as a value. Only regions the AWS provider knows ({@link Region}) can be built,
 * so a region in this program is never a loose, unchecked string. The partition and DNS suffix
 * are derived from the region code, so no ARN or service endpoint ever hard-codes {@code aws}.
 */
public record AwsRegion(String code) {

    /** Shape of a region code: {@code eu-west-1}, {@code us-gov-west-1}, {@code cn-north-1}, {@code us-isob-east-1}. */
    public static final Pattern SHAPE = Pattern.compile("^[a-z]{2}(-(gov|iso[a-z]?))?-[a-z]+-[0-9]{1,2}$");

    public AwsRegion {
        Objects.requireNonNull(code, "code");
        if (lookup(code).isEmpty()) {
            throw new IllegalArgumentException("not an AWS region the provider knows: '" + code + "'");
        }
    }

    /** The region with this code, when the AWS provider knows it. */
    public static Optional<AwsRegion> parse(String code) {
        return lookup(code).map(r -> new AwsRegion(r.getValue()));
    }

    /** Every region the AWS provider knows, in its order. */
    public static java.util.List<AwsRegion> all() {
        return Arrays.stream(Region.values()).map(r -> new AwsRegion(r.getValue())).toList();
    }

    /** True when the code has the shape of a region code (whether or not the region exists). */
    public static boolean wellFormed(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    private static Optional<Region> lookup(String code) {
        return Arrays.stream(Region.values()).filter(r -> r.getValue().equals(code)).findFirst();
    }

    /** The ARN partition of this region: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f. */
    public String partition() {
        if (code.startsWith("cn-")) {
            return "aws-cn";
        }
        if (code.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (code.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (code.startsWith("us-isof-")) {
            return "aws-iso-f";
        }
        if (code.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        if (code.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }

    /** DNS suffix of service endpoints in this region's partition. */
    public String dnsSuffix() {
        return switch (partition()) {
            case "aws-cn" -> "amazonaws.com.cn";
            case "aws-iso" -> "c2s.ic.gov";
            case "aws-iso-b" -> "sc2s.sgov.gov";
            case "aws-iso-e" -> "cloud.adc-e.uk";
            case "aws-iso-f" -> "csp.hci.ic.gov";
            default -> "amazonaws.com";
        };
    }

    /** Regional service endpoint host, e.g. {@code s3.eu-west-1.amazonaws.com} (used in kms:ViaService). */
    public String serviceHost(String service) {
        return service + "." + code + "." + dnsSuffix();
    }

    @Override
    public String toString() {
        return code;
    }
}
