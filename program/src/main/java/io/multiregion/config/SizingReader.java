package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.pulumi.aws.ec2.enums.InstanceType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks {@code multiregion:sizing}, one structured value per stack file:
 * <pre>
 * multiregion:sizing:
 *   instanceType: m7i.large
 *   minSize: 3
 *   desiredCapacity: 3
 *   maxSize: 12
 *   natGateways: 3
 * </pre>
 * Every field is optional; a missing field takes the default of the stack's role ({@link #ACTIVE} for the
 * primary, {@link #STANDBY} for the secondary). Problems are added to the caller's list, each naming the key,
 * the bad value and the fix; the returned sizing then holds the defaults for the bad fields.
 */
public final class SizingReader {
    private SizingReader() {
    }

    /** The key this reader owns, without the {@code multiregion:} namespace. */
    public static final String KEY = "sizing";
    /** Every key this reader reads (unqualified, as {@link SettingsReader#KEYS}). */
    public static final Set<String> KEYS = Set.of(KEY);

    /** The fields of the structured value. */
    public static final List<String> FIELDS = List.of("instanceType", "minSize", "desiredCapacity", "maxSize", "natGateways",
            "dbInstanceClass", "dbInstances");

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

    private static final Set<String> INSTANCE_TYPES = Arrays.stream(InstanceType.values())
            .map(InstanceType::getValue).collect(Collectors.toUnmodifiableSet());

    /** The default sizing of a role. */
    public static Sizing defaults(boolean standby) {
        return standby ? STANDBY : ACTIVE;
    }

    /**
     * @param source   the stack's configuration
     * @param standby  true for the secondary (warm standby) role
     * @param problems where each problem is added
     */
    public static Sizing read(ConfigSource source, boolean standby, List<String> problems) {
        Sizing defaults = defaults(standby);
        int before = problems.size();
        Optional<JsonObject> given = StructuredValue.read(source, KEY, FIELDS, "a sizing field", "write it in the stack "
                + "file as a map of " + String.join(", ", FIELDS) + ", e.g. {\"instanceType\": \"" + defaults.instanceType()
                + "\", \"minSize\": " + defaults.minSize() + ", \"desiredCapacity\": " + defaults.desiredCapacity()
                + ", \"maxSize\": " + defaults.maxSize() + ", \"natGateways\": " + defaults.natGateways() + "}", problems);
        if (given.isEmpty()) {
            return defaults;
        }
        JsonObject object = given.orElseThrow();

        String instanceType = defaults.instanceType();
        if (object.has("instanceType")) {
            JsonElement value = object.get("instanceType");
            if (!isString(value) || !INSTANCE_TYPES.contains(value.getAsString())) {
                problems.add(qualified() + ".instanceType: '" + text(value) + "' is not an EC2 instance type the AWS provider "
                        + "knows; use a lower-case type name such as " + ACTIVE.instanceType() + " or t3.medium");
            } else {
                instanceType = value.getAsString();
            }
        }
        int minSize = count(object, "minSize", defaults.minSize(), problems);
        int desired = count(object, "desiredCapacity", defaults.desiredCapacity(), problems);
        int maxSize = count(object, "maxSize", defaults.maxSize(), problems);
        int nat = count(object, "natGateways", defaults.natGateways(), problems);
        String dbClass = defaults.dbInstanceClass();
        if (object.has("dbInstanceClass")) {
            JsonElement value = object.get("dbInstanceClass");
            if (isString(value)) {
                dbClass = value.getAsString();
            } else {
                problems.add(qualified() + ".dbInstanceClass: '" + text(value) + "' is not text; write a class such as "
                        + DatabaseSizing.DEFAULT_CLASS);
            }
        }
        int dbInstances = count(object, "dbInstances", defaults.dbInstances(), problems);
        problems.addAll(DatabaseSizing.check(new DatabaseSizing(dbClass, dbInstances), qualified()));

        if (problems.size() == before) {
            if (minSize > desired) {
                problems.add(qualified() + ".minSize: '" + minSize + "' is above desiredCapacity " + desired
                        + "; Auto Scaling needs minSize <= desiredCapacity <= maxSize: lower minSize or raise desiredCapacity");
            }
            if (desired > maxSize) {
                problems.add(qualified() + ".desiredCapacity: '" + desired + "' is above maxSize " + maxSize
                        + "; Auto Scaling needs minSize <= desiredCapacity <= maxSize: lower desiredCapacity or raise maxSize");
            }
            if (minSize < 1) {
                problems.add(qualified() + ".minSize: '" + minSize + "' lets scaling in leave no instance to serve or deploy "
                        + "to, and a warm standby stays fully working; set at least 1");
            }
            if (maxSize > MAX_SIZE_LIMIT) {
                problems.add(qualified() + ".maxSize: '" + maxSize + "' is above " + MAX_SIZE_LIMIT + ", the default quota of "
                        + "targets per ALB target group; set at most " + MAX_SIZE_LIMIT + " or raise the quota and this limit");
            }
            if (nat < 1) {
                problems.add(qualified() + ".natGateways: '" + nat + "' leaves the private subnets without a route out for "
                        + "SSM and CodeDeploy; set at least 1");
            }
        }
        return new Sizing(instanceType, minSize, desired, maxSize, nat, dbClass, dbInstances);
    }

    /** NAT gateways above the zone count would have no zone to go to (one NAT gateway per public subnet). */
    public static List<String> checkNatGateways(Sizing sizing, int zones) {
        if (sizing.natGateways() > zones) {
            return List.of(qualified() + ".natGateways: '" + sizing.natGateways() + "' is above the " + zones
                    + " availability zones of this VPC; set at most " + zones + " (one NAT gateway per zone)");
        }
        return List.of();
    }

    /**
     * The warm-standby contract between the two stacks' sizing, checked by the secondary against the primary's
     * exported sizing. Capacity is compared in vCPUs (count &times; {@link Sizing#vcpus()}) when both instance
     * types' sizes give their vCPUs, otherwise in instance counts. The standby may not be larger than the
     * primary (neither its minimum nor its desired capacity), and its maximum must reach the primary's desired
     * capacity: after a failover it has to carry the full load.
     */
    public static List<String> checkStandby(Sizing primary, Sizing standby) {
        List<String> problems = new ArrayList<>(DatabaseSizing.checkStandby(primary.database(), standby.database(),
                qualified()));
        Optional<Integer> primaryVcpus = primary.vcpus();
        Optional<Integer> standbyVcpus = standby.vcpus();
        boolean inVcpus = primaryVcpus.isPresent() && standbyVcpus.isPresent();
        int p = inVcpus ? primaryVcpus.orElse(1) : 1;
        int s = inVcpus ? standbyVcpus.orElse(1) : 1;
        String unit = inVcpus ? " vCPUs" : " instances";
        String how = inVcpus ? " (" + standby.instanceType() + " has " + s + " vCPUs, the primary's " + primary.instanceType()
                + " " + p + ")" : (primary.instanceType().equals(standby.instanceType()) ? ""
                : " (compared in instance counts: the vCPUs of " + primary.instanceType() + " or " + standby.instanceType()
                + " do not follow from their size)");
        if (standby.desiredCapacity() * s > primary.desiredCapacity() * p) {
            problems.add(qualified() + ".desiredCapacity: '" + standby.desiredCapacity() + "' x " + standby.instanceType()
                    + " = " + standby.desiredCapacity() * s + unit + " is larger than the primary's "
                    + primary.desiredCapacity() * p + unit + how + "; a warm standby is smaller: lower it to at most "
                    + Math.max(0, primary.desiredCapacity() * p / s));
        }
        if (standby.minSize() * s > primary.minSize() * p) {
            problems.add(qualified() + ".minSize: '" + standby.minSize() + "' x " + standby.instanceType()
                    + " = " + standby.minSize() * s + unit + " is larger than the primary's " + primary.minSize() * p + unit
                    + how + "; a warm standby is smaller: lower it to at most " + Math.max(0, primary.minSize() * p / s));
        }
        if ((long) standby.maxSize() * s < (long) primary.desiredCapacity() * p) {
            int needed = (primary.desiredCapacity() * p + s - 1) / s;
            problems.add(qualified() + ".maxSize: '" + standby.maxSize() + "' x " + standby.instanceType() + " = "
                    + standby.maxSize() * s + unit + " cannot reach the primary's desired " + primary.desiredCapacity() * p + unit
                    + how + "; after a failover the standby carries the full load: raise maxSize to at least " + needed);
        }
        return problems;
    }

    /**
     * The sizing as the primary exports it for the secondary's {@link #checkStandby} (a stack output map of the
     * same fields as the config value).
     */
    public static Map<String, Object> export(Sizing sizing) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("instanceType", sizing.instanceType());
        out.put("minSize", sizing.minSize());
        out.put("desiredCapacity", sizing.desiredCapacity());
        out.put("maxSize", sizing.maxSize());
        out.put("natGateways", sizing.natGateways());
        out.put("dbInstanceClass", sizing.dbInstanceClass());
        out.put("dbInstances", sizing.dbInstances());
        return out;
    }

    /**
     * The primary's sizing read back from its stack output (numbers arrive as doubles), or empty when the output is
     * missing or not of that shape.
     */
    public static Optional<Sizing> fromExport(Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("instanceType") instanceof String type)) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        if (!(map.get("dbInstanceClass") instanceof String dbClass)) {
            return Optional.empty();
        }
        for (String field : List.of("minSize", "desiredCapacity", "maxSize", "natGateways", "dbInstances")) {
            if (!(map.get(field) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                return Optional.empty();
            }
            numbers.add(n.intValue());
        }
        return Optional.of(new Sizing(type, numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3), dbClass,
                numbers.get(4)));
    }

    private static int count(JsonObject object, String field, int fallback, List<String> problems) {
        if (!object.has(field)) {
            return fallback;
        }
        JsonElement value = object.get(field);
        Optional<Integer> number = wholeNumber(value);
        if (number.isEmpty()) {
            problems.add(qualified() + "." + field + ": '" + text(value) + "' is not a whole number; set a number such as "
                    + fallback);
            return fallback;
        }
        if (number.orElse(0) < 0) {
            problems.add(qualified() + "." + field + ": '" + number.orElse(0) + "' is negative; sizes are 0 or more (default "
                    + fallback + ")");
            return fallback;
        }
        return number.orElse(fallback);
    }

    /** A JSON number or numeric string without a fraction, within int range (stack files may quote numbers). */
    private static Optional<Integer> wholeNumber(JsonElement value) {
        if (value == null || !value.isJsonPrimitive()) {
            return Optional.empty();
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return Optional.empty();
        }
        try {
            BigDecimal decimal = new BigDecimal(primitive.getAsString().trim());
            return Optional.of(decimal.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static boolean isString(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static String text(JsonElement value) {
        return isString(value) ? value.getAsString() : String.valueOf(value);
    }

    private static String qualified() {
        return SettingsReader.NS + ":" + KEY;
    }
}
