package io.multiregion.config;

import java.util.List;
import java.util.Set;

/** Reads how data is kept and protected: log retention, the KMS deletion window, noncurrent versions, protection. */
public final class StorageReader implements ConcernReader<StorageSettings> {

    public static final int DEFAULT_LOG_RETENTION = 365;
    public static final int DEFAULT_KMS_WINDOW = 30;
    public static final int DEFAULT_NONCURRENT_DAYS = 90;

    /** Retention values CloudWatch Logs accepts (CloudWatch Logs API Reference, PutRetentionPolicy). */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /** KMS ScheduleKeyDeletion PendingWindowInDays range (AWS KMS API Reference): 7 to 30. */
    public static final int KMS_WINDOW_MIN = 7;
    public static final int KMS_WINDOW_MAX = 30;
    public static final int NONCURRENT_DAYS_MIN = 1;
    public static final int NONCURRENT_DAYS_MAX = 3650;

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.both("logRetentionDays", "integer", String.valueOf(DEFAULT_LOG_RETENTION)),
                Setting.both("kmsDeletionWindowDays", "integer", String.valueOf(DEFAULT_KMS_WINDOW)),
                Setting.both("noncurrentVersionDays", "integer", String.valueOf(DEFAULT_NONCURRENT_DAYS)),
                Setting.both("protectData", "boolean", "true"),
                Setting.both("loadBalancerDeletionProtection", "boolean", "true"));
    }

    @Override
    public StorageSettings read(ConfigInput in, StackContext stack) {
        // only the set of accepted values bounds the retention, so one bad number is one problem.
        int retention = in.integer("logRetentionDays", DEFAULT_LOG_RETENTION, Integer.MIN_VALUE, Integer.MAX_VALUE, "");
        if (!LOG_RETENTION_DAYS.contains(retention) && in.isInteger("logRetentionDays")) {
            in.problems().add(ConfigInput.key("logRetentionDays") + ": '" + retention
                    + "' is not a retention CloudWatch Logs accepts; use one of "
                    + String.join(", ", LOG_RETENTION_DAYS.stream().sorted().map(String::valueOf).toList()));
        }
        int kmsWindow = in.integer("kmsDeletionWindowDays", DEFAULT_KMS_WINDOW, KMS_WINDOW_MIN, KMS_WINDOW_MAX,
                "KMS accepts a deletion window of 7 to 30 days");
        int noncurrentDays = in.integer("noncurrentVersionDays", DEFAULT_NONCURRENT_DAYS, NONCURRENT_DAYS_MIN,
                NONCURRENT_DAYS_MAX, "keep noncurrent versions between 1 and 3650 days");
        boolean protectData = in.bool("protectData", true);
        boolean albProtection = in.bool("loadBalancerDeletionProtection", true);
        return new StorageSettings(retention, kmsWindow, noncurrentDays, protectData, albProtection);
    }
}
