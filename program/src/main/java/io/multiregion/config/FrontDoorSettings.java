package io.multiregion.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The front door ({@code multiregion:frontDoor}, one structured value, the same in both stack files): how users reach
 * the application through one name and how traffic fails over from region A to region B. The primary reads it to
 * restrict its load balancer to the front door; the secondary, which owns the front door, builds it.
 *
 * @param cloudFront   CloudFront with an origin group over both load balancers (default true)
 * @param waf          a CLOUDFRONT-scoped WAF web ACL on the distribution (default true; only with CloudFront)
 * @param dnsFailover  Route 53 failover records with health checks on both regions (default true; only with a domain)
 * @param activeRegion where users go while both regions are healthy: {@code primary} (default) or {@code secondary}
 *                     (the failover drill)
 * @param origins      how CloudFront connects to the load balancers and when it fails over
 * @param healthChecks the Route 53 health checks on each region's own name
 * @param rateLimit    the WAF rate-based rule
 * @param distribution the distribution's write paths, price class and access logs
 */
public record FrontDoorSettings(boolean cloudFront, boolean waf, boolean dnsFailover, ActiveRegion activeRegion,
                                Origins origins, HealthChecks healthChecks, RateLimit rateLimit,
                                Distribution distribution) {

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

        public static Optional<ActiveRegion> parse(String text) {
            return Arrays.stream(values()).filter(r -> r.value.equals(text)).findFirst();
        }

        public static String choices() {
            return Arrays.stream(values()).map(ActiveRegion::value).collect(Collectors.joining(" or "));
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
    public static final FrontDoorSettings DEFAULTS = new FrontDoorSettings(true, true, true, ActiveRegion.PRIMARY,
            new Origins(5, 2, List.of(500, 502, 503, 504)), new HealthChecks(10, 3), new RateLimit(2000, 300),
            new Distribution(List.of("/api/*"), "PriceClass_100", true));

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
