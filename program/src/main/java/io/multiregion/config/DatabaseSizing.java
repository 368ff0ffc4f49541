package io.multiregion.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How large one region's Aurora cluster is: the DB instance class and the number of instances, the fields
 * {@code dbInstanceClass} and {@code dbInstances} of each stack's {@code multiregion:sizing}.
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
    private static final String REQUIREMENTS = "Aurora User Guide, \"Configuration requirements of an Amazon Aurora "
            + "global database\"";

    /**
     * Memory-optimised classes Aurora offers (Aurora User Guide, "Supported DB engines for DB instance classes"):
     * an Aurora global database requires classes optimised for memory-intensive applications, db.r5 or higher
     * ({@value #REQUIREMENTS}).
     */
    static final Pattern MEMORY_OPTIMISED = Pattern.compile(
            "^db\\.(r5|r6g|r6gd|r6i|r6id|r7g|r7i|r8g|x2g)\\.(large|xlarge|([1-9][0-9]?)xlarge)$");

    static final Field<String> INSTANCE_CLASS = Field.text("dbInstanceClass", DEFAULT_CLASS)
            .rule(c -> !c.matches("^db\\.t[0-9][a-z]*\\..*$"), Problem.Kind.REFUSED, "is a burstable class, which Aurora "
                    + "global databases refuse: they require memory-optimised classes, db.r5 or higher (" + REQUIREMENTS
                    + "; terraform-provider-aws#27736)", "use e.g. " + DEFAULT_CLASS)
            .rule(c -> !c.equals("db.serverless"), Problem.Kind.REFUSED, "(Aurora Serverless v2) is not built by this "
                    + "program: it sizes provisioned instances only and sets no ACU range", "use a memory-optimised class "
                    + "such as " + DEFAULT_CLASS)
            .rule(c -> MEMORY_OPTIMISED.matcher(c).matches(), Problem.Kind.NOT_ONE_OF, "is not a memory-optimised Aurora "
                    + "class; an Aurora global database requires one (" + REQUIREMENTS + ")",
                    "use db.<r5|r6g|r6gd|r6i|r6id|r7g|r7i|r8g|x2g>.<large|xlarge|Nxlarge>, e.g. " + DEFAULT_CLASS)
            .doc("A memory-optimised Aurora class (`db.r5`, `r6g`, `r6gd`, `r6i`, `r6id`, `r7g`, `r7i`, `r8g`, `x2g`; "
                    + "`large`, `xlarge` or `Nxlarge`): an Aurora global database requires one (Aurora User Guide, "
                    + "\"Configuration requirements of an Amazon Aurora global database\"). Burstable `db.t*` classes are "
                    + "refused (also terraform-provider-aws#27736); `db.serverless` is not built.");
    static final Field<Integer> INSTANCES = Field.whole("dbInstances", null).range(1, 16, "a cluster of an Aurora global "
            + "database runs one writer and up to 15 replicas, or up to 16 read-only instances in a secondary ("
            + REQUIREMENTS + "); this program also refuses a headless secondary (0 instances), which could not take over "
            + "at once")
            .doc("DB instances of this region's cluster, 1 to 16 (one writer and up to 15 replicas in A, up to 16 "
                    + "read-only instances in B: same source). A headless secondary (0) is refused.");

    /** The problems of one cluster's sizing, at the fields of {@code key} (e.g. {@code multiregion:sizing}). */
    public List<Problem> problems(String key) {
        return Stream.concat(INSTANCE_CLASS.check(instanceClass).stream().map(p -> p.at(key + ".dbInstanceClass",
                        instanceClass)), INSTANCES.check(instances).stream().map(p -> p.at(key + ".dbInstances",
                        String.valueOf(instances)))).toList();
    }

    /** {@link #problems} as text, for a component that refuses arguments the configuration would refuse. */
    public static List<String> check(DatabaseSizing sizing, String key) {
        return sizing.problems(key).stream().map(Problem::toString).toList();
    }

    /**
     * The problems of a standby larger than the primary: more instances, or a larger class (compared by size,
     * {@code large} < {@code xlarge} < {@code 2xlarge} ...). Classes that do not parse are left to {@link #problems}.
     */
    public static List<Problem> checkStandby(DatabaseSizing primary, DatabaseSizing standby, String key) {
        List<Problem> problems = new ArrayList<>();
        if (standby.instances() > primary.instances()) {
            problems.add(new Problem(key + ".dbInstances", String.valueOf(standby.instances()),
                    Problem.Kind.DISAGREES_WITH_PRIMARY, "is more than the primary's " + primary.instances(),
                    "a warm standby is no larger than the primary: set at most " + primary.instances()));
        }
        OptionalInt standbySize = size(standby.instanceClass());
        OptionalInt primarySize = size(primary.instanceClass());
        if (standbySize.isPresent() && primarySize.isPresent() && standbySize.getAsInt() > primarySize.getAsInt()) {
            problems.add(new Problem(key + ".dbInstanceClass", standby.instanceClass(), Problem.Kind.DISAGREES_WITH_PRIMARY,
                    "is larger than the primary's " + primary.instanceClass(), "a warm standby is no larger than the "
                    + "primary: choose a class of size " + sizeName(primary.instanceClass()).orElse("large") + " or smaller"));
        }
        return problems;
    }

    /** Relative size of a memory-optimised class: large = 1, xlarge = 2, Nxlarge = 2N. */
    static OptionalInt size(String instanceClass) {
        Matcher m = MEMORY_OPTIMISED.matcher(instanceClass);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(m.group(2).equals("large") ? 1 : m.group(2).equals("xlarge") ? 2
                : 2 * Integer.parseInt(m.group(3)));
    }

    private static Optional<String> sizeName(String instanceClass) {
        Matcher m = MEMORY_OPTIMISED.matcher(instanceClass);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
