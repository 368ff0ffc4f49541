package io.multiregion.config;

import com.google.gson.JsonObject;
import com.pulumi.aws.ec2.enums.InstanceType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How big a stack's slice of the application is: one structured value, {@code multiregion:sizing}, per stack file.
 * The primary runs the active application ({@link #ACTIVE}), the secondary a smaller warm standby ({@link #STANDBY})
 * that can grow to the primary's load after a failover; a field left out takes the default of the stack's role.
 * <pre>
 * multiregion:sizing: {instanceType: m7i.large, minSize: 3, desiredCapacity: 3, maxSize: 12, natGateways: 3,
 *                      dbInstanceClass: db.r6g.large, dbInstances: 2}
 * </pre>
 *
 * @param instanceType    EC2 instance type of the application tier, a value of
 *                        {@code com.pulumi.aws.ec2.enums.InstanceType} (e.g. {@code m7i.large})
 * @param minSize         Auto Scaling group minimum
 * @param desiredCapacity Auto Scaling group desired capacity when the stack is deployed
 * @param maxSize         Auto Scaling group maximum
 * @param natGateways     NAT gateways of the region's VPC (one per zone in the primary, fewer in a standby)
 * @param dbInstanceClass the class of this region's Aurora instances (memory optimised: global databases refuse
 *                        burstable classes)
 * @param dbInstances     this region's Aurora instances (a writer and readers in A, readers in B)
 */
public record Sizing(String instanceType, int minSize, int desiredCapacity, int maxSize, int natGateways,
                     String dbInstanceClass, int dbInstances) {

    /**
     * The primary's default: the active application. {@code m7i.large} is a current-generation, general-purpose
     * x86 type with 2 vCPUs and 8 GiB (Amazon EC2 Instance Types guide, general purpose specifications); it is
     * not burstable, so a failover's sustained load never runs out of CPU credits as a {@code t3} would. Three
     * instances, one per zone of the primary's three zones, and one NAT gateway per zone.
     */
    public static final Sizing ACTIVE = new Sizing("m7i.large", 3, 3, 12, 3, DatabaseSizing.DEFAULT_CLASS, 2);
    /**
     * The secondary's default: a warm standby. The same instance type (so a release behaves the same in both
     * regions), two instances in two zones (fully working and still multi-AZ), one NAT gateway, and the same
     * maximum as the primary, so target tracking can grow it to the primary's load after a failover.
     */
    public static final Sizing STANDBY = new Sizing("m7i.large", 2, 2, 12, 1, DatabaseSizing.DEFAULT_CLASS, 1);

    /**
     * The largest {@code maxSize} accepted: 1,000 targets per target group, the default Application Load Balancer
     * quota (Elastic Load Balancing User Guide for ALBs, "Quotas for your Application Load Balancers"); a group
     * larger than its target group can hold cannot register its instances.
     */
    public static final int MAX_SIZE_LIMIT = 1000;

    static final Field<String> INSTANCE_TYPE = Field.choice("instanceType", null, Arrays.stream(InstanceType.values())
                    .map(InstanceType::getValue).toList(), t -> t, "an EC2 instance type the AWS provider knows")
            .hint("use a lower-case type name such as " + ACTIVE.instanceType + " or t3.medium")
            .shownDefault(perRole(Sizing::instanceType))
            .doc("An EC2 instance type the AWS provider knows (`com.pulumi.aws.ec2.enums.InstanceType`). The AMI's "
                    + "architecture (x86_64 or arm64) follows from it.");
    static final Field<Integer> MIN_SIZE = Field.whole("minSize", null).rule(n -> n >= 1, Problem.Kind.OUT_OF_RANGE,
            "lets scaling in leave no instance to serve or deploy to, and a warm standby stays fully working",
            "set at least 1")
            .shownDefault(perRole(Sizing::minSize))
            .doc("The Auto Scaling group's minimum: `1 <= minSize <= desiredCapacity`. Resize the group with `minSize` "
                    + "and `maxSize`.");
    static final Field<Integer> DESIRED = Field.whole("desiredCapacity", null).range(0, MAX_SIZE_LIMIT,
            "sizes are 0 or more, and at most maxSize")
            .shownDefault(perRole(Sizing::desiredCapacity))
            .doc("The group's size at creation: `minSize <= desiredCapacity <= maxSize`. Used at creation only: the "
                    + "group ignores later changes, so `pulumi up` never undoes a scale-out.");
    static final Field<Integer> MAX_SIZE = Field.whole("maxSize", null).range(0, MAX_SIZE_LIMIT, "set 0 to "
            + MAX_SIZE_LIMIT + ": " + MAX_SIZE_LIMIT + " is the default quota of targets per ALB target group; above it, "
            + "raise the quota and this limit")
            .shownDefault(perRole(Sizing::maxSize))
            .doc("The group's maximum: `desiredCapacity <= maxSize <= 1000` (1,000 targets per target group, the "
                    + "default ALB quota: ELB User Guide for ALBs, \"Quotas for your Application Load Balancers\").");
    static final Field<Integer> NAT_GATEWAYS = Field.whole("natGateways", null).rule(n -> n >= 1,
            Problem.Kind.OUT_OF_RANGE, "leaves the private subnets without a route out for SSM and CodeDeploy",
            "set at least 1")
            .shownDefault(perRole(Sizing::natGateways))
            .doc("1 to the stack's zone count; one per zone's public subnet.");
    static final Field<JsonObject> KEY = Field.object("sizing", List.of(INSTANCE_TYPE, MIN_SIZE, DESIRED, MAX_SIZE,
            NAT_GATEWAYS, DatabaseSizing.INSTANCE_CLASS, DatabaseSizing.INSTANCES.shownDefault(perRole(Sizing::dbInstances))),
            "{instanceType: m7i.large, minSize: "
            + "3, desiredCapacity: 3, maxSize: 12, natGateways: 3}")
            .shownDefault("per role, see below")
            .doc("This stack's instance type, Auto Scaling sizes, NAT gateways and database instances. One per stack "
                    + "file.");

    /** A default as the configuration reference shows it: one value, or the primary's and the secondary's. */
    private static String perRole(Function<Sizing, Object> field) {
        return Field.defaultsByRole(field.apply(ACTIVE), field.apply(STANDBY));
    }

    /** The default sizing of a role. */
    public static Sizing defaults(boolean standby) {
        return standby ? STANDBY : ACTIVE;
    }

    /** The stack's sizing; a field left out takes the default of its role. */
    static Sizing read(Fields in, boolean standby) {
        Sizing d = defaults(standby);
        Fields o = in.object(KEY);
        Sizing s = new Sizing(o.get(INSTANCE_TYPE, d.instanceType), o.get(MIN_SIZE, d.minSize), o.get(DESIRED,
                d.desiredCapacity), o.get(MAX_SIZE, d.maxSize), o.get(NAT_GATEWAYS, d.natGateways),
                o.get(DatabaseSizing.INSTANCE_CLASS), o.get(DatabaseSizing.INSTANCES, d.dbInstances));
        // Auto Scaling needs minSize <= desiredCapacity <= maxSize
        if (o.clean() && s.minSize > s.desiredCapacity) {
            o.add(MIN_SIZE, s.minSize, Problem.Kind.CONFLICT, "is above desiredCapacity " + s.desiredCapacity,
                    "Auto Scaling needs minSize <= desiredCapacity <= maxSize: lower minSize or raise desiredCapacity");
        }
        if (o.clean() && s.desiredCapacity > s.maxSize) {
            o.add(DESIRED, s.desiredCapacity, Problem.Kind.CONFLICT, "is above maxSize " + s.maxSize,
                    "Auto Scaling needs minSize <= desiredCapacity <= maxSize: lower desiredCapacity or raise maxSize");
        }
        return s;
    }

    /** NAT gateways above the zone count would have no zone to go to (one NAT gateway per public subnet). */
    static List<Problem> checkNatGateways(Sizing sizing, int zones) {
        return sizing.natGateways <= zones ? List.of() : List.of(new Problem("multiregion:" + KEY.name() + "."
                + NAT_GATEWAYS.name(), String.valueOf(sizing.natGateways), Problem.Kind.CONFLICT, "is above the " + zones
                + " availability zones of this VPC", "set at most " + zones + " (one NAT gateway per zone)"));
    }

    /** This region's database sizing. */
    public DatabaseSizing database() {
        return new DatabaseSizing(dbInstanceClass, dbInstances);
    }

    /**
     * The warm-standby contract between the two stacks' sizing, checked by the secondary (this sizing) against the
     * primary's exported sizing. Capacity is compared in vCPUs (count &times; {@link #vcpus()}) when both instance
     * types' sizes give their vCPUs, otherwise in instance counts. The standby may not be larger than the primary
     * (neither its minimum nor its desired capacity), and its maximum must reach the primary's desired capacity:
     * after a failover it has to carry the full load.
     */
    public List<Problem> checkStandby(Sizing primary) {
        String key = "multiregion:" + KEY.name();
        List<Problem> problems = new ArrayList<>(DatabaseSizing.checkStandby(primary.database(), database(), key));
        boolean inVcpus = primary.vcpus().isPresent() && vcpus().isPresent();
        int p = inVcpus ? primary.vcpus().orElse(1) : 1;
        int s = inVcpus ? vcpus().orElse(1) : 1;
        String unit = inVcpus ? " vCPUs" : " instances";
        String how = inVcpus ? " (" + instanceType + " has " + s + " vCPUs, the primary's " + primary.instanceType + " "
                + p + ")" : primary.instanceType.equals(instanceType) ? "" : " (compared in instance counts: the vCPUs of "
                + primary.instanceType + " or " + instanceType + " do not follow from their size)";
        if (desiredCapacity * s > primary.desiredCapacity * p) {
            problems.add(new Problem(key + "." + DESIRED.name(), String.valueOf(desiredCapacity),
                    Problem.Kind.DISAGREES_WITH_PRIMARY, "x " + instanceType + " = " + desiredCapacity * s + unit
                    + " is larger than the primary's " + primary.desiredCapacity * p + unit + how, "a warm standby is "
                    + "smaller: lower it to at most " + Math.max(0, primary.desiredCapacity * p / s)));
        }
        if (minSize * s > primary.minSize * p) {
            problems.add(new Problem(key + "." + MIN_SIZE.name(), String.valueOf(minSize), Problem.Kind.DISAGREES_WITH_PRIMARY,
                    "x " + instanceType + " = " + minSize * s + unit + " is larger than the primary's " + primary.minSize * p
                    + unit + how, "a warm standby is smaller: lower it to at most " + Math.max(0, primary.minSize * p / s)));
        }
        if ((long) maxSize * s < (long) primary.desiredCapacity * p) {
            problems.add(new Problem(key + "." + MAX_SIZE.name(), String.valueOf(maxSize), Problem.Kind.DISAGREES_WITH_PRIMARY,
                    "x " + instanceType + " = " + maxSize * s + unit + " cannot reach the primary's desired "
                    + primary.desiredCapacity * p + unit + how, "after a failover the standby carries the full load: raise "
                    + "maxSize to at least " + (primary.desiredCapacity * p + s - 1) / s));
        }
        return problems;
    }

    /** The sizing as the primary exports it for the secondary's {@link #checkStandby}: a map of the value's fields. */
    public Map<String, Object> export() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instanceType", instanceType);
        out.put("minSize", minSize);
        out.put("desiredCapacity", desiredCapacity);
        out.put("maxSize", maxSize);
        out.put("natGateways", natGateways);
        out.put("dbInstanceClass", dbInstanceClass);
        out.put("dbInstances", dbInstances);
        return out;
    }

    /**
     * The primary's sizing read back from its stack output (numbers arrive as doubles), or empty when the output is
     * missing or not of that shape.
     */
    public static Optional<Sizing> fromExport(Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("instanceType") instanceof String type)
                || !(map.get("dbInstanceClass") instanceof String dbClass)) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String field : List.of("minSize", "desiredCapacity", "maxSize", "natGateways", "dbInstances")) {
            if (!(map.get(field) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                return Optional.empty();
            }
            numbers.add(n.intValue());
        }
        return Optional.of(new Sizing(type, numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3), dbClass,
                numbers.get(4)));
    }

    /** Families whose attribute letters contain {@code g} are AWS Graviton (arm64), plus the first, {@code a1}. */
    private static final Pattern TYPE = Pattern.compile("^([a-z]+)([0-9]+)([a-z]*)(-[a-z0-9]+)?\\.([a-z0-9]+)$");
    private static final Pattern MULTIPLE_XLARGE = Pattern.compile("^([0-9]+)xlarge$");

    /** The CPU architecture of the instance type: {@code arm64} for Graviton families, {@code x86_64} otherwise. */
    public String architecture() {
        return architectureOf(instanceType);
    }

    /** {@link #architecture()} of any instance type name. */
    public static String architectureOf(String instanceType) {
        Matcher m = TYPE.matcher(instanceType);
        if (!m.matches()) {
            return "x86_64";
        }
        boolean graviton = m.group(3).contains("g") || (m.group(1).equals("a") && m.group(2).equals("1"));
        return graviton ? "arm64" : "x86_64";
    }

    /**
     * Default vCPUs of one instance, when the size alone says so: {@code large} is 2, {@code xlarge} 4 and
     * {@code Nxlarge} 4&times;N in every family that publishes these sizes (Amazon EC2 Instance Types guide,
     * "Specifications" tables, default vCPUs). Empty for nano/micro/small/medium/metal sizes, which differ between
     * families, and for the HPC families, which run one thread per core.
     */
    public Optional<Integer> vcpus() {
        return vcpusOf(instanceType);
    }

    /** {@link #vcpus()} of any instance type name. */
    public static Optional<Integer> vcpusOf(String instanceType) {
        Matcher m = TYPE.matcher(instanceType);
        if (!m.matches() || m.group(1).equals("hpc")) {
            return Optional.empty();
        }
        String size = m.group(5);
        if (size.equals("large")) {
            return Optional.of(2);
        }
        if (size.equals("xlarge")) {
            return Optional.of(4);
        }
        Matcher multiple = MULTIPLE_XLARGE.matcher(size);
        return multiple.matches() ? Optional.of(4 * Integer.parseInt(multiple.group(1))) : Optional.empty();
    }
}
