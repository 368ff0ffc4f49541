package io.multiregion.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code multiregion:domain}, one structured value, the same in both stack files:
 * <pre>
 * multiregion:domain:
 *   zoneId: Z0123456789ABCDEFGHIJ
 *   name: app.example.com
 * </pre>
 * Unset means no domain: the load balancer then serves HTTP only (the documented exception to FSBP ELB.1).
 */
public final class DomainReader {
    private DomainReader() {
    }

    /** The key this reader owns, without the {@code multiregion:} namespace. */
    public static final String KEY = "domain";
    /** Every key this reader reads (unqualified, as {@link SettingsReader#KEYS}). */
    public static final Set<String> KEYS = Set.of(KEY);
    public static final List<String> FIELDS = List.of("zoneId", "name");

    /** Route 53 hosted zone ids: {@code Z} and upper-case letters and digits, at most 32 characters (Route 53 API Reference, HostedZone Id). */
    private static final Pattern ZONE_ID = Pattern.compile("^Z[A-Z0-9]{1,31}$");
    /** A DNS label: 1 to 63 letters, digits and hyphens, neither starting nor ending with a hyphen (RFC 1035, RFC 1123). */
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    /**
     * The longest name accepted: the region's own name ({@code <region>.<name>}) must still fit in the 253 characters
     * of a DNS name and of an ACM certificate's domain name (ACM API Reference, RequestCertificate); the longest
     * region code has 14 characters plus the dot.
     */
    public static final int MAX_NAME = 253 - 15;

    public static Optional<DomainSettings> read(ConfigSource source, List<String> problems) {
        int before = problems.size();
        Optional<JsonObject> given = StructuredValue.read(source, KEY, FIELDS, "a domain field", "set it in both stack "
                + "files as {\"zoneId\": \"Z0123456789ABCDEFGHIJ\", \"name\": \"app.example.com\"}, or unset it for HTTP only",
                problems);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        JsonObject object = given.orElseThrow();
        String zoneId = string(object, "zoneId", problems, "the id of the Route 53 public hosted zone, e.g. Z0123456789ABCDEFGHIJ");
        String name = string(object, "name", problems, "the application's DNS name in that zone, e.g. app.example.com");
        if (zoneId != null && !ZONE_ID.matcher(zoneId).matches()) {
            problems.add(qualified() + ".zoneId: '" + zoneId + "' is not a Route 53 hosted zone id; copy the id (Z followed by "
                    + "upper-case letters and digits, without /hostedzone/) from the Route 53 console");
        }
        if (name != null && !wellFormedName(name)) {
            problems.add(qualified() + ".name: '" + name + "' is not a DNS name this program can certify; use lower-case "
                    + "labels of letters, digits and inner hyphens separated by dots, at least two labels, no wildcard or "
                    + "trailing dot, at most " + MAX_NAME + " characters, e.g. app.example.com");
        }
        if (problems.size() != before || zoneId == null || name == null) {
            return Optional.empty();
        }
        return Optional.of(new DomainSettings(zoneId, name));
    }

    /** Whether a name has the shape of a DNS name ACM can issue a public certificate for (no wildcard). */
    public static boolean wellFormedName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME || name.endsWith(".")) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // the top-level domain is never all digits (RFC 3696 section 2)
        return !labels[labels.length - 1].matches("^[0-9]+$");
    }

    private static String string(JsonObject object, String field, List<String> problems, String what) {
        JsonElement value = object.get(field);
        if (value == null) {
            problems.add(qualified() + "." + field + ": missing; set " + what);
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            problems.add(qualified() + "." + field + ": '" + value + "' is not text; set " + what);
            return null;
        }
        return value.getAsString();
    }

    private static String qualified() {
        return SettingsReader.NS + ":" + KEY;
    }
}
