package io.multiregion.config;

import java.util.Optional;

/**
 * How each region is watched and maintained ({@code multiregion:operations}, one structured value per stack file,
 * read by {@link OperationsReader}): where notifications go, the alarm thresholds, and the patch window.
 *
 * @param email                        an address subscribed to the region's notification topic; empty: none (subscribe
 *                                     later, outside the program)
 * @param loadBalancer5xxPerMinute     5xx responses per minute (the load balancer's own, or the targets') that count as
 *                                     failing, for 3 minutes in a row (default 10)
 * @param unhealthyHosts               unhealthy targets that count as failing, for 3 minutes in a row (default 1)
 * @param databaseCpuPercent           average CPU of the region's Aurora instances that counts as failing, for 15
 *                                     minutes (default 80)
 * @param databaseFreeableMemoryMiB    freeable memory of a region's Aurora instance below which it is failing (default
 *                                     512)
 * @param databaseReplicationLagSeconds region B: global replication lag that counts as failing (default 5)
 * @param databaseRpoLagSeconds        region B, Aurora PostgreSQL: RPO lag that counts as failing (default 30)
 * @param artifactReplicationMinutes   S3 replication latency of the release bucket that counts as late (default 15, the
 *                                     Replication Time Control threshold)
 * @param patchSchedule                the patch window's schedule, a Systems Manager cron or rate expression
 * @param patchDurationHours           the patch window's length in hours, 1 to 24 (default 3)
 * @param patchCutoffHours             hours before the window ends in which no new patch run starts (default 1)
 * @param patchTimezone                the IANA time zone of the schedule (default UTC)
 */
public record OperationsSettings(Optional<String> email, int loadBalancer5xxPerMinute, int unhealthyHosts,
                                 int databaseCpuPercent, int databaseFreeableMemoryMiB,
                                 int databaseReplicationLagSeconds, int databaseRpoLagSeconds,
                                 int artifactReplicationMinutes, String patchSchedule, int patchDurationHours,
                                 int patchCutoffHours, String patchTimezone) {
}
