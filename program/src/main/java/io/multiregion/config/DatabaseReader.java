package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code multiregion:database}, one structured value for the whole data tier:
 * <pre>
 * multiregion:database:
 *   engine: aurora-postgresql        # or aurora-mysql
 *   engineVersion: "16.8"            # pinned; default per engine
 *   port: 5433                       # 1150-65535, not the engine's default port
 *   backupRetentionDays: 7           # 7-35
 *   preferredBackupWindow: 03:00-03:30                # optional, UTC
 *   preferredMaintenanceWindow: sun:04:00-sun:04:30   # optional, UTC
 *   masterUsername: appadmin         # not postgres/admin
 *   databaseName: app
 * </pre>
 * Every problem is added to the caller's list (key, value, fix); the result holds defaults where a field was bad,
 * so it is meaningful only when no problem was added.
 */
public final class DatabaseReader {
    private DatabaseReader() {
    }

    /** The keys of the {@code multiregion} namespace this reader owns. */
    public static final Set<String> KEYS = Set.of("database");

    static final String KEY = SettingsReader.NS + ":database";
    public static final String DEFAULT_USERNAME = "appadmin";
    public static final String DEFAULT_DATABASE = "app";
    /** At least 7 days of backups (FSBP RDS.11 asks for automatic backups; 7 days is this program's floor). */
    public static final int DEFAULT_BACKUP_RETENTION = 7;
    public static final int BACKUP_RETENTION_MIN = 7;
    /** BackupRetentionPeriod: 1 to 35 (RDS API Reference, CreateDBCluster). */
    public static final int BACKUP_RETENTION_MAX = 35;
    /** Port: 1150 to 65535 (RDS API Reference, CreateDBCluster, Port "Valid Values"). */
    public static final int PORT_MIN = 1150;
    public static final int PORT_MAX = 65535;
    /** Backup and maintenance windows last at least 30 minutes (RDS API Reference, CreateDBCluster). */
    public static final int WINDOW_MIN_MINUTES = 30;

