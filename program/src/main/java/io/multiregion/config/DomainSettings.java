package io.multiregion.config;

import com.google.gson.JsonObject;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The application's DNS name and the Route 53 public hosted zone that holds it ({@code multiregion:domain}, set the
 * same in both stack files; unset: no domain, and the load balancers serve HTTP only, the documented exception to
 * FSBP ELB.1). Each region's load balancer gets a certificate for {@link #name()} (so failover can send users to
 * either region) and for its own name {@link #regionalName(AwsRegion)}.
 * <pre>
 * multiregion:domain: {zoneId: Z0123456789ABCDEFGHIJ, name: app.example.com}
 * </pre>
 *
 * @param zoneId Route 53 hosted zone id, e.g. {@code Z0123456789ABCDEFGHIJ}
 * @param name   the application's name in that zone, e.g. {@code app.example.com} (lower case, no trailing dot)
 */
public record DomainSettings(String zoneId, String name) {

    /**
     * The longest name accepted: the region's own name ({@code <region>.<name>}) must still fit in the 253 characters
     * of a DNS name and of an ACM certificate's domain name (ACM API Reference, RequestCertificate); the longest
     * region code has 14 characters plus the dot.
     */
    public static final int MAX_NAME = 253 - 15;
    /** A DNS label: 1 to 63 letters, digits and hyphens, neither starting nor ending with a hyphen (RFC 1035, RFC 1123). */
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    /** Route 53 hosted zone ids: {@code Z} and upper-case letters and digits, at most 32 characters (Route 53 API Reference, HostedZone Id). */
    static final Field<String> ZONE_ID = Field.text("zoneId", null).hint("set the id of the Route 53 public hosted zone, "
            + "e.g. Z0123456789ABCDEFGHIJ").rule(Field.matching(Pattern.compile("^Z[A-Z0-9]{1,31}$"), "is not a Route 53 "
            + "hosted zone id", "copy the id (Z followed by upper-case letters and digits, without /hostedzone/) from the "
            + "Route 53 console"))
            .shownDefault("required with a domain")
            .doc("The Route 53 public hosted zone's id: `Z` and up to 31 upper-case letters and digits, without "
                    + "`/hostedzone/`.");
    static final Field<String> NAME = Field.text("name", null).hint("set the application's DNS name in that zone, e.g. "
            + "app.example.com").rule(DomainSettings::wellFormedName, Problem.Kind.MALFORMED, "is not a DNS name this "
            + "program can certify", "use lower-case labels of letters, digits and inner hyphens separated by dots, at "
            + "least two labels, no wildcard or trailing dot, at most " + MAX_NAME + " characters, e.g. app.example.com")
            .shownDefault("required with a domain")
            .doc("The application's DNS name in that zone: lower-case labels of letters, digits and inner hyphens, at "
                    + "least two labels, no wildcard or trailing dot, at most 238 characters (so `<region>.<name>` fits in "
                    + "253).");
    static final Field<JsonObject> KEY = Field.object("domain", List.of(ZONE_ID, NAME), "{zoneId: Z0123456789ABCDEFGHIJ, "
            + "name: app.example.com} in both stack files, or unset it for HTTP only")
            .shownDefault("unset (HTTP only)")
            .doc("Route 53 hosted zone and the application's name. Same value in both stack files.");

    /** The region's own name: {@code <region>.<name>}, e.g. {@code eu-west-1.app.example.com}. */
    public String regionalName(AwsRegion region) {
        return region.code() + "." + name;
    }

    /** Whether a name has the shape of a DNS name ACM can issue a public certificate for (no wildcard). */
    public static boolean wellFormedName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME || name.endsWith(".")) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        // at least two labels, each well formed, and a top-level domain that is not all digits (RFC 3696 section 2)
        return labels.length >= 2 && List.of(labels).stream().allMatch(l -> LABEL.matcher(l).matches())
                && !labels[labels.length - 1].matches("^[0-9]+$");
    }

    /** The domain when set: both fields are needed. */
    static Optional<DomainSettings> read(Fields in) {
        if (!in.has(KEY)) {
            return Optional.empty();
        }
        Fields o = in.object(KEY);
        if (!o.isMap()) {
            // set, but not as a map: that one problem says how to write it; its fields are not missing
            return Optional.empty();
        }
        Optional<String> zoneId = o.require(ZONE_ID, "set the id of the Route 53 public hosted zone, e.g. "
                + "Z0123456789ABCDEFGHIJ", "");
        Optional<String> name = o.require(NAME, "set the application's DNS name in that zone, e.g. app.example.com", "");
        return o.clean() && zoneId.isPresent() && name.isPresent()
                ? Optional.of(new DomainSettings(zoneId.orElseThrow(), name.orElseThrow())) : Optional.empty();
    }
}
