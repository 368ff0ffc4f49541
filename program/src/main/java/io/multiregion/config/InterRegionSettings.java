package io.multiregion.config;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The inter-region network, from the structured value {@code multiregion:interRegion} (set identically in both stack
 * files): a Transit Gateway per region, peered, each region's VPC attached to its own gateway, and routes between the
 * two VPC blocks.
 * <pre>
 * multiregion:interRegion:
 *   enabled: true          # the gateways cost nothing idle, but each attachment is billed per hour
 *   primaryAsn: 64512      # A's gateway: AWS's own default for a transit gateway
 *   secondaryAsn: 64513    # B's gateway, distinct from A's
 * </pre>
 * Every field is optional ({@link #DEFAULTS}); see docs/inter-region-network.md for the costs. Without the network the
 * application in B cannot write to the database writer in A while A is healthy. Both ASNs are checked whether or not
 * the network is enabled, so that switching it on later never meets a value AWS refuses.
 *
 * @param enabled      build the inter-region network and open the database flow across it
 * @param primaryAsn   the Amazon-side ASN of A's gateway, a private ASN ({@link #isPrivateAsn})
 * @param secondaryAsn the Amazon-side ASN of B's gateway, a private ASN other than {@code primaryAsn}
 */
public record InterRegionSettings(boolean enabled, long primaryAsn, long secondaryAsn) {

    /*
     * A transit gateway's Amazon-side ASN is a private ASN: "The range is 64512 to 65534 for 16-bit ASNs and
     * 4200000000 to 4294967294 for 32-bit ASNs" (EC2 API Reference, TransitGatewayRequestOptions, AmazonSideAsn).
     */
    private static final String RANGES = "64512 to 65534 or 4200000000 to 4294967294 (EC2 API Reference, "
            + "TransitGatewayRequestOptions, AmazonSideAsn)";

    static final Field<Boolean> ENABLED = Field.bool("enabled", true)
            .hint("set true to build the inter-region network or false to build none of it")
            .doc("Build the inter-region network: a Transit Gateway per region (both in the primary stack) with their "
                    + "peering, each region's VPC attached to its gateway in its private subnets, routes between the two "
                    + "VPC blocks, and one flow across the peering (B's application subnets to A's database port). Off: "
                    + "none of it exists. It costs attachment-hours whether or not traffic flows (about $146 a month at "
                    + "$0.05 per attachment-hour, see [inter-region-network.md](inter-region-network.md)). Switching on: "
                    + "primary first; switching off: secondary first.");
    static final Field<Long> PRIMARY_ASN = asn("primaryAsn", 64512L)
            .doc("The Amazon-side ASN of A's gateway: a private ASN, 64512 to 65534 or 4200000000 to 4294967294 "
                    + "(EC2 API Reference, TransitGatewayRequestOptions), different from `secondaryAsn` (AWS "
                    + "recommends a unique ASN per peered gateway).");
    static final Field<Long> SECONDARY_ASN = asn("secondaryAsn", 64513L)
            .doc("The Amazon-side ASN of B's gateway: the same ranges, different from `primaryAsn`.");
    static final Field<JsonObject> KEY = Field.object("interRegion", List.of(ENABLED, PRIMARY_ASN, SECONDARY_ASN),
            "{enabled: true, primaryAsn: 64512, secondaryAsn: 64513}")
            .shownDefault("see below (on)")
            .doc("The inter-region network: on or off, and both transit gateways' ASNs. Same value in both stack "
                    + "files.");

    public static final InterRegionSettings DEFAULTS = new InterRegionSettings(ENABLED.fallback(), PRIMARY_ASN.fallback(),
            SECONDARY_ASN.fallback());

    private static Field<Long> asn(String name, long fallback) {
        return Field.wholeLong(name, fallback).hint("set a private ASN, " + RANGES + ", e.g. " + fallback)
                .rule(InterRegionSettings::isPrivateAsn, Problem.Kind.OUT_OF_RANGE, "is not a private ASN AWS accepts for "
                        + "a transit gateway", "use " + RANGES + ", e.g. " + fallback);
    }

    /** Whether AWS accepts this number as a transit gateway's Amazon-side ASN. */
    public static boolean isPrivateAsn(long asn) {
        return asn >= 64512 && asn <= 65534 || asn >= 4_200_000_000L && asn <= 4_294_967_294L;
    }

    /** The settings; when any problem is found, {@link #DEFAULTS}, so that later checks are not reported twice. */
    static InterRegionSettings read(Fields in) {
        Fields o = in.object(KEY);
        InterRegionSettings read = new InterRegionSettings(o.get(ENABLED), o.get(PRIMARY_ASN), o.get(SECONDARY_ASN));
        if (o.clean() && read.primaryAsn() == read.secondaryAsn()) {
            long other = read.primaryAsn() == DEFAULTS.primaryAsn ? DEFAULTS.secondaryAsn : DEFAULTS.primaryAsn;
            o.add(SECONDARY_ASN, read.secondaryAsn(), Problem.Kind.CONFLICT, "is primaryAsn too", "give each gateway its "
                    + "own ASN, as AWS recommends for peered transit gateways (Transit Gateway Guide, \"Transit gateway "
                    + "peering attachments\"), e.g. " + other);
        }
        return o.clean() ? read : DEFAULTS;
    }

    /**
     * The subnets whose clients cross the peering to the database writer in A: B's private (application) subnets,
     * one per zone of B. A's database admits exactly these blocks on its port: security groups cannot reference a
     * group across an inter-Region peering, so the rule names addresses, narrowed to the application tier.
     */
    public static List<String> applicationSubnets(NetworkSettings network) {
        NetworkSettings.RegionNetwork b = network.secondary();
        return SubnetPlan.of(b.cidr(), b.zones()).privateCidrs();
    }

    /**
     * The subnets that hold the database writer in A: A's isolated (data) subnets, one per zone of A. B's application
     * tier may reach exactly these blocks on the database port.
     */
    public static List<String> databaseSubnets(NetworkSettings network) {
        NetworkSettings.RegionNetwork a = network.primary();
        return SubnetPlan.of(a.cidr(), a.zones()).isolatedCidrs();
    }

    /**
     * The value both stacks export as {@code interRegion}: the settings, and when enabled the subnets the database
     * flow joins, as this stack derives them from its own {@code multiregion:network}.
     */
    public Map<String, Object> export(NetworkSettings network) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", enabled);
        // a stack output number is a double (the engine's only number type), which holds every ASN exactly
        out.put("primaryAsn", (double) primaryAsn);
        out.put("secondaryAsn", (double) secondaryAsn);
        if (enabled) {
            out.put("databaseSubnets", databaseSubnets(network));
            out.put("applicationSubnets", applicationSubnets(network));
        }
        return out;
    }

    /** Whether a value read from a stack has the shape of {@link #export}. */
    public static boolean fitsExport(Object value) {
        return value instanceof Map<?, ?> m && m.get("enabled") instanceof Boolean
                && m.get("primaryAsn") instanceof Number && m.get("secondaryAsn") instanceof Number;
    }

    /**
     * Where this (the secondary's) value disagrees with the one the primary stack deployed: a problem per disagreement,
     * none when they agree. A secondary that turns the network off while the primary still runs it is no problem: that
     * is the first step of switching it off ({@link #warningsAgainstPrimary}).
     *
     * @param network      the secondary's network settings (the subnets it derives from them)
     * @param theirs       the primary's {@code interRegion} output, of the shape of {@link #export}
     * @param primaryStack the primary stack's name, for the messages
     */
    public List<Problem> checkAgainstPrimary(NetworkSettings network, Map<?, ?> theirs, String primaryStack) {
        List<Problem> problems = new ArrayList<>();
        boolean theirsEnabled = Boolean.TRUE.equals(theirs.get("enabled"));
        String key = "multiregion:" + KEY.name();
        if (enabled && !theirsEnabled) {
            problems.add(new Problem(key + ".enabled", "true", Problem.Kind.DISAGREES_WITH_PRIMARY, "disagrees with the "
                    + "primary stack " + primaryStack + ", which was deployed without the inter-region network; B's VPC "
                    + "attaches to the gateway that the primary builds in B", "set the same " + key + " in both stack "
                    + "files and run pulumi up -s primary first"));
        }
        for (Field<Long> asn : List.of(PRIMARY_ASN, SECONDARY_ASN)) {
            long mine = asn == PRIMARY_ASN ? primaryAsn : secondaryAsn;
            if (theirs.get(asn.name()) instanceof Number n && n.longValue() != mine) {
                problems.add(new Problem(key + "." + asn.name(), String.valueOf(mine),
                        Problem.Kind.DISAGREES_WITH_PRIMARY, "disagrees with the primary stack " + primaryStack
                        + ", which uses " + n.longValue(), "set the same " + key + " in both stack files"));
            }
        }
        if (enabled && theirsEnabled) {
            Map<String, Object> derived = export(network);
            subnets("primary", "the database subnets of A", derived.get("databaseSubnets"), theirs.get("databaseSubnets"),
                    primaryStack).ifPresent(problems::add);
            subnets("secondary", "B's application subnets", derived.get("applicationSubnets"),
                    theirs.get("applicationSubnets"), primaryStack).ifPresent(problems::add);
        }
        return problems;
    }

    /** What the secondary should know about the primary's value that is no problem: a switch-off in progress. */
    public List<Problem> warningsAgainstPrimary(Map<?, ?> theirs, String primaryStack) {
        if (!enabled && Boolean.TRUE.equals(theirs.get("enabled"))) {
            return List.of(new Problem("multiregion:" + KEY.name() + ".enabled", "false", Problem.Kind.DISAGREES_WITH_PRIMARY,
                    "is set here, but the primary stack " + primaryStack + " still runs the inter-region network: this "
                    + "update removes B's attachment, its routes and B's flow to A's database", "then set the same value "
                    + "in Pulumi.primary.yaml and run pulumi up -s primary to remove the gateways and their peering"));
        }
        return List.of();
    }

    private static Optional<Problem> subnets(String region, String what, Object mine, Object theirs, String primaryStack) {
        if (!(theirs instanceof List<?> list) || Objects.equals(mine, list.stream().map(String::valueOf).toList())) {
            return Optional.empty();
        }
        return Optional.of(new Problem("multiregion:network." + region, null, Problem.Kind.DISAGREES_WITH_PRIMARY, what
                + " are " + mine + " here, but the primary stack " + primaryStack + " opened the database flow for "
                + theirs, "set the same multiregion:network (cidr and zones) in both stack files"));
    }
}
