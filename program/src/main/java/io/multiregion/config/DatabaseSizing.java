package io.multiregion.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How large one region's Aurora cluster is: the DB instance class and the number of instances. It is part of
 * each stack's sizing ({@code multiregion:sizing} fields {@code dbInstanceClass} and {@code dbInstances}); the
 * checks here are pure and return problems instead of throwing, so a reader can report them with the others.
 *
 * <p>Instances are 1 to 16 in both regions. The primary cluster has one writer and up to 15 Aurora Replicas;
 * a secondary cluster has up to 16 read-only instances (Aurora User Guide, "Configuration requirements of an
 * Amazon Aurora global database"). Aurora accepts a secondary cluster with no instance ("headless"), but this
 * program refuses it: the standby must serve reads and take over at once, and adding the first instance to a
 * headless cluster during a failover adds its creation time to the recovery time.
 *
 * @param instanceClass the DB instance class, e.g. {@code db.r6g.large}
 * @param instances     how many DB instances the cluster runs
 */
public record DatabaseSizing(String instanceClass, int instances) {

    /** The class used when the sizing names none: the smallest Graviton memory-optimised class. */
    public static final String DEFAULT_CLASS = "db.r6g.large";
    public static final int MIN_INSTANCES = 1;
    /** One writer and 15 Aurora Replicas; 16 read-only instances in a secondary (configuration requirements). */
    public static final int MAX_INSTANCES = 16;

    /**
     * Memory-optimised classes Aurora offers (Aurora User Guide, "Supported DB engines for DB instance classes"):
     * an Aurora global database requires classes optimised for memory-intensive applications, db.r5 or higher
     * (Aurora User Guide, "Configuration requirements of an Amazon Aurora global database").
     */
    static final Pattern MEMORY_OPTIMISED = Pattern.compile(
            "^db\\.(r5|r6g|r6gd|r6i|r6id|r7g|r7i|r8g|x2g)\\.(large|xlarge|([1-9][0-9]?)xlarge)$");
    private static final Pattern BURSTABLE = Pattern.compile("^db\\.t[0-9][a-z]*\\..*$");

    /** Problems with one cluster's sizing; {@code keyPrefix} is the structured key, e.g. {@code multiregion:sizing}. */
    public static List<String> check(DatabaseSizing s, String keyPrefix) {
        List<String> problems = new ArrayList<>();
        String classKey = keyPrefix + ".dbInstanceClass";
        String cls = s.instanceClass() == null ? "" : s.instanceClass();
        if (BURSTABLE.matcher(cls).matches()) {
            problems.add(classKey + ": '" + cls + "' is a burstable class, which Aurora global databases refuse: they "
                    + "require memory-optimised classes, db.r5 or higher (Aurora User Guide, \"Configuration requirements "
                    + "of an Amazon Aurora global database\"; terraform-provider-aws#27736); use e.g. " + DEFAULT_CLASS);
        } else if (cls.equals("db.serverless")) {
            problems.add(classKey + ": 'db.serverless' (Aurora Serverless v2) is not built by this program: it sizes "
                    + "provisioned instances only and sets no ACU range; use a memory-optimised class such as " + DEFAULT_CLASS);
        } else if (!MEMORY_OPTIMISED.matcher(cls).matches()) {
            problems.add(classKey + ": '" + cls + "' is not a memory-optimised Aurora class; an Aurora global database "
                    + "requires one (Aurora User Guide, \"Configuration requirements of an Amazon Aurora global database\"): "
                    + "use db.<r5|r6g|r6gd|r6i|r6id|r7g|r7i|r8g|x2g>.<large|xlarge|Nxlarge>, e.g. " + DEFAULT_CLASS);
        }
        if (s.instances() < MIN_INSTANCES || s.instances() > MAX_INSTANCES) {
            problems.add(keyPrefix + ".dbInstances: '" + s.instances() + "' is outside 1 to 16: a cluster of an Aurora "
                    + "global database runs one writer and up to 15 replicas, or up to 16 read-only instances in a secondary "
                    + "(Aurora User Guide, \"Configuration requirements of an Amazon Aurora global database\"); this program "
                    + "also refuses a headless secondary (0 instances), which could not take over at once");
        }
        return problems;
    }

    /**
     * Problems when the standby is larger than the primary: more instances, or a larger class (compared by size,
     * {@code large} < {@code xlarge} < {@code 2xlarge} ...). Classes that do not parse are left to {@link #check}.
     */
    public static List<String> checkStandby(DatabaseSizing primary, DatabaseSizing standby) {
        return checkStandby(primary, standby, "multiregion:sizing");
    }

    /** As {@link #checkStandby(DatabaseSizing, DatabaseSizing)}, naming the standby's structured key. */
    public static List<String> checkStandby(DatabaseSizing primary, DatabaseSizing standby, String standbyKeyPrefix) {
        List<String> problems = new ArrayList<>();
        if (standby.instances() > primary.instances()) {
            problems.add(standbyKeyPrefix + ".dbInstances: '" + standby.instances() + "' is more than the primary's "
                    + primary.instances() + "; a warm standby is no larger than the primary: set at most " + primary.instances());
        }
        OptionalInt standbySize = size(standby.instanceClass());
        OptionalInt primarySize = size(primary.instanceClass());
        if (standbySize.isPresent() && primarySize.isPresent() && standbySize.getAsInt() > primarySize.getAsInt()) {
            problems.add(standbyKeyPrefix + ".dbInstanceClass: '" + standby.instanceClass() + "' is larger than the "
                    + "primary's " + primary.instanceClass() + "; a warm standby is no larger than the primary: choose a "
                    + "class of size " + sizeName(primary.instanceClass()).orElse("large") + " or smaller");
        }
        return problems;
    }

    /** Relative size of a memory-optimised class: large = 1, xlarge = 2, Nxlarge = 2N. */
    static OptionalInt size(String instanceClass) {
        Matcher m = MEMORY_OPTIMISED.matcher(instanceClass == null ? "" : instanceClass);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        if (m.group(2).equals("large")) {
            return OptionalInt.of(1);
        }
        if (m.group(2).equals("xlarge")) {
            return OptionalInt.of(2);
        }
        return OptionalInt.of(2 * Integer.parseInt(m.group(3)));
    }

    private static Optional<String> sizeName(String instanceClass) {
        Matcher m = MEMORY_OPTIMISED.matcher(instanceClass == null ? "" : instanceClass);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
