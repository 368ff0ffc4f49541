package io.multiregion.edge;

import io.multiregion.config.DeliveryMode;
import io.multiregion.config.DomainSettings;
import io.multiregion.config.FrontDoorSettings;
import io.multiregion.delivery.ReplicatedBucket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long a failover takes and how much data it can lose, in seconds, computed from the configuration (the
 * secondary's stack output {@code recovery}). A figure that does not apply to the configuration is left out: no
 * CloudFront, no read failover through it; no domain or no DNS failover, no DNS failover time; native delivery keeps
 * no replica of the release archive, so no artifact RPO.
 *
 * @param readFailoverThroughCloudFront the longest a GET, HEAD or OPTIONS request waits on an unreachable region A
 *                                      before CloudFront asks region B: connection attempts times connection timeout
 *                                      ("By default, CloudFront tries to connect to the primary origin in an origin
 *                                      group for as long as 30 seconds (3 connection attempts of 10 seconds each)
 *                                      before failing over": CloudFront Developer Guide, "Optimize high availability
 *                                      with CloudFront origin failover", "Control origin timeouts and attempts"); a
 *                                      failover status code from A fails over at once
 * @param dnsFailover                   the longest until resolvers get region B once A fails: health-check interval
 *                                      times failure threshold (Route 53 Developer Guide, "How Amazon Route 53
 *                                      determines whether a health check is healthy") plus the alias records' TTL,
 *                                      60 seconds, fixed for load balancer aliases (Route 53 FAQ, "Do I need to adjust
 *                                      the TTL for my records in order to use DNS Failover?")
 * @param databaseRpo                   the Aurora global database's replication lag, "typically under a second"
 *                                      (Aurora User Guide, "Using Amazon Aurora global databases"); this program sets
 *                                      no managed RPO ({@code rds.global_db_rpo}), so the typical lag is the figure
 * @param artifactRpo                   release archives: S3 Replication Time Control's threshold, in which it
 *                                      replicates 99.99% of new objects (S3 User Guide, "Meeting compliance
 *                                      requirements with S3 Replication Time Control")
 */
public record Recovery(Optional<Integer> readFailoverThroughCloudFront, Optional<Integer> dnsFailover,
                       int databaseRpo, Optional<Integer> artifactRpo) {

    /** The TTL of an alias record to a load balancer (Route 53 FAQ, on DNS failover and TTLs). */
    public static final int ALIAS_TTL_SECONDS = 60;
    /** The Aurora global database's typical replication lag, rounded up to a whole second. */
    public static final int DATABASE_RPO_SECONDS = 1;

    /** The figures of a configuration. */
    public static Recovery of(FrontDoorSettings frontDoor, Optional<DomainSettings> domain, DeliveryMode delivery) {
        Optional<Integer> read = frontDoor.cloudFront()
                ? Optional.of(frontDoor.origins().connectionAttempts() * frontDoor.origins().connectionTimeoutSeconds())
                : Optional.empty();
        Optional<Integer> dns = frontDoor.healthChecked(domain)
                ? Optional.of(frontDoor.healthChecks().intervalSeconds() * frontDoor.healthChecks().failureThreshold()
                + ALIAS_TTL_SECONDS)
                : Optional.empty();
        // a mode that replicates releases (bespoke, pipeline-free) has S3 RTC's 15 minutes; native copies none ahead
        Optional<Integer> artifacts = delivery.replicates()
                ? Optional.of(ReplicatedBucket.RTC_MINUTES * 60) : Optional.empty();
        return new Recovery(read, dns, DATABASE_RPO_SECONDS, artifacts);
    }

    /** The stack output: the figures that apply, by name, in seconds. */
    public Map<String, Object> export() {
        Map<String, Object> out = new LinkedHashMap<>();
        readFailoverThroughCloudFront.ifPresent(v -> out.put("readFailoverThroughCloudFront", v));
        dnsFailover.ifPresent(v -> out.put("dnsFailover", v));
        out.put("databaseRpo", databaseRpo);
        artifactRpo.ifPresent(v -> out.put("artifactRpo", v));
        return out;
    }
}
