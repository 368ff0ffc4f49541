package io.multiregion.config;

import com.google.gson.JsonObject;
import io.multiregion.regions.AwsRegion;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The front door ({@code multiregion:frontDoor}, one structured value, the same in both stack files): how users reach
 * the application through one name and how traffic fails over from region A to region B. The primary reads it to
 * restrict its load balancer to the front door; the secondary, which owns the front door, builds it. Every field is
 * optional ({@link #DEFAULTS}); each range is AWS's own, with its source.
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
 *
 * @param cloudFront   CloudFront with an origin group over both load balancers (only in the aws partition)
 * @param waf          a CLOUDFRONT-scoped WAF web ACL on the distribution (only with CloudFront)
 * @param dnsFailover  Route 53 failover records with health checks on both regions (only with a domain)
 * @param activeRegion where users go while both regions are healthy: {@code primary} or {@code secondary} (the
 *                     failover drill)
 * @param origins      how CloudFront connects to the load balancers and when it fails over
 * @param healthChecks the Route 53 health checks on each region's own name
 * @param rateLimit    the WAF rate-based rule
 * @param distribution the distribution's write paths, price class and access logs
 */
public record FrontDoorSettings(boolean cloudFront, boolean waf, boolean dnsFailover, ActiveRegion activeRegion,
                                Origins origins, HealthChecks healthChecks, RateLimit rateLimit,
                                Distribution distribution) {

    /**
     * The only status codes an origin group fails over on (CloudFront Developer Guide, "Create an origin group":
     * 400, 403, 404, 416, 500, 502, 503 and 504).
     */
    public static final Set<Integer> FAILOVER_STATUS_CODES = Set.of(400, 403, 404, 416, 500, 502, 503, 504);
    /** Route 53 health check request intervals: 10 or 30 seconds (Route 53 API Reference, HealthCheckConfig). */
    public static final Set<Integer> HEALTH_CHECK_INTERVALS = Set.of(10, 30);
    /** Path patterns: at most 255 characters of these (CloudFront Developer Guide, "Cache behavior settings", Path pattern). */
    private static final Pattern PATH_PATTERN = Pattern.compile("^[A-Za-z0-9_\\-.*$/~\"'@:+&]{1,255}$");
    /**
     * At most 20 write paths: one cache behaviour each, well inside the default quota of 25 cache behaviours per
     * distribution (CloudFront Developer Guide, "Quotas on distributions").
     */
    public static final int WRITE_PATHS_MAX = 20;

    static final Field<Boolean> CLOUD_FRONT = Field.bool("cloudFront", true)
            .shownDefault("`true` (`false` outside the `aws` partition)")
            .doc("CloudFront with an origin group over both load balancers, which then admit only CloudFront (and the "
                    + "health checkers). Needs the `aws` partition (CloudFront, its WAF and the global provider live in "
                    + "us-east-1). The secondary refuses a value that disagrees with what A's load balancer admits "
                    + "(`originAccess`).");
    static final Field<Boolean> WAF = Field.bool("waf", true)
            .shownDefault("`true` (`false` outside the `aws` partition)")
            .doc("A `CLOUDFRONT` web ACL on the distribution (only with `cloudFront`; set without it, a warning).");
    static final Field<Boolean> DNS_FAILOVER = Field.bool("dnsFailover", true)
            .shownDefault("`true` (`false` outside the `aws` partition)")
            .doc("With `multiregion:domain`: Route 53 health checks on `/health` of each region's own name and "
                    + "PRIMARY/SECONDARY alias records, on `failover.<name>` for CloudFront's writes, or on `<name>` "
                    + "itself without CloudFront. Without a domain it has no effect (a warning when set).");
    static final Field<ActiveRegion> ACTIVE_REGION = Field.choice("activeRegion", ActiveRegion.PRIMARY,
            List.of(ActiveRegion.values()), ActiveRegion::value, "a region role").hint("set primary or secondary "
            + "(secondary sends every user to region B: the failover drill)")
            .doc("`primary` or `secondary`. `secondary` sends every user to B while both are healthy: the failover "
                    + "drill (see [front-door.md](front-door.md#the-failover-drill)). It needs a front door.");
    static final Field<Integer> CONNECTION_TIMEOUT = Field.whole("connectionTimeoutSeconds", 5).range(1, 10,
            "CloudFront accepts 1 to 10 seconds (CloudFront API Reference, Origin, ConnectionTimeout)")
            .doc("Seconds CloudFront waits for a connection to an origin, 1 to 10 (CloudFront API Reference, Origin).");
    static final Field<Integer> CONNECTION_ATTEMPTS = Field.whole("connectionAttempts", 2).range(1, 3,
            "CloudFront accepts 1, 2 or 3 attempts (CloudFront API Reference, Origin, ConnectionAttempts)")
            .doc("Attempts before CloudFront moves a read to the other region, 1 to 3 (same reference).");
    static final Field<List<Integer>> FAILOVER_CODES = Field.wholes("failoverStatusCodes", List.of(500, 502, 503, 504),
                    Field.expect(FAILOVER_STATUS_CODES::contains, Problem.Kind.NOT_ONE_OF, "is not a status code an origin "
                            + "group fails over on", "CloudFront fails over on 400, 403, 404, 416, 500, 502, 503 and 504 "
                            + "only (CloudFront Developer Guide, \"Create an origin group\")"), true)
            .rule(codes -> !codes.isEmpty(), Problem.Kind.OUT_OF_RANGE, "is not a list of status codes", "set at least one "
                    + "of 400, 403, 404, 416, 500, 502, 503, 504, e.g. [500, 502, 503, 504]")
            .hint("set a list of the status codes CloudFront fails over on (400, 403, 404, 416, 500, 502, 503, 504), e.g. "
                    + "[500, 502, 503, 504]")
            .doc("Responses of the first origin that send a read to the other: any of 400, 403, 404, 416, 500, 502, "
                    + "503, 504, each once (CloudFront Developer Guide, \"Create an origin group\"). Connection failures "
                    + "always fail over.");
    static final Field<List<String>> WRITE_PATHS = Field.texts("writePaths", List.of("/api/*"), path -> !PATH_PATTERN
                    .matcher(path).matches() ? List.of(Problem.of(Problem.Kind.MALFORMED, "is not a CloudFront path pattern",
                    "use at most 255 of A-Z a-z 0-9 _ - . * $ / ~ \" ' @ : + &, e.g. /api/* (CloudFront Developer Guide, "
                            + "\"Path pattern\")")) : path.equals("*") || path.equals("/*") ? List.of(Problem.of(
                    Problem.Kind.CONFLICT, "matches every request, so the origin group (the per-request failover) would "
                            + "serve none", "list the paths that write, e.g. /api/*")) : List.of(), true)
            .rule(paths -> paths.size() <= WRITE_PATHS_MAX, Problem.Kind.OUT_OF_RANGE, "lists more than " + WRITE_PATHS_MAX
                    + " patterns", "set at most " + WRITE_PATHS_MAX + " (each is a cache behaviour; CloudFront allows 25 "
                    + "per distribution by default: CloudFront Developer Guide, \"Quotas on distributions\")")
            .hint("set the path patterns whose requests may write (POST, PUT, PATCH, DELETE), e.g. [\"/api/*\"], or [] for a "
                    + "read-only front door")
            .doc("Path patterns whose behaviour accepts POST, PUT, PATCH and DELETE (one cache behaviour each, at "
                    + "most 20; not `*` or `/*`, which would leave the origin group nothing). Every other path accepts "
                    + "GET, HEAD and OPTIONS only. `[]`: a read-only front door.");
    static final Field<Integer> HEALTH_CHECK_INTERVAL = Field.whole("healthCheckIntervalSeconds", 10)
            .rule(HEALTH_CHECK_INTERVALS::contains, Problem.Kind.NOT_ONE_OF, "is not a health check interval",
                    "Route 53 checks every 10 or 30 seconds (Route 53 API Reference, HealthCheckConfig, RequestInterval)")
            .doc("10 or 30 (Route 53 API Reference, HealthCheckConfig); changing it replaces the health checks.");
    /**
     * Failure threshold: Route 53 accepts 1 to 10 (Route 53 API Reference, HealthCheckConfig); this program allows at
     * most 3, so that detecting a failed region takes at most three intervals.
     */
    static final Field<Integer> FAILURE_THRESHOLD = Field.whole("healthCheckFailureThreshold", 3).range(1, 3, "set 1 to 3 "
            + "(Route 53 accepts 1 to 10, but more than 3 failed checks make the DNS failover slower than this program "
            + "documents)")
            .doc("Failed checks before a region is unhealthy, 1 to 3 (Route 53 accepts up to 10).");
    /** Rate-based rule limit: at least 10 (WAF Developer Guide, "Rate-based rule high-level settings"), at most 2,000,000,000 (WAF API Reference, RateBasedStatement). */
    static final Field<Integer> RATE_LIMIT = Field.whole("rateLimit", 2000).range(10, 2_000_000_000, "WAF accepts 10 to "
            + "2000000000 requests per window (WAF API Reference, RateBasedStatement, Limit)")
            .doc("Requests per client address in one window above which WAF blocks it, 10 to 2,000,000,000 (WAF API "
                    + "Reference, RateBasedStatement).");
    /** Rate-based rule evaluation windows: 60, 120, 300 or 600 seconds (same guide page). */
    static final Field<Integer> RATE_WINDOW = Field.whole("rateLimitWindowSeconds", 300)
            .rule(Set.of(60, 120, 300, 600)::contains, Problem.Kind.NOT_ONE_OF, "is not a rate-based rule window",
                    "WAF accepts 60, 120, 300 or 600 seconds (WAF API Reference, RateBasedStatement, EvaluationWindowSec)")
            .doc("60, 120, 300 or 600 (same reference).");
    /** CloudFront price classes (CloudFront API Reference, DistributionConfig, PriceClass). */
    static final Field<String> PRICE_CLASS = Field.choice("priceClass", "PriceClass_100", List.of("PriceClass_100",
            "PriceClass_200", "PriceClass_All"), c -> c, "a CloudFront price class")
            .doc("`PriceClass_100` (North America, Europe, Israel), `PriceClass_200` or `PriceClass_All` (CloudFront "
                    + "API Reference, DistributionConfig).");
    static final Field<Boolean> ACCESS_LOGS = Field.bool("accessLogs", true)
            .doc("CloudFront standard logging (v2) to CloudWatch Logs in us-east-1.");
    static final Field<JsonObject> KEY = Field.object("frontDoor", List.of(CLOUD_FRONT, WAF, DNS_FAILOVER, ACTIVE_REGION,
            CONNECTION_TIMEOUT, CONNECTION_ATTEMPTS, FAILOVER_CODES, WRITE_PATHS, HEALTH_CHECK_INTERVAL, FAILURE_THRESHOLD,
            RATE_LIMIT, RATE_WINDOW, PRICE_CLASS, ACCESS_LOGS), "{cloudFront: true, activeRegion: primary} in both stack "
            + "files")
            .shownDefault("see below")
            .doc("The front door: CloudFront, WAF, DNS failover, the failover drill, timeouts and limits. Same value "
                    + "in both stack files (`activeRegion` is read by the secondary only).");

    /** Which region serves users while both are healthy. */
    public enum ActiveRegion {
        /** Region A, the normal state. */
        PRIMARY("primary"),
        /** Region B: the failover drill, or a manual failover while A is impaired but still passes its checks. */
        SECONDARY("secondary");

        private final String value;

        ActiveRegion(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

    }

    /**
     * CloudFront's connection to each origin and the origin group's failover criteria.
     *
     * @param connectionTimeoutSeconds seconds CloudFront waits for a connection to an origin, 1 to 10 (default 5)
     * @param connectionAttempts       connection attempts before CloudFront gives up on an origin, 1 to 3 (default 2)
     * @param failoverStatusCodes      primary-origin responses that send the request to the other origin (default
     *                                 500, 502, 503, 504); connection failures always do
     */
    public record Origins(int connectionTimeoutSeconds, int connectionAttempts, List<Integer> failoverStatusCodes) {
        public Origins {
            failoverStatusCodes = List.copyOf(failoverStatusCodes);
        }
    }

    /**
     * The Route 53 health checks on {@code /health} of each region's own name.
     *
     * @param intervalSeconds  seconds between two checks of one checker, 10 or 30 (default 10)
     * @param failureThreshold consecutive failures before a region is unhealthy, 1 to 3 (default 3)
     */
    public record HealthChecks(int intervalSeconds, int failureThreshold) {
    }

    /**
     * The WAF rate-based rule: requests per client IP address.
     *
     * @param limit         requests in one window above which an address is blocked, 10 to 2,000,000,000 (default 2000)
     * @param windowSeconds the window, 60, 120, 300 or 600 seconds (default 300)
     */
    public record RateLimit(int limit, int windowSeconds) {
    }

    /**
     * The distribution.
     *
     * @param writePaths path patterns whose behaviour accepts every HTTP method (default {@code /api/*}); every other
     *                   path accepts GET, HEAD and OPTIONS only (the methods an origin group serves)
     * @param priceClass {@code PriceClass_100} (default), {@code PriceClass_200} or {@code PriceClass_All}
     * @param accessLogs CloudFront standard logging (v2) to CloudWatch Logs in us-east-1 (default true)
     */
    public record Distribution(List<String> writePaths, String priceClass, boolean accessLogs) {
        public Distribution {
            writePaths = List.copyOf(writePaths);
        }
    }

    /** The defaults: CloudFront with WAF and access logs, DNS failover where a domain is set, region A active. */
    public static final FrontDoorSettings DEFAULTS = read(Fields.none().object(KEY));

    /**
     * The front door as configured. CloudFront and DNS failover default to on in the {@code aws} partition only, since
     * CloudFront, its CLOUDFRONT-scoped WAF and the global provider in us-east-1 exist there alone: elsewhere (China,
     * GovCloud, ISO) an unset switch is off, and one set true is refused. A switch set without what it needs is a warning.
     *
     * @param home   the stack's own region, when valid
     * @param domain the application's domain, when set
     */
    static FrontDoorSettings read(Fields in, Optional<AwsRegion> home, Optional<DomainSettings> domain) {
        Fields o = in.object(KEY);
        FrontDoorSettings read = read(o);
        boolean aws = home.map(r -> r.partition().equals("aws")).orElse(true);
        FrontDoorSettings f = aws ? read : new FrontDoorSettings(o.has(CLOUD_FRONT) && read.cloudFront,
                o.has(WAF) && read.waf, o.has(DNS_FAILOVER) && read.dnsFailover, read.activeRegion, read.origins,
                read.healthChecks, read.rateLimit, read.distribution);
        if (!aws && f.present(domain)) {
            in.add(KEY, null, Problem.Kind.UNSUPPORTED_IN_REGION, "a front door (cloudFront " + f.cloudFront
                    + ", dnsFailover " + f.dnsFailover + (domain.isPresent() ? " with a domain" : "") + ") in partition "
                    + home.orElseThrow().partition() + "; CloudFront, its CLOUDFRONT-scoped WAF and the global provider in "
                    + "us-east-1 exist in the aws partition only", "set {\"cloudFront\": false, \"dnsFailover\": false} in "
                    + "both stack files");
        }
        if (f.drill() && !f.present(domain)) {
            o.add(ACTIVE_REGION, f.activeRegion, Problem.Kind.CONFLICT, "has no front door to move users with (cloudFront "
                    + "is false and DNS failover needs multiregion:domain)", "turn cloudFront on or set a domain, or set "
                    + "activeRegion back to primary");
        }
        if (o.has(WAF) && f.waf && !f.cloudFront) {
            o.warn(WAF, true, Problem.Kind.NO_EFFECT, "has no effect while cloudFront is false", "the web ACL protects the "
                    + "distribution");
        }
        if (o.has(DNS_FAILOVER) && f.dnsFailover && domain.isEmpty()) {
            o.warn(DNS_FAILOVER, true, Problem.Kind.NO_EFFECT, "has no effect without multiregion:domain", "Route 53 "
                    + "failover records live in the domain's hosted zone");
        }
        if (o.has(WRITE_PATHS) && !f.cloudFront) {
            o.warn(WRITE_PATHS, f.distribution.writePaths, Problem.Kind.NO_EFFECT, "has no effect while cloudFront is false",
                    "set it where CloudFront is on");
        }
        return f;
    }

    private static FrontDoorSettings read(Fields o) {
        return new FrontDoorSettings(o.get(CLOUD_FRONT), o.get(WAF), o.get(DNS_FAILOVER), o.get(ACTIVE_REGION),
                new Origins(o.get(CONNECTION_TIMEOUT), o.get(CONNECTION_ATTEMPTS), o.get(FAILOVER_CODES)),
                new HealthChecks(o.get(HEALTH_CHECK_INTERVAL), o.get(FAILURE_THRESHOLD)),
                new RateLimit(o.get(RATE_LIMIT), o.get(RATE_WINDOW)),
                new Distribution(o.get(WRITE_PATHS), o.get(PRICE_CLASS), o.get(ACCESS_LOGS)));
    }

    /** Whether Route 53 health checks and failover records exist: DNS failover is on and a domain is set. */
    public boolean healthChecked(Optional<DomainSettings> domain) {
        return dnsFailover && domain.isPresent();
    }

    /** Whether there is a front door at all: CloudFront, or DNS failover with a domain. */
    public boolean present(Optional<DomainSettings> domain) {
        return cloudFront || healthChecked(domain);
    }

    /** Whether the failover drill (or a manual failover) sends users to region B. */
    public boolean drill() {
        return activeRegion == ActiveRegion.SECONDARY;
    }
}
