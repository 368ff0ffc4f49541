package io.multiregion.recovery;

import io.multiregion.config.Sizing;

/**
 * What B's group is scaled to by the recovery runbook: the primary's capacity, in B's instances. When both instance
 * types' vCPUs follow from their size ({@link Sizing#vcpus()}), the primary's minimum and desired capacity are
 * converted to B's instance size, rounded up; otherwise they are taken as instance counts. B's maximum always reaches
 * the result: the secondary refuses a sizing whose maximum cannot reach the primary's desired capacity
 * ({@code Sizing.checkStandby}), and the result is capped at it all the same.
 *
 * @param minSize         the group's minimum after recovery
 * @param desiredCapacity the group's desired capacity after recovery
 */
public record RecoveryCapacity(int minSize, int desiredCapacity) {

    public static RecoveryCapacity of(Sizing primary, Sizing standby) {
        int p = 1;
        int s = 1;
        if (primary.vcpus().isPresent() && standby.vcpus().isPresent()) {
            p = primary.vcpus().orElse(1);
            s = standby.vcpus().orElse(1);
        }
        int min = Math.min(standby.maxSize(), ceil((long) primary.minSize() * p, s));
        int desired = Math.min(standby.maxSize(), Math.max(min, ceil((long) primary.desiredCapacity() * p, s)));
        return new RecoveryCapacity(min, desired);
    }

    private static int ceil(long numerator, int denominator) {
        return (int) ((numerator + denominator - 1) / denominator);
    }
}
