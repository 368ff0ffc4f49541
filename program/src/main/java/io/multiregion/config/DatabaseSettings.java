package io.multiregion.config;

import com.google.gson.JsonObject;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data tier's settings ({@code multiregion:database}), the same in both stack files: the global database has one
 * engine, one version, one port and one master user.
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
 *
 * @param engine                     {@code aurora-postgresql} or {@code aurora-mysql}
 * @param engineVersion              the pinned engine version; default {@link Engine#defaultVersion()}
 * @param port                       the port both clusters listen on; default one above the engine's (FSBP RDS.23)
 * @param backupRetentionDays        days of automated backups, 7 to 35
 * @param preferredBackupWindow      daily backup window {@code hh24:mi-hh24:mi} in UTC; default chosen by RDS
 * @param preferredMaintenanceWindow weekly window {@code ddd:hh24:mi-ddd:hh24:mi} in UTC; default chosen by RDS
 * @param masterUsername             the master user, never an engine default such as {@code postgres} (FSBP RDS.24)
 * @param databaseName               the database created with the cluster
 */
public record DatabaseSettings(Engine engine, String engineVersion, int port, int backupRetentionDays,
                               Optional<String> preferredBackupWindow, Optional<String> preferredMaintenanceWindow,
                               String masterUsername, String databaseName) {

    private static final String CREATE = "RDS API Reference, CreateDBCluster";
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*$");
    private static final String TIME = "([01][0-9]|2[0-3]):([0-5][0-9])";
    private static final String DAY = "(mon|tue|wed|thu|fri|sat|sun)";
    private static final Pattern DAILY = Pattern.compile("^" + TIME + "-" + TIME + "$");
    private static final Pattern WEEKLY = Pattern.compile("^" + DAY + ":" + TIME + "-" + DAY + ":" + TIME + "$");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** User names FSBP RDS.24/RDS.25 flag as engine defaults, and the one RDS reserves. */
    private static final Set<String> REFUSED_USERNAMES = Set.of("postgres", "admin", "rdsadmin");

    static final Field<Engine> ENGINE = Field.choice("engine", Engine.AURORA_POSTGRESQL, List.of(Engine.values()),
            Engine::value, "an engine of an Aurora global database built here")
            .doc("`aurora-postgresql` or `aurora-mysql`.");
    static final Field<String> ENGINE_VERSION = Field.text("engineVersion", null).hint("quote it in the stack file: YAML "
            + "reads 16.10 as the number 16.1, which drops trailing zeros; e.g. engineVersion: \""
            + Engine.AURORA_POSTGRESQL.defaultVersion() + "\"")
            .shownDefault(perEngine(Engine::defaultVersion))
            .doc("The version the global cluster is created with, and the clusters with it; it must be text (quote "
                    + "it: YAML reads `16.10` as the number 16.1) of the engine's shape. Upgrades are made outside Pulumi, "
                    + "which ignores the drift; then set the new version here in both stack files "
                    + "([database.md](database.md#upgrading-the-engine)). The defaults support global databases (Aurora "
                    + "User Guide, \"Supported Regions and DB engines for Aurora global databases\", checked 2026-12-03: "
                    + "Aurora PostgreSQL 16.1 and higher, Aurora MySQL 3.01.0 and higher) and IAM authentication.");
    /** Port: 1150 to 65535 (CreateDBCluster, Port "Valid Values"). */
    static final Field<Integer> PORT = Field.whole("port", null).range(1150, 65535, "Aurora accepts 1150 to 65535 ("
            + CREATE + ")")
            .shownDefault(perEngine(Engine::defaultPort))
            .doc("1150 to 65535 (RDS API Reference, CreateDBCluster), not the engine's default port 5432/3306 (FSBP "
                    + "RDS.23).");
    /** At least 7 days of backups (FSBP RDS.11 asks for automatic backups; 7 days is this program's floor), at most 35. */
    static final Field<Integer> BACKUP_RETENTION = Field.whole("backupRetentionDays", 7).range(7, 35, "keep backups 7 to "
            + "35 days (RDS accepts at most 35: " + CREATE + ")")
            .doc("7 to 35.");
    /** Backup and maintenance windows last at least 30 minutes (CreateDBCluster). */
    static final Field<String> BACKUP_WINDOW = Field.text("preferredBackupWindow", null)
            .rule(Field.matching(DAILY, "is not a daily window", "write hh24:mi-hh24:mi in UTC, at least 30 minutes, e.g. "
                    + "03:00-03:30"))
            .rule(w -> window(w).length() >= 30, Problem.Kind.OUT_OF_RANGE, "is shorter than 30 minutes",
                    "RDS requires at least 30 (" + CREATE + ")")
            .shownDefault("unset (RDS chooses)")
            .doc("`hh24:mi-hh24:mi` in UTC, at least 30 minutes.");
    static final Field<String> MAINTENANCE_WINDOW = Field.text("preferredMaintenanceWindow", null)
            .rule(w -> WEEKLY.matcher(w.toLowerCase(Locale.ROOT)).matches(), Problem.Kind.MALFORMED, "is not a weekly "
                    + "window", "write ddd:hh24:mi-ddd:hh24:mi in UTC, at least 30 minutes, e.g. sun:04:00-sun:04:30")
            .rule(w -> window(w).length() >= 30, Problem.Kind.OUT_OF_RANGE, "is shorter than 30 minutes",
                    "RDS requires at least 30 (" + CREATE + ")")
            .shownDefault("unset (RDS chooses)")
            .doc("`ddd:hh24:mi-ddd:hh24:mi` in UTC, at least 30 minutes, not overlapping the backup window.");
    static final Field<String> MASTER_USERNAME = Field.text("masterUsername", "appadmin")
            .rule(u -> !REFUSED_USERNAMES.contains(u.toLowerCase(Locale.ROOT)), Problem.Kind.REFUSED, "is an engine "
                    + "default or reserved user name (FSBP RDS.24 asks for a custom administrator name)", "use another, "
                    + "e.g. appadmin")
            .doc("Letters, digits and `_`, starting with a letter, at most 63 (PostgreSQL) or 16 (MySQL) characters; "
                    + "not `postgres`, `admin` or `rdsadmin` (FSBP RDS.24/RDS.25).");
    static final Field<String> DATABASE_NAME = Field.text("databaseName", "app").rule(n -> IDENTIFIER.matcher(n).matches()
            && n.length() <= 63, Problem.Kind.MALFORMED, "is not a database name Aurora accepts", "use 1 to 63 letters, "
            + "digits or '_', starting with a letter (" + CREATE + "), e.g. app")
            .doc("Letters, digits and `_`, starting with a letter, at most 63 characters.");
    static final Field<JsonObject> KEY = Field.object("database", List.of(ENGINE, ENGINE_VERSION, PORT, BACKUP_RETENTION,
            BACKUP_WINDOW, MAINTENANCE_WINDOW, MASTER_USERNAME, DATABASE_NAME), "{engine: aurora-postgresql, "
            + "engineVersion: \"" + Engine.AURORA_POSTGRESQL.defaultVersion() + "\"}")
            .shownDefault("see below")
            .doc("Aurora engine, version, port, backups, windows, user and database names. Same value in both stack "
                    + "files.");

    public DatabaseSettings {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(preferredBackupWindow, "preferredBackupWindow");
        Objects.requireNonNull(preferredMaintenanceWindow, "preferredMaintenanceWindow");
        Objects.requireNonNull(masterUsername, "masterUsername");
        Objects.requireNonNull(databaseName, "databaseName");
    }

    /** A default that depends on the engine, as the configuration reference shows it: each engine's, by its name. */
    private static String perEngine(Function<Engine, Object> value) {
        Map<String, Object> byEngine = new LinkedHashMap<>();
        Arrays.stream(Engine.values()).forEach(e -> byEngine.put(e.value(), value.apply(e)));
        return Field.defaultsByCase(byEngine);
    }

    /** Every default. */
    public static DatabaseSettings defaults() {
        Engine engine = ENGINE.fallback();
        return new DatabaseSettings(engine, engine.defaultVersion(), engine.defaultPort(), BACKUP_RETENTION.fallback(),
                Optional.empty(), Optional.empty(), MASTER_USERNAME.fallback(), DATABASE_NAME.fallback());
    }

    /** {@code multiregion:database} alone, its problems added to {@code problems}: for a program of the data tier only. */
    public static DatabaseSettings read(ConfigSource source, Problems problems) {
        return read(Fields.keys(source, SettingsReader.NS, problems));
    }

    /** The settings, with the rules that join fields: the engine's versions, port and user names, the windows apart. */
    static DatabaseSettings read(Fields in) {
        Fields o = in.object(KEY);
        Engine engine = o.get(ENGINE);
        Optional<String> given = o.find(ENGINE_VERSION);
        String version = given.orElse(engine.defaultVersion());
        if (given.isPresent() && !engine.acceptsVersion(version)) {
            o.add(ENGINE_VERSION, version, Problem.Kind.NOT_ONE_OF, "is not a " + engine.value() + " version", "set "
                    + engine.versionHint() + " (one listed in Aurora User Guide, \"Supported Regions and DB engines for "
                    + "Aurora global databases\")");
        }
        int port = o.get(PORT, engine.defaultPort());
        if (port == engine.enginePort()) {
            o.add(PORT, port, Problem.Kind.REFUSED, "is the default port of " + engine.value() + ", which FSBP RDS.23 flags",
                    "use another port such as " + engine.defaultPort());
        }
        Optional<String> backup = o.find(BACKUP_WINDOW);
        Optional<String> maintenance = o.find(MAINTENANCE_WINDOW);
        if (backup.isPresent() && maintenance.isPresent() && window(backup.orElseThrow()).meets(window(maintenance.orElseThrow()))) {
            o.add(MAINTENANCE_WINDOW, maintenance.orElseThrow(), Problem.Kind.CONFLICT, "overlaps the backup window '"
                    + backup.orElseThrow() + "'", "RDS requires them apart (" + CREATE + ")");
        }
        String username = o.get(MASTER_USERNAME);
        if (!IDENTIFIER.matcher(username).matches() || username.length() > engine.maxUsername()) {
            o.add(MASTER_USERNAME, username, Problem.Kind.MALFORMED, "is not a master user name " + engine.value()
                    + " accepts", "use 1 to " + engine.maxUsername() + " letters, digits or '_', starting with a letter ("
                    + CREATE + "), e.g. " + MASTER_USERNAME.fallback());
        }
        return new DatabaseSettings(engine, version, port, o.get(BACKUP_RETENTION), backup, maintenance, username,
                o.get(DATABASE_NAME));
    }

    /** A window in minutes: of the day ({@code hh24:mi-hh24:mi}) or of the week ({@code ddd:hh24:mi-ddd:hh24:mi}). */
    private record Window(int start, int end, int period) {
        int length() {
            return end - start;
        }

        /** Whether a daily window meets a weekly one on any day of the week. */
        boolean meets(Window weekly) {
            for (int day = -1; day <= 7; day++) {
                for (int shift = -weekly.period; shift <= weekly.period; shift += weekly.period) {
                    if (start + day * period < weekly.end + shift && weekly.start + shift < end + day * period) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static Window window(String text) {
        Matcher daily = DAILY.matcher(text);
        Matcher weekly = WEEKLY.matcher(text.toLowerCase(Locale.ROOT));
        boolean week = !daily.matches() && weekly.matches();
        Matcher m = week ? weekly : daily;
        int offset = week ? 1 : 0;
        int period = week ? 7 * 24 * 60 : 24 * 60;
        int start = (week ? DAYS.indexOf(m.group(1)) * 24 * 60 : 0) + minutes(m.group(1 + offset), m.group(2 + offset));
        int end = (week ? DAYS.indexOf(m.group(4)) * 24 * 60 : 0) + minutes(m.group(3 + 2 * offset), m.group(4 + 2 * offset));
        return new Window(start, start + Math.floorMod(end - start, period), period);
    }

    private static int minutes(String hours, String mins) {
        return Integer.parseInt(hours) * 60 + Integer.parseInt(mins);
    }
}
