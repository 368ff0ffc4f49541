package io.multiregion.config;

import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.regions.RegionCapabilities;
import io.multiregion.regions.Service;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which AWS services a stack registers resources of, in which region, for its delivery path; and the check, before
 * anything is registered, that each of those regions offers them ({@link RegionCapabilities}). Each stack checks its
 * own region; the primary also checks region B for the pairs it builds there.
 */
public final class RegionServices {
    private RegionServices() {
    }

    /**
     * A region's slice: network, load balancer, application tier, its database cluster, its keys, buckets and log
     * groups, the roles, and its CodeDeploy target.
     */
    public static final Set<Service> SLICE = EnumSet.of(Service.EC2, Service.ELASTIC_LOAD_BALANCING,
            Service.AUTO_SCALING, Service.RDS, Service.KMS, Service.S3, Service.CLOUDWATCH_LOGS, Service.IAM,
            Service.CODEDEPLOY);
    /**
     * A region's operations, beside its slice: its notification topic, alarms and dashboard (the secondary's), the
     * event rules to the other region's bus, Patch Manager's maintenance window and, in B, the recovery runbook.
     */
    public static final Set<Service> OPERATIONS = EnumSet.of(Service.SNS, Service.CLOUDWATCH, Service.EVENTBRIDGE,
            Service.SYSTEMS_MANAGER);
    /** The pairs the primary builds in B: the replica bucket (or native's store) and its key, the secret's replica, B's repository. */
    public static final Set<Service> PAIRS_IN_B = EnumSet.of(Service.S3, Service.KMS, Service.IAM,
            Service.SECRETS_MANAGER, Service.ECR);

    /**
     * What a stack builds besides its slice and its delivery, as far as it decides the services the stack needs.
     *
     * @param domain       a domain is configured (certificates and DNS records)
     * @param interRegion  the inter-region network is on (the primary builds B's transit gateway too)
     * @param accountTrail the primary builds the account trail (CloudTrail in A)
     * @param securityHub  the stack builds Security Hub in its region (and the primary the finding aggregator in A)
     * @param config       the stack builds AWS Config's recorder or rules in its region
     * @param global       the services the stack registers through the global provider in {@link #GLOBAL} (the
     *                     secondary's front door: CloudFront, its web ACL, certificate and logs, Route 53 health checks,
     *                     and the alarms on their metrics)
     */
    public record Parts(boolean domain, boolean interRegion, boolean accountTrail, boolean securityHub, boolean config,
                        Set<Service> global) {

        public Parts {
            global = global.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(global));
        }

        /** Only the slice and the delivery path (and a domain or not). */
        public static Parts only(boolean domain) {
            return new Parts(domain, false, false, false, false, Set.of());
        }

        /** What the stack's settings ask for. */
        public static Parts of(Role role, Optional<DomainSettings> domain, InterRegionSettings interRegion,
                               GovernanceSettings governance, FrontDoorSettings frontDoor) {
            boolean primary = role == Role.PRIMARY;
            return new Parts(domain.isPresent(), interRegion.enabled(), primary && governance.accountTrail(),
                    governance.securityHub() || primary && governance.findingAggregator(),
                    governance.config() || governance.configRules(),
                    primary ? Set.of() : frontDoor(frontDoor, domain));
        }

