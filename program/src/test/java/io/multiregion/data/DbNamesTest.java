package io.multiregion.data;

import io.multiregion.naming.Names;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data-tier names. */
class DbNamesTest {

    @Test
    @DisplayName("the documented shapes for the stack files' names")
    void shapes() {
        assertEquals("multiregion-primary-global", DbNames.globalCluster("multiregion", "primary"));
        assertEquals("multiregion-primary-eu-west-1", DbNames.cluster("multiregion", "primary", "eu-west-1"));
        assertEquals("multiregion-primary-eu-west-1-16", DbNames.instance("multiregion-primary-eu-west-1", 16));
        assertEquals("multiregion-primary-eu-west-1-final", DbNames.finalSnapshot("multiregion-primary-eu-west-1"));
    }

    @Test
    @DisplayName("the two clusters of one global database never share a name (it must be unique across regions)")
    void uniqueAcrossRegions() {
        assertNotEquals(DbNames.cluster("multiregion", "primary", "eu-west-1"),
                DbNames.cluster("multiregion", "secondary", "eu-central-1"));
        assertNotEquals(DbNames.cluster("multiregion", "prod", "eu-west-1"),
                DbNames.cluster("multiregion", "prod", "eu-central-1"));
    }

    @ParameterizedTest(name = "stack ''{0}''")
    @ValueSource(strings = {"primary", "Prod_EU.primary", "9lives", "a--b", "x-", "very-long-stack-name-that-goes-on-and-on-and-on-and-on-and-on-forever",
            "stack.with.dots_and_underscores-and-hyphens-0123456789-0123456789-0123456789"})
    @DisplayName("every identifier is a valid RDS identifier within its limit, for any stack name")
    void limits(String stack) {
        String cluster = DbNames.cluster("multiregion", stack, "ap-southeast-2");
        String instance = DbNames.instance(cluster, 16);
        String global = DbNames.globalCluster("multiregion", stack);
        String snapshot = DbNames.finalSnapshot(cluster);
        assertAll(
                () -> assertTrue(cluster.length() <= Names.RDS_IDENTIFIER - 3, cluster),
                () -> assertTrue(instance.length() <= Names.RDS_IDENTIFIER, instance),
                () -> assertTrue(instance.endsWith("-16"), instance),
                () -> assertTrue(global.length() <= Names.RDS_IDENTIFIER, global),
                () -> assertTrue(snapshot.length() <= Names.RDS_SNAPSHOT, snapshot),
                () -> {
                    for (String name : new String[]{cluster, instance, global, snapshot}) {
                        assertTrue(DbNames.IDENTIFIER.matcher(name).matches(), name);
                    }
                });
    }
}
