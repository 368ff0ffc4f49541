package io.multiregion.offline;

import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * The partition of a region and its DNS suffix, from the endpoint data the AWS SDK ships
 * ({@code software.amazon.awssdk:regions}): the fake cloud answers ARNs and host names in the partition AWS would.
 */
final class Partitions {
    private Partitions() {
    }

    /** The partition id ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-iso}...) of a region code. */
    static String partition(String region) {
        return PartitionMetadata.of(Region.of(region)).id();
    }

    /** The DNS suffix of the region's partition ({@code amazonaws.com}, {@code amazonaws.com.cn}...). */
    static String dnsSuffix(String region) {
        return PartitionMetadata.of(Region.of(region)).dnsSuffix();
    }

    /** The reverse DNS prefix AWS derives from a DNS suffix ({@code com.amazonaws}, {@code cn.com.amazonaws}...). */
    static String reverseDnsPrefix(String dnsSuffix) {
        String[] labels = dnsSuffix.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = labels.length - 1; i >= 0; i--) {
            out.append(labels[i]).append(i > 0 ? "." : "");
        }
        return out.toString();
    }
}
