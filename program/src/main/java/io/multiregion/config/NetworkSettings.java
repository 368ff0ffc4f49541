package io.multiregion.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The network of both regions, from the structured value {@code multiregion:network} (set identically in both
 * stack files, so that each stack knows both VPC CIDRs). Defaults, used for every field left unset:
 * <ul>
 *   <li>primary: {@code 10.10.0.0/16}, 3 zones, zones resolved by the availability-zone data source;</li>
 *   <li>secondary: {@code 10.20.0.0/16}, 2 zones, zones resolved by the data source;</li>
 *   <li>{@code flowLogRetentionDays}: 365.</li>
 * </ul>
 *
 * @param primary              region A's VPC
 * @param secondary            region B's VPC
 * @param flowLogRetentionDays days CloudWatch Logs keeps VPC flow log records (a value PutRetentionPolicy accepts)
 */
public record NetworkSettings(RegionNetwork primary, RegionNetwork secondary, int flowLogRetentionDays) {

    public static final String DEFAULT_PRIMARY_CIDR = "10.10.0.0/16";
    public static final String DEFAULT_SECONDARY_CIDR = "10.20.0.0/16";
    public static final int DEFAULT_PRIMARY_ZONES = 3;
    public static final int DEFAULT_SECONDARY_ZONES = 2;
    public static final int DEFAULT_FLOW_LOG_RETENTION_DAYS = 365;

    public static final NetworkSettings DEFAULTS = new NetworkSettings(
            new RegionNetwork(DEFAULT_PRIMARY_CIDR, DEFAULT_PRIMARY_ZONES, Optional.empty()),
            new RegionNetwork(DEFAULT_SECONDARY_CIDR, DEFAULT_SECONDARY_ZONES, Optional.empty()),
            DEFAULT_FLOW_LOG_RETENTION_DAYS);

    public NetworkSettings {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(secondary, "secondary");
    }

    /** The network of the stack with this role. */
    public RegionNetwork of(Role role) {
        return role == Role.PRIMARY ? primary : secondary;
    }

    /**
     * One region's VPC.
     *
     * @param cidr              the VPC's IPv4 block, /16 to /28, in RFC 1918 space
     * @param zones             how many availability zones get subnets (2 to 6)
     * @param availabilityZones the zones by name; empty: the first {@code zones} available zones the region reports
     */
    public record RegionNetwork(String cidr, int zones, Optional<List<String>> availabilityZones) {
        public RegionNetwork {
            Objects.requireNonNull(cidr, "cidr");
            availabilityZones = availabilityZones.map(List::copyOf);
            if (availabilityZones.map(List::size).filter(n -> n != zones).isPresent()) {
                throw new IllegalArgumentException("availabilityZones must name exactly " + zones + " zones");
            }
        }
    }
}
