package io.multiregion.config;

import com.google.gson.JsonObject;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How each region is watched and maintained ({@code multiregion:operations}, one structured value per stack file):
 * where notifications go, the alarm thresholds, and the patch window. Every field is optional. The patch window's
 * default differs by role, so that the two regions are never patched at the same time: the standby (B) on Saturday, a
 * day before the active region (A) on Sunday, so a patch that breaks the application shows in the standby first.
 * <pre>
 * multiregion:operations: {email: ops@example.com, databaseCpuPercent: 80, patchSchedule: "cron(0 3 ? * SUN *)"}
 * </pre>
 *
 * @param email                        an address subscribed to the region's notification topic; empty: none (subscribe
 *                                     later, outside the program)
 * @param loadBalancer5xxPerMinute     5xx responses per minute (the load balancer's own, or the targets') that count as
 *                                     failing, for 3 minutes in a row
 * @param unhealthyHosts               unhealthy targets that count as failing, for 3 minutes in a row
 * @param databaseCpuPercent           average CPU of the region's Aurora instances that counts as failing, for 15 minutes
 * @param databaseFreeableMemoryMiB    freeable memory of a region's Aurora instance below which it is failing
 * @param databaseReplicationLagSeconds region B: global replication lag that counts as failing
 * @param databaseRpoLagSeconds        region B, Aurora PostgreSQL: RPO lag that counts as failing
 * @param artifactReplicationMinutes   S3 replication latency of the release bucket that counts as late
 * @param patchSchedule                the patch window's schedule, a Systems Manager cron or rate expression
 * @param patchDurationHours           the patch window's length in hours, 1 to 24
 * @param patchCutoffHours             hours before the window ends in which no new patch run starts
 * @param patchTimezone                the IANA time zone of the schedule
 * @param frontDoor5xxErrorRatePercent the secondary, with CloudFront: the share of the distribution's requests answered
 *                                     with a 5xx status that counts as failing, a percentage
 * @param frontDoor5xxMinutes          the secondary, with CloudFront: minutes in a row at that share before the alarm
 */
