package io.multiregion.config;

import io.multiregion.regions.AwsRegion;

import java.util.Optional;

/**
 * Which stack this is and where: read by {@link CoreReader}.
 *
 * @param role            {@code multiregion:role}: primary or secondary (required)
 * @param primaryRegion   {@code multiregion:primaryRegion}: region A (required in both stack files)
 * @param secondaryRegion {@code multiregion:secondaryRegion}: region B (required in both stack files)
 * @param primaryStack    {@code multiregion:primaryStack}: the primary's {@code org/project/stack} (secondary only)
 */
public record CoreSettings(Role role, AwsRegion primaryRegion, AwsRegion secondaryRegion, Optional<String> primaryStack) {

    /** The region whose slice this stack builds: A for the primary, B for the secondary. */
    public AwsRegion homeRegion() {
        return role == Role.PRIMARY ? primaryRegion : secondaryRegion;
    }
}