        /** The front door's services in {@link #GLOBAL}, as {@code edge/FrontDoor} registers them. */
        static Set<Service> frontDoor(FrontDoorSettings frontDoor, Optional<DomainSettings> domain) {
            Set<Service> out = EnumSet.noneOf(Service.class);
            if (frontDoor.healthChecked(domain)) {
                out.add(Service.ROUTE53); // health checks, the failover switch's among them, and failover records
                // the alarms on the health checks' metrics (published in us-east-1), their topic and its key
                out.addAll(List.of(Service.CLOUDWATCH, Service.SNS, Service.KMS));
            }
            if (frontDoor.cloudFront()) {
                out.add(Service.CLOUDFRONT);
                // the alarm on the distribution's 5xx rate (CloudFront's metrics are in us-east-1), its topic and key
                out.addAll(List.of(Service.CLOUDWATCH, Service.SNS, Service.KMS));
                if (frontDoor.waf()) {
                    out.add(Service.WAF);
                }
                if (frontDoor.waf() || frontDoor.distribution().accessLogs()) {
                    out.addAll(List.of(Service.CLOUDWATCH_LOGS, Service.KMS)); // the edge's log groups and their key
                }
                if (domain.isPresent()) {
                    out.addAll(List.of(Service.ACM, Service.ROUTE53)); // the certificate and the alias record
                }
            }
            return out;
        }
    }

    /** The region of the global provider: CloudFront, CLOUDFRONT-scoped WAF and their certificate live there. */
    public static final AwsRegion GLOBAL = ProviderRegistry.GLOBAL_REGION;

    /** {@link #needs(Role, AwsRegion, AwsRegion, DeliveryPath, TriggerMode, Parts)} of the slice and delivery only. */
    public static Map<AwsRegion, Set<Service>> needs(Role role, AwsRegion a, AwsRegion b, DeliveryPath path,
                                                      TriggerMode trigger, boolean domain) {
        return needs(role, a, b, path, trigger, Parts.only(domain));
    }

    /**
     * The services one stack registers resources of, by region.
     *
     * @param role    the stack's role
     * @param a       region A
     * @param b       region B
     * @param path    the delivery path
     * @param trigger how B's trigger learns of a new release
     * @param parts   what else the stack builds
     */
    public static Map<AwsRegion, Set<Service>> needs(Role role, AwsRegion a, AwsRegion b, DeliveryPath path,
                                                      TriggerMode trigger, Parts parts) {
        Map<AwsRegion, Set<Service>> out = new LinkedHashMap<>();
        Set<Service> home = EnumSet.copyOf(SLICE);
        home.addAll(OPERATIONS);
        if (parts.domain()) {
            home.addAll(List.of(Service.ACM, Service.ROUTE53));
        }
        // governance in the stack's own region: the account trail (primary), Security Hub, AWS Config
        if (parts.accountTrail()) {
            home.add(Service.CLOUDTRAIL);
        }
        if (parts.securityHub()) {
            home.add(Service.SECURITY_HUB);
        }
        if (parts.config()) {
            home.add(Service.CONFIG);
        }
        if (role == Role.PRIMARY) {
            // the pairs' A side (global cluster, secret, repository and its replication) and the source pipeline
            home.addAll(List.of(Service.SECRETS_MANAGER, Service.ECR, Service.CODEPIPELINE, Service.CODEBUILD));
            home.add(path.source() == SourceMode.CONNECTION ? Service.CODECONNECTIONS : Service.EVENTBRIDGE);
            out.put(a, home);
            Set<Service> inB = EnumSet.copyOf(PAIRS_IN_B);
            if (parts.interRegion()) {
                inB.add(Service.EC2); // B's transit gateway, its route table, the peering's accepter and routes
            }
            out.put(b, inB);
        } else {
            switch (path.mode()) {
                case BESPOKE -> home.addAll(List.of(Service.CODEPIPELINE, Service.CODEBUILD, Service.EVENTBRIDGE));
                case PIPELINE_FREE -> home.addAll(DeliveryPath.DEPLOYER_IN_B);
                case NATIVE -> {
                    // A's pipeline deploys here: nothing of B's own delivery
                }
            }
            if (path.mode().replicates() && trigger == TriggerMode.CLOUDTRAIL) {
                home.add(Service.CLOUDTRAIL);
            }
            out.put(b, home);
        }
        if (!parts.global().isEmpty()) {
            out.computeIfAbsent(GLOBAL, r -> EnumSet.noneOf(Service.class)).addAll(parts.global());
        }
        return out;
    }

    /**
     * Adds a problem for each region of {@link #needs} that lacks a service: it names the services, the region, why
     * the stack needs them there, and regions of the same partition that offer them all.
     */
    public static void check(Role role, AwsRegion a, AwsRegion b, DeliveryPath path, TriggerMode trigger, Parts parts,
                             Problems problems) {
        needs(role, a, b, path, trigger, parts).forEach((region, services) -> {
            Set<Service> missing = RegionCapabilities.of(region).missing(services);
            if (missing.isEmpty()) {
                return;
            }
            String key = region.equals(a) ? "primaryRegion" : region.equals(b) ? "secondaryRegion" : "frontDoor";
            String what = !region.equals(a) && !region.equals(b) ? "the front door's global services (CloudFront, its web ACL, "
                    + "certificate and logs, Route 53 health checks, and their alarms)"
                    : role == Role.PRIMARY && region.equals(b)
                    ? "the pairs the primary stack builds in region B (the replica bucket, its key, the secret's replica, "
                    + "the image repository" + (parts.interRegion() ? ", B's transit gateway" : "") + ")"
                    : "the " + role.value() + " stack's resources in its region (its application slice and its "
                    + path.mode().value() + " delivery" + (role == Role.PRIMARY ? " with a " + path.source().value()
                    + " source" : "") + ")";
            List<AwsRegion> instead = RegionCapabilities.offering(region.partition(), services).stream()
                    .filter(r -> !r.equals(a) && !r.equals(b)).toList();
            problems.add(new Problem("multiregion:" + key, region.code(), Problem.Kind.UNSUPPORTED_IN_REGION, "("
                    + region.description() + ") offers no " + DeliveryPath.names(missing) + " ("
                    + RegionCapabilities.dataSource() + "), which " + what + " needs", instead.isEmpty()
                    ? "no region of partition " + region.partition() + " offers all of them: deploy this stack elsewhere"
                    : "choose a region of partition " + region.partition() + " that offers them, e.g. "
                    + DeliveryPath.some(instead)));
        });
    }
}
