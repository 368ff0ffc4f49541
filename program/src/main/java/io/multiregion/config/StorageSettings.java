package io.multiregion.config;

import java.util.List;
import java.util.Set;

/**
 * How data is kept and protected: log retention, the KMS deletion window, noncurrent object versions, protection.
 *
 * @param logRetentionDays               {@code multiregion:logRetentionDays}: days every log group keeps its events
 * @param kmsDeletionWindowDays          {@code multiregion:kmsDeletionWindowDays}: the wait before a key is deleted
 * @param noncurrentVersionDays          {@code multiregion:noncurrentVersionDays}: days a noncurrent version is kept
 * @param protectData                    {@code multiregion:protectData}: Pulumi {@code protect} on what holds data
 * @param loadBalancerDeletionProtection {@code multiregion:loadBalancerDeletionProtection} (FSBP ELB.6)
 */
public record StorageSettings(int logRetentionDays, int kmsDeletionWindowDays, int noncurrentVersionDays,
                              boolean protectData, boolean loadBalancerDeletionProtection) {

    /** Retention values CloudWatch Logs accepts (CloudWatch Logs API Reference, PutRetentionPolicy). */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    static final Field<Integer> LOG_RETENTION = Field.whole("logRetentionDays", 365)
            .oneOf(LOG_RETENTION_DAYS, "a retention CloudWatch Logs accepts")
            .doc("Retention of every log group created (flow logs excepted, see `network`); one of the values "
                    + "CloudWatch Logs accepts (PutRetentionPolicy).");
    /** KMS ScheduleKeyDeletion PendingWindowInDays: 7 to 30 (AWS KMS API Reference). */
    static final Field<Integer> KMS_WINDOW = Field.whole("kmsDeletionWindowDays", 30)
            .range(7, 30, "KMS accepts a deletion window of 7 to 30 days")
            .doc("Waiting period of a scheduled KMS key deletion, 7 to 30 (KMS API Reference, ScheduleKeyDeletion); "
                    + "also the recovery window of the database secret.");
    static final Field<Integer> NONCURRENT_DAYS = Field.whole("noncurrentVersionDays", 90)
            .range(1, 3650, "keep noncurrent versions between 1 and 3650 days")
            .doc("Days a noncurrent object version is kept in every bucket, 1 to 3650.");
    static final Field<Boolean> PROTECT_DATA = Field.bool("protectData", true)
            .doc("Pulumi `protect` on keys, buckets, the Aurora global cluster, clusters and instances, the database "
                    + "secret and the image repositories, so `pulumi destroy` or a replacement cannot remove them.");
    static final Field<Boolean> LOAD_BALANCER_PROTECTION = Field.bool("loadBalancerDeletionProtection", true)
            .doc("Deletion protection on the region's Application Load Balancer (FSBP ELB.6).");

    static final List<Field<?>> KEYS = List.of(LOG_RETENTION, KMS_WINDOW, NONCURRENT_DAYS, PROTECT_DATA,
            LOAD_BALANCER_PROTECTION);

    static StorageSettings read(Fields in) {
        return new StorageSettings(in.get(LOG_RETENTION), in.get(KMS_WINDOW), in.get(NONCURRENT_DAYS), in.get(PROTECT_DATA),
                in.get(LOAD_BALANCER_PROTECTION));
    }
}
