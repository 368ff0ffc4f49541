package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code multiregion:operations}, one structured value per stack file:
 * <pre>
 * multiregion:operations:
 *   email: ops@example.com          # optional; unset: no subscription
 *   loadBalancer5xxPerMinute: 10
 *   unhealthyHosts: 1
 *   databaseCpuPercent: 80
 *   databaseFreeableMemoryMiB: 512
 *   databaseReplicationLagSeconds: 5
 *   databaseRpoLagSeconds: 30
 *   artifactReplicationMinutes: 15
 *   patchSchedule: cron(0 3 ? * SUN *)
 *   patchDurationHours: 3
 *   patchCutoffHours: 1
 *   patchTimezone: UTC
 * </pre>
 * Every field is optional. The defaults of the patch window differ by role, so that the two regions are never
 * patched at the same time: the standby (B) on Saturday, a day before the active region (A) on Sunday, so a patch
 * that breaks the application shows in the standby first.
 */
public final class OperationsReader {
    private OperationsReader() {
    }

    /** The key this reader owns, without the {@code multiregion:} namespace. */
    public static final String KEY = "operations";
    public static final List<String> FIELDS = List.of("email", "loadBalancer5xxPerMinute", "unhealthyHosts",
            "databaseCpuPercent", "databaseFreeableMemoryMiB", "databaseReplicationLagSeconds", "databaseRpoLagSeconds",
            "artifactReplicationMinutes", "patchSchedule", "patchDurationHours", "patchCutoffHours", "patchTimezone");

    /**
     * Ten 5xx responses a minute, three minutes in a row: a handful of errors a minute is noise on a busy site, a
     * sustained ten is a failing release or tier.
     */
    public static final int DEFAULT_5XX_PER_MINUTE = 10;
    /** One unhealthy target for three minutes: longer than a deployment's deregistration, shorter than a user's patience. */
    public static final int DEFAULT_UNHEALTHY_HOSTS = 1;
    /** 80% average CPU for 15 minutes: the headroom an Aurora writer needs to absorb a failover's load. */
    public static final int DEFAULT_DB_CPU = 80;
    /** 512 MiB freeable memory: below it Aurora starts swapping and evicting its buffer cache. */
    public static final int DEFAULT_DB_MEMORY_MIB = 512;
    /**
     * Five seconds of global replication lag: Aurora global databases replicate with a typical lag under one second
     * (Aurora User Guide, "Using Amazon Aurora Global Database"), so five is a replication problem, not load.
     */
    public static final int DEFAULT_REPLICATION_LAG_SECONDS = 5;
    /** Thirty seconds of RPO lag: the data an unplanned failover would lose at that moment. */
    public static final int DEFAULT_RPO_LAG_SECONDS = 30;
    /** Fifteen minutes: the S3 Replication Time Control threshold (S3 User Guide, "S3 Replication Time Control"). */
    public static final int DEFAULT_ARTIFACT_REPLICATION_MINUTES = 15;
    /** Region A: Sunday 03:00. */
    public static final String DEFAULT_PATCH_SCHEDULE_PRIMARY = "cron(0 3 ? * SUN *)";
    /** Region B: Saturday 03:00, a day before A. */
    public static final String DEFAULT_PATCH_SCHEDULE_SECONDARY = "cron(0 3 ? * SAT *)";
    public static final int DEFAULT_PATCH_DURATION_HOURS = 3;
    public static final int DEFAULT_PATCH_CUTOFF_HOURS = 1;
    public static final String DEFAULT_PATCH_TIMEZONE = "UTC";

