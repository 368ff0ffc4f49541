package io.multiregion.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DatabaseSizing. */
class DatabaseSizingTest {

    @ParameterizedTest(name = "{0} x {1} is accepted")
    @CsvSource({
            "db.r6g.large, 1", "db.r5.24xlarge, 16", "db.r7g.xlarge, 2", "db.r8g.2xlarge, 3", "db.x2g.large, 1",
            "db.r6i.32xlarge, 4", "db.r6gd.xlarge, 2", "db.r7i.48xlarge, 1"})
    void accepted(String cls, int instances) {
        assertEquals(List.of(), DatabaseSizing.check(new DatabaseSizing(cls, instances), "multiregion:sizing"));
    }

    @ParameterizedTest(name = "{0} x {1} is refused with ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "db.t3.medium   | 1  | multiregion:sizing.dbInstanceClass: 'db.t3.medium' is a burstable class",
            "db.t4g.large   | 1  | terraform-provider-aws#27736",
            "db.t4g.medium  | 1  | Configuration requirements of an Amazon Aurora global database",
            "db.serverless  | 1  | multiregion:sizing.dbInstanceClass: 'db.serverless' (Aurora Serverless v2) is not built",
            "db.m5.large    | 1  | 'db.m5.large' is not a memory-optimised Aurora class",
            "db.r6g.medium  | 1  | 'db.r6g.medium' is not a memory-optimised Aurora class",
            "r6g.large      | 1  | is not a memory-optimised Aurora class",
            "db.r6g.large   | 0  | multiregion:sizing.dbInstances: '0' is out of range",
            "db.r6g.large   | 17 | multiregion:sizing.dbInstances: '17' is out of range",
            "db.r6g.large   | -1 | headless secondary"})
    void refused(String cls, int instances, String message) {
        List<String> problems = DatabaseSizing.check(new DatabaseSizing(cls, instances), "multiregion:sizing");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains(message), problems.get(0));
    }

    @Test
    @DisplayName("a bad class and a bad count are both reported")
    void both() {
        assertEquals(2, DatabaseSizing.check(new DatabaseSizing("db.t3.small", 40), "k").size());
    }

    @ParameterizedTest(name = "standby {2} x {3} against primary {0} x {1}: {4} problems")
    @CsvSource({
            "db.r6g.large,   2, db.r6g.large,   1, 0",
            "db.r6g.2xlarge, 2, db.r7g.xlarge,  2, 0",
            "db.r6g.xlarge,  2, db.r5.xlarge,   2, 0",
            "db.r6g.large,   1, db.r6g.large,   2, 1",
            "db.r6g.large,   2, db.r6g.xlarge,  2, 1",
            "db.r6g.xlarge,  2, db.r6g.2xlarge, 3, 2",
            "db.r6g.4xlarge, 2, db.r6g.12xlarge,1, 1",
            "db.t3.medium,   2, db.r6g.xlarge,  1, 0"})
    void standby(String primaryClass, int primaryCount, String standbyClass, int standbyCount, int expected) {
        List<Problem> problems = DatabaseSizing.checkStandby(new DatabaseSizing(primaryClass, primaryCount),
                new DatabaseSizing(standbyClass, standbyCount), "multiregion:sizing");
        assertEquals(expected, problems.size(), problems::toString);
        problems.forEach(p -> assertTrue(p.key().startsWith("multiregion:sizing.db")
                && p.kind() == Problem.Kind.DISAGREES_WITH_PRIMARY && p.fix().contains("no larger than the primary"),
                p::toString));
    }

    @ParameterizedTest(name = "size({0}) = {1}")
    @CsvSource({"db.r6g.large, 1", "db.r6g.xlarge, 2", "db.r6g.2xlarge, 4", "db.r5.24xlarge, 48"})
    void size(String cls, int expected) {
        assertEquals(expected, DatabaseSizing.size(cls).orElse(-1));
    }
}
