package io.multiregion.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.multiregion.regions.AwsRegion;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code multiregion:frontDoor}, one structured value, the same in both stack files:
 * <pre>
 * multiregion:frontDoor:
 *   cloudFront: true              # CloudFront with an origin group over both load balancers
 *   waf: true                     # a CLOUDFRONT web ACL on the distribution
 *   dnsFailover: true             # Route 53 failover records and health checks (with multiregion:domain)
 *   activeRegion: primary         # secondary: the failover drill
 *   connectionTimeoutSeconds: 5   # 1-10
 *   connectionAttempts: 2         # 1-3
 *   failoverStatusCodes: [500, 502, 503, 504]
 *   writePaths: ["/api/*"]
 *   healthCheckIntervalSeconds: 10
 *   healthCheckFailureThreshold: 3
 *   rateLimit: 2000
 *   rateLimitWindowSeconds: 300
 *   priceClass: PriceClass_100
 *   accessLogs: true
 * </pre>
 * Every field is optional ({@link FrontDoorSettings#DEFAULTS}). Each range is AWS's own, with its source; a bad
 * field is a problem naming the field, the value and the fix, and its default is used so that later checks still run.
 */
public final class FrontDoorReader {
    private FrontDoorReader() {
    }

    /** The key this reader owns, without the {@code multiregion:} namespace. */
    public static final String KEY = "frontDoor";
    /** The fields of the structured value. */
    public static final List<String> FIELDS = List.of("cloudFront", "waf", "dnsFailover", "activeRegion",
            "connectionTimeoutSeconds", "connectionAttempts", "failoverStatusCodes", "writePaths",
            "healthCheckIntervalSeconds", "healthCheckFailureThreshold", "rateLimit", "rateLimitWindowSeconds",
            "priceClass", "accessLogs");

    /** Origin connection timeout: 1 to 10 seconds (CloudFront API Reference, Origin, ConnectionTimeout). */
    public static final int CONNECTION_TIMEOUT_MIN = 1;
    public static final int CONNECTION_TIMEOUT_MAX = 10;
    /** Origin connection attempts: 1 to 3 (CloudFront API Reference, Origin, ConnectionAttempts). */
    public static final int CONNECTION_ATTEMPTS_MIN = 1;
    public static final int CONNECTION_ATTEMPTS_MAX = 3;
    /**
     * The only status codes an origin group fails over on (CloudFront Developer Guide, "Create an origin group":
     * 400, 403, 404, 416, 500, 502, 503 and 504).
     */
    public static final Set<Integer> FAILOVER_STATUS_CODES = Set.of(400, 403, 404, 416, 500, 502, 503, 504);
    /** Route 53 health check request intervals: 10 or 30 seconds (Route 53 API Reference, HealthCheckConfig). */
    public static final Set<Integer> HEALTH_CHECK_INTERVALS = Set.of(10, 30);
    /**
     * Failure threshold: Route 53 accepts 1 to 10 (Route 53 API Reference, HealthCheckConfig); this program allows at
     * most 3, so that detecting a failed region takes at most three intervals.
     */
    public static final int FAILURE_THRESHOLD_MIN = 1;
    public static final int FAILURE_THRESHOLD_MAX = 3;
    /** Rate-based rule limit: at least 10 (WAF Developer Guide, "Rate-based rule high-level settings"), at most 2,000,000,000 (WAF API Reference, RateBasedStatement). */
    public static final int RATE_LIMIT_MIN = 10;
    public static final int RATE_LIMIT_MAX = 2_000_000_000;
    /** Rate-based rule evaluation windows: 60, 120, 300 or 600 seconds (same guide page). */
    public static final Set<Integer> RATE_WINDOWS = Set.of(60, 120, 300, 600);
    /** CloudFront price classes (CloudFront API Reference, DistributionConfig, PriceClass). */
    public static final List<String> PRICE_CLASSES = List.of("PriceClass_100", "PriceClass_200", "PriceClass_All");
    /** Path patterns: at most 255 characters of these (CloudFront Developer Guide, "Cache behavior settings", Path pattern). */
    public static final Pattern PATH_PATTERN = Pattern.compile("^[A-Za-z0-9_\\-.*$/~\"'@:+&]{1,255}$");
    /**
     * At most 20 write paths: one cache behaviour each, well inside the default quota of 25 cache behaviours per
     * distribution (CloudFront Developer Guide, "Quotas on distributions").
     */
    public static final int WRITE_PATHS_MAX = 20;

    /**
     * @param source   the stack's configuration
     * @param problems where each problem is added
     */
    public static FrontDoorSettings read(ConfigSource source, List<String> problems) {
        FrontDoorSettings d = FrontDoorSettings.DEFAULTS;
        Optional<JsonObject> given = StructuredValue.read(source, KEY, FIELDS, "a front door field", "set it in both "
                + "stack files as a map of " + String.join(", ", FIELDS) + ", e.g. {\"cloudFront\": true, \"activeRegion\": "
                + "\"primary\"}", problems);
        if (given.isEmpty()) {
            return d;
        }
        JsonObject o = given.orElseThrow();
        boolean cloudFront = bool(o, "cloudFront", d.cloudFront(), problems);
        boolean waf = bool(o, "waf", d.waf(), problems);
        boolean dnsFailover = bool(o, "dnsFailover", d.dnsFailover(), problems);
        FrontDoorSettings.ActiveRegion active = d.activeRegion();
        if (o.has("activeRegion")) {
            String value = text(o.get("activeRegion"));
            Optional<FrontDoorSettings.ActiveRegion> parsed = FrontDoorSettings.ActiveRegion.parse(value);
            if (parsed.isEmpty()) {
                problems.add(qualified("activeRegion") + ": '" + value + "' is not a region role; set "
                        + FrontDoorSettings.ActiveRegion.choices() + " (secondary sends every user to region B: the "
                        + "failover drill)");
            } else {
                active = parsed.orElseThrow();
            }
        }
        int timeout = integer(o, "connectionTimeoutSeconds", d.origins().connectionTimeoutSeconds(),
                v -> v >= CONNECTION_TIMEOUT_MIN && v <= CONNECTION_TIMEOUT_MAX,
                "CloudFront accepts 1 to 10 seconds (CloudFront API Reference, Origin, ConnectionTimeout)", problems);
        int attempts = integer(o, "connectionAttempts", d.origins().connectionAttempts(),
                v -> v >= CONNECTION_ATTEMPTS_MIN && v <= CONNECTION_ATTEMPTS_MAX,
                "CloudFront accepts 1, 2 or 3 attempts (CloudFront API Reference, Origin, ConnectionAttempts)", problems);
        List<Integer> codes = statusCodes(o, d.origins().failoverStatusCodes(), problems);
        List<String> writePaths = writePaths(o, d.distribution().writePaths(), problems);
        int interval = integer(o, "healthCheckIntervalSeconds", d.healthChecks().intervalSeconds(),
                HEALTH_CHECK_INTERVALS::contains,
                "Route 53 checks every 10 or 30 seconds (Route 53 API Reference, HealthCheckConfig, RequestInterval)",
                problems);
        int threshold = integer(o, "healthCheckFailureThreshold", d.healthChecks().failureThreshold(),
                v -> v >= FAILURE_THRESHOLD_MIN && v <= FAILURE_THRESHOLD_MAX,
                "set 1 to 3 (Route 53 accepts 1 to 10, but more than 3 failed checks make the DNS failover slower than "
                        + "this program documents)", problems);
        int rateLimit = integer(o, "rateLimit", d.rateLimit().limit(), v -> v >= RATE_LIMIT_MIN && v <= RATE_LIMIT_MAX,
                "WAF accepts 10 to 2000000000 requests per window (WAF API Reference, RateBasedStatement, Limit)",
                problems);
        int window = integer(o, "rateLimitWindowSeconds", d.rateLimit().windowSeconds(), RATE_WINDOWS::contains,
                "WAF accepts 60, 120, 300 or 600 seconds (WAF API Reference, RateBasedStatement, EvaluationWindowSec)",
                problems);
        String priceClass = d.distribution().priceClass();
        if (o.has("priceClass")) {
            String value = text(o.get("priceClass"));
            if (PRICE_CLASSES.contains(value)) {
                priceClass = value;
            } else {
                problems.add(qualified("priceClass") + ": '" + value + "' is not a CloudFront price class; set "
                        + String.join(", ", PRICE_CLASSES) + Suggest.didYouMean(value, PRICE_CLASSES));
            }
        }
        boolean accessLogs = bool(o, "accessLogs", d.distribution().accessLogs(), problems);
        return new FrontDoorSettings(cloudFront, waf, dnsFailover, active,
                new FrontDoorSettings.Origins(timeout, attempts, codes),
                new FrontDoorSettings.HealthChecks(interval, threshold),
                new FrontDoorSettings.RateLimit(rateLimit, window),
                new FrontDoorSettings.Distribution(writePaths, priceClass, accessLogs));
    }

    /**
     * What the front door needs of the rest of the configuration: the partition of the regions (CloudFront, its
     * CLOUDFRONT-scoped WAF and public Route 53 failover are services of the {@code aws} partition, controlled from
     * us-east-1) and the domain. Problems stop the program; warnings name a field that has no effect.
     */
    /**
     * The settings for the home region's partition: CloudFront and DNS failover default to on in the {@code aws}
     * partition only, since CloudFront, its CLOUDFRONT-scoped WAF and the global provider in us-east-1 exist there
     * alone; elsewhere (China, GovCloud, ISO) an unset field is off, and an explicit true is refused by
     * {@link #checkWith}.
     */
    public static FrontDoorSettings forPartition(ConfigSource source, FrontDoorSettings read, AwsRegion home) {
        if (home.partition().equals("aws")) {
            return read;
        }
        Set<String> set = explicitFields(source);
        return new FrontDoorSettings(set.contains("cloudFront") && read.cloudFront(),
                set.contains("waf") && read.waf(), set.contains("dnsFailover") && read.dnsFailover(),
                read.activeRegion(), read.origins(), read.healthChecks(), read.rateLimit(), read.distribution());
    }

    public static void checkWith(ConfigSource source, FrontDoorSettings frontDoor, Optional<DomainSettings> domain,
                                 AwsRegion home, Problems problems) {
        Set<String> set = explicitFields(source);
        if (frontDoor.present(domain) && !home.partition().equals("aws")) {
            problems.add(ConfigInput.key(KEY) + ": a front door (cloudFront " + frontDoor.cloudFront() + ", dnsFailover "
                    + frontDoor.dnsFailover() + (domain.isPresent() ? " with a domain" : "") + ") in partition "
                    + home.partition() + "; CloudFront, its CLOUDFRONT-scoped WAF and the global provider in us-east-1 "
                    + "exist in the aws partition only: set {\"cloudFront\": false, \"dnsFailover\": false} in both "
                    + "stack files");
        }
        if (frontDoor.drill() && !frontDoor.present(domain)) {
            problems.add(qualified("activeRegion") + ": 'secondary' has no front door to move users with (cloudFront "
                    + "is false and DNS failover needs multiregion:domain); turn cloudFront on or set a domain, or set "
                    + "activeRegion back to primary");
        }
        if (set.contains("waf") && frontDoor.waf() && !frontDoor.cloudFront()) {
            problems.warn(qualified("waf") + ": true has no effect while cloudFront is false (the web ACL protects the "
                    + "distribution)");
        }
        if (set.contains("dnsFailover") && frontDoor.dnsFailover() && domain.isEmpty()) {
            problems.warn(qualified("dnsFailover") + ": true has no effect without multiregion:domain (Route 53 failover "
                    + "records live in the domain's hosted zone)");
        }
        if (set.contains("writePaths") && !frontDoor.cloudFront()) {
            problems.warn(qualified("writePaths") + ": has no effect while cloudFront is false");
        }
    }

    /** The fields set explicitly in the structured value (none when it is unset or malformed). */
    private static Set<String> explicitFields(ConfigSource source) {
        return source.get(ConfigInput.key(KEY)).flatMap(StructuredValue::parse).filter(JsonElement::isJsonObject)
                .map(e -> e.getAsJsonObject().keySet()).orElse(Set.of());
    }

    private static List<Integer> statusCodes(JsonObject o, List<Integer> fallback, List<String> problems) {
        if (!o.has("failoverStatusCodes")) {
            return fallback;
        }
        JsonElement value = o.get("failoverStatusCodes");
        String allowed = "CloudFront fails over on 400, 403, 404, 416, 500, 502, 503 and 504 only (CloudFront "
                + "Developer Guide, \"Create an origin group\")";
        if (!value.isJsonArray() || value.getAsJsonArray().isEmpty()) {
            problems.add(qualified("failoverStatusCodes") + ": '" + value + "' is not a list of status codes; set at "
                    + "least one of them, e.g. [500, 502, 503, 504]: " + allowed);
            return fallback;
        }
        Set<Integer> codes = new LinkedHashSet<>();
        int before = problems.size();
        for (JsonElement item : value.getAsJsonArray()) {
            Optional<Integer> code = intValue(item);
            if (code.isEmpty() || !FAILOVER_STATUS_CODES.contains(code.orElseThrow())) {
                problems.add(qualified("failoverStatusCodes") + ": '" + text(item) + "' is not a status code an origin "
                        + "group fails over on; " + allowed);
            } else if (!codes.add(code.orElseThrow())) {
                problems.add(qualified("failoverStatusCodes") + ": '" + text(item) + "' is listed twice; list each code once");
            }
        }
        return problems.size() == before ? List.copyOf(codes) : fallback;
    }

    private static List<String> writePaths(JsonObject o, List<String> fallback, List<String> problems) {
        if (!o.has("writePaths")) {
            return fallback;
        }
        JsonElement value = o.get("writePaths");
        if (!value.isJsonArray()) {
            problems.add(qualified("writePaths") + ": '" + value + "' is not a list; set the path patterns whose requests "
                    + "may write (POST, PUT, PATCH, DELETE), e.g. [\"/api/*\"], or [] for a read-only front door");
            return fallback;
        }
        JsonArray items = value.getAsJsonArray();
        int before = problems.size();
        if (items.size() > WRITE_PATHS_MAX) {
            problems.add(qualified("writePaths") + ": " + items.size() + " patterns; set at most " + WRITE_PATHS_MAX
                    + " (each is a cache behaviour; CloudFront allows 25 per distribution by default: CloudFront Developer "
                    + "Guide, \"Quotas on distributions\")");
        }
        List<String> paths = new ArrayList<>();
        for (JsonElement item : items) {
            String path = text(item);
            if (!(item instanceof JsonPrimitive p && p.isString()) || !PATH_PATTERN.matcher(path).matches()) {
                problems.add(qualified("writePaths") + ": '" + path + "' is not a CloudFront path pattern; use at most 255 "
                        + "of A-Z a-z 0-9 _ - . * $ / ~ \" ' @ : + &, e.g. /api/* (CloudFront Developer Guide, \"Path "
                        + "pattern\")");
            } else if (path.equals("*") || path.equals("/*")) {
                problems.add(qualified("writePaths") + ": '" + path + "' matches every request, so the origin group (the "
                        + "per-request failover) would serve none; list the paths that write, e.g. /api/*");
            } else if (paths.contains(path)) {
                problems.add(qualified("writePaths") + ": '" + path + "' is listed twice; list each pattern once");
            } else {
                paths.add(path);
            }
        }
        return problems.size() == before ? List.copyOf(paths) : fallback;
    }

    private static boolean bool(JsonObject o, String field, boolean fallback, List<String> problems) {
        if (!o.has(field)) {
            return fallback;
        }
        JsonElement value = o.get(field);
        if (value instanceof JsonPrimitive p && p.isBoolean()) {
            return p.getAsBoolean();
        }
        // pulumi config set --path stores text unless given --type bool
        if (value instanceof JsonPrimitive p && p.isString() && Set.of("true", "false").contains(p.getAsString())) {
            return Boolean.parseBoolean(p.getAsString());
        }
        problems.add(qualified(field) + ": '" + text(value) + "' is not a boolean; set true or false");
        return fallback;
    }

    private static int integer(JsonObject o, String field, int fallback, IntPredicate allowed, String fix,
                               List<String> problems) {
        if (!o.has(field)) {
            return fallback;
        }
        JsonElement value = o.get(field);
        Optional<BigInteger> parsed = wholeNumber(value);
        if (parsed.isEmpty()) {
            problems.add(qualified(field) + ": '" + text(value) + "' is not a whole number; " + fix);
            return fallback;
        }
        BigInteger number = parsed.orElseThrow();
        if (number.bitLength() >= Integer.SIZE || !allowed.test(number.intValue())) {
            problems.add(qualified(field) + ": '" + number + "' is out of range; " + fix);
            return fallback;
        }
        return number.intValue();
    }

    /** A whole number given as a number or as text (pulumi config set --path stores text). */
    private static Optional<BigInteger> wholeNumber(JsonElement value) {
        if (!(value instanceof JsonPrimitive p) || !(p.isNumber() || p.isString())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(p.getAsString()).toBigIntegerExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A whole number that fits in an int, or empty. */
    private static Optional<Integer> intValue(JsonElement value) {
        return wholeNumber(value).filter(n -> n.bitLength() < Integer.SIZE).map(BigInteger::intValue);
    }

    private static String text(JsonElement value) {
        return value instanceof JsonPrimitive p && p.isString() ? p.getAsString() : String.valueOf(value);
    }

    private static String qualified(String field) {
        return ConfigInput.key(KEY) + "." + field;
    }
}
