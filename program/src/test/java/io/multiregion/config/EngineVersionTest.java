package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default engine versions are ones AWS offers for global databases of their engine (Aurora User Guide, "Supported
 * Regions and DB engines for Aurora global databases", checked 2026-12-03: Aurora PostgreSQL 16.1 and higher, Aurora
 * MySQL 3.01.0 and higher, 3.04.0 in the newest Regions).
 */
class EngineVersionTest {

    @ParameterizedTest(name = "{0}: the default version is well formed and at or above the global-database floor")
    @EnumSource(Engine.class)
    void defaultVersionSupportsGlobalDatabases(Engine engine) {
        assertTrue(engine.acceptsVersion(engine.defaultVersion()), engine.defaultVersion());
        assertTrue(engine.atOrAboveGlobalFloor(engine.defaultVersion()),
                engine.defaultVersion() + " below " + engine.globalDatabaseFloor());
        assertTrue(engine.acceptsVersion(engine.globalDatabaseFloor()));
    }

    @Test
    @DisplayName("the configuration default is the engine's default version")
    void configDefault() {
        assertEquals(Engine.AURORA_POSTGRESQL.defaultVersion(), DatabaseSettings.defaults().engineVersion());
        assertEquals("16.8", Engine.AURORA_POSTGRESQL.defaultVersion());
        assertEquals("8.0.mysql_aurora.3.08.0", Engine.AURORA_MYSQL.defaultVersion());
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "AURORA_POSTGRESQL, 16.1, true",
            "AURORA_POSTGRESQL, 16.8, true",
            "AURORA_POSTGRESQL, 16.10, true",
            "AURORA_POSTGRESQL, 16.0, false",
            "AURORA_POSTGRESQL, 15.9, false",
            "AURORA_MYSQL, 8.0.mysql_aurora.3.04.0, true",
            "AURORA_MYSQL, 8.0.mysql_aurora.3.08.0, true",
            "AURORA_MYSQL, 8.0.mysql_aurora.3.10.1, true",
            "AURORA_MYSQL, 8.0.mysql_aurora.3.03.3, false"})
    void floorComparison(Engine engine, String version, boolean expected) {
        assertEquals(expected, engine.atOrAboveGlobalFloor(version));
    }

    @Test
    @DisplayName("the secret names the engine as AWS's rotation functions expect it")
    void rotationEngines() {
        assertEquals("postgres", Engine.AURORA_POSTGRESQL.rotationEngine());
        assertEquals("mysql", Engine.AURORA_MYSQL.rotationEngine());
    }
}