public record OperationsSettings(Optional<String> email, int loadBalancer5xxPerMinute, int unhealthyHosts,
                                 int databaseCpuPercent, int databaseFreeableMemoryMiB,
                                 int databaseReplicationLagSeconds, int databaseRpoLagSeconds,
                                 int artifactReplicationMinutes, String patchSchedule, int patchDurationHours,
                                 int patchCutoffHours, String patchTimezone, int frontDoor5xxErrorRatePercent,
                                 int frontDoor5xxMinutes) {

    /** The shape SNS accepts for an email endpoint: one @, a dotted domain, no spaces. */
    static final Field<String> EMAIL = Field.text("email", null).rule(Field.matching(Pattern.compile(
            "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"), "is not an email address", "set one address such as ops@example.com, or "
            + "remove the field for no subscription"))
            .shownDefault("unset (no subscription)")
            .doc("An address subscribed to the region's topic. SNS sends a confirmation mail first; nothing is "
                    + "delivered before it is confirmed.");
    /**
     * Ten 5xx responses a minute, three minutes in a row: a handful of errors a minute is noise on a busy site, a
     * sustained ten is a failing release or tier.
     */
    static final Field<Integer> ERRORS = threshold("loadBalancer5xxPerMinute", 10, 1, 1_000_000, "5xx responses per minute")
            .doc("5xx responses a minute (the load balancer's own, and the targets') that count as failing, 3 "
                    + "minutes in a row. 1 to 1,000,000.");
    /** One unhealthy target for three minutes: longer than a deployment's deregistration, shorter than a user's patience. */
    static final Field<Integer> UNHEALTHY = threshold("unhealthyHosts", 1, 1, 1000, "unhealthy targets (an Application "
            + "Load Balancer target group holds at most 1,000)")
            .doc("Unhealthy targets that count as failing, 3 minutes in a row. 1 to 1,000.");
    /** 80% average CPU for 15 minutes: the headroom an Aurora writer needs to absorb a failover's load. */
    static final Field<Integer> CPU = threshold("databaseCpuPercent", 80, 1, 100, "a percentage")
            .doc("Average CPU of the region's Aurora cluster that counts as failing, over 15 minutes. 1 to 100.");
    /** 512 MiB freeable memory: below it Aurora starts swapping and evicting its buffer cache. */
    static final Field<Integer> MEMORY = threshold("databaseFreeableMemoryMiB", 512, 1, 4_000_000, "MiB")
            .doc("Freeable memory of an Aurora instance below which it is failing.");
    /**
     * Five seconds of global replication lag: Aurora global databases replicate with a typical lag under one second
     * (Aurora User Guide, "Using Amazon Aurora Global Database"), so five is a replication problem, not load.
     */
    static final Field<Integer> LAG = threshold("databaseReplicationLagSeconds", 5, 1, 86_400, "seconds")
            .doc("Region B: global replication lag (`AuroraGlobalDBReplicationLag`) that raises an alarm. "
                    + "Aurora's typical lag is under a second.");
    /** Thirty seconds of RPO lag: the data an unplanned failover would lose at that moment. */
    static final Field<Integer> RPO = threshold("databaseRpoLagSeconds", 30, 1, 86_400, "seconds")
            .doc("Region B, Aurora PostgreSQL: RPO lag (`AuroraGlobalDBRPOLag`) that raises an alarm: the data an "
                    + "unplanned failover would lose.");
    /** Fifteen minutes: the S3 Replication Time Control threshold (S3 User Guide, "S3 Replication Time Control"). */
    static final Field<Integer> ARTIFACTS = threshold("artifactReplicationMinutes", 15, 1, 2880, "minutes (S3 can take up "
            + "to 48 hours without Replication Time Control)")
            .doc("Release replication latency (`ReplicationLatency`, alarmed in B) that raises an alarm; 15 is "
                    + "Replication Time Control's threshold. 1 to 2,880.");
    /**
     * 5% of the front door's requests answered 5xx, five one-minute periods in a row: the CloudFront Developer Guide's
     * own example of a 5xxErrorRate alarm ("5% of requests for 5 continuous minutes", "Monitor CloudFront metrics with
     * Amazon CloudWatch"). The origin group already retries a failing region's reads on the other one, so a sustained
     * 5% is what neither region could serve (or the writes, which do not fail over). It is a percentage, hence 1 to
     * 100; the alarm fires at or above it, so 100 means "every request fails".
     */
    static final Field<Integer> FRONT_DOOR_5XX = threshold("frontDoor5xxErrorRatePercent", 5, 1, 100, "a percentage of "
            + "the distribution's requests")
            .doc("Secondary, with CloudFront: the share of the distribution's requests answered with a 5xx status "
                    + "(`5xxErrorRate`, alarmed in us-east-1) that counts as failing, `frontDoor5xxMinutes` minutes in a "
                    + "row. 1 to 100.");
    /**
     * Five minutes: the same example's duration. At most an hour of one-minute periods: a longer wait would sit through
     * an outage (CloudWatch itself allows one day of one-minute periods: API Reference, PutMetricAlarm, Period).
     */
    static final Field<Integer> FRONT_DOOR_5XX_MINUTES = threshold("frontDoor5xxMinutes", 5, 1, 60, "minutes")
            .doc("Secondary, with CloudFront: one-minute periods in a row at or above `frontDoor5xxErrorRatePercent` "
                    + "before the front door's alarm fires. 1 to 60.");
    /**
     * A maintenance window schedule: a cron expression of six fields or a rate expression (Systems Manager User Guide,
     * "Reference: Cron and rate expressions for Systems Manager"). Its default depends on the role: B is patched the day
     * before A, so a bad patch shows in the standby first.
     */
    static final String PRIMARY_PATCH_SCHEDULE = "cron(0 3 ? * SUN *)";
    static final String SECONDARY_PATCH_SCHEDULE = "cron(0 3 ? * SAT *)";
    static final Field<String> PATCH_SCHEDULE = Field.text("patchSchedule", null).rule(s -> s.matches(
            "^cron\\((\\S+ ){5}\\S+\\)$") || s.matches("^rate\\([1-9][0-9]* (minutes?|hours?|days?)\\)$"),
            Problem.Kind.MALFORMED, "is not a Systems Manager schedule", "write a cron expression of six fields such as "
                    + "cron(0 3 ? * SUN *), or a rate such as rate(7 days) (Systems Manager User Guide, \"Reference: Cron "
                    + "and rate expressions for Systems Manager\")")
            .shownDefault(Field.defaultsByRole(PRIMARY_PATCH_SCHEDULE, SECONDARY_PATCH_SCHEDULE))
            .doc("The patch window's start, a Systems Manager cron (six fields) or rate expression. B is "
                    + "patched the day before A, so a bad patch shows in the standby first.");
    /** Duration 1 to 24 hours, cutoff 0 to 23 and below the duration (Systems Manager API Reference, CreateMaintenanceWindow). */
    static final Field<Integer> DURATION = threshold("patchDurationHours", 3, 1, 24, "hours")
            .doc("The window's length, 1 to 24 hours.");
    static final Field<Integer> CUTOFF = threshold("patchCutoffHours", 1, 0, 23, "hours")
            .doc("Hours before the window ends in which no new patch run starts; below `patchDurationHours`.");
    static final Field<String> TIMEZONE = Field.text("patchTimezone", "UTC").rule(OperationsSettings::isZone,
            Problem.Kind.NOT_ONE_OF, "is not an IANA time zone", "use one such as UTC, Europe/Berlin or America/New_York")
            .doc("IANA time zone of `patchSchedule`, e.g. `Europe/Berlin`.");
    static final Field<JsonObject> KEY = Field.object("operations", List.of(EMAIL, ERRORS, UNHEALTHY, CPU, MEMORY, LAG, RPO,
            ARTIFACTS, FRONT_DOOR_5XX, FRONT_DOOR_5XX_MINUTES, PATCH_SCHEDULE, DURATION, CUTOFF, TIMEZONE),
            "multiregion:operations: {email: ops@example.com}")
            .shownDefault("see below")
            .doc("Alarm thresholds, the notification e-mail address (or none) and the patch window of this stack's "
                    + "region. One per stack file.");

    private static Field<Integer> threshold(String name, int fallback, int min, int max, String unit) {
        return Field.whole(name, fallback).range(min, max, "set " + unit + " from " + min + " to " + max);
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The defaults of a role: region A patched on Sunday 03:00, the standby on Saturday 03:00, a day before A. */
    public static OperationsSettings defaults(boolean standby) {
        return read(Fields.none(), standby);
    }

    static OperationsSettings read(Fields in, boolean standby) {
        Fields o = in.object(KEY);
        int duration = o.get(DURATION);
        int cutoff = o.get(CUTOFF);
        if (cutoff >= duration) {
            o.add(CUTOFF, cutoff, Problem.Kind.CONFLICT, "is not shorter than patchDurationHours (" + duration + ")",
                    "Systems Manager requires the cutoff below the duration (API Reference, CreateMaintenanceWindow): lower "
                            + "it to at most " + (duration - 1));
        }
        return new OperationsSettings(o.find(EMAIL), o.get(ERRORS), o.get(UNHEALTHY), o.get(CPU), o.get(MEMORY), o.get(LAG),
                o.get(RPO), o.get(ARTIFACTS), o.get(PATCH_SCHEDULE, standby ? SECONDARY_PATCH_SCHEDULE : PRIMARY_PATCH_SCHEDULE),
                duration, cutoff, o.get(TIMEZONE), o.get(FRONT_DOOR_5XX), o.get(FRONT_DOOR_5XX_MINUTES));
    }
}
