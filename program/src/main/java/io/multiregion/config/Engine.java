package io.multiregion.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Aurora engines an Aurora global database runs, with what the program derives from each: the default
 * version the global cluster is created with, the default port, the log types exported to CloudWatch Logs, the
 * master-username rules and the engine name AWS's rotation functions expect in the secret.
 *
 * <p>Default versions support both global databases and IAM database authentication. Checked on 2026-12-03 in the
 * Aurora User Guide, "Supported Regions and DB engines for Aurora global databases": Aurora PostgreSQL 16 supports
 * global databases from version 16.1 and Aurora MySQL version 3 from 3.01.0 (3.02.0 to 3.04.0 in a few newer Regions),
 * in every Region that offers global databases (some, such as Asia Pacific (Taipei), offer none); the floors are
 * {@link #globalDatabaseFloor}. IAM database authentication is available for every Aurora MySQL 3 and Aurora
 * PostgreSQL 16 version (Aurora User Guide, "Supported Regions and DB engines for IAM database authentication in
 * Aurora"). For a given account and Region, {@code aws rds describe-db-engine-versions --engine <engine>
 * --engine-version <version> --query 'DBEngineVersions[].SupportsGlobalDatabases'} answers {@code true} for a
 * version that can be a global database's.
 */
public enum Engine {
    /**
     * Aurora PostgreSQL. Log export type {@code postgresql} (Aurora User Guide, "Publishing Aurora PostgreSQL
     * logs to Amazon CloudWatch Logs"); master user name 1 to 63 characters (RDS API Reference, CreateDBCluster).
     */
    AURORA_POSTGRESQL("aurora-postgresql", "16.8", 5432, List.of("postgresql"), 63,
            Pattern.compile("^1[1-9]\\.[0-9]{1,2}$"), "postgres", "16.1"),
    /**
     * Aurora MySQL version 3. Log export types audit, error, general and slowquery (Aurora User Guide, "Publishing
     * Aurora MySQL logs to Amazon CloudWatch Logs"); master user name 1 to 16 characters (CreateDBCluster).
     */
    AURORA_MYSQL("aurora-mysql", "8.0.mysql_aurora.3.08.0", 3306, List.of("audit", "error", "general", "slowquery"), 16,
            Pattern.compile("^8\\.0\\.mysql_aurora\\.3\\.[0-9]{2}\\.[0-9]{1,2}$"), "mysql", "8.0.mysql_aurora.3.04.0");

    private final String value;
    private final String defaultVersion;
    private final int enginePort;
    private final List<String> logExports;
    private final int maxUsername;
    private final Pattern versionShape;
    private final String rotationEngine;
    private final String globalDatabaseFloor;

    Engine(String value, String defaultVersion, int enginePort, List<String> logExports, int maxUsername,
           Pattern versionShape, String rotationEngine, String globalDatabaseFloor) {
        this.value = value;
        this.defaultVersion = defaultVersion;
        this.enginePort = enginePort;
        this.logExports = List.copyOf(logExports);
        this.maxUsername = maxUsername;
        this.versionShape = versionShape;
        this.rotationEngine = rotationEngine;
        this.globalDatabaseFloor = globalDatabaseFloor;
    }

    /**
     * The {@code engine} value of the secret that AWS's rotation function templates accept: {@code postgres} for
     * Aurora PostgreSQL, {@code mysql} for Aurora MySQL (Secrets Manager User Guide, "JSON structure of AWS Secrets
     * Manager secrets", Amazon RDS and Aurora credentials).
     */
    public String rotationEngine() {
        return rotationEngine;
    }

    /**
     * The lowest version of the default major version that every Region offering global databases accepts for one
     * (Aurora User Guide, "Supported Regions and DB engines for Aurora global databases", checked 2026-12-03: Aurora
     * PostgreSQL 16.1 and higher; Aurora MySQL 3.01.0 and higher, 3.04.0 in the newest Regions).
     */
    public String globalDatabaseFloor() {
        return globalDatabaseFloor;
    }

    /** Whether {@code version} is at or above {@link #globalDatabaseFloor} within the same major version. */
    public boolean atOrAboveGlobalFloor(String version) {
        List<Integer> mine = numbers(version);
        List<Integer> floor = numbers(globalDatabaseFloor);
        int major = this == AURORA_POSTGRESQL ? 1 : 3; // 16 of 16.x; 8, 0 and 3 of 8.0.mysql_aurora.3.x.y
        if (mine.size() < major || !mine.subList(0, major).equals(floor.subList(0, major))) {
            return false;
        }
        for (int i = major; i < floor.size(); i++) {
            int a = i < mine.size() ? mine.get(i) : 0;
            if (a != floor.get(i)) {
                return a > floor.get(i);
            }
        }
        return true;
    }

    private static List<Integer> numbers(String version) {
        return Arrays.stream(version.split("[^0-9]+")).filter(p -> !p.isEmpty()).map(Integer::valueOf).toList();
    }

    /** The RDS engine name. */
    public String value() {
        return value;
    }

    /** The pinned version used when config names none. */
    public String defaultVersion() {
        return defaultVersion;
    }

    /** The engine's own default port, which FSBP RDS.23 asks not to use. */
    public int enginePort() {
        return enginePort;
    }

    /** The port used when config names none: one above the engine's default (FSBP RDS.23). */
    public int defaultPort() {
        return enginePort + 1;
    }

    /** Log types exported to CloudWatch Logs: every type the engine offers (FSBP RDS.34 for audit on MySQL). */
    public List<String> logExports() {
        return logExports;
    }

    /** Longest master user name the engine accepts. */
    public int maxUsername() {
        return maxUsername;
    }

    /** Whether a version string has the shape of a version of this engine (major version 11 or later for PostgreSQL, 3 for MySQL). */
    public boolean acceptsVersion(String version) {
        return version != null && versionShape.matcher(version).matches();
    }

    /** An example of a well-formed version, for error messages. */
    public String versionHint() {
        return this == AURORA_POSTGRESQL ? "a major.minor version such as " + defaultVersion
                : "an Aurora MySQL 3 version such as " + defaultVersion;
    }

    /**
     * The DB cluster parameter group family (Aurora MySQL 3: aurora-mysql8.0), when the engine needs parameters of its own: Aurora MySQL
     * writes no audit log unless {@code server_audit_logging} is on in the cluster's parameter group, so exporting
     * {@code audit} alone would send nothing (Aurora User Guide, "Using Advanced Auditing with an Amazon Aurora MySQL
     * DB cluster"). Aurora PostgreSQL exports its log with the default group.
     */
    public Optional<String> parameterFamily() {
        return this == AURORA_MYSQL ? Optional.of("aurora-mysql8.0") : Optional.empty();
    }

    /** The cluster parameters set in that group: Advanced Auditing of connections, DDL and DCL for Aurora MySQL. */
    public Map<String, String> clusterParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (this == AURORA_MYSQL) {
            parameters.put("server_audit_logging", "1");
            parameters.put("server_audit_events", "CONNECT,QUERY_DCL,QUERY_DDL");
        }
        return parameters;
    }

    public static Optional<Engine> parse(String text) {
        return Arrays.stream(values()).filter(e -> e.value.equals(text)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(Engine::value).collect(Collectors.joining(", "));
    }
}
