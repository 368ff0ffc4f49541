package io.multiregion.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.multiregion.regions.AwsRegion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the network concern, the structured value {@code multiregion:network}:
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
 * Every field is optional; the defaults are those of {@link NetworkSettings}. Set the value identically in both
 * stack files: each stack builds its own region's VPC and checks it against the other's.
 */
public final class NetworkReader {
    private NetworkReader() {
    }

    /** The short key names this reader reads, in the {@code multiregion} namespace. */
    public static final Set<String> KEYS = Set.of("network");

    static final String KEY = SettingsReader.NS + ":network";
    /** The fields of the structured value. */
    public static final List<String> TOP_FIELDS = List.of("primary", "secondary", "flowLogRetentionDays");
    /** The fields of each region's part ({@code primary}, {@code secondary}). */
    public static final List<String> REGION_FIELDS = List.of("cidr", "zones", "availabilityZones");
    /**
     * Subnets in at least two zones: an Application Load Balancer needs subnets in at least two Availability Zones
     * (ELB User Guide for ALBs, "Availability Zones for your Application Load Balancer"; FSBP ELB.13), and so do an
     * Aurora DB subnet group (Aurora User Guide, "Working with a DB cluster in a VPC") and FSBP AutoScaling.2.
     */
    public static final int MIN_ZONES = 2;
    /** The most availability zones a region has: us-east-1 has six (AWS Global Infrastructure, "Regions and Availability Zones"). */
    public static final int MAX_ZONES = 6;
    /** An availability zone name: its region code and one letter ({@code eu-west-1a}). */
    private static final Pattern ZONE = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}[a-z]$");

    /**
     * The network settings, adding every problem (key, bad value, fix) to {@code problems}; when any is found,
     * the result is {@link NetworkSettings#DEFAULTS} (callers stop at the first non-empty problem list).
     */
    public static NetworkSettings read(ConfigSource source, List<String> problems) {
        List<String> found = new ArrayList<>();
        NetworkSettings settings = parse(source, found);
        problems.addAll(found);
        return found.isEmpty() ? settings : NetworkSettings.DEFAULTS;
    }

    private static NetworkSettings parse(ConfigSource source, List<String> problems) {
        Optional<String> raw = source.get(KEY).filter(v -> !v.isBlank());
        if (raw.isEmpty()) {
            return NetworkSettings.DEFAULTS;
        }
        Optional<JsonElement> parsed = StructuredValue.parse(raw.get());
        if (parsed.isEmpty()) {
            problems.add(KEY + ": '" + raw.get() + "' is not valid structured config; set it as an object with primary, "
                    + "secondary and flowLogRetentionDays (README, Configuration reference)");
            return NetworkSettings.DEFAULTS;
        }
        if (!parsed.get().isJsonObject()) {
            problems.add(KEY + ": '" + raw.get() + "' is not an object; set it as {primary: {cidr, zones}, secondary: "
                    + "{cidr, zones}, flowLogRetentionDays} (README, Configuration reference)");
            return NetworkSettings.DEFAULTS;
        }
        JsonObject root = parsed.get().getAsJsonObject();
        unknownFields(root, KEY, TOP_FIELDS, problems);
        Optional<AwsRegion> primaryRegion = source.get(SettingsReader.NS + ":primaryRegion").flatMap(AwsRegion::parse);
        Optional<AwsRegion> secondaryRegion = source.get(SettingsReader.NS + ":secondaryRegion").flatMap(AwsRegion::parse);
        NetworkSettings.RegionNetwork primary = region(root, "primary", NetworkSettings.DEFAULTS.primary(), primaryRegion, problems);
        NetworkSettings.RegionNetwork secondary = region(root, "secondary", NetworkSettings.DEFAULTS.secondary(), secondaryRegion,
                problems);
        if (SubnetPlan.overlap(primary.cidr(), secondary.cidr())) {
            problems.add(KEY + ".secondary.cidr: '" + secondary.cidr() + "' overlaps the primary's " + primary.cidr()
                    + "; the two VPCs are routed to each other, so give them disjoint blocks (e.g. 10.10.0.0/16 and 10.20.0.0/16)");
        }
        int retention = integer(root, "flowLogRetentionDays", KEY + ".flowLogRetentionDays",
                NetworkSettings.DEFAULT_FLOW_LOG_RETENTION_DAYS, problems);
        if (!StorageReader.LOG_RETENTION_DAYS.contains(retention)) {
            problems.add(KEY + ".flowLogRetentionDays: '" + retention + "' is not a retention CloudWatch Logs accepts; use one of "
                    + StorageReader.LOG_RETENTION_DAYS.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return new NetworkSettings(primary, secondary, retention);
    }

    private static NetworkSettings.RegionNetwork region(JsonObject root, String field, NetworkSettings.RegionNetwork fallback,
                                                        Optional<AwsRegion> region, List<String> problems) {
        String path = KEY + "." + field;
        JsonElement element = root.get(field);
        if (element == null || element.isJsonNull()) {
            return fallback;
        }
        if (!element.isJsonObject()) {
            problems.add(path + ": '" + element + "' is not an object; set it as {cidr: 10.x.0.0/16, zones: 3}");
            return fallback;
        }
        JsonObject object = element.getAsJsonObject();
        unknownFields(object, path, REGION_FIELDS, problems);

        String cidr = fallback.cidr();
        JsonElement cidrElement = object.get("cidr");
        if (cidrElement != null) {
            if (cidrElement.isJsonPrimitive() && cidrElement.getAsJsonPrimitive().isString()) {
                cidr = cidrElement.getAsString();
            } else {
                problems.add(path + ".cidr: '" + cidrElement + "' is not a string; write the block as text, e.g. 10.10.0.0/16");
            }
        }

        Optional<List<String>> zoneNames = zoneNames(object, path, region, problems);
        boolean countGiven = object.has("zones");
        int zones = integer(object, "zones", path + ".zones", zoneNames.map(List::size).orElse(fallback.zones()), problems);
        boolean zonesOk = true;
        if (zones < MIN_ZONES || zones > MAX_ZONES) {
            problems.add(path + ".zones: '" + zones + "' is outside " + MIN_ZONES + " to " + MAX_ZONES + "; use at least "
                    + MIN_ZONES + " zones (load balancer and failover within the region) and at most " + MAX_ZONES
                    + " (the most any region has)");
            zonesOk = false;
        }
        if (countGiven && zoneNames.isPresent() && zoneNames.get().size() != zones) {
            problems.add(path + ".zones: '" + zones + "' disagrees with the " + zoneNames.get().size()
                    + " availabilityZones listed; set zones to " + zoneNames.get().size() + " or leave it out");
            zonesOk = false;
        }
        if (zoneNames.isPresent() && zoneNames.get().size() < MIN_ZONES) {
            zonesOk = false;
        }
        if (zonesOk) {
            for (String problem : SubnetPlan.problems(cidr, zones)) {
                problems.add(path + ".cidr: " + problem);
            }
        } else {
            SubnetPlan.problems(cidr, MIN_ZONES).forEach(problem -> problems.add(path + ".cidr: " + problem));
        }
        if (!zonesOk) {
            return fallback;
        }
        return new NetworkSettings.RegionNetwork(cidr, zones, zoneNames);
    }

    private static Optional<List<String>> zoneNames(JsonObject object, String path, Optional<AwsRegion> region,
                                                    List<String> problems) {
        JsonElement element = object.get("availabilityZones");
        if (element == null || element.isJsonNull()) {
            return Optional.empty();
        }
        String key = path + ".availabilityZones";
        if (!element.isJsonArray()) {
            problems.add(key + ": '" + element + "' is not a list; list zone names, e.g. [" + example(region, 'a') + ", "
                    + example(region, 'b') + "], or leave it out to use the zones the region reports");
            return Optional.empty();
        }
        JsonArray array = element.getAsJsonArray();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonElement item : array) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                problems.add(key + ": '" + item + "' is not a zone name; write names such as " + example(region, 'a'));
                continue;
            }
            String name = item.getAsString();
            if (!ZONE.matcher(name).matches()) {
                problems.add(key + ": '" + name + "' is not an availability zone name; write the region code and the zone "
                        + "letter, e.g. " + example(region, 'a'));
            } else if (region.isPresent() && !name.matches("^" + Pattern.quote(region.get().code()) + "[a-z]$")) {
                problems.add(key + ": '" + name + "' is not a zone of " + region.get().code() + "; use zones of that region, e.g. "
                        + example(region, 'a'));
            } else if (!seen.add(name)) {
                problems.add(key + ": '" + name + "' is listed twice; list each zone once");
            }
            names.add(name);
        }
        if (array.size() < MIN_ZONES) {
            problems.add(key + ": '" + array + "' names " + array.size() + " zone(s); list at least " + MIN_ZONES);
        }
        return Optional.of(names);
    }

    private static String example(Optional<AwsRegion> region, char letter) {
        return region.map(AwsRegion::code).orElse("eu-west-1") + letter;
    }

    private static int integer(JsonObject object, String field, String key, int fallback, List<String> problems) {
        JsonElement element = object.get(field);
        if (element == null || element.isJsonNull()) {
            return fallback;
        }
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            String text = primitive.getAsString();
            if (text.matches("^-?[0-9]{1,9}$")) {
                return Integer.parseInt(text);
            }
        }
        problems.add(key + ": '" + (element.isJsonPrimitive() ? element.getAsString() : element.toString())
                + "' is not a whole number; write a number such as " + fallback);
        return fallback;
    }

    private static void unknownFields(JsonObject object, String path, List<String> known, List<String> problems) {
        object.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> {
            String closest = known.stream().min((x, y) -> Integer.compare(Suggest.distance(k, x),
                    Suggest.distance(k, y))).orElse(known.get(0));
            boolean near = Suggest.distance(k, closest) <= 3
                    || k.toLowerCase(Locale.ROOT).contains(closest.toLowerCase(Locale.ROOT));
            problems.add(path + "." + k + ": '" + object.get(k) + "' is not a field of " + path
                    + (near ? "; did you mean " + closest + "?" : "")
                    + "; rename or remove it (fields: " + String.join(", ", known) + ")");
        });
    }

    /**
     * Where the secondary's network settings disagree with the VPC CIDRs the primary stack deployed (both stacks
     * must route to the same two blocks): one problem per differing CIDR, empty when they agree.
     *
     * @param mine                the secondary stack's settings
     * @param primaryStackPrimary the primary's VPC CIDR, as the primary stack exports it
     * @param primaryStackSecondary the secondary's VPC CIDR, as the primary stack read it from its own file
     */
    public static List<String> checkAgainstPrimary(NetworkSettings mine, String primaryStackPrimary, String primaryStackSecondary) {
        List<String> problems = new ArrayList<>();
        disagreement("primary", mine.primary().cidr(), primaryStackPrimary).ifPresent(problems::add);
        disagreement("secondary", mine.secondary().cidr(), primaryStackSecondary).ifPresent(problems::add);
        return problems;
    }

    private static Optional<String> disagreement(String field, String mine, String deployed) {
        if (mine.equals(deployed)) {
            return Optional.empty();
        }
        return Optional.of(KEY + "." + field + ".cidr: '" + mine + "' disagrees with the primary stack, which uses " + deployed
                + "; set the same multiregion:network value in Pulumi.primary.yaml and Pulumi.secondary.yaml");
    }

}
