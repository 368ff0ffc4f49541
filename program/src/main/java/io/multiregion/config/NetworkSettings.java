package io.multiregion.config;

import com.google.gson.JsonObject;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The network of both regions, from the structured value {@code multiregion:network}, set identically in both stack
 * files so that each stack knows both VPC blocks:
 * <pre>
 * multiregion:network:
 *   primary:
 *     cidr: 10.10.0.0/16
 *     zones: 3
 *     availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]   # optional
 *   secondary:
 *     cidr: 10.20.0.0/16
 *     zones: 2
 *   flowLogRetentionDays: 365
 * </pre>
 * Every field is optional ({@link #DEFAULTS}). Each stack builds its own region's VPC and checks it against the other's.
 *
 * @param primary              region A's VPC
 * @param secondary            region B's VPC
 * @param flowLogRetentionDays days CloudWatch Logs keeps VPC flow log records (a value PutRetentionPolicy accepts)
 */
public record NetworkSettings(RegionNetwork primary, RegionNetwork secondary, int flowLogRetentionDays) {

    /**
     * Subnets in at least two zones: an Application Load Balancer needs subnets in at least two Availability Zones
     * (ELB User Guide for ALBs, "Availability Zones for your Application Load Balancer"; FSBP ELB.13), and so do an
     * Aurora DB subnet group (Aurora User Guide, "Working with a DB cluster in a VPC") and FSBP AutoScaling.2. At most
     * six: us-east-1 has six (AWS Global Infrastructure, "Regions and Availability Zones").
     */
    public static final int MIN_ZONES = 2;
    public static final int MAX_ZONES = 6;
    /** An availability zone name: its region code and one letter ({@code eu-west-1a}). */
    private static final Pattern ZONE = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}[a-z]$");

    static final Field<String> CIDR = Field.text("cidr", null).hint("write the block as text, e.g. 10.10.0.0/16")
            .doc("The VPC's IPv4 block of that region: RFC 1918 space only, `/16` to `/28` (Amazon VPC User Guide, "
                    + "\"VPC CIDR blocks\"), no host bits, large enough for the subnets of its zones; the two blocks must "
                    + "not overlap. The secondary refuses blocks that disagree with the primary's exported `network`.");
    static final Field<Integer> ZONES = Field.whole("zones", null).range(MIN_ZONES, MAX_ZONES, "use at least " + MIN_ZONES
            + " zones (load balancer and failover within the region) and at most " + MAX_ZONES + " (the most any region has)")
            .doc("Availability zones that get subnets, 2 to 6.");
    static final Field<List<String>> AVAILABILITY_ZONES = zoneNames(Optional.empty());
    /** Region A's default VPC: {@code 10.10.0.0/16} in 3 zones, zones from the data source. */
    private static final RegionNetwork PRIMARY_DEFAULT = new RegionNetwork("10.10.0.0/16", 3, Optional.empty());
    /** Region B's default VPC: {@code 10.20.0.0/16} in 2 zones (a warm standby), zones from the data source. */
    private static final RegionNetwork SECONDARY_DEFAULT = new RegionNetwork("10.20.0.0/16", 2, Optional.empty());
    static final Field<JsonObject> PRIMARY = Field.object("primary", regionFields(PRIMARY_DEFAULT), "{cidr: "
            + PRIMARY_DEFAULT.cidr() + ", zones: " + PRIMARY_DEFAULT.zones() + "}");
    static final Field<JsonObject> SECONDARY = Field.object("secondary", regionFields(SECONDARY_DEFAULT), "{cidr: "
            + SECONDARY_DEFAULT.cidr() + ", zones: " + SECONDARY_DEFAULT.zones() + "}");
    static final Field<Integer> FLOW_LOG_RETENTION = StorageSettings.LOG_RETENTION.renamed("flowLogRetentionDays")
            .doc("Retention of the VPC flow-log groups; one of the values CloudWatch Logs accepts.");
    static final Field<JsonObject> KEY = Field.object("network", List.of(PRIMARY, SECONDARY, FLOW_LOG_RETENTION),
            "{primary: {cidr: 10.10.0.0/16, zones: 3}, secondary: {cidr: 10.20.0.0/16, zones: 2}, flowLogRetentionDays: 365}")
            .shownDefault("see below")
            .doc("Both regions' VPCs and the flow-log retention. Same value in both stack files.");

    /** Every default: A {@code 10.10.0.0/16} in 3 zones, B {@code 10.20.0.0/16} in 2, zones from the data source. */
    public static final NetworkSettings DEFAULTS = new NetworkSettings(PRIMARY_DEFAULT, SECONDARY_DEFAULT,
            FLOW_LOG_RETENTION.fallback());

    public NetworkSettings {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(secondary, "secondary");
    }

    /** The network of the stack with this role. */
    public RegionNetwork of(Role role) {
        return role == Role.PRIMARY ? primary : secondary;
    }

    /**
     * One region's VPC.
     *
     * @param cidr              the VPC's IPv4 block, /16 to /28, in RFC 1918 space
     * @param zones             how many availability zones get subnets (2 to 6)
     * @param availabilityZones the zones by name; empty: the first {@code zones} available zones the region reports
     */
    public record RegionNetwork(String cidr, int zones, Optional<List<String>> availabilityZones) {
        public RegionNetwork {
            Objects.requireNonNull(cidr, "cidr");
            availabilityZones = availabilityZones.map(List::copyOf);
            if (availabilityZones.map(List::size).filter(n -> n != zones).isPresent()) {
                throw new IllegalArgumentException("availabilityZones must name exactly " + zones + " zones");
            }
        }
    }

    /** The fields of one region's VPC, with that region's defaults as the configuration reference shows them. */
    private static List<Field<?>> regionFields(RegionNetwork defaults) {
        return List.of(CIDR.shownDefault("`" + defaults.cidr() + "`"), ZONES.shownDefault("`" + defaults.zones() + "`"),
                AVAILABILITY_ZONES);
    }

    /** The zone names of a region: at least two, each once, of that region when it is known. */
    private static Field<List<String>> zoneNames(Optional<AwsRegion> region) {
        String example = region.map(AwsRegion::code).orElse("eu-west-1");
        return Field.texts("availabilityZones", null, name -> !ZONE.matcher(name).matches()
                ? List.of(Problem.of(Problem.Kind.MALFORMED, "is not an availability zone name", "write the region code and "
                + "the zone letter, e.g. " + example + "a"))
                : region.filter(r -> !name.matches("^" + Pattern.quote(r.code()) + "[a-z]$")).map(r -> List.of(Problem.of(
                Problem.Kind.CONFLICT, "is not a zone of " + r.code(), "use zones of that region, e.g. " + example + "a")))
                .orElse(List.of()), true)
                .rule(names -> names.size() >= MIN_ZONES, Problem.Kind.OUT_OF_RANGE, "names fewer than " + MIN_ZONES
                        + " zones", "list at least " + MIN_ZONES)
                .hint("list zone names, e.g. [" + example + "a, " + example + "b], or leave it out to use the zones the "
                        + "region reports")
            .doc("Zone names of that region (`eu-west-1a`), each once, at least 2; `zones` must then equal their "
                    + "number. Unset: the first `zones` available zones the region reports (a data source; an empty answer "
                    + "is an error).");
    }

    /** The network settings; when any problem is found, {@link #DEFAULTS}, so that later checks are not reported twice. */
    static NetworkSettings read(Fields in, StackContext stack) {
        Fields network = in.object(KEY);
        Fields inA = network.object(PRIMARY);
        Fields inB = network.object(SECONDARY);
        RegionNetwork a = region(inA, DEFAULTS.primary, stack.primaryRegion());
        RegionNetwork b = region(inB, DEFAULTS.secondary, stack.secondaryRegion());
        if (SubnetPlan.overlap(a.cidr(), b.cidr())) {
            inB.add(CIDR, b.cidr(), Problem.Kind.CONFLICT, "overlaps the primary's " + a.cidr(),
                    "the two VPCs are routed to each other, so give them disjoint blocks (e.g. 10.10.0.0/16 and 10.20.0.0/16)");
        }
        int retention = network.get(FLOW_LOG_RETENTION);
        return network.clean() ? new NetworkSettings(a, b, retention) : DEFAULTS;
    }

    private static RegionNetwork region(Fields in, RegionNetwork fallback, Optional<AwsRegion> region) {
        String cidr = in.get(CIDR, fallback.cidr());
        Field<List<String>> zoneNames = zoneNames(region);
        Optional<List<String>> names = in.find(zoneNames);
        Optional<Integer> given = in.find(ZONES);
        int zones = given.orElse(names.map(List::size).orElse(fallback.zones()));
        boolean zonesOk = given.isPresent() == in.has(ZONES) && names.isPresent() == in.has(zoneNames);
        if (given.isPresent() && names.isPresent() && names.orElseThrow().size() != zones) {
            in.add(ZONES, zones, Problem.Kind.CONFLICT, "disagrees with the " + names.orElseThrow().size()
                    + " availabilityZones listed", "set zones to " + names.orElseThrow().size() + " or leave it out");
            zonesOk = false;
        }
        SubnetPlan.problems(cidr, zonesOk ? zones : MIN_ZONES).forEach(p -> in.add(CIDR, p.value() == null ? cidr
                : p.value(), p.kind(), p.message(), p.fix()));
        return zonesOk ? new RegionNetwork(cidr, zones, names) : fallback;
    }

    /**
     * Where the secondary's network settings disagree with the VPC blocks the primary stack deployed (both stacks must
     * route to the same two blocks): one problem per differing block, none when they agree.
     *
     * @param mine      the secondary stack's settings
     * @param primary   A's VPC block, as the primary stack exports it
     * @param secondary B's VPC block, as the primary stack read it from its own file
     */
    public static List<Problem> checkAgainstPrimary(NetworkSettings mine, String primary, String secondary) {
        return Stream.of(disagreement("primary", mine.primary().cidr(), primary),
                disagreement("secondary", mine.secondary().cidr(), secondary)).flatMap(Optional::stream).toList();
    }

    private static Optional<Problem> disagreement(String region, String mine, String deployed) {
        return mine.equals(deployed) ? Optional.empty() : Optional.of(new Problem("multiregion:network." + region + ".cidr",
                mine, Problem.Kind.DISAGREES_WITH_PRIMARY, "disagrees with the primary stack, which uses " + deployed,
                "set the same multiregion:network value in Pulumi.primary.yaml and Pulumi.secondary.yaml"));
    }
}
