package io.multiregion.edge;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.CachePolicyArgs;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupFailoverCriteriaArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupMemberArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.cloudwatch.LogDelivery;
import com.pulumi.aws.cloudwatch.LogDeliveryArgs;
import com.pulumi.aws.cloudwatch.LogDeliveryDestination;
import com.pulumi.aws.cloudwatch.LogDeliveryDestinationArgs;
import com.pulumi.aws.cloudwatch.LogDeliverySource;
import com.pulumi.aws.cloudwatch.LogDeliverySourceArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.inputs.LogDeliveryDestinationDeliveryDestinationConfigurationArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.DomainSettings;
import io.multiregion.config.FrontDoorSettings;
import io.multiregion.naming.Names;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.values.Outputs;
import io.multiregion.web.OriginAccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The front door: one name for users, failing over from region A to region B. Owned by the secondary stack, which is
 * deployed last, sees both regions and can still be changed while A is down. Every resource is a global service or
 * lives in us-east-1: place the component with the global provider ({@link ProviderRegistry#global()}).
 *
 * <p><b>With CloudFront</b> ({@code cloudFront: true}): a distribution whose default behaviour serves from an origin
 * group over A's and B's load balancers, A first (B first during the drill). CloudFront sends each request to the
 * first; on a connection failure (after {@code connectionAttempts} of {@code connectionTimeoutSeconds}) or one of the
 * failover status codes it sends the same request to the second (CloudFront Developer Guide, "Optimize high
 * availability with CloudFront origin failover"). An origin group serves GET, HEAD and OPTIONS only: a behaviour on
 * it that allows POST is refused ("The parameter AllowedMethods cannot include POST, PUT, PATCH, or DELETE for a
 * cached behavior associated with an origin group": aws-cdk#32450), and CloudFront never retries a write on the other
 * origin, which could apply it twice.
 *
 * <p><b>Writes</b> go through behaviours of their own, one per {@code writePaths} pattern, allowing every method and
 * caching nothing. Their origin is one name that DNS fails over: {@code failover.<domain>}, a Route 53 failover
 * record on A's load balancer (PRIMARY) and B's (SECONDARY) with health checks ({@link DnsFailover}). CloudFront
 * resolves it per connection and honours its 60-second TTL, so after a failure writes move to B within the DNS
 * failover time, once, deliberately, instead of request by request. These behaviours forward the viewer's Host
 * header: CloudFront then checks the origin's certificate against the application's name (CloudFront Developer
 * Guide, "HTTP 502 status code (Bad Gateway)": the certificate must match the origin domain name or the forwarded
 * Host header), which both load balancers' certificates cover. Without a domain, or without DNS failover, there is
 * no failover name: writes go to the active region's load balancer and move only with {@code activeRegion}. B's
 * database is read-only until it is promoted (docs/disaster-recovery.md), so a write that reaches B before the
 * promotion fails there in either design.
 *
 * <p>Viewers: HTTPS only ({@code https-only}), HTTP/2 and HTTP/3, IPv6, compression, AWS's managed security
 * headers; with a domain, the application's name as alternate domain name on a certificate in us-east-1 (TLS 1.2
 * and up, SNI), else the distribution's own name and certificate. Caching: the origin decides; nothing is cached that
 * the origin does not mark cacheable (default TTL 0), and the write behaviours cache nothing. To the origins: HTTPS
 * on each region's own name with a domain (their certificates cover it), else HTTP to the load balancers' own names
 * (all they offer); every origin request carries the secret {@value OriginAccess#HEADER} the listeners require.
 *
 * <p>WAF: {@link WebFirewall}, attached by ARN. Access logs: CloudFront standard logging (v2) to a log group in
 * us-east-1 ({@link EdgeLogs}), chosen over the legacy logging to S3, which needs a bucket with ACLs enabled
 * (CloudFront Developer Guide, "Configure standard logging (legacy)") and a grant to the log delivery account.
 *
 * <p><b>Without CloudFront</b>, with a domain and DNS failover: only {@link DnsFailover}, under the application's
 * name itself.
 */
public final class FrontDoor extends ComponentResource {

    /** The origin group's id in the distribution. */
    public static final String GROUP = "regions";
    /** A's origin's id. */
    public static final String PRIMARY_ORIGIN = "primary";
    /** B's origin's id. */
    public static final String SECONDARY_ORIGIN = "secondary";
    /** The failover name's origin's id (the write behaviours'). */
    public static final String WRITE_ORIGIN = "writes";
    /** The label of the failover name under the domain, with CloudFront: {@code failover.<domain>}. */
    public static final String FAILOVER_LABEL = "failover";

    /** The methods an origin group serves (CloudFront Developer Guide, "Optimize high availability with CloudFront origin failover"). */
    public static final List<String> READ_METHODS = List.of("GET", "HEAD", "OPTIONS");
    /** Every method CloudFront forwards (CloudFront API Reference, AllowedMethods). */
    public static final List<String> ALL_METHODS = List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE");
    /** The methods CloudFront caches responses to. */
    public static final List<String> CACHED_METHODS = List.of("GET", "HEAD");

    /** Managed cache policy CachingDisabled (CloudFront Developer Guide, "Use managed cache policies"). */
    public static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /**
     * Managed origin request policy AllViewer: every header (Host included), cookie and query string (CloudFront
     * Developer Guide, "Use managed origin request policies").
     */
    public static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
    /** Managed origin request policy AllViewerExceptHostHeader (same page): Host becomes the origin's name. */
    public static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    /**
     * Managed response headers policy SecurityHeadersPolicy: HSTS, X-Content-Type-Options, X-Frame-Options,
     * Referrer-Policy, X-XSS-Protection (CloudFront Developer Guide, "Use managed response headers policies").
     */
    public static final String SECURITY_HEADERS = "67f7725c-6f97-4210-82d7-5512b31e9d03";
    /** TLS 1.2 and up for viewers (CloudFront Developer Guide, "Supported protocols and ciphers between viewers and CloudFront"). */
    public static final String VIEWER_TLS = "TLSv1.2_2021";
    /** TLS to the origins (CloudFront API Reference, OriginSslProtocols). */
    public static final String ORIGIN_TLS = "TLSv1.2";
    /** Seconds CloudFront waits for an origin's response, its default (CloudFront API Reference, CustomOriginConfig). */
    public static final int ORIGIN_READ_TIMEOUT = 30;
    /** Cache policy TTL bounds: up to a year when the origin asks for it (CloudFront API Reference, CachePolicyConfig). */
    public static final int MAX_TTL = 31_536_000;
    /** CloudWatch Logs delivery sources and destinations: 1 to 60 characters (CloudWatch Logs API Reference, PutDeliverySource). */
    public static final int DELIVERY_NAME = 60;
    /** Cache policy names: 128 characters (CloudFront API Reference, CachePolicyConfig, Name). */
    public static final int CACHE_POLICY_NAME = 128;

    /**
     * One region's load balancer as an origin.
     *
     * @param region              the region
     * @param loadBalancerDnsName its DNS name (the origin without a domain; its alias target)
     * @param loadBalancerZoneId  its canonical hosted zone id
     * @param regionalName        its own name {@code <region>.<domain>} (with a domain)
     */
    public record Origin(AwsRegion region, Output<String> loadBalancerDnsName, Output<String> loadBalancerZoneId,
                         Optional<String> regionalName) {
    }

    /**
     * Both regions' load balancers and the secret the front door adds to every request to them.
     *
     * @param primary      A's load balancer (from the primary stack's outputs)
     * @param secondary    B's load balancer (this stack's)
     * @param originSecret the value of {@value OriginAccess#HEADER} (a secret)
     */
    public record Origins(Origin primary, Origin secondary, Output<String> originSecret) {
    }

    /**
     * What the logs keep.
     *
     * @param retentionDays         retention of the log groups
     * @param kmsDeletionWindowDays the log key's deletion window
     * @param protect               protect the log key
     */
    public record Keeping(int retentionDays, int kmsDeletionWindowDays, boolean protect) {
    }

    /**
     * Built with {@link #builder()}.
     *
     * @param project          the project, in names
     * @param stack            the stack, in names (two stacks in one account never collide)
     * @param settings         the front door's configuration
     * @param domain           the application's name and zone, when set (default none)
     * @param origins          both load balancers and the secret header
     * @param keeping          the logs' retention and key
     * @param nameValidation   with a domain, the FQDN of the DNS validation record of the application's name, which
     *                         the primary stack owns and wrote: the distribution's certificate validates against the
     *                         same record and writes none (ACM gives every certificate in an account the same record
     *                         for a name: terraform-provider-aws#13653) (default none)
     * @param failoverSwitch   the recovery runbook's failover switch (a Route 53 health check id), which A's record
     *                         also needs healthy, with DNS failover; empty: none (default)
     */
    public record Args(String project, String stack, FrontDoorSettings settings, Optional<DomainSettings> domain,
                       Origins origins, Keeping keeping, Optional<Output<String>> nameValidation,
                       Optional<Output<String>> failoverSwitch) {
        public Args {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(domain, "domain");
            if (!settings.present(domain)) {
                throw new IllegalArgumentException("no front door to build: CloudFront is off and DNS failover needs a domain");
            }
            if (domain.isPresent() && (origins.primary().regionalName().isEmpty()
                    || origins.secondary().regionalName().isEmpty())) {
                throw new IllegalArgumentException("with a domain, both origins are reached at their regional names");
            }
        }

        /** Named construction: every field without a default must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Args}; each setter says the field's default, if it has one. */
        public static final class Builder {
            private String project;
            private String stack;
            private FrontDoorSettings settings;
            private Optional<DomainSettings> domain = Optional.empty();
            private Origins origins;
            private Keeping keeping;
            private Optional<Output<String>> nameValidation = Optional.empty();
            private Optional<Output<String>> failoverSwitch = Optional.empty();

            private Builder() {
            }

            /** The project and the stack, in names (two stacks in one account never collide). */
            public Builder names(String project, String stack) {
                this.project = project;
                this.stack = stack;
                return this;
            }

            /** The front door's configuration. */
            public Builder settings(FrontDoorSettings settings) {
                this.settings = settings;
                return this;
            }

            /**
             * The application's name and zone (default none), and with one, the FQDN of the DNS validation record of the
             * application's name, which the primary stack owns and wrote: the distribution's certificate validates
             * against the same record and writes none.
             */
            public Builder domain(DomainSettings domain, Output<String> nameValidation) {
                this.domain = Optional.of(domain);
                this.nameValidation = Optional.of(nameValidation);
                return this;
            }

            /** Both load balancers and the secret header. */
            public Builder origins(Origins origins) {
                this.origins = origins;
                return this;
            }

            /** The logs' retention and key. */
            public Builder keeping(Keeping keeping) {
                this.keeping = keeping;
                return this;
            }

            /**
             * The recovery runbook's failover switch (a Route 53 health check id), which A's record also needs healthy,
             * with DNS failover (default none).
             */
            public Builder failoverSwitch(Optional<Output<String>> failoverSwitch) {
                this.failoverSwitch = failoverSwitch;
                return this;
            }

            /** The args; fails naming the first required field left unset. */
            public Args build() {
                return new Args(Objects.requireNonNull(project, "names are required"), stack, settings, domain,
                        Objects.requireNonNull(origins, "origins are required"),
                        Objects.requireNonNull(keeping, "keeping is required"), nameValidation, failoverSwitch);
            }
        }
    }

    /** The URL users reach the application at. */
    @Export(name = "url", refs = {String.class}, tree = "[0]")
    public final Output<String> url;
    /** The distribution, with CloudFront. */
    public final Optional<Distribution> distribution;
    /** The web ACL's ARN, with WAF. */
    public final Optional<Output<String>> webAclArn;
    /** The DNS failover, with a domain and DNS failover. */
    public final Optional<DnsFailover> dnsFailover;
    /** What the secondary exports of the front door (its {@code frontDoor} output). */
    public final Output<Map<String, Object>> summary;

    public FrontDoor(String name, Args args, ComponentResourceOptions options) {
        super("multiregion:edge:FrontDoor", name, options);
        FrontDoorSettings settings = args.settings();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        ComponentResourceOptions inside = ComponentResourceOptions.builder().parent(this).build();
        Optional<DomainSettings> domain = args.domain();

        Optional<String> failoverName = settings.healthChecked(domain)
                ? Optional.of(settings.cloudFront() ? FAILOVER_LABEL + "." + domain.orElseThrow().name()
                : domain.orElseThrow().name())
                : Optional.empty();
        this.dnsFailover = failoverName.map(record -> new DnsFailover(name + "-dns", DnsFailover.Args.builder()
                .names(args.project(), args.stack())
                .record(domain.orElseThrow().zoneId(), record)
                .targets(target(args.origins().primary()), target(args.origins().secondary()))
                .checks(settings.healthChecks())
                .drill(settings.drill())
                .failoverSwitch(args.failoverSwitch())
                .build(), inside));

        Map<String, Output<?>> summary = new LinkedHashMap<>();
        summary.put("mode", Output.of(settings.cloudFront() ? "cloudfront" : "dns"));
        summary.put("activeRegion", Output.of((settings.drill() ? args.origins().secondary() : args.origins().primary()).region().code()));
        if (settings.cloudFront()) {
            Optional<EdgeLogs> logs = settings.waf() || settings.distribution().accessLogs()
                    ? Optional.of(new EdgeLogs(name + "-logs", EdgeLogs.Args.builder()
                    .region(ProviderRegistry.GLOBAL_REGION)
                    .names(args.project(), args.stack())
                    .firewall(settings.waf())
                    .access(settings.distribution().accessLogs())
                    .keeping(args.keeping())
                    .build(), inside))
                    : Optional.empty();
            Optional<WebFirewall> firewall = settings.waf() ? Optional.of(new WebFirewall(name + "-waf",
                    new WebFirewall.Args(args.project(), args.stack(), settings.rateLimit(),
                            logs.orElseThrow().firewall.orElseThrow(), logs.orElseThrow().deliveryPolicy), inside))
                    : Optional.empty();
            this.webAclArn = firewall.map(f -> f.webAclArn);
            Distribution cdn = distribution(name, args, failoverName, firewall, child);
            this.distribution = Optional.of(cdn);
            logs.flatMap(l -> l.access).ifPresent(group -> accessLogs(name, args, cdn, group,
                    logs.orElseThrow().deliveryPolicy));
            domain.ifPresent(d -> aliases(name, d, cdn, child));
            this.url = domain.map(d -> Output.of("https://" + d.name()))
                    .orElseGet(() -> cdn.domainName().applyValue(n -> "https://" + n));
            summary.put("distributionId", cdn.id());
            summary.put("distributionArn", cdn.arn());
            summary.put("distributionDomainName", cdn.domainName());
            webAclArn.ifPresent(arn -> summary.put("webAclArn", arn));
            summary.put("writePaths", Output.of(settings.distribution().writePaths()));
            logs.flatMap(l -> l.firewall).ifPresent(g -> summary.put("wafLogGroup", g.name()));
            logs.flatMap(l -> l.access).ifPresent(g -> summary.put("accessLogGroup", g.name()));
        } else {
            this.distribution = Optional.empty();
            this.webAclArn = Optional.empty();
            this.url = Output.of("https://" + domain.orElseThrow().name());
        }
        summary.put("url", url);
        failoverName.ifPresent(n -> summary.put("failoverName", Output.of(n)));
        dnsFailover.ifPresent(dns -> {
            summary.put("primaryHealthCheckId", dns.primaryHealthCheckId);
            summary.put("secondaryHealthCheckId", dns.secondaryHealthCheckId);
            summary.put("primaryGateHealthCheckId", dns.primaryGateId);
        });
        this.summary = mapOf(summary);
        registerOutputs(Map.of("url", url));
    }

    private static DnsFailover.Target target(Origin origin) {
        return new DnsFailover.Target(origin.region(), origin.regionalName().orElseThrow(), origin.loadBalancerDnsName(),
                origin.loadBalancerZoneId());
    }

    /** The distribution and what it needs of its own: the cache policy and, with a domain, the certificate. */
    private Distribution distribution(String name, Args args, Optional<String> failoverName,
                                      Optional<WebFirewall> firewall, CustomResourceOptions child) {
        FrontDoorSettings settings = args.settings();
        Optional<DomainSettings> domain = args.domain();
        boolean https = domain.isPresent();

        CachePolicy cache = new CachePolicy(name + "-cache", CachePolicyArgs.builder()
                .name(Names.fit(args.project() + "-" + args.stack() + "-front-door", CACHE_POLICY_NAME))
                .comment("Caches what the origin marks cacheable only: nothing dynamic by default")
                .minTtl(0).defaultTtl(0).maxTtl(MAX_TTL)
                .parametersInCacheKeyAndForwardedToOrigin(CachePolicyParametersInCacheKeyAndForwardedToOriginArgs.builder()
                        // CloudFront compresses only when the cache policy lets the viewer's Accept-Encoding through
                        // (CloudFront Developer Guide, "Serve compressed files")
                        .enableAcceptEncodingGzip(true).enableAcceptEncodingBrotli(true)
                        .cookiesConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs.builder()
                                .cookieBehavior("none").build())
                        .headersConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs.builder()
                                .headerBehavior("none").build())
                        .queryStringsConfig(CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs
                                .builder().queryStringBehavior("all").build())
                        .build())
                .build(), child);

        List<DistributionOriginArgs> origins = new ArrayList<>();
        origins.add(origin(PRIMARY_ORIGIN, originName(args.origins().primary()), https, args));
        origins.add(origin(SECONDARY_ORIGIN, originName(args.origins().secondary()), https, args));
        failoverName.ifPresent(n -> origins.add(origin(WRITE_ORIGIN, Output.of(n), true, args)));
        List<String> order = settings.drill() ? List.of(SECONDARY_ORIGIN, PRIMARY_ORIGIN)
                : List.of(PRIMARY_ORIGIN, SECONDARY_ORIGIN);
        DistributionOriginGroupArgs group = DistributionOriginGroupArgs.builder()
                .originId(GROUP)
                .failoverCriteria(DistributionOriginGroupFailoverCriteriaArgs.builder()
                        .statusCodes(settings.origins().failoverStatusCodes()).build())
                .members(order.stream().map(id -> DistributionOriginGroupMemberArgs.builder().originId(id).build())
                        .toList())
                .build();

        String writeOrigin = failoverName.isPresent() ? WRITE_ORIGIN : order.get(0);
        List<DistributionOrderedCacheBehaviorArgs> writes = settings.distribution().writePaths().stream()
                .map(path -> DistributionOrderedCacheBehaviorArgs.builder()
                        .pathPattern(path)
                        .targetOriginId(writeOrigin)
                        .allowedMethods(ALL_METHODS).cachedMethods(CACHED_METHODS)
                        .viewerProtocolPolicy("https-only")
                        .compress(true)
                        .cachePolicyId(CACHING_DISABLED)
                        // the failover name is in no certificate: the viewer's Host (the application's name) is
                        .originRequestPolicyId(failoverName.isPresent() ? ALL_VIEWER : ALL_VIEWER_EXCEPT_HOST)
                        .responseHeadersPolicyId(SECURITY_HEADERS)
                        .build())
                .toList();

        DistributionArgs.Builder distribution = DistributionArgs.builder()
                .enabled(true)
                .comment(comment("The front door of " + args.project() + " (" + args.stack() + " stack)"))
                .httpVersion("http2and3")
                .isIpv6Enabled(true)
                .priceClass(settings.distribution().priceClass())
                .origins(origins)
                .originGroups(group)
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(GROUP)
                        .allowedMethods(READ_METHODS).cachedMethods(CACHED_METHODS)
                        .viewerProtocolPolicy("https-only")
                        .compress(true)
                        .cachePolicyId(cache.id())
                        .originRequestPolicyId(ALL_VIEWER_EXCEPT_HOST)
                        .responseHeadersPolicyId(SECURITY_HEADERS)
                        .build())
                .orderedCacheBehaviors(writes)
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder().restrictionType("none").build())
                        .build());
        // attached by ARN: the association resource refuses CloudFront (terraform-provider-aws#28753)
        firewall.ifPresent(f -> distribution.webAclId(f.webAclArn));
        if (domain.isPresent()) {
            CertificateValidation certificate = certificate(name, args, domain.orElseThrow());
            distribution.aliases(domain.orElseThrow().name())
                    .viewerCertificate(DistributionViewerCertificateArgs.builder()
                            // the validated certificate: the distribution waits until ACM has issued it
                            .acmCertificateArn(certificate.certificateArn())
                            .sslSupportMethod("sni-only")
                            .minimumProtocolVersion(VIEWER_TLS)
                            .build());
        } else {
            // the distribution's own name and certificate (FSBP CloudFront.7 and CloudFront.8 exceptions, docs/security.md)
            distribution.viewerCertificate(DistributionViewerCertificateArgs.builder()
                    .cloudfrontDefaultCertificate(true).build());
        }
        return new Distribution(name + "-distribution", distribution.build(), child);
    }

    /** The name CloudFront reaches a region at: its own name with a domain, its load balancer's otherwise. */
    private static Output<String> originName(Origin origin) {
        return origin.regionalName().map(Output::of).orElse(origin.loadBalancerDnsName());
    }

    /** One custom origin: the secret header, the configured connection timeout and attempts, TLS 1.2 or HTTP. */
    private static DistributionOriginArgs origin(String id, Output<String> domainName, boolean https, Args args) {
        FrontDoorSettings.Origins o = args.settings().origins();
        return DistributionOriginArgs.builder()
                .originId(id)
                .domainName(domainName)
                .connectionTimeout(o.connectionTimeoutSeconds())
                .connectionAttempts(o.connectionAttempts())
                .customHeaders(DistributionOriginCustomHeaderArgs.builder()
                        .name(OriginAccess.HEADER).value(args.origins().originSecret()).build())
                .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                        .httpPort(80).httpsPort(443)
                        // without a domain the load balancers offer HTTP only (FSBP CloudFront.9 exception, docs/security.md)
                        .originProtocolPolicy(https ? "https-only" : "http-only")
                        .originSslProtocols(ORIGIN_TLS)
                        .originReadTimeout(ORIGIN_READ_TIMEOUT)
                        .build())
                .build();
    }

    /**
     * The distribution's certificate: the application's name, in us-east-1, validated by DNS in the zone. The
     * validation record is the one already asked for that name by the regions' certificates (the same record for
     * every certificate of the account): this component writes none, and waits for it when this stack wrote it.
     */
    private CertificateValidation certificate(String name, Args args, DomainSettings domain) {
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Certificate certificate = new Certificate(name + "-certificate", CertificateArgs.builder()
                .domainName(domain.name())
                .validationMethod("DNS")
                .build(), child);
        CertificateValidationArgs.Builder validation = CertificateValidationArgs.builder()
                .certificateArn(certificate.arn());
        // the record is the primary's, which exists before this stack is deployed (deploy order: primary first)
        args.nameValidation().ifPresent(fqdn -> validation.validationRecordFqdns(Outputs.listOf(fqdn)));
        return new CertificateValidation(name + "-certificate-validation", validation.build(),
                CustomResourceOptions.builder().parent(this).build());
    }

    /** The application's name on the distribution: A and AAAA aliases (the distribution serves IPv6). */
    private static void aliases(String name, DomainSettings domain, Distribution cdn, CustomResourceOptions options) {
        for (String type : List.of("A", "AAAA")) {
            new Record(name + "-alias-" + type.toLowerCase(Locale.ROOT), RecordArgs.builder()
                    .zoneId(domain.zoneId())
                    .name(domain.name())
                    .type(type)
                    .aliases(RecordAliasArgs.builder()
                            .name(cdn.domainName()).zoneId(cdn.hostedZoneId())
                            // an alias to a distribution cannot evaluate target health (Route 53 API Reference, AliasTarget)
                            .evaluateTargetHealth(false)
                            .build())
                    .build(), options);
        }
    }

    /**
     * CloudFront standard logging (v2): the distribution as delivery source (access logs, from us-east-1), the log
     * group as destination, and the delivery between them, which waits for the log group's resource policy.
     */
    private void accessLogs(String name, Args args, Distribution cdn, LogGroup group,
                            Resource deliveryPolicy) {
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        String base = args.project() + "-" + args.stack() + "-front-door";
        LogDeliverySource source = new LogDeliverySource(name + "-log-source", LogDeliverySourceArgs.builder()
                .name(Names.fit(base, DELIVERY_NAME))
                .logType("ACCESS_LOGS")
                .resourceArn(cdn.arn())
                .build(), child);
        LogDeliveryDestination destination = new LogDeliveryDestination(name + "-log-destination",
                LogDeliveryDestinationArgs.builder()
                        .name(Names.fit(base, DELIVERY_NAME))
                        .outputFormat("json")
                        .deliveryDestinationConfiguration(LogDeliveryDestinationDeliveryDestinationConfigurationArgs.builder()
                                .destinationResourceArn(group.arn()).build())
                        .build(), child);
        new LogDelivery(name + "-log-delivery", LogDeliveryArgs.builder()
                .deliverySourceName(source.name())
                .deliveryDestinationArn(destination.arn())
                .build(),
                // the delivery service may write to the log group only once the resource policy exists
                CustomResourceOptions.builder().parent(this).dependsOn(deliveryPolicy).build());
    }

    /** A distribution's comment: at most 128 characters (CloudFront API Reference, DistributionConfig, Comment). */
    static String comment(String text) {
        return text.length() <= 128 ? text : text.substring(0, 128);
    }

    /** A map of outputs as one output of a map (null where a value is not known). */
    private static Output<Map<String, Object>> mapOf(Map<String, Output<?>> parts) {
        List<String> keys = new ArrayList<>(parts.keySet());
        List<Output<Object>> values = keys.stream().map(k -> parts.get(k).applyValue(v -> (Object) v)).toList();
        return Output.all(values).applyValue(list -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i), list.get(i));
            }
            return out;
        });
    }
}
