package io.multiregion.edge;

import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.route53.inputs.RecordFailoverRoutingPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.multiregion.config.FrontDoorSettings;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;
import io.multiregion.values.Outputs;
import io.multiregion.web.LoadBalancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Route 53 failover between the two regions' load balancers: a PRIMARY alias record on A's load balancer and a
 * SECONDARY one on B's, under one name, each with a health check on {@value LoadBalancer#HEALTH_PATH} of its region's
 * own name ({@code <region>.<domain>}), never of the failover name itself, which would check whichever region the
 * record answers with (Route 53 Developer Guide, "Values specific for failover alias records").
 *
 * <p>The checks are HTTPS with SNI on port 443 (a load balancer's certificate is chosen by the name in the TLS
 * handshake: Route 53 API Reference, HealthCheckConfig, EnableSNI), every {@code intervalSeconds} (10 or 30; it cannot
 * change without replacing the check: terraform-provider-aws, route53/health_check.go, request_interval ForceNew) and
 * unhealthy after {@code failureThreshold} failed checks. The alias records also evaluate the load balancer's target
 * health: a load balancer without a healthy target is unhealthy even if it answers.
 *
 * <p><b>The drill.</b> A's record is gated by a calculated health check over A's endpoint check. Normally it needs
 * that one child healthy; with {@code activeRegion: secondary} it needs two of its one child, which Route 53 never
 * finds ("If you specify a number greater than the number of child health checks, Route 53 always considers this
 * health check to be unhealthy": Route 53 API Reference, UpdateHealthCheck, HealthThreshold), so A's record is
 * unhealthy and Route 53 answers with B's, whatever A's real state. It is an in-place update of one health check.
 *
 * <p><b>The failover switch.</b> With the recovery runbook's switch (a health check on an alarm in B), the gate has
 * a second child and needs both healthy: when the runbook publishes its metric in B, the switch turns unhealthy, A's
 * record with it, and Route 53's data plane answers with B's, with no control-plane call at the time of the failover.
 * The drill then needs three of two.
 * Inverting A's own check instead would send users back to A the moment A really fails.
 *
 * <p><b>Both unhealthy.</b> When every record of the group is unhealthy, Route 53 considers all of them healthy and
 * answers as if nothing failed (Route 53 API Reference, ResourceRecordSet, HealthCheckId), that is with A's record.
 * A standby scaled to zero (no healthy target in B) while A is down therefore leaves users on A's failing load
 * balancer; and during a drill, a standby without healthy targets sends users back to A.
 *
 * <p>All of it is Route 53, a global service controlled from us-east-1: place the component with the global provider.
 */
public final class DnsFailover extends ComponentResource {

    /** The port the health checks use: HTTPS on the regional name, which the load balancer's certificate covers. */
    public static final int PORT = 443;

    /**
     * One region behind the failover name.
     *
     * @param region              the region
     * @param regionalName        the region's own name, which its load balancer's certificate covers
     * @param loadBalancerDnsName the load balancer's DNS name (the alias target)
     * @param loadBalancerZoneId  the load balancer's canonical hosted zone (the alias target's zone)
     */
    public record Target(AwsRegion region, String regionalName, Output<String> loadBalancerDnsName,
                         Output<String> loadBalancerZoneId) {
    }

    /**
     * Built with {@link #builder()}.
     *
     * @param project        the project, in tags
     * @param stack          the stack, in tags
     * @param zoneId         the hosted zone of the domain
     * @param recordName     the failover name (the application's name without CloudFront, a name of its own for the
     *                       distribution's writes with CloudFront)
     * @param primary        region A (PRIMARY)
     * @param secondary      region B (SECONDARY)
     * @param checks         interval and failure threshold
     * @param drill          send users to B while both are healthy ({@code activeRegion: secondary}; default false)
     * @param failoverSwitch the recovery runbook's failover switch (a health check id), which A's record also needs
     *                       healthy (default none)
     */
    public record Args(String project, String stack, String zoneId, String recordName, Target primary, Target secondary,
                       FrontDoorSettings.HealthChecks checks, boolean drill, Optional<Output<String>> failoverSwitch) {

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private String project;
            private String stack;
            private String zoneId;
            private String recordName;
            private Target primary;
            private Target secondary;
            private FrontDoorSettings.HealthChecks checks;
            private boolean drill;
            private Optional<Output<String>> failoverSwitch = Optional.empty();

            private Builder() {
            }

            /** The project and the stack, in tags. */
            public Builder names(String project, String stack) {
                this.project = project;
                this.stack = stack;
                return this;
            }

            /**
             * The hosted zone of the domain and the failover name in it (the application's name without CloudFront, a
             * name of its own for the distribution's writes with CloudFront).
             */
            public Builder record(String zoneId, String recordName) {
                this.zoneId = zoneId;
                this.recordName = recordName;
                return this;
            }

            /** Region A (PRIMARY) and region B (SECONDARY). */
            public Builder targets(Target primary, Target secondary) {
                this.primary = primary;
                this.secondary = secondary;
                return this;
            }

            /** The health checks' interval and failure threshold. */
            public Builder checks(FrontDoorSettings.HealthChecks checks) {
                this.checks = checks;
                return this;
            }

            /** Send users to B while both are healthy ({@code activeRegion: secondary}; default false). */
            public Builder drill(boolean drill) {
                this.drill = drill;
                return this;
            }

            /**
             * The recovery runbook's failover switch (a health check id), which A's record also needs healthy (default
             * none).
             */
            public Builder failoverSwitch(Optional<Output<String>> failoverSwitch) {
                this.failoverSwitch = failoverSwitch;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(project, "names are required"), stack,
                        Objects.requireNonNull(zoneId, "record is required"), recordName,
                        Objects.requireNonNull(primary, "targets are required"), secondary,
                        Objects.requireNonNull(checks, "checks are required"), drill, failoverSwitch);
            }
        }
    }

    /** A's endpoint health check. */
    @Export(name = "primaryHealthCheckId", refs = {String.class}, tree = "[0]")
    public final Output<String> primaryHealthCheckId;
    /** B's endpoint health check. */
    @Export(name = "secondaryHealthCheckId", refs = {String.class}, tree = "[0]")
    public final Output<String> secondaryHealthCheckId;
    /** The calculated check on A's record (the drill's gate). */
    @Export(name = "primaryGateId", refs = {String.class}, tree = "[0]")
    public final Output<String> primaryGateId;

    public DnsFailover(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:edge:DnsFailover", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        HealthCheck primary = endpointCheck(name + "-primary-check", args, args.primary(), child);
        HealthCheck secondary = endpointCheck(name + "-secondary-check", args, args.secondary(), child);
        // The gate's children: A's endpoint check and, where the recovery runbook can flip it, the failover switch
        // (healthy while the switch is off). All of them healthy: A's record follows A; one more than there are
        // children: never healthy (the drill).
        List<Output<String>> children = new ArrayList<>(List.of(primary.id()));
        args.failoverSwitch().ifPresent(children::add);
        HealthCheck gate = new HealthCheck(name + "-primary-gate", HealthCheckArgs.builder()
                .type("CALCULATED")
                .childHealthchecks(Output.all(children))
                .childHealthThreshold(args.drill() ? children.size() + 1 : children.size())
                .tags(Map.of("Name", tag(args, "gate-" + args.primary().region().code())))
                .build(), child);
        this.primaryHealthCheckId = primary.id();
        this.secondaryHealthCheckId = secondary.id();
        this.primaryGateId = gate.id();

        record(name + "-primary", args, args.primary(), "PRIMARY", gate, child);
        record(name + "-secondary", args, args.secondary(), "SECONDARY", secondary, child);

        registerOutputs(Map.of("primaryHealthCheckId", primaryHealthCheckId,
                "secondaryHealthCheckId", secondaryHealthCheckId, "primaryGateId", primaryGateId));
    }

    private static HealthCheck endpointCheck(String name, Args args, Target target, CustomResourceOptions options) {
        return new HealthCheck(name, HealthCheckArgs.builder()
                .type("HTTPS")
                .fqdn(target.regionalName())
                .port(PORT)
                .resourcePath(LoadBalancer.HEALTH_PATH)
                .enableSni(true)
                .requestInterval(args.checks().intervalSeconds())
                .failureThreshold(args.checks().failureThreshold())
                .tags(Map.of("Name", tag(args, "health-" + target.region().code())))
                .build(), options);
    }

    private static void record(String name, Args args, Target target, String role, HealthCheck check,
                               CustomResourceOptions options) {
        new Record(name, RecordArgs.builder()
                .zoneId(args.zoneId())
                .name(args.recordName())
                .type("A")
                .setIdentifier(role.toLowerCase(Locale.ROOT) + "-" + target.region().code())
                .failoverRoutingPolicies(RecordFailoverRoutingPolicyArgs.builder().type(role).build())
                .healthCheckId(check.id())
                .aliases(RecordAliasArgs.builder()
                        .name(target.loadBalancerDnsName())
                        .zoneId(target.loadBalancerZoneId())
                        .evaluateTargetHealth(true)
                        .build())
                .build(), options);
    }

    /** The health check's Name tag (Route 53 shows it in the console; tag values hold 256 characters). */
    private static String tag(Args args, String what) {
        return Names.fit(args.project() + "-" + args.stack() + "-" + what, 256);
    }
}
