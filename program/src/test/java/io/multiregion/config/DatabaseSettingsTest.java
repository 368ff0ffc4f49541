package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** multiregion:database: the defaults, a full value, and the engine's own defaults (each bad value: {@link BadValuesTest}). */
class DatabaseSettingsTest {

    private static DatabaseSettings read(String json) {
        return Configs.settings("primary", Configs.with("primary", json == null ? "" : "database=" + json)).database();
    }

    @Test
    @DisplayName("unset: Aurora PostgreSQL 16.8 on 5433, seven days of backups, user appadmin, database app")
    void defaults() {
        assertEquals(new DatabaseSettings(Engine.AURORA_POSTGRESQL, "16.8", 5433, 7, Optional.empty(), Optional.empty(),
                "appadmin", "app"), read(null));
        assertEquals(DatabaseSettings.defaults(), read(null));
    }

    @Test
    @DisplayName("every field set")
    void everyField() {
        assertEquals(new DatabaseSettings(Engine.AURORA_MYSQL, "8.0.mysql_aurora.3.10.0", 3400, 35, Optional.of("03:00-03:30"),
                Optional.of("sun:04:00-sun:04:30"), "dbowner", "shop"), read("{\"engine\":\"aurora-mysql\","
                + "\"engineVersion\":\"8.0.mysql_aurora.3.10.0\",\"port\":3400,\"backupRetentionDays\":35,"
                + "\"preferredBackupWindow\":\"03:00-03:30\",\"preferredMaintenanceWindow\":\"sun:04:00-sun:04:30\","
                + "\"masterUsername\":\"dbowner\",\"databaseName\":\"shop\"}"));
    }

    @Test
    @DisplayName("aurora-mysql alone takes its own default version and port")
    void mysqlDefaults() {
        DatabaseSettings s = read("{\"engine\":\"aurora-mysql\"}");
        assertEquals("8.0.mysql_aurora.3.08.0", s.engineVersion());
        assertEquals(3307, s.port());
    }

    @Test
    @DisplayName("windows that do not meet are accepted, also across midnight")
    void windowsApart() {
        assertEquals(Optional.of("mon:01:00-mon:01:30"), read("{\"preferredBackupWindow\":\"23:30-00:30\","
                + "\"preferredMaintenanceWindow\":\"mon:01:00-mon:01:30\"}").preferredMaintenanceWindow());
    }

    @Test
    @DisplayName("every problem at once")
    void all() {
        List<Problem> problems = Configs.problems("primary", Configs.with("primary", "database={\"engine\":"
                + "\"aurora-postgresql\",\"port\":1,\"backupRetentionDays\":0,\"masterUsername\":\"admin\",\"databaseName\":\"-\"}"));
        assertEquals(List.of("multiregion:database.backupRetentionDays", "multiregion:database.databaseName",
                "multiregion:database.masterUsername", "multiregion:database.port"),
                problems.stream().map(Problem::key).sorted().toList());
    }
}