    /** The fields of the structured value. */
    public static final Set<String> FIELDS = Set.of("engine", "engineVersion", "port", "backupRetentionDays",
            "preferredBackupWindow", "preferredMaintenanceWindow", "masterUsername", "databaseName");
    /** User names FSBP RDS.24/RDS.25 flag as engine defaults, and the one RDS reserves. */
    static final Set<String> REFUSED_USERNAMES = Set.of("postgres", "admin", "rdsadmin");
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*$");
    private static final Pattern DAILY = Pattern.compile("^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])$");
    private static final Pattern WEEKLY = Pattern.compile(
            "^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):([0-5][0-9])-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):([0-5][0-9])$");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** Reads {@code multiregion:database}; adds every problem to {@code problems}. */
    public static DatabaseSettings read(ConfigSource source, List<String> problems) {
        Optional<String> raw = source.get(KEY);
        if (raw.isEmpty()) {
            return DatabaseSettings.defaults();
        }
        Optional<JsonElement> parsed = StructuredValue.parse(raw.orElse("{}"));
        if (parsed.isEmpty()) {
            problems.add(KEY + ": '" + raw.orElse("") + "' is not a structured value; set it as a map in the stack file");
            return DatabaseSettings.defaults();
        }
        if (!parsed.get().isJsonObject()) {
            problems.add(KEY + ": '" + raw.orElse("") + "' is not an object; set it as a map in the stack file, e.g. "
                    + "multiregion:database: {engine: aurora-postgresql, engineVersion: \"" + Engine.AURORA_POSTGRESQL.defaultVersion() + "\"}");
            return DatabaseSettings.defaults();
        }
        JsonObject object = parsed.get().getAsJsonObject();
        for (String field : object.keySet()) {
            if (!FIELDS.contains(field)) {
                problems.add(KEY + "." + field + ": '" + object.get(field) + "' is not a field of " + KEY
                        + "; remove it (fields: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }

        Engine engine = text(object, "engine", problems).map(value -> Engine.parse(value).orElseGet(() -> {
            problems.add(KEY + ".engine: '" + value + "' is not an engine of an Aurora global database built here; set "
                    + Engine.choices());
            return Engine.AURORA_POSTGRESQL;
        })).orElse(Engine.AURORA_POSTGRESQL);

        String version = text(object, "engineVersion", problems).orElse(engine.defaultVersion());
        if (object.get("engineVersion") instanceof JsonPrimitive p && p.isNumber()) {
            // YAML reads 16.10 as the number 16.1: the version must arrive as text to mean what was written.
            problems.add(KEY + ".engineVersion: '" + version + "' is a number, which drops trailing zeros (16.10 becomes "
                    + "16.1); quote it in the stack file, e.g. engineVersion: \"" + engine.defaultVersion() + "\"");
        } else if (!engine.acceptsVersion(version)) {
            problems.add(KEY + ".engineVersion: '" + version + "' is not a " + engine.value() + " version; set "
                    + engine.versionHint() + " (one listed in Aurora User Guide, \"Supported Regions and DB engines for "
                    + "Aurora global databases\")");
        }

        int port = integer(object, "port", engine.defaultPort(), problems);
        if (port < PORT_MIN || port > PORT_MAX) {
            problems.add(KEY + ".port: '" + port + "' is out of range; Aurora accepts " + PORT_MIN + " to " + PORT_MAX
                    + " (RDS API Reference, CreateDBCluster): use e.g. " + engine.defaultPort());
        } else if (port == engine.enginePort()) {
            problems.add(KEY + ".port: '" + port + "' is the default port of " + engine.value() + ", which FSBP RDS.23 "
                    + "flags; use another port such as " + engine.defaultPort());
        }

        int retention = integer(object, "backupRetentionDays", DEFAULT_BACKUP_RETENTION, problems);
        if (retention < BACKUP_RETENTION_MIN || retention > BACKUP_RETENTION_MAX) {
            problems.add(KEY + ".backupRetentionDays: '" + retention + "' is out of range; keep backups " + BACKUP_RETENTION_MIN
                    + " to " + BACKUP_RETENTION_MAX + " days (RDS accepts at most 35: RDS API Reference, CreateDBCluster)");
        }

        Optional<String> backupWindow = text(object, "preferredBackupWindow", problems);
        Optional<int[]> backup = backupWindow.flatMap(w -> daily(w, problems));
        Optional<String> maintenanceWindow = text(object, "preferredMaintenanceWindow", problems);
        Optional<int[]> maintenance = maintenanceWindow.flatMap(w -> weekly(w, problems));
        backup.ifPresent(b -> maintenance.ifPresent(m -> {
            if (overlaps(b, m)) {
                problems.add(KEY + ".preferredMaintenanceWindow: '" + maintenanceWindow.orElse("") + "' overlaps the backup "
                        + "window '" + backupWindow.orElse("") + "'; RDS requires them apart (RDS API Reference, CreateDBCluster)");
            }
        }));

        String username = text(object, "masterUsername", problems).orElse(DEFAULT_USERNAME);
        if (!IDENTIFIER.matcher(username).matches() || username.length() > engine.maxUsername()) {
            problems.add(KEY + ".masterUsername: '" + username + "' is not a master user name " + engine.value()
                    + " accepts; use 1 to " + engine.maxUsername() + " letters, digits or '_', starting with a letter "
                    + "(RDS API Reference, CreateDBCluster), e.g. " + DEFAULT_USERNAME);
        } else if (REFUSED_USERNAMES.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(KEY + ".masterUsername: '" + username + "' is an engine default or reserved user name (FSBP "
                    + "RDS.24 asks for a custom administrator name); use another, e.g. " + DEFAULT_USERNAME);
        }

        String database = text(object, "databaseName", problems).orElse(DEFAULT_DATABASE);
        if (!IDENTIFIER.matcher(database).matches() || database.length() > 63) {
            problems.add(KEY + ".databaseName: '" + database + "' is not a database name Aurora accepts; use 1 to 63 "
                    + "letters, digits or '_', starting with a letter (RDS API Reference, CreateDBCluster), e.g. " + DEFAULT_DATABASE);
        }

        return new DatabaseSettings(engine, version, port, retention, backupWindow, maintenanceWindow, username, database);
    }

    private static Optional<String> text(JsonObject object, String field, List<String> problems) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (value instanceof JsonPrimitive p && (p.isString() || p.isNumber())) {
            return Optional.of(p.getAsString());
        }
        problems.add(KEY + "." + field + ": '" + value + "' is not text; set a single value");
        return Optional.empty();
    }

    private static int integer(JsonObject object, String field, int fallback, List<String> problems) {
        Optional<String> value = text(object, field, problems);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.orElse(""));
        } catch (NumberFormatException e) {
            problems.add(KEY + "." + field + ": '" + value.orElse("") + "' is not a whole number; set a number such as " + fallback);
            return fallback;
        }
    }

