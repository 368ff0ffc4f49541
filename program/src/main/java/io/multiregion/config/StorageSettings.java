package io.multiregion.config;

/**
 * How data is kept: keys, logs, object versions and protection. Read by {@link StorageReader}.
 *
 * @param logRetentionDays      {@code multiregion:logRetentionDays}, default 365
 * @param kmsDeletionWindowDays {@code multiregion:kmsDeletionWindowDays}, default 30
 * @param noncurrentVersionDays {@code multiregion:noncurrentVersionDays}, default 90
 * @param protectData           {@code multiregion:protectData}, default true
 * @param loadBalancerDeletionProtection {@code multiregion:loadBalancerDeletionProtection}, default true (FSBP ELB.6)
 */
public record StorageSettings(int logRetentionDays, int kmsDeletionWindowDays, int noncurrentVersionDays,
                              boolean protectData, boolean loadBalancerDeletionProtection) {
}
