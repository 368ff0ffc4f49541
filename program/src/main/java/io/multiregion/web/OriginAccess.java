package io.multiregion.web;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Stash;
import com.pulumi.resources.StashArgs;
import io.multiregion.regions.AwsRegion;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a load balancer behind the front door admits only the front door and the health checkers, the way AWS documents
 * it (CloudFront Developer Guide, "Restrict access to Application Load Balancers"): its security group admits
 * CloudFront's origin-facing servers only (the AWS-managed prefix list), and its listener forwards only requests that
 * carry a secret header which CloudFront adds to every origin request ({@value #HEADER}); everything else gets 403.
 * The prefix list alone is not enough: every CloudFront distribution, anyone's, sends from those addresses.
 *
 * <p>Where Route 53 health checks reach the load balancer directly (DNS failover with a domain), they come from the
 * Route 53 health checkers' prefix list, in a security group of its own, and may ask {@code /health} without the
 * header: health checkers cannot send custom headers. A prefix list counts against a security group's rules by its
 * weight, not by one (Amazon VPC User Guide, "AWS-managed prefix lists", weights: CloudFront origin-facing 55, Route 53
 * health checks 25), and a group holds 60 inbound rules by default (Amazon VPC User Guide, "Amazon VPC quotas",
 * "Inbound or outbound rules per security group"): the two lists never share a group.
 */
public final class OriginAccess {
    private OriginAccess() {
    }

    /** The header CloudFront adds to every origin request and the listener requires. */
    public static final String HEADER = "X-Origin-Verify";
    /** CloudFront's origin-facing servers, IPv4 (Amazon VPC User Guide, "AWS-managed prefix lists"). */
    public static final String CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";
    /** Rules-per-group weight of the CloudFront origin-facing prefix list (same page). */
    public static final int CLOUDFRONT_WEIGHT = 55;
    /** Rules-per-group weight of a region's Route 53 health-check prefix list (same page). */
    public static final int HEALTH_CHECKERS_WEIGHT = 25;
    /** Inbound rules per security group, the default quota (Amazon VPC User Guide, "Amazon VPC quotas"). */
    public static final int RULES_PER_GROUP = 60;

    /**
     * Characters of the secret: letters and digits only. A listener's http-header condition treats {@code *} and
     * {@code ?} as wildcards (ELB User Guide for ALBs, "Listener rules", HTTP header conditions), and CloudFront and
     * the listener both pass these unchanged.
     */
    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /**
     * 48 characters: a listener condition value holds at most 128 (same page) and compares without regard to case,
     * which leaves 36 symbols per character, about 248 bits.
     */
    public static final int SECRET_LENGTH = 48;

    /** Route 53's health checkers, IPv4, as seen from a region (Route 53 Developer Guide, "IP address ranges of Route 53 servers"). */
    public static String healthCheckersPrefixList(AwsRegion region) {
        return "com.amazonaws." + region.code() + ".route53-healthchecks";
    }

    /** The rules-per-group weight of an AWS-managed prefix list this program uses, by name. */
    public static int weight(String prefixListName) {
        if (prefixListName.equals(CLOUDFRONT_PREFIX_LIST)) {
            return CLOUDFRONT_WEIGHT;
        }
        if (prefixListName.matches("^com\\.amazonaws\\.[a-z0-9-]+\\.route53-healthchecks$")) {
            return HEALTH_CHECKERS_WEIGHT;
        }
        throw new IllegalArgumentException("no known weight for prefix list " + prefixListName);
    }

    /** Checks that the prefix lists one security group references fit its rules (they count by weight). */
    public static void checkFits(String group, List<String> prefixLists) {
        int total = prefixLists.stream().mapToInt(OriginAccess::weight).sum();
        if (total > RULES_PER_GROUP) {
            throw new IllegalStateException("security group " + group + " would reference prefix lists " + prefixLists
                    + " weighing " + total + " rules, above the " + RULES_PER_GROUP + " a group holds by default");
        }
    }

    /** A fresh secret of {@link #SECRET_LENGTH} characters of {@link #ALPHABET}. */
    public static String generate(SecureRandom random) {
        StringBuilder out = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /**
     * The secret, generated once and kept: a Pulumi {@code Stash} saves the value of its first run in the stack's state
     * and returns it on every later run (Pulumi docs, Concepts, "Stash"), so both load balancers and the distribution
     * agree on it for good; the value drawn on later runs is ignored ({@code ignoreChanges}, so a run shows no diff).
     * It is a Pulumi secret everywhere: in the state, in the stack output that hands it to the secondary, and in every
     * input built from it. Owned by the primary, which is deployed first; the secondary reads it through the contract.
     *
     * @param name    the stash's logical name
     * @param options the stash's options (a parent, for instance); {@code ignoreChanges} is added
     */
    public static Output<String> secret(String name, CustomResourceOptions.Builder options) {
        Stash stash = new Stash(name, StashArgs.builder().input(Output.ofSecret(generate(new SecureRandom()))).build(),
                options.ignoreChanges(List.of("input")).build());
        return stash.output().applyValue(value -> Objects.toString(value, null)).asSecret();
    }

    /**
     * Who may reach a load balancer.
     *
     * @param frontDoorSecret empty: anyone on the internet (no front door, or DNS failover only); present: only
     *                        CloudFront's origin-facing servers, with this value in {@value #HEADER}
     * @param healthCheckers  with a front door: Route 53's health checkers may also ask {@code /health} over HTTPS (DNS
     *                        failover with a domain checks each region's own name)
     */
    public record Ingress(Optional<Output<String>> frontDoorSecret, boolean healthCheckers) {
        /** Anyone (the default). */
        public static final Ingress PUBLIC = new Ingress(Optional.empty(), false);

        public Ingress {
            Objects.requireNonNull(frontDoorSecret, "frontDoorSecret");
            if (frontDoorSecret.isEmpty() && healthCheckers) {
                throw new IllegalArgumentException("health checkers are admitted on their own only behind a front door");
            }
        }

        /** Only the front door, and the health checkers when they check this load balancer. */
        public static Ingress frontDoor(Output<String> secret, boolean healthCheckers) {
            return new Ingress(Optional.of(secret), healthCheckers);
        }

        /** Whether only the front door (and the health checkers) may reach the load balancer. */
        public boolean restricted() {
            return frontDoorSecret.isPresent();
        }

        /** What the contract records of it: {@code {cloudFront, healthCheckers}}. */
        public Map<String, Object> export() {
            return Map.of("cloudFront", restricted(), "healthCheckers", healthCheckers);
        }
    }
}
