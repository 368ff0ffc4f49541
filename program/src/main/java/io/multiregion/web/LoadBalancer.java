package io.multiregion.web;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListArgs;
import com.pulumi.aws.ec2.outputs.GetManagedPrefixListResult;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.values.Outputs;
import io.multiregion.compute.AppTier;
import io.multiregion.config.DomainSettings;
import io.multiregion.naming.Names;
import io.multiregion.network.Connectable;
import io.multiregion.regions.AwsRegion;
import io.multiregion.storage.SecureBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A region's web tier: an internet-facing Application Load Balancer in the public subnets, its security group
 * (80, and 443 with a domain, from the internet; nothing else; behind a front door only CloudFront and the health
 * checkers, see {@link OriginAccess}), a target group for the application tier whose
 * health check asks {@value #HEALTH_PATH}, access logs to an SSE-S3 bucket in the same region, and the listeners.
 *
 * <p>FSBP controls met from the inputs: ELB.4 (drop invalid header fields), ELB.5 (access logs), ELB.6 (deletion
 * protection, from {@link Args#deletionProtection()}), ELB.12 ({@value #DESYNC_MODE} desync mitigation), ELB.13
 * (subnets in several zones, from the caller), and with a domain ELB.1 (HTTP redirects to HTTPS) and ELB.17
 * (listener on the recommended policy {@value #TLS_POLICY}). <b>Exception to ELB.1 and ELB.17</b>: without a
 * domain there is no certificate, so the load balancer serves plain HTTP on port 80 and has no TLS listener, until
 * {@code multiregion:domain} is set or a front door terminates TLS.
 *
 * <p>The component is placed in a region by the provider in its options; every child takes it from this parent. Its
 * name is at most 21 characters of letters, digits and hyphens: the target group's logical name ({@code <name>-tg})
 * plus Pulumi's random suffix must fit the 32 characters of a target group name.
 */
public final class LoadBalancer extends ComponentResource implements AppTier.Frontend {

    public static final String HEALTH_PATH = "/health";
    /**
     * The TLS 1.3 and 1.2 policy Elastic Load Balancing recommends for HTTPS listeners (ELB User Guide for ALBs,
     * "Security policies for your Application Load Balancer"; FSBP ELB.17 accepts it).
     */
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    /** FSBP ELB.12 passes for defensive or strictest; defensive keeps RFC-7230-compliant clients working. */
    public static final String DESYNC_MODE = "defensive";
    /** Where the load balancer writes its access logs in the bucket (below it: AWSLogs/<account>/). */
    public static final String LOG_PREFIX = "alb";
    /** Health check every 15 s, 5 s timeout: the timeout must be below the interval (ELB API Reference, CreateTargetGroup). */
    public static final int HEALTH_INTERVAL = 15;
    public static final int HEALTH_TIMEOUT = 5;
    /** The internet, the only source the load balancer admits (FSBP EC2.18 allows 80 and 443 from it). */
    public static final String ANYWHERE = "0.0.0.0/0";

    /**
     * @param region             the region the component is placed in (log-delivery principal, regional name)
     * @param vpcId              the region's VPC
     * @param publicSubnetIds    the public subnets, one per zone (at least two: FSBP ELB.13)
     * @param appPort            the application tier's port the target group sends traffic to (default
     *                           {@value io.multiregion.compute.AppTier#DEFAULT_APP_PORT})
     * @param deletionProtection refuse deletion of the load balancer (FSBP ELB.6; default true)
     * @param protectData        protect the access-log bucket from deletion by Pulumi (default true)
     * @param noncurrentDays     days a noncurrent log object version is kept
     * @param domain             hosted zone and application name; empty serves HTTP only (the ELB.1 exception above)
     * @param internetGateway    what the load balancer waits for before it is created: the VPC's internet gateway and
     *                           its route ({@code Network#internetGateway}); required, since Elastic Load Balancing
     *                           refuses an internet-facing load balancer in a VPC without one
     * @param applicationNameRecord with a domain, who writes the ACM validation record of the application's name: empty
     *                           when this stack owns it and writes it (the primary); otherwise the FQDN of the record its
     *                           owner wrote, which this stack's certificate validates against without writing it
     *                           (default empty)
     * @param ingress            who may reach it: anyone (default), or only the front door and the health checkers
     *                           ({@link OriginAccess})
     */
    public record Args(AwsRegion region, Output<String> vpcId, Output<List<String>> publicSubnetIds, int appPort,
                       boolean deletionProtection, boolean protectData, int noncurrentDays,
                       Optional<DomainSettings> domain, List<Resource> internetGateway,
                       Optional<Output<String>> applicationNameRecord, OriginAccess.Ingress ingress) {
        public Args {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(applicationNameRecord, "applicationNameRecord");
            Objects.requireNonNull(ingress, "ingress");
            internetGateway = List.copyOf(internetGateway);
            if (internetGateway.isEmpty()) {
                throw new IllegalArgumentException("an internet-facing load balancer needs its VPC's internet gateway to "
                        + "wait for (InvalidSubnet otherwise: terraform-provider-aws#3494)");
            }
            if (appPort < 1 || appPort > 65535) {
                throw new IllegalArgumentException("appPort must be 1 to 65535: " + appPort);
            }
            if (ingress.healthCheckers() && domain.isEmpty()) {
                throw new IllegalArgumentException("Route 53 health checks reach a load balancer over HTTPS on its "
                        + "regional name, which needs a domain");
            }
        }

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private AwsRegion region;
            private Output<String> vpcId;
            private Output<List<String>> publicSubnetIds;
            private int appPort = AppTier.DEFAULT_APP_PORT;
            private boolean deletionProtection = true;
            private boolean protectData = true;
            private Integer noncurrentDays;
            private Optional<DomainSettings> domain = Optional.empty();
            private List<Resource> internetGateway;
            private Optional<Output<String>> applicationNameRecord = Optional.empty();
            private OriginAccess.Ingress ingress = OriginAccess.Ingress.PUBLIC;

            private Builder() {
            }

            /** The region the component is placed in (log-delivery principal, regional name). */
            public Builder region(AwsRegion region) {
                this.region = region;
                return this;
            }

            /** The region's VPC. */
            public Builder vpcId(Output<String> vpcId) {
                this.vpcId = vpcId;
                return this;
            }

            /** The public subnets, one per zone (at least two: FSBP ELB.13). */
            public Builder publicSubnetIds(Output<List<String>> publicSubnetIds) {
                this.publicSubnetIds = publicSubnetIds;
                return this;
            }

            /**
             * The application tier's port the target group sends traffic to (default
             * {@value io.multiregion.compute.AppTier#DEFAULT_APP_PORT}).
             */
            public Builder appPort(int appPort) {
                this.appPort = appPort;
                return this;
            }

            /** Refuse deletion of the load balancer (FSBP ELB.6; default true). */
            public Builder deletionProtection(boolean deletionProtection) {
                this.deletionProtection = deletionProtection;
                return this;
            }

            /** Protect the access-log bucket from deletion by Pulumi (default true). */
            public Builder protectData(boolean protectData) {
                this.protectData = protectData;
                return this;
            }

            /** Days a noncurrent log object version is kept. */
            public Builder noncurrentDays(int noncurrentDays) {
                this.noncurrentDays = noncurrentDays;
                return this;
            }

            /** Hosted zone and application name; empty serves HTTP only (the ELB.1 exception above). */
            public Builder domain(Optional<DomainSettings> domain) {
                this.domain = domain;
                return this;
            }

            /**
             * What the load balancer waits for before it is created: the VPC's internet gateway and its route
             * ({@code Network#internetGateway}); required, since Elastic Load Balancing refuses an internet-facing
             * load balancer in a VPC without one.
             */
            public Builder internetGateway(List<Resource> internetGateway) {
                this.internetGateway = internetGateway;
                return this;
            }

            /**
             * With a domain, who writes the ACM validation record of the application's name: empty when this stack
             * owns it and writes it (the primary); otherwise the FQDN of the record its owner wrote, which this
             * stack's certificate validates against without writing it (default empty).
             */
            public Builder applicationNameRecord(Optional<Output<String>> applicationNameRecord) {
                this.applicationNameRecord = applicationNameRecord;
                return this;
            }

            /**
             * Who may reach it: anyone (default), or only the front door and the health checkers
             * ({@link OriginAccess}).
             */
            public Builder ingress(OriginAccess.Ingress ingress) {
                this.ingress = ingress;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(region, "region is required"),
                        Objects.requireNonNull(vpcId, "vpcId is required"),
                        Objects.requireNonNull(publicSubnetIds, "publicSubnetIds is required"), appPort,
                        deletionProtection, protectData,
                        Objects.requireNonNull(noncurrentDays, "noncurrentDays is required"), domain,
                        Objects.requireNonNull(internetGateway, "internetGateway is required"),
                        applicationNameRecord, ingress);
            }
        }
    }

    /** The load balancer's ARN. */
    @Export(name = "loadBalancerArn", refs = {String.class}, tree = "[0]")
    public final Output<String> loadBalancerArn;
    /** Its DNS name (for alias records and origins). */
    @Export(name = "dnsName", refs = {String.class}, tree = "[0]")
    public final Output<String> dnsName;
    /** Its canonical hosted zone id (for alias records). */
    public final Output<String> zoneId;
    /** The load balancer's security group; the application tier admits traffic from it only. */
    @Export(name = "securityGroupId", refs = {String.class}, tree = "[0]")
    public final Output<String> securityGroupId;
    /** The application tier's target group. */
    @Export(name = "targetGroupArn", refs = {String.class}, tree = "[0]")
    public final Output<String> targetGroupArn;
    /** Its name, which a CodeDeploy deployment group's load balancer info takes. */
    public final Output<String> targetGroupName;
    /**
     * The {@code ALBRequestCountPerTarget} resource label ({@code app/<lb>/<id>/targetgroup/<tg>/<id>}), known once a
     * listener forwards to the target group, so a scaling policy using it waits for that listener.
     */
    public final Output<String> requestCountLabel;
    /** The access-log bucket (SSE-S3). */
    public final SecureBucket logs;
    /** The listener that forwards to the target group (HTTPS with a domain, HTTP without). */
    public final Listener forwardingListener;
    /** The certificate validation, when a domain is configured. */
    public final Optional<CertificateValidation> certificateValidation;
    /**
     * The FQDN of the ACM validation record of the application's name, when this load balancer's stack wrote it (a
     * domain, and no {@link Args#applicationNameRecord}): the other stack's certificate validates against it.
     */
    public final Optional<Output<String>> applicationNameRecordFqdn;
    /**
     * The DNS validation records this load balancer's stack wrote, by the name each validates (with a domain: its
     * regional name, and in the stack that owns it the application's name). ACM asks the same record of every
     * certificate in the account for a name, so another certificate for one of these names (the front door's in
     * us-east-1) validates against it and waits for it.
     */
    public final Map<String, Record> validationRecords;
    /** The URL users reach this region's application at. */
    @Export(name = "url", refs = {String.class}, tree = "[0]")
    public final Output<String> url;

    public LoadBalancer(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:web:LoadBalancer", name, options);
        // both names checked before anything is registered
        String albName = Names.elb(name, Names.LOAD_BALANCER);
        String targetGroupName = Names.elb(name + "-tg", Names.TARGET_GROUP);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        AwsRegion region = args.region();

        Output<String> account = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(),
                new InvokeOutputOptions(this, null, null, List.of())).applyValue(GetCallerIdentityResult::accountId);

        // ALB access logs support SSE-S3 only, not SSE-KMS (ELB User Guide for ALBs, "Enable access logs",
        // bucket requirements), in the load balancer's region: SecureBucket's access-log mode (no key).
        this.logs = new SecureBucket(name + "-logs", new SecureBucket.Args(region,
                Optional.empty(), Optional.empty(), args.noncurrentDays(), args.protectData(),
                bucket -> List.of(LogDelivery.statement(region, bucket.arn(), LOG_PREFIX, account))),
                ComponentResourceOptions.builder().parent(this).build());

        SecurityGroup sg = new SecurityGroup(Names.autoNamed(name + "-alb", Names.SECURITY_GROUP), SecurityGroupArgs.builder()
                .description("Internet-facing load balancer: HTTP(S) in from the internet, the app port out to the app tier")
                .vpcId(args.vpcId())
                // no inline rules: the provider removes the default allow-all egress of a new group (aws.ec2.SecurityGroup
                // docs), and each flow is one SecurityGroupIngressRule/EgressRule resource (the egress: allowTo).
                .build(), child);
        this.securityGroupId = sg.id();
        // The group's description is kept as it was although a front door narrows what it admits: a security group's
        // description cannot change without replacing the group (terraform-provider-aws, vpc_security_group.go:
        // description is ForceNew); the rules below say what it admits.
        OriginAccess.Ingress ingress = args.ingress();
        List<Output<String>> groups = new ArrayList<>(List.of(sg.id()));
        if (ingress.restricted()) {
            // Only the front door: CloudFront's origin-facing servers, on the one port it connects to (HTTPS to the
            // regional name with a domain, HTTP without). One rule: the prefix list weighs 55 of the group's 60.
            int port = args.domain().isPresent() ? 443 : 80;
            OriginAccess.checkFits(name + "-alb", List.of(OriginAccess.CLOUDFRONT_PREFIX_LIST));
            new SecurityGroupIngressRule(name + "-alb-in-" + port, SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(sg.id())
                    .description((port == 443 ? "HTTPS" : "HTTP") + " from the CloudFront origin-facing servers only")
                    .ipProtocol("tcp").fromPort(port).toPort(port)
                    .prefixListId(prefixListId(OriginAccess.CLOUDFRONT_PREFIX_LIST))
                    .build(), child);
            if (ingress.healthCheckers()) {
                // Route 53's health checkers in a group of their own (their list weighs 25: with CloudFront's 55 it
                // would exceed one group's 60 rules).
                String checkers = OriginAccess.healthCheckersPrefixList(region);
                OriginAccess.checkFits(name + "-health", List.of(checkers));
                SecurityGroup health = new SecurityGroup(Names.autoNamed(name + "-health", Names.SECURITY_GROUP),
                        SecurityGroupArgs.builder()
                                .description("Route 53 health checkers: HTTPS to the load balancer, for /health only")
                                .vpcId(args.vpcId())
                                .build(), child);
                new SecurityGroupIngressRule(name + "-health-in-443", SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(health.id())
                        .description("HTTPS from the Route 53 health checkers")
                        .ipProtocol("tcp").fromPort(443).toPort(443)
                        .prefixListId(prefixListId(checkers))
                        .build(), child);
                groups.add(health.id());
            }
        } else {
            List<Integer> ports = args.domain().isPresent() ? List.of(80, 443) : List.of(80);
            for (int port : ports) {
                new SecurityGroupIngressRule(name + "-alb-in-" + port, SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(sg.id())
                        .description((port == 443 ? "HTTPS" : "HTTP") + " from the internet")
                        .ipProtocol("tcp").fromPort(port).toPort(port).cidrIpv4(ANYWHERE)
                        .build(), child);
            }
        }

        var alb = new com.pulumi.aws.lb.LoadBalancer(albName, LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .subnets(args.publicSubnetIds())
                .securityGroups(groups.size() == 1 ? Outputs.listOf(sg.id()) : Output.all(groups))
                .dropInvalidHeaderFields(true)       // FSBP ELB.4
                .desyncMitigationMode(DESYNC_MODE)   // FSBP ELB.12
                .enableDeletionProtection(args.deletionProtection()) // FSBP ELB.6
                .accessLogs(LoadBalancerAccessLogsArgs.builder()    // FSBP ELB.5
                        .bucket(logs.bucketName).prefix(LOG_PREFIX).enabled(true).build())
                .build(),
                CustomResourceOptions.builder().parent(this)
                        // ELB checks that it may write to the log bucket when access logs are enabled: the policy first
                        // (aws-cdk#1633; ELB User Guide, "Enable access logs", Access Denied for bucket). An
                        // internet-facing load balancer is refused while its VPC has no internet gateway
                        // (InvalidSubnet), and the provider does not retry (terraform-provider-aws#3494, #3580).
                        .dependsOn(afterLogsAndGateway(logs.policy, args.internetGateway())).build());
        this.loadBalancerArn = alb.arn();
        this.dnsName = alb.dnsName();
        this.zoneId = alb.zoneId();

        TargetGroup targets = new TargetGroup(targetGroupName, TargetGroupArgs.builder()
                .vpcId(args.vpcId())
                .targetType("instance")
                .protocol("HTTP")
                .port(args.appPort())
                // CodeDeploy's BlockTraffic waits for draining; short requests need no 300 s default.
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        .enabled(true).protocol("HTTP").port("traffic-port").path(HEALTH_PATH).matcher("200")
                        .interval(HEALTH_INTERVAL).timeout(HEALTH_TIMEOUT).healthyThreshold(2).unhealthyThreshold(3)
                        .build())
                .build(), child);
        this.targetGroupArn = targets.arn();
        this.targetGroupName = targets.name();
        // Behind a front door the listener refuses what does not come through it (403) and forwards by rule.
        ListenerDefaultActionArgs forward = ingress.restricted()
                ? ListenerDefaultActionArgs.builder().type("fixed-response")
                        .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                                .statusCode("403").contentType("text/plain").messageBody("Forbidden").build())
                        .build()
                : ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(targets.arn()).build();

        if (args.domain().isPresent()) {
            DomainSettings domain = args.domain().orElseThrow();
            String regional = domain.regionalName(region);
            // The application's name (both regions' certificates carry it, so DNS failover can send users to either)
            // and the region's own name.
            Certificate certificate = new Certificate(name + "-certificate", CertificateArgs.builder()
                    .domainName(domain.name())
                    .subjectAlternativeNames(regional)
                    .validationMethod("DNS")
                    .build(), child);
            // Every DNS record has one owning stack. ACM asks every certificate of an account for the same validation
            // record of a name (ACM User Guide, "DNS validation"), so both regions' certificates need the identical
            // record for the application's name: the primary writes it, and the secondary's certificate validates
            // against it (the FQDN comes through the stack contract). Two stacks writing it with allowOverwrite would
            // each delete it on destroy, and the other region's certificate could no longer renew. The region's own
            // name is asked for by this stack's certificate alone, so this stack writes its record.
            List<Output<String>> fqdns = new ArrayList<>();
            List<Resource> records = new ArrayList<>();
            Map<String, Record> byName = new java.util.LinkedHashMap<>();
            if (args.applicationNameRecord().isPresent()) {
                fqdns.add(args.applicationNameRecord().orElseThrow());
                this.applicationNameRecordFqdn = Optional.empty();
            } else {
                Record owned = validationRecord(name + "-validation-app", certificate, domain.name(), domain, child);
                fqdns.add(owned.fqdn());
                records.add(owned);
                byName.put(domain.name(), owned);
                this.applicationNameRecordFqdn = Optional.of(owned.fqdn());
            }
            Record own = validationRecord(name + "-validation-region", certificate, regional, domain, child);
            fqdns.add(own.fqdn());
            records.add(own);
            byName.put(regional, own);
            this.validationRecords = Map.copyOf(byName);
            CertificateValidation validation = new CertificateValidation(name + "-certificate-validation",
                    CertificateValidationArgs.builder()
                            .certificateArn(certificate.arn())
                            // the provider checks that every validation record the certificate asks for is named here
                            // (terraform-provider-aws#3329, #3366), the one another stack owns included
                            .validationRecordFqdns(Output.all(fqdns))
                            .build(),
                    CustomResourceOptions.builder().parent(this)
                            // ACM can only validate once the records exist, also where their fqdn is not yet known
                            .dependsOn(records).build());
            this.certificateValidation = Optional.of(validation);

            // The listener takes the validated certificate's ARN, so it waits for ACM to issue it: the validation
            // resource completes only once the certificate is issued, and its certificateArn is the one a listener uses
            // (Pulumi AWS docs, aws.acm.CertificateValidation, "Alternative Domains DNS Validation with Route 53").
            this.forwardingListener = new Listener(name + "-https", ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .protocol("HTTPS").port(443)
                    .sslPolicy(TLS_POLICY)                       // FSBP ELB.17
                    .certificateArn(validation.certificateArn())
                    .defaultActions(forward)
                    .build(), child);
            new Listener(name + "-http", ListenerArgs.builder()      // FSBP ELB.1
                    .loadBalancerArn(alb.arn())
                    .protocol("HTTP").port(80)
                    .defaultActions(ListenerDefaultActionArgs.builder().type("redirect")
                            .redirect(ListenerDefaultActionRedirectArgs.builder()
                                    .protocol("HTTPS").port("443").statusCode("HTTP_301").build())
                            .build())
                    .build(), child);
            new Record(name + "-regional-name", RecordArgs.builder()
                    .zoneId(domain.zoneId())
                    .name(regional)
                    .type("A")
                    .aliases(RecordAliasArgs.builder()
                            .name(alb.dnsName()).zoneId(alb.zoneId()).evaluateTargetHealth(true).build())
                    .build(), child);
            this.url = Output.of("https://" + regional);
        } else {
            this.certificateValidation = Optional.empty();
            this.applicationNameRecordFqdn = Optional.empty();
            this.validationRecords = Map.of();
            // Documented exception to FSBP ELB.1: no domain, no certificate, so plain HTTP forwards to the targets.
            this.forwardingListener = new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .protocol("HTTP").port(80)
                    .defaultActions(forward)
                    .build(), child);
            this.url = alb.dnsName().applyValue(dns -> "http://" + dns);
        }

        Output<String> attached = forwardingListener.arn();
        if (ingress.restricted()) {
            attached = frontDoorRules(name, ingress, targets, forwardingListener);
        }
        this.requestCountLabel = Output.tuple(alb.arnSuffix(), targets.arnSuffix(), attached)
                .applyValue(t -> t.t1 + "/" + t.t2);

        registerOutputs(Map.of("loadBalancerArn", loadBalancerArn, "dnsName", dnsName, "securityGroupId", securityGroupId,
                "targetGroupArn", targetGroupArn, "url", url));
    }

    @Override
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    @Override
    public Output<String> targetGroupArn() {
        return targetGroupArn;
    }

    @Override
    public Output<String> requestCountLabel() {
        return requestCountLabel;
    }

    /**
     * The load balancer's one way out: to {@code port} of the application tier's group, and nowhere else (its group has
     * no other egress rule). Named {@code <app>-alb-to-app} and registered with {@code options}: the application tier
     * asks for it while it is built, since its group waits for the rule.
     */
    @Override
    public SecurityGroupEgressRule allowTo(Connectable app, int port, CustomResourceOptions options) {
        return new SecurityGroupEgressRule(app.connectionName() + "-alb-to-app", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(securityGroupId)
                .description("Load balancer to the application port")
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .referencedSecurityGroupId(app.securityGroup())
                .build(), options);
    }

    /** The load balancer's explicit dependencies: the log bucket's policy and the VPC's internet gateway. */
    private static List<Resource> afterLogsAndGateway(Resource logPolicy, List<Resource> internetGateway) {
        List<Resource> after = new ArrayList<>();
        after.add(logPolicy);
        after.addAll(internetGateway);
        return after;
    }

    /** The CNAME record ACM asks for one name of the certificate, in the domain's zone. */
    private static Record validationRecord(String logicalName, Certificate certificate, String domainName,
                                           DomainSettings domain, CustomResourceOptions child) {
        Output<Optional<CertificateDomainValidationOption>> option = certificate.domainValidationOptions()
                .applyValue(list -> validationOption(list, domainName));
        return new Record(logicalName, RecordArgs.builder()
                .zoneId(domain.zoneId())
                .name(option.applyValue(o -> o.flatMap(CertificateDomainValidationOption::resourceRecordName).orElse(null)))
                .type("CNAME") // ACM DNS validation records are always CNAMEs (ACM User Guide, "DNS validation")
                .records(option.applyValue(o -> o.flatMap(CertificateDomainValidationOption::resourceRecordValue)
                        .map(List::of).orElse(List.of())))
                .ttl(60)
                // one owner per record: a record that already exists is an error, never silently taken over
                .allowOverwrite(false)
                .build(), child);
    }

    /**
     * The listener rules behind a front door: requests that carry the secret header are forwarded; with health
     * checkers, {@value #HEALTH_PATH} is forwarded without it (Route 53 health checks cannot send custom headers). The
     * target group is attached to the load balancer by these rules, so what needs it attached (the request-count
     * metric's label) waits for them; the ARN returned is the header rule's.
     */
    private Output<String> frontDoorRules(String name, OriginAccess.Ingress ingress, TargetGroup targets, Listener listener) {
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        ListenerRuleActionArgs forwardRule = ListenerRuleActionArgs.builder()
                .type("forward").targetGroupArn(targets.arn()).build();
        ListenerRule viaFrontDoor = new ListenerRule(name + "-front-door", ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(1)
                .conditions(ListenerRuleConditionArgs.builder()
                        .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                                .httpHeaderName(OriginAccess.HEADER)
                                .values(Outputs.listOf(ingress.frontDoorSecret().orElseThrow()))
                                .build())
                        .build())
                .actions(forwardRule)
                .build(), child);
        Output<String> attached = viaFrontDoor.arn();
        if (ingress.healthCheckers()) {
            ListenerRule health = new ListenerRule(name + "-health-path", ListenerRuleArgs.builder()
                    .listenerArn(listener.arn())
                    .priority(2)
                    .conditions(ListenerRuleConditionArgs.builder()
                            .pathPattern(ListenerRuleConditionPathPatternArgs.builder().values(HEALTH_PATH).build())
                            .build())
                    .actions(forwardRule)
                    .build(), child);
            attached = Output.tuple(attached, health.arn()).applyValue(t -> t.t1);
        }
        return attached;
    }

    /** The id of an AWS-managed prefix list in this component's region, looked up by name. */
    private Output<String> prefixListId(String prefixListName) {
        return Ec2Functions.getManagedPrefixList(GetManagedPrefixListArgs.builder().name(prefixListName).build(),
                new InvokeOutputOptions(this, null, null, List.of())).applyValue(GetManagedPrefixListResult::id);
    }

    /** The validation record ACM asks for one of the certificate's names. */
    static Optional<CertificateDomainValidationOption> validationOption(List<CertificateDomainValidationOption> options,
                                                                        String domainName) {
        if (options == null) {
            return Optional.empty();
        }
        return options.stream().filter(o -> o.domainName().filter(domainName::equals).isPresent()).findFirst();
    }

}
