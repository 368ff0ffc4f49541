package io.multiregion.config;

import java.util.List;

/**
 * The inter-region network, from the structured value {@code multiregion:interRegion} (set identically in both stack
 * files): a Transit Gateway per region, peered, each region's VPC attached to its own gateway, and routes between
 * the two VPC blocks. Defaults, used for every field left unset:
 * <ul>
 *   <li>{@code enabled}: true. The gateways themselves cost nothing while idle, but each attachment is billed per
 *       hour (two VPC attachments and both sides of the peering, see docs/inter-region-network.md); without them
 *       the application in B cannot write to the database writer in A while A is healthy;</li>
 *   <li>{@code primaryAsn}: {@value #DEFAULT_PRIMARY_ASN}, AWS's own default for a transit gateway;</li>
 *   <li>{@code secondaryAsn}: {@value #DEFAULT_SECONDARY_ASN}, distinct from A's.</li>
 * </ul>
 *
 * @param enabled      build the inter-region network and open the database flow across it
 * @param primaryAsn   the Amazon-side ASN of A's gateway, a private ASN ({@link InterRegionReader#isPrivateAsn})
 * @param secondaryAsn the Amazon-side ASN of B's gateway, a private ASN other than {@code primaryAsn}
 */
public record InterRegionSettings(boolean enabled, long primaryAsn, long secondaryAsn) {

    public static final long DEFAULT_PRIMARY_ASN = 64512;
    public static final long DEFAULT_SECONDARY_ASN = 64513;

    public static final InterRegionSettings DEFAULTS = new InterRegionSettings(true, DEFAULT_PRIMARY_ASN,
            DEFAULT_SECONDARY_ASN);

    /**
     * The subnets whose clients cross the peering to the database writer in A: B's private (application) subnets,
     * one per zone of B. A's database admits exactly these blocks on its port: security groups cannot reference a
     * group across an inter-Region peering, so the rule names addresses, narrowed to the application tier.
     */
    public static List<String> applicationSubnets(NetworkSettings network) {
        NetworkSettings.RegionNetwork b = network.secondary();
        return SubnetPlan.of(b.cidr(), b.zones()).privateCidrs();
    }

    /**
     * The subnets that hold the database writer in A: A's isolated (data) subnets, one per zone of A. B's application
     * tier may reach exactly these blocks on the database port.
     */
    public static List<String> databaseSubnets(NetworkSettings network) {
        NetworkSettings.RegionNetwork a = network.primary();
        return SubnetPlan.of(a.cidr(), a.zones()).isolatedCidrs();
    }
}