    /**
     * A maintenance window schedule: a cron expression of six fields or a rate expression (Systems Manager User
     * Guide, "Reference: Cron and rate expressions for Systems Manager").
     */
    private static final Pattern CRON = Pattern.compile("^cron\\((\\S+ ){5}\\S+\\)$");
    private static final Pattern RATE = Pattern.compile("^rate\\([1-9][0-9]* (minutes?|hours?|days?)\\)$");
    /** The shape SNS accepts for an email endpoint: one @, a dotted domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public static OperationsSettings defaults(boolean standby) {
        return new OperationsSettings(Optional.empty(), DEFAULT_5XX_PER_MINUTE, DEFAULT_UNHEALTHY_HOSTS, DEFAULT_DB_CPU,
                DEFAULT_DB_MEMORY_MIB, DEFAULT_REPLICATION_LAG_SECONDS, DEFAULT_RPO_LAG_SECONDS,
                DEFAULT_ARTIFACT_REPLICATION_MINUTES,
                standby ? DEFAULT_PATCH_SCHEDULE_SECONDARY : DEFAULT_PATCH_SCHEDULE_PRIMARY,
                DEFAULT_PATCH_DURATION_HOURS, DEFAULT_PATCH_CUTOFF_HOURS, DEFAULT_PATCH_TIMEZONE);
    }

    /**
     * @param source   the stack's configuration
     * @param standby  true for the secondary (its patch window defaults to the day before the primary's)
     * @param problems where each problem (key, value, fix) is added
     */
    public static OperationsSettings read(ConfigSource source, boolean standby, List<String> problems) {
        OperationsSettings defaults = defaults(standby);
        Optional<JsonObject> given = StructuredValue.read(source, KEY, FIELDS, "an operations field",
                "set it as a map in the stack file, e.g. multiregion:operations: {email: ops@example.com}", problems);
        if (given.isEmpty()) {
            return defaults;
        }
        JsonObject o = given.orElseThrow();
        Optional<String> email = text(o, "email", problems);
        email.ifPresent(e -> {
            if (!EMAIL.matcher(e).matches()) {
                problems.add(qualified("email") + ": '" + e + "' is not an email address; set one address such as "
                        + "ops@example.com, or remove the field for no subscription");
            }
        });
        int errors = number(o, "loadBalancer5xxPerMinute", defaults.loadBalancer5xxPerMinute(), 1, 1_000_000,
                "5xx responses per minute", problems);
        int unhealthy = number(o, "unhealthyHosts", defaults.unhealthyHosts(), 1, 1000, "unhealthy targets "
                + "(an Application Load Balancer target group holds at most 1,000)", problems);
        int cpu = number(o, "databaseCpuPercent", defaults.databaseCpuPercent(), 1, 100, "a percentage", problems);
        int memory = number(o, "databaseFreeableMemoryMiB", defaults.databaseFreeableMemoryMiB(), 1, 4_000_000,
                "MiB", problems);
        int lag = number(o, "databaseReplicationLagSeconds", defaults.databaseReplicationLagSeconds(), 1, 86_400,
                "seconds", problems);
        int rpo = number(o, "databaseRpoLagSeconds", defaults.databaseRpoLagSeconds(), 1, 86_400, "seconds", problems);
        int artifacts = number(o, "artifactReplicationMinutes", defaults.artifactReplicationMinutes(), 1, 2880,
                "minutes (S3 can take up to 48 hours without Replication Time Control)", problems);
        String schedule = text(o, "patchSchedule", problems).orElse(defaults.patchSchedule());
        if (!CRON.matcher(schedule).matches() && !RATE.matcher(schedule).matches()) {
            problems.add(qualified("patchSchedule") + ": '" + schedule + "' is not a Systems Manager schedule; write a "
                    + "cron expression of six fields such as " + defaults.patchSchedule() + ", or a rate such as rate(7 days) "
                    + "(Systems Manager User Guide, \"Reference: Cron and rate expressions for Systems Manager\")");
        }
        // Duration 1 to 24 hours, cutoff 0 to 23 and below the duration (Systems Manager API Reference,
        // CreateMaintenanceWindow).
        int duration = number(o, "patchDurationHours", defaults.patchDurationHours(), 1, 24, "hours", problems);
        int cutoff = number(o, "patchCutoffHours", defaults.patchCutoffHours(), 0, 23, "hours", problems);
        if (cutoff >= duration) {
            problems.add(qualified("patchCutoffHours") + ": '" + cutoff + "' is not shorter than patchDurationHours ("
                    + duration + "); Systems Manager requires the cutoff below the duration (API Reference, "
                    + "CreateMaintenanceWindow): lower it to at most " + (duration - 1));
        }
        String zone = text(o, "patchTimezone", problems).orElse(defaults.patchTimezone());
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(qualified("patchTimezone") + ": '" + zone + "' is not an IANA time zone; use one such as UTC, "
                    + "Europe/Berlin or America/New_York");
        }
        return new OperationsSettings(email, errors, unhealthy, cpu, memory, lag, rpo, artifacts, schedule, duration,
                cutoff, zone);
    }

    private static Optional<String> text(JsonObject o, String field, List<String> problems) {
        JsonElement value = o.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (value instanceof JsonPrimitive p && p.isString()) {
            return Optional.of(p.getAsString());
        }
        problems.add(qualified(field) + ": '" + value + "' is not text; set a single value");
        return Optional.empty();
    }

    private static int number(JsonObject o, String field, int fallback, int min, int max, String unit,
                              List<String> problems) {
        JsonElement value = o.get(field);
        if (value == null || value.isJsonNull()) {
            return fallback;
        }
        int n;
        try {
            if (!(value instanceof JsonPrimitive p) || p.isBoolean()) {
                throw new NumberFormatException();
            }
            n = p.getAsBigDecimal().intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(qualified(field) + ": '" + value + "' is not a whole number; set " + unit + " from " + min
                    + " to " + max + ", e.g. " + fallback);
            return fallback;
        }
        if (n < min || n > max) {
            problems.add(qualified(field) + ": '" + n + "' is out of range; set " + unit + " from " + min + " to " + max
                    + ", e.g. " + fallback);
            return fallback;
        }
        return n;
    }

    private static String qualified(String field) {
        return SettingsReader.NS + ":" + KEY + "." + field;
    }
}
