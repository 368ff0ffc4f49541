package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multiregion:database. */
class DatabaseReaderTest {

    private static DatabaseSettings read(String json, List<String> problems) {
        return DatabaseReader.read(ConfigSource.of(json == null ? Map.of() : Map.of("multiregion:database", json)), problems);
    }

    @Test
    @DisplayName("unset: every default, no problem")
    void defaults() {
        List<String> problems = new ArrayList<>();
        DatabaseSettings s = read(null, problems);
        assertEquals(List.of(), problems);
        assertEquals(Engine.AURORA_POSTGRESQL, s.engine());
        assertEquals("16.8", s.engineVersion());
        assertEquals(5433, s.port());
        assertEquals(7, s.backupRetentionDays());
        assertEquals("appadmin", s.masterUsername());
        assertEquals("app", s.databaseName());
        assertEquals(Optional.empty(), s.preferredBackupWindow());
        assertEquals(DatabaseSettings.defaults(), s);
        assertEquals(java.util.Set.of("database"), DatabaseReader.KEYS);
    }

    @Test
    @DisplayName("every field set")
    void everyField() {
        List<String> problems = new ArrayList<>();
        DatabaseSettings s = read("{\"engine\":\"aurora-mysql\",\"engineVersion\":\"8.0.mysql_aurora.3.10.0\",\"port\":3400,"
                + "\"backupRetentionDays\":35,\"preferredBackupWindow\":\"03:00-03:30\","
                + "\"preferredMaintenanceWindow\":\"sun:04:00-sun:04:30\",\"masterUsername\":\"dbowner\",\"databaseName\":\"shop\"}",
                problems);
        assertEquals(List.of(), problems);
        assertEquals(new DatabaseSettings(Engine.AURORA_MYSQL, "8.0.mysql_aurora.3.10.0", 3400, 35, Optional.of("03:00-03:30"),
                Optional.of("sun:04:00-sun:04:30"), "dbowner", "shop"), s);
    }

    @Test
    @DisplayName("aurora-mysql alone takes its own default version and port")
    void mysqlDefaults() {
        List<String> problems = new ArrayList<>();
        DatabaseSettings s = read("{\"engine\":\"aurora-mysql\"}", problems);
        assertEquals(List.of(), problems);
        assertEquals("8.0.mysql_aurora.3.08.0", s.engineVersion());
        assertEquals(3307, s.port());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"engine\":\"postgres\"}                       | multiregion:database.engine: 'postgres' is not an engine",
            "{\"engine\":\"aurora-postgresql\",\"engineVersion\":\"8.0.mysql_aurora.3.08.0\"} | multiregion:database.engineVersion: '8.0.mysql_aurora.3.08.0' is not a aurora-postgresql version",
            "{\"engineVersion\":\"16\"}                      | multiregion:database.engineVersion: '16' is not",
            "{\"engineVersion\":16.1}                        | multiregion:database.engineVersion: '16.1' is a number, which drops trailing zeros",
            "{\"engine\":\"aurora-mysql\",\"engineVersion\":\"5.7.mysql_aurora.2.11.2\"} | is not a aurora-mysql version",
            "{\"port\":5432}                                 | multiregion:database.port: '5432' is the default port of aurora-postgresql, which FSBP RDS.23",
            "{\"engine\":\"aurora-mysql\",\"port\":3306}     | '3306' is the default port of aurora-mysql",
            "{\"port\":80}                                   | multiregion:database.port: '80' is out of range; Aurora accepts 1150 to 65535",
            "{\"port\":\"abc\"}                              | multiregion:database.port: 'abc' is not a whole number",
            "{\"backupRetentionDays\":1}                     | multiregion:database.backupRetentionDays: '1' is out of range; keep backups 7 to 35",
            "{\"backupRetentionDays\":36}                    | '36' is out of range",
            "{\"preferredBackupWindow\":\"3-4\"}             | multiregion:database.preferredBackupWindow: '3-4' is not a daily window",
            "{\"preferredBackupWindow\":\"03:00-03:20\"}     | '03:00-03:20' is shorter than 30 minutes",
            "{\"preferredMaintenanceWindow\":\"sunday 4am\"} | multiregion:database.preferredMaintenanceWindow: 'sunday 4am' is not a weekly window",
            "{\"preferredMaintenanceWindow\":\"sun:04:00-sun:04:10\"} | shorter than 30 minutes",
            "{\"preferredBackupWindow\":\"03:00-04:00\",\"preferredMaintenanceWindow\":\"wed:03:30-wed:04:30\"} | overlaps the backup window '03:00-04:00'",
            "{\"preferredBackupWindow\":\"23:30-00:30\",\"preferredMaintenanceWindow\":\"mon:00:00-mon:01:00\"} | overlaps",
            "{\"masterUsername\":\"postgres\"}               | multiregion:database.masterUsername: 'postgres' is an engine default or reserved user name (FSBP RDS.24",
            "{\"masterUsername\":\"Admin\"}                  | 'Admin' is an engine default",
            "{\"masterUsername\":\"1user\"}                  | '1user' is not a master user name",
            "{\"engine\":\"aurora-mysql\",\"masterUsername\":\"a_very_long_user_name\"} | is not a master user name aurora-mysql accepts; use 1 to 16",
            "{\"databaseName\":\"my-db\"}                    | multiregion:database.databaseName: 'my-db' is not a database name",
            "{\"dbInstanceClass\":\"db.r6g.large\"}          | multiregion:database.dbInstanceClass: '\"db.r6g.large\"' is not a field",
            "[1,2]                                           | multiregion:database: '[1,2]' is not an object",
            "{\"engine\":[\"a\"]}                            | multiregion:database.engine: '[\"a\"]' is not text"})
    @DisplayName("bad values are refused, each naming key, value and fix")
    void refused(String json, String message) {
        List<String> problems = new ArrayList<>();
        read(json, problems);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains(message), problems.get(0));
    }

    @Test
    @DisplayName("windows that do not meet are accepted, also across midnight")
    void windowsApart() {
        List<String> problems = new ArrayList<>();
        read("{\"preferredBackupWindow\":\"23:30-00:30\",\"preferredMaintenanceWindow\":\"mon:01:00-mon:01:30\"}", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("every problem at once")
    void all() {
        List<String> problems = new ArrayList<>();
        read("{\"engine\":\"aurora-postgresql\",\"port\":1,\"backupRetentionDays\":0,\"masterUsername\":\"admin\",\"databaseName\":\"-\"}",
                problems);
        assertEquals(4, problems.size(), problems::toString);
    }
}
