package io.multiregion.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The data tier's settings ({@code multiregion:database}), the same in both stack files: the global database
 * has one engine, one version, one port and one master user.
 *
 * @param engine                     {@code aurora-postgresql} (default) or {@code aurora-mysql}
 * @param engineVersion              the pinned engine version; default {@link Engine#defaultVersion()}
 * @param port                       the port both clusters listen on; default one above the engine's (FSBP RDS.23)
 * @param backupRetentionDays        days of automated backups, 7 (default) to 35
 * @param preferredBackupWindow      daily backup window {@code hh24:mi-hh24:mi} in UTC; default chosen by RDS
 * @param preferredMaintenanceWindow weekly window {@code ddd:hh24:mi-ddd:hh24:mi} in UTC; default chosen by RDS
 * @param masterUsername             the master user, never {@code postgres} or {@code admin} (FSBP RDS.24); default
 *                                   {@value DatabaseReader#DEFAULT_USERNAME}
 * @param databaseName               the database created with the cluster; default {@value DatabaseReader#DEFAULT_DATABASE}
 */
public record DatabaseSettings(Engine engine, String engineVersion, int port, int backupRetentionDays,
                               Optional<String> preferredBackupWindow, Optional<String> preferredMaintenanceWindow,
                               String masterUsername, String databaseName) {

    public DatabaseSettings {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(preferredBackupWindow, "preferredBackupWindow");
        Objects.requireNonNull(preferredMaintenanceWindow, "preferredMaintenanceWindow");
        Objects.requireNonNull(masterUsername, "masterUsername");
        Objects.requireNonNull(databaseName, "databaseName");
    }

    /** Every default. */
    public static DatabaseSettings defaults() {
        Engine engine = Engine.AURORA_POSTGRESQL;
        return new DatabaseSettings(engine, engine.defaultVersion(), engine.defaultPort(),
                DatabaseReader.DEFAULT_BACKUP_RETENTION, Optional.empty(), Optional.empty(),
                DatabaseReader.DEFAULT_USERNAME, DatabaseReader.DEFAULT_DATABASE);
    }
}