    /** A daily window as {start, end} minutes of the day, or empty (with a problem). */
    private static Optional<int[]> daily(String window, List<String> problems) {
        Matcher m = DAILY.matcher(window);
        if (!m.matches()) {
            problems.add(KEY + ".preferredBackupWindow: '" + window + "' is not a daily window; write hh24:mi-hh24:mi in "
                    + "UTC, at least 30 minutes, e.g. 03:00-03:30");
            return Optional.empty();
        }
        int start = minutes(m.group(1), m.group(2));
        int end = minutes(m.group(3), m.group(4));
        int length = Math.floorMod(end - start, 24 * 60);
        if (length < WINDOW_MIN_MINUTES) {
            problems.add(KEY + ".preferredBackupWindow: '" + window + "' is shorter than 30 minutes; RDS requires at least 30 "
                    + "(RDS API Reference, CreateDBCluster)");
            return Optional.empty();
        }
        return Optional.of(new int[]{start, start + length});
    }

    /** A weekly window as {start, end} minutes of the week, or empty (with a problem). */
    private static Optional<int[]> weekly(String window, List<String> problems) {
        Matcher m = WEEKLY.matcher(window.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            problems.add(KEY + ".preferredMaintenanceWindow: '" + window + "' is not a weekly window; write "
                    + "ddd:hh24:mi-ddd:hh24:mi in UTC, at least 30 minutes, e.g. sun:04:00-sun:04:30");
            return Optional.empty();
        }
        int start = DAYS.indexOf(m.group(1)) * 24 * 60 + minutes(m.group(2), m.group(3));
        int end = DAYS.indexOf(m.group(4)) * 24 * 60 + minutes(m.group(5), m.group(6));
        int length = Math.floorMod(end - start, 7 * 24 * 60);
        if (length < WINDOW_MIN_MINUTES) {
            problems.add(KEY + ".preferredMaintenanceWindow: '" + window + "' is shorter than 30 minutes; RDS requires at "
                    + "least 30 (RDS API Reference, CreateDBCluster)");
            return Optional.empty();
        }
        return Optional.of(new int[]{start, start + length});
    }

    /** Whether a weekly window meets the daily window on any day of the week. */
    static boolean overlaps(int[] daily, int[] weekly) {
        int week = 7 * 24 * 60;
        for (int day = -1; day <= 7; day++) {
            int s = daily[0] + day * 24 * 60;
            int e = daily[1] + day * 24 * 60;
            for (int shift = -week; shift <= week; shift += week) {
                if (s < weekly[1] + shift && weekly[0] + shift < e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int minutes(String hours, String mins) {
        return Integer.parseInt(hours) * 60 + Integer.parseInt(mins);
    }
}
