package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and checks {@code multiregion:interRegion}, one structured value, the same in both stack files:
 * <pre>
 * multiregion:interRegion:
 *   enabled: true          # default true
 *   primaryAsn: 64512      # A's gateway; default 64512
 *   secondaryAsn: 64513    # B's gateway; default 64513
 * </pre>
 * Every field is optional ({@link InterRegionSettings#DEFAULTS}). Both ASNs are checked whether or not the network
 * is enabled, so that switching it on later never meets a value AWS refuses.
 */
public final class InterRegionReader {
    private InterRegionReader() {
    }

    /** The key this reader owns, without the {@code multiregion:} namespace. */
    public static final String KEY = "interRegion";
    /** The fields of the structured value. */
    public static final List<String> FIELDS = List.of("enabled", "primaryAsn", "secondaryAsn");

    /*
     * A transit gateway's Amazon-side ASN is a private ASN: "The range is 64512 to 65534 for 16-bit ASNs and
     * 4200000000 to 4294967294 for 32-bit ASNs" (EC2 API Reference, TransitGatewayRequestOptions, AmazonSideAsn).
     */
    public static final long ASN_16_MIN = 64512;
    public static final long ASN_16_MAX = 65534;
    public static final long ASN_32_MIN = 4_200_000_000L;
    public static final long ASN_32_MAX = 4_294_967_294L;

    private static final String QUALIFIED = SettingsReader.NS + ":" + KEY;
    private static final String RANGES = ASN_16_MIN + " to " + ASN_16_MAX + " or " + ASN_32_MIN + " to " + ASN_32_MAX
            + " (EC2 API Reference, TransitGatewayRequestOptions, AmazonSideAsn)";

    /** Whether AWS accepts this number as a transit gateway's Amazon-side ASN. */
    public static boolean isPrivateAsn(long asn) {
        return asn >= ASN_16_MIN && asn <= ASN_16_MAX || asn >= ASN_32_MIN && asn <= ASN_32_MAX;
    }

    /**
     * The settings, adding every problem (key, bad value, fix) to {@code problems}; when any is found, the result is
     * {@link InterRegionSettings#DEFAULTS} (callers stop at the first non-empty problem list).
     */
    public static InterRegionSettings read(ConfigSource source, List<String> problems) {
        List<String> found = new ArrayList<>();
        Optional<JsonObject> given = StructuredValue.read(source, KEY, FIELDS, "a field of " + QUALIFIED,
                "set it as a map in both stack files, e.g. {enabled: true, primaryAsn: 64512, secondaryAsn: 64513}", found);
        InterRegionSettings settings = given.map(object -> parse(object, found)).orElse(InterRegionSettings.DEFAULTS);
        problems.addAll(found);
        return found.isEmpty() ? settings : InterRegionSettings.DEFAULTS;
    }

    private static InterRegionSettings parse(JsonObject object, List<String> problems) {
        boolean enabled = bool(object, "enabled", InterRegionSettings.DEFAULTS.enabled(), problems);
        Optional<Long> primary = asn(object, "primaryAsn", InterRegionSettings.DEFAULT_PRIMARY_ASN, problems);
        Optional<Long> secondary = asn(object, "secondaryAsn", InterRegionSettings.DEFAULT_SECONDARY_ASN, problems);
        if (primary.isPresent() && secondary.isPresent() && primary.get().equals(secondary.get())) {
            long other = primary.get() == InterRegionSettings.DEFAULT_PRIMARY_ASN
                    ? InterRegionSettings.DEFAULT_SECONDARY_ASN : InterRegionSettings.DEFAULT_PRIMARY_ASN;
            problems.add(QUALIFIED + ".secondaryAsn: '" + secondary.get() + "' is primaryAsn too; give each gateway its own "
                    + "ASN, as AWS recommends for peered transit gateways (Transit Gateway Guide, \"Transit gateway peering "
                    + "attachments\"), e.g. " + other);
        }
        return new InterRegionSettings(enabled, primary.orElse(InterRegionSettings.DEFAULT_PRIMARY_ASN),
                secondary.orElse(InterRegionSettings.DEFAULT_SECONDARY_ASN));
    }

    private static boolean bool(JsonObject object, String field, boolean fallback, List<String> problems) {
        JsonElement element = object.get(field);
        if (element == null || element.isJsonNull()) {
            return fallback;
        }
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            if (primitive.isBoolean()) {
                return primitive.getAsBoolean();
            }
            // pulumi config set --path without --type bool stores the text
            String text = primitive.getAsString().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
        }
        problems.add(QUALIFIED + "." + field + ": '" + text(element) + "' is not true or false; set true to build the "
                + "inter-region network or false to build none of it");
        return fallback;
    }

    /** The ASN of a field, its default when unset, or empty with a problem when it is not one AWS accepts. */
    private static Optional<Long> asn(JsonObject object, String field, long fallback, List<String> problems) {
        JsonElement element = object.get(field);
        if (element == null || element.isJsonNull()) {
            return Optional.of(fallback);
        }
        String text = text(element);
        if (!element.isJsonPrimitive() || !text.matches("^[0-9]{1,10}$")) {
            problems.add(QUALIFIED + "." + field + ": '" + text + "' is not a whole number; set a private ASN, "
                    + RANGES + ", e.g. " + fallback);
            return Optional.empty();
        }
        long asn = Long.parseLong(text);
        if (!isPrivateAsn(asn)) {
            problems.add(QUALIFIED + "." + field + ": '" + asn + "' is not a private ASN AWS accepts for a transit gateway; "
                    + "use " + RANGES + ", e.g. " + fallback);
            return Optional.empty();
        }
        return Optional.of(asn);
    }

    private static String text(JsonElement element) {
        return element.isJsonPrimitive() ? element.getAsString() : element.toString();
    }

    /**
     * The value both stacks export as {@code interRegion}: the settings, and when enabled the subnets the database
     * flow joins, as this stack derives them from its own {@code multiregion:network}.
     */
    public static Map<String, Object> export(InterRegionSettings settings, NetworkSettings network) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", settings.enabled());
        // a stack output number is a double (the engine's only number type), which holds every ASN exactly
        out.put("primaryAsn", (double) settings.primaryAsn());
        out.put("secondaryAsn", (double) settings.secondaryAsn());
        if (settings.enabled()) {
            out.put("databaseSubnets", InterRegionSettings.databaseSubnets(network));
            out.put("applicationSubnets", InterRegionSettings.applicationSubnets(network));
        }
        return out;
    }

    /** Whether a value read from a stack has the shape of {@link #export}. */
    public static boolean fitsExport(Object value) {
        return value instanceof Map<?, ?> m && m.get("enabled") instanceof Boolean
                && m.get("primaryAsn") instanceof Number && m.get("secondaryAsn") instanceof Number;
    }

    /**
     * Where the secondary's settings disagree with those the primary stack deployed: one problem per disagreement,
     * empty when they agree. A secondary that turns the network off while the primary still runs it is no problem:
     * that is the first step of switching it off ({@link #warningsAgainstPrimary}).
     *
     * @param mine         the secondary's settings
     * @param network      the secondary's network settings (the subnets it derives from them)
     * @param theirs       the primary's {@code interRegion} output, of the shape of {@link #export}
     * @param primaryStack the primary stack's name, for the messages
     */
    public static List<String> checkAgainstPrimary(InterRegionSettings mine, NetworkSettings network, Map<?, ?> theirs,
                                                   String primaryStack) {
        List<String> problems = new ArrayList<>();
        boolean theirsEnabled = Boolean.TRUE.equals(theirs.get("enabled"));
        if (mine.enabled() && !theirsEnabled) {
            problems.add(QUALIFIED + ".enabled: 'true' disagrees with the primary stack " + primaryStack + ", which was "
                    + "deployed without the inter-region network; B's VPC attaches to the gateway that the primary builds in "
                    + "B: set the same " + QUALIFIED + " in both stack files and run pulumi up -s primary first");
        }
        asnDisagreement("primaryAsn", mine.primaryAsn(), theirs.get("primaryAsn"), primaryStack).ifPresent(problems::add);
        asnDisagreement("secondaryAsn", mine.secondaryAsn(), theirs.get("secondaryAsn"), primaryStack)
                .ifPresent(problems::add);
        if (mine.enabled() && theirsEnabled) {
            Map<String, Object> derived = export(mine, network);
            subnetDisagreement("primary", "the database subnets of A", derived.get("databaseSubnets"),
                    theirs.get("databaseSubnets"), primaryStack).ifPresent(problems::add);
            subnetDisagreement("secondary", "B's application subnets", derived.get("applicationSubnets"),
                    theirs.get("applicationSubnets"), primaryStack).ifPresent(problems::add);
        }
        return problems;
    }

    /** What the secondary should know about the primary's settings that is no problem: a switch-off in progress. */
    public static List<String> warningsAgainstPrimary(InterRegionSettings mine, Map<?, ?> theirs, String primaryStack) {
        if (!mine.enabled() && Boolean.TRUE.equals(theirs.get("enabled"))) {
            return List.of(QUALIFIED + ".enabled is false here, but the primary stack " + primaryStack + " still runs the "
                    + "inter-region network: this update removes B's attachment, its routes and B's flow to A's database; "
                    + "then set the same value in Pulumi.primary.yaml and run pulumi up -s primary to remove the gateways "
                    + "and their peering");
        }
        return List.of();
    }

    private static Optional<String> asnDisagreement(String field, long mine, Object theirs, String primaryStack) {
        if (theirs instanceof Number n && n.longValue() != mine) {
            return Optional.of(QUALIFIED + "." + field + ": '" + mine + "' disagrees with the primary stack " + primaryStack
                    + ", which uses " + n.longValue() + "; set the same " + QUALIFIED + " in both stack files");
        }
        return Optional.empty();
    }

    private static Optional<String> subnetDisagreement(String region, String what, Object mine, Object theirs,
                                                      String primaryStack) {
        if (!(theirs instanceof List<?> list) || Objects.equals(mine, list.stream().map(String::valueOf).toList())) {
            return Optional.empty();
        }
        return Optional.of(SettingsReader.NS + ":network." + region + ": " + what + " are " + mine + " here, but the primary "
                + "stack " + primaryStack + " opened the database flow for " + theirs + "; set the same multiregion:network "
                + "(cidr and zones) in both stack files");
    }
}
