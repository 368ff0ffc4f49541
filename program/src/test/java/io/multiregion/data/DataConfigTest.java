package io.multiregion.data;

import io.multiregion.config.DatabaseSizing;
import io.multiregion.config.Engine;
import com.pulumi.Context;
import com.pulumi.core.Output;
import io.multiregion.config.ConfigException;
import io.multiregion.config.ConfigSource;
import io.multiregion.config.RunKnowledge;
import io.multiregion.config.Problem;
import io.multiregion.config.Problems;
import io.multiregion.config.DatabaseSettings;
import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.ProgramRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data tier: bad configuration registers nothing. */
class DataConfigTest {

    /**
     * A program reading the data tier's config as the stacks will (every problem first, then resources): the
     * database value, and both stacks' sizing given here as the sizing reader would hand them over.
     */
    private static void program(Context ctx, DatabaseSizing primary, DatabaseSizing standby) {
        Problems found = new Problems();
        DatabaseSettings db = DatabaseSettings.read(ConfigSource.of(ctx, RunKnowledge.DEPLOYMENT), found);
        List<Problem> problems = new ArrayList<>(found.problems());
        problems.addAll(primary.problems("multiregion:sizing"));
        problems.addAll(standby.problems("multiregion:sizing"));
        problems.addAll(DatabaseSizing.checkStandby(primary, standby, "multiregion:sizing"));
        if (!problems.isEmpty()) {
            throw new ConfigException(ctx.stackName(), problems);
        }
        DataPrograms.primary(db, primary, DataPrograms.seeded(5)).accept(ctx);
    }

    private static ProgramRun run(String database, DatabaseSizing primary, DatabaseSizing standby) {
        return ProgramRun.program("primary", Map.of("multiregion:database", database), ctx -> program(ctx, primary, standby));
    }

    @Test
    @DisplayName("a burstable class, a default user name, a short backup retention and a larger standby: all reported, nothing registered")
    void refused() {
        ProgramRun run = run("{\"masterUsername\":\"postgres\",\"backupRetentionDays\":3}",
                new DatabaseSizing("db.t4g.medium", 1), new DatabaseSizing("db.r6g.large", 2));
        String errors = run.errors();
        assertAll(
                () -> assertTrue(run.failed()),
                () -> assertTrue(errors.contains("multiregion:sizing.dbInstanceClass: 'db.t4g.medium' is a burstable class"), errors),
                () -> assertTrue(errors.contains("multiregion:database.masterUsername: 'postgres'"), errors),
                () -> assertTrue(errors.contains("multiregion:database.backupRetentionDays: '3' is out of range"), errors),
                () -> assertTrue(errors.contains("multiregion:sizing.dbInstances: '2' is more than the primary's 1"), errors),
                () -> assertTrue(errors.contains("4 problems"), errors),
                () -> assertEquals(List.of(), run.aws(), "nothing registered"));
    }

    @Test
    @DisplayName("the same program with good values registers the data tier")
    void accepted() {
        ProgramRun run = run("{\"engine\":\"aurora-postgresql\"}", DataPrograms.PRIMARY_SIZING, DataPrograms.STANDBY_SIZING);
        assertTrue(!run.failed(), run::errors);
        assertEquals(1, run.ofType("aws:rds/globalCluster:GlobalCluster").size());
    }

    @Test
    @DisplayName("a cluster cannot be built with a class global databases refuse, nor with credentials in the wrong role")
    void argsRefused() {
        DatabaseSettings db = DatabaseSettings.defaults();
        AwsRegion a = DataPrograms.A;
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> args(a, true, db, new DatabaseSizing("db.t3.medium", 1),
                        Optional.of(Output.of("p")))),
                () -> assertThrows(IllegalArgumentException.class, () -> args(a, true, db, DataPrograms.PRIMARY_SIZING,
                        Optional.empty()), "the primary needs the password"),
                () -> assertThrows(IllegalArgumentException.class, () -> args(a, false, db, DataPrograms.PRIMARY_SIZING,
                        Optional.of(Output.of("p"))), "a secondary takes no password"),
                () -> assertThrows(IllegalArgumentException.class, () -> credentials(db, a, a, 30),
                        "the replica must be in another region"),
                () -> assertThrows(IllegalArgumentException.class, () -> credentials(db, a, DataPrograms.B, 5),
                        "recovery window 7 to 30"));
    }

    private static DatabaseCredentials.Args credentials(DatabaseSettings db, AwsRegion primary, AwsRegion replica,
                                                        int recoveryWindowDays) {
        return DatabaseCredentials.Args.builder().names("multiregion", "primary").primary(primary, Output.of("k"))
                .replica(replica, Output.of("k")).database(db).host(Output.of("h"))
                .recoveryWindowDays(recoveryWindowDays).build();
    }

    private static RegionalCluster.Args args(AwsRegion region, boolean primary, DatabaseSettings db, DatabaseSizing sizing,
                                             Optional<Output<String>> password) {
        return DataPrograms.cluster("primary", db, sizing, region)
                .primary(primary, password)
                .globalCluster(Output.of("g"), Output.of("16.8"))
                .subnets(Output.of("vpc"), Output.of(List.of("s1", "s2")))
                .key(Output.of("k"), List.of())
                .build();
    }
}
