package io.multiregion.regions;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An AWS region as a value. Only regions in AWS's own region data, as the AWS SDK for Java ships it
 * ({@code software.amazon.awssdk:regions}), can be built, so a region in this program is never a loose, unchecked
 * string; the newest regions arrive with the dependency, not by hand. The partition and DNS suffix come from the same
 * data ({@link RegionMetadata}), so no ARN or service endpoint ever hard-codes {@code aws}. Which services a region
 * offers is {@link RegionCapabilities}.
 */
public record AwsRegion(String code) {

    /**
     * Shape of a region code: {@code eu-west-1}, {@code us-gov-west-1}, {@code cn-north-1}, {@code us-isob-east-1},
     * {@code eusc-de-east-1}.
     */
    public static final Pattern SHAPE = Pattern.compile("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$");

    /** The regions of the data, without the partitions' global pseudo-regions ({@code aws-global}), sorted by code. */
    private static final List<String> CODES = Region.regions().stream()
            .filter(r -> !r.isGlobalRegion() && r.metadata() != null && SHAPE.matcher(r.id()).matches())
            .map(Region::id).sorted(Comparator.naturalOrder()).toList();

    public AwsRegion {
        Objects.requireNonNull(code, "code");
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("not an AWS region in AWS's region data: '" + code + "'");
        }
    }

    /** The region with this code, when AWS's region data has it. */
    public static Optional<AwsRegion> parse(String code) {
        return code != null && CODES.contains(code) ? Optional.of(new AwsRegion(code)) : Optional.empty();
    }

    /** Every region of the data, sorted by code. */
    public static List<AwsRegion> all() {
        return CODES.stream().map(AwsRegion::new).toList();
    }

    /** True when the code has the shape of a region code (whether or not the region exists). */
    public static boolean wellFormed(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    private RegionMetadata metadata() {
        return Region.of(code).metadata();
    }

    /** The ARN partition of this region: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc. */
    public String partition() {
        return metadata().partition().id();
    }

    /** DNS suffix of service endpoints in this region's partition, e.g. {@code amazonaws.com.cn}. */
    public String dnsSuffix() {
        return metadata().partition().dnsSuffix();
    }

    /** The region's name as AWS writes it, e.g. {@code Mexico (Central)}. */
    public String description() {
        return metadata().description();
    }

    /** Regional service endpoint host, e.g. {@code s3.eu-west-1.amazonaws.com} (used in kms:ViaService). */
    public String serviceHost(String service) {
        return service + "." + code + "." + dnsSuffix();
    }

    /**
     * Whether the Pulumi AWS provider's own region list ({@link com.pulumi.aws.enums.Region}) has this region. A
     * region it does not list still works: the provider's region check is skipped by its default
     * ({@code skipRegionValidation}, ProviderRegistryTest).
     */
    public boolean providerKnows() {
        return Arrays.stream(com.pulumi.aws.enums.Region.values()).anyMatch(r -> r.getValue().equals(code));
    }

    @Override
    public String toString() {
        return code;
    }
}
