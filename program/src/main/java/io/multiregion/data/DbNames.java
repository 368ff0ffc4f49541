package io.multiregion.data;

import io.multiregion.naming.Names;

import java.util.regex.Pattern;

/**
 * Physical names of the data tier. RDS identifiers (global cluster, cluster, instance, snapshot) are letters,
 * digits and hyphens, start with a letter, never end with a hyphen nor hold two in a row, and are at most 63
 * characters (255 for snapshots) (RDS API Reference, CreateGlobalCluster, CreateDBCluster, CreateDBInstance).
 * Cluster names of one global database must also differ across all its Regions (Aurora User Guide,
 * "Configuration requirements of an Amazon Aurora global database"), so regional names carry the region.
 */
public final class DbNames {
    private DbNames() {
    }

    /** A valid RDS identifier of up to {@code max} characters. */
    static final Pattern IDENTIFIER = Pattern.compile("^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$");
    /** Room kept in a cluster identifier for an instance suffix ({@code -16}). */
    static final int INSTANCE_SUFFIX = 3;

    /** An RDS identifier made of the given parts, fitted to {@code max} characters. */
    public static String identifier(String raw, int max) {
        String fitted = Names.fit(raw, max);
        String name = fitted.matches("^[a-z].*") ? fitted : Names.fit("db-" + fitted, max);
        if (!IDENTIFIER.matcher(name).matches() || name.length() > max) {
            throw new IllegalArgumentException("'" + raw + "' does not make a valid RDS identifier: got '" + name + "'");
        }
        return name;
    }

    /** The global cluster: {@code <project>-<stack>-global}. */
    public static String globalCluster(String project, String stack) {
        return identifier(project + "-" + stack + "-global", Names.RDS_IDENTIFIER);
    }

    /** A regional cluster: {@code <project>-<stack>-<region>}, leaving room for the instance suffix. */
    public static String cluster(String project, String stack, String regionCode) {
        return identifier(project + "-" + stack + "-" + regionCode, Names.RDS_IDENTIFIER - INSTANCE_SUFFIX);
    }

    /** The n-th instance (1-based) of a cluster. */
    public static String instance(String clusterIdentifier, int n) {
        return identifier(clusterIdentifier + "-" + n, Names.RDS_IDENTIFIER);
    }

    /** The snapshot RDS takes when the cluster is deleted. */
    public static String finalSnapshot(String clusterIdentifier) {
        return identifier(clusterIdentifier + "-final", Names.RDS_SNAPSHOT);
    }
}
