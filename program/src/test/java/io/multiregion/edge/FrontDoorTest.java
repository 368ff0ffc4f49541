package io.multiregion.edge;

import io.multiregion.config.FrontDoorSettings;
import io.multiregion.offline.FakeInvokes;
import io.multiregion.regions.AwsRegion;
import io.multiregion.regions.ProviderRegistry;
import io.multiregion.stacks.StackContract.Value;
import io.multiregion.testing.FrontDoorRuns;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import io.multiregion.testing.Samples;
import io.multiregion.testing.StandardRuns;
import io.multiregion.web.OriginAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front door as both stacks register it, with and without a domain, with the failover drill and with DNS failover
 * alone: what a real deployment checks of CloudFront, WAF, Route 53 and the load balancers behind them.
 */
class FrontDoorTest {
    static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    static final String WEB_ACL = "aws:wafv2/webAcl:WebAcl";
    static final String HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
    static final String RECORD = "aws:route53/record:Record";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String LISTENER = "aws:lb/listener:Listener";
    static final String LISTENER_RULE = "aws:lb/listenerRule:ListenerRule";
    static final String FRONT_DOOR = "multiregion:edge:FrontDoor";

    /** What the global provider may register: the front door's global services and their logs in us-east-1. */
    static final Set<String> GLOBAL_TYPES = Set.of(DISTRIBUTION, "aws:cloudfront/cachePolicy:CachePolicy", WEB_ACL,
            "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "aws:acm/certificate:Certificate",
            "aws:acm/certificateValidation:CertificateValidation", HEALTH_CHECK, RECORD,
            "aws:cloudwatch/logGroup:LogGroup", "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
            "aws:cloudwatch/logDeliverySource:LogDeliverySource",
            "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", "aws:cloudwatch/logDelivery:LogDelivery",
            "aws:kms/key:Key", "aws:kms/alias:Alias", "aws:kms/keyPolicy:KeyPolicy");

    static Stream<String> secondaries() {
        return Stream.of("secondary/cloudtrail", "secondary/native", "secondary/domain", "secondary/drill",
                "secondary/domain-drill", "secondary/dns");
    }

    static Stream<String> withCloudFront() {
        return secondaries().filter(n -> !n.equals("secondary/dns"));
    }

    static Stream<String> primaries() {
        return Stream.of("primary", "primary/native", "primary/domain", "primary/dns");
    }

    static Stream<String> healthChecked() {
        return Stream.of("secondary/domain", "secondary/domain-drill", "secondary/dns");
    }

    static Stream<String> all() {
        return Stream.concat(primaries(), secondaries());
    }

    /** What the primary that a secondary run reads exported. */
    static Map<String, Object> primaryExports(String secondary) {
        if (secondary.contains("native")) {
            return StandardRuns.get("primary/native").exports();
        }
        if (secondary.contains("domain")) {
            return StandardRuns.get("primary/domain").exports();
        }
        if (secondary.contains("dns")) {
            return StandardRuns.get("primary/dns").exports();
        }
        return Samples.primaryOutputs();
    }

    static Registered distribution(ProgramRun run) {
        return run.one(DISTRIBUTION);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** Whether a registration is inside a component of this type (following parents). */
    static boolean under(ProgramRun run, Registered r, String componentType) {
        String parent = r.parent();
        while (parent != null && !parent.isEmpty()) {
            Optional<Registered> owner = run.byUrn(parent);
            if (owner.isEmpty()) {
                return false;
            }
            if (owner.orElseThrow().type().equals(componentType)) {
                return true;
            }
            parent = owner.orElseThrow().parent();
        }
        return false;
    }

    // --- where: the global provider, the secondary only ---

    @ParameterizedTest(name = "{0}: CloudFront, its certificate, CLOUDFRONT WAF and Route 53 go through the global "
            + "provider in us-east-1, which serves nothing else")
    @MethodSource("secondaries")
    void globalServicesThroughTheGlobalProviderOnly(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered global = run.where(r -> r.type().equals("pulumi:providers:aws")
                && r.name().equals(ProviderRegistry.GLOBAL_PROVIDER)).get(0);
        assertEquals("us-east-1", global.text("region"));
        List<Registered> throughGlobal = run.aws().stream()
                .filter(r -> ProviderRegistry.GLOBAL_PROVIDER.equals(run.providerName(r))).toList();
        assertFalse(throughGlobal.isEmpty());
        for (Registered r : throughGlobal) {
            assertEquals("us-east-1", r.providerRegion(), r.name());
            // the front door's global services, the failover switch's Route 53 health check, and the alarms on the
            // global services' metrics (published in us-east-1 only) with their topic and key
            boolean frontDoor = under(run, r, FRONT_DOOR) && GLOBAL_TYPES.contains(r.type());
            boolean switchCheck = under(run, r, "multiregion:recovery:FailoverSwitch") && r.type().equals(HEALTH_CHECK);
            boolean globalAlarms = under(run, r, "multiregion:operations:GlobalAlarms");
            assertTrue(frontDoor || switchCheck || globalAlarms, r.type() + " " + r.name()
                    + " uses the global provider for something other than a global service or its alarms");
        }
        for (String type : List.of(DISTRIBUTION, WEB_ACL, HEALTH_CHECK, "aws:cloudfront/cachePolicy:CachePolicy")) {
            for (Registered r : run.ofType(type)) {
                assertEquals(ProviderRegistry.GLOBAL_PROVIDER, run.providerName(r), type + " " + r.name());
            }
        }
        run.ofType(WEB_ACL).forEach(acl -> assertEquals("CLOUDFRONT", acl.text("scope")));
        // the regions' certificates stay in their region; CloudFront's is in us-east-1 (ACM User Guide, "Supported Regions")
        for (Registered certificate : run.ofType("aws:acm/certificate:Certificate")) {
            boolean cloudFronts = under(run, certificate, FRONT_DOOR);
            assertEquals(cloudFronts ? "us-east-1" : "eu-central-1", certificate.providerRegion(), certificate.name());
        }
    }

    @ParameterizedTest(name = "{0}: the secondary never uses region A's provider, and has none")
    @MethodSource("secondaries")
    void secondaryNeverUsesRegionA(String name) {
        ProgramRun run = StandardRuns.get(name);
        assertEquals(List.of(), run.where(r -> r.type().equals("pulumi:providers:aws") && "eu-west-1".equals(r.text("region"))));
        assertEquals(List.of(), run.where(r -> Objects.equals(r.providerRegion(), "eu-west-1")));
        assertEquals(List.of(), run.aws().stream().filter(r -> "aws-eu-west-1".equals(run.providerName(r))).toList());
    }

    @ParameterizedTest(name = "{0}: no front door in the primary: no CloudFront, WAF, health check or global provider")
    @MethodSource("primaries")
    void frontDoorOnlyInTheSecondary(String name) {
        ProgramRun run = StandardRuns.get(name);
        assertEquals(List.of(), run.where(r -> r.type().startsWith("multiregion:edge:")
                || r.type().startsWith("aws:cloudfront/") || r.type().startsWith("aws:wafv2/")
                || r.type().equals(HEALTH_CHECK) || r.type().startsWith("aws:cloudwatch/logDelivery")));
        assertEquals(List.of(), run.where(r -> r.type().equals("pulumi:providers:aws")
                && r.name().equals(ProviderRegistry.GLOBAL_PROVIDER)));
        assertEquals(null, run.output(Value.FRONT_DOOR.key()));
        assertEquals(null, run.output(Value.RECOVERY.key()));
    }

    // --- the distribution ---

    @ParameterizedTest(name = "{0}: one origin group of exactly two members, A first (B during the drill), failing "
            + "over only on the status codes CloudFront allows")
    @MethodSource("withCloudFront")
    void originGroup(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered cdn = distribution(run);
        List<Map<String, Object>> groups = list(cdn.at("originGroups"));
        assertEquals(1, groups.size());
        for (Map<String, Object> group : groups) {
            List<Map<String, Object>> members = list(group.get("members"));
            assertEquals(2, members.size(), "an origin group has a primary and a secondary origin (CloudFront API "
                    + "Reference, OriginGroupMembers)");
            boolean drill = name.contains("drill");
            assertEquals(drill ? List.of(FrontDoor.SECONDARY_ORIGIN, FrontDoor.PRIMARY_ORIGIN)
                    : List.of(FrontDoor.PRIMARY_ORIGIN, FrontDoor.SECONDARY_ORIGIN),
                    members.stream().map(m -> m.get("originId")).toList());
            @SuppressWarnings("unchecked")
            List<Number> codes = (List<Number>) ((Map<String, Object>) group.get("failoverCriteria")).get("statusCodes");
            assertFalse(codes.isEmpty());
            codes.forEach(c -> assertTrue(FrontDoorSettings.FAILOVER_STATUS_CODES.contains(c.intValue()), "status " + c));
            assertEquals(List.of(500, 502, 503, 504), codes.stream().map(Number::intValue).toList());
        }
    }

    @ParameterizedTest(name = "{0}: no behaviour on an origin group allows POST; the write behaviours allow every "
            + "method and target one origin")
    @MethodSource("withCloudFront")
    @SuppressWarnings("unchecked")
    void methods(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered cdn = distribution(run);
        Set<Object> groupIds = Set.copyOf(list(cdn.at("originGroups")).stream().map(g -> g.get("originId")).toList());
        List<Map<String, Object>> behaviours = new ArrayList<>(list(cdn.at("orderedCacheBehaviors")));
        behaviours.add((Map<String, Object>) cdn.at("defaultCacheBehavior"));
        boolean writable = false;
        for (Map<String, Object> b : behaviours) {
            List<String> methods = (List<String>) b.get("allowedMethods");
            if (groupIds.contains(b.get("targetOriginId"))) {
                assertTrue(FrontDoor.READ_METHODS.containsAll(methods), "a behaviour on an origin group allows " + methods
                        + " (aws-cdk#32450: AllowedMethods cannot include POST, PUT, PATCH, or DELETE)");
            } else if (methods.contains("POST")) {
                writable = true;
                assertEquals(FrontDoor.ALL_METHODS, methods);
                assertEquals(FrontDoor.CACHING_DISABLED, b.get("cachePolicyId"), "writes are never cached");
            }
        }
        assertTrue(writable, "every method reaches a region through some behaviour");
        assertEquals(FrontDoor.GROUP, cdn.at("defaultCacheBehavior", "targetOriginId"), "reads go through the origin group");
        List<Map<String, Object>> writes = list(cdn.at("orderedCacheBehaviors"));
        assertEquals(List.of("/api/*"), writes.stream().map(w -> w.get("pathPattern")).toList());
    }

    @ParameterizedTest(name = "{0}: writes fail over by DNS where there is a failover name, else go to the active region")
    @MethodSource("withCloudFront")
    void writesReachTheHealthyRegion(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered cdn = distribution(run);
        Map<String, Object> write = list(cdn.at("orderedCacheBehaviors")).get(0);
        Map<Object, Map<String, Object>> origins = new HashMap<>();
        list(cdn.at("origins")).forEach(o -> origins.put(o.get("originId"), o));
        if (name.contains("domain")) {
            assertEquals(FrontDoor.WRITE_ORIGIN, write.get("targetOriginId"));
            assertEquals("failover." + FrontDoorRuns.NAME, origins.get(FrontDoor.WRITE_ORIGIN).get("domainName"));
            // the failover name is in no certificate: the viewer's Host (app.example.com) is forwarded, and checked
            assertEquals(FrontDoor.ALL_VIEWER, write.get("originRequestPolicyId"));
            List<Registered> failover = run.where(r -> r.type().equals(RECORD)
                    && ("failover." + FrontDoorRuns.NAME).equals(r.text("name")));
            assertEquals(List.of("PRIMARY", "SECONDARY"), failover.stream()
                    .map(r -> (String) r.at("failoverRoutingPolicies", 0, "type")).sorted().toList());
        } else {
            assertEquals(name.contains("drill") ? FrontDoor.SECONDARY_ORIGIN : FrontDoor.PRIMARY_ORIGIN,
                    write.get("targetOriginId"), "without a failover name writes go to the active region");
            assertEquals(FrontDoor.ALL_VIEWER_EXCEPT_HOST, write.get("originRequestPolicyId"));
        }
    }

    @ParameterizedTest(name = "{0}: HTTPS-only viewers, HTTP/2 and HTTP/3, IPv6, compression, nothing dynamic cached")
    @MethodSource("withCloudFront")
    @SuppressWarnings("unchecked")
    void viewers(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered cdn = distribution(run);
        assertEquals("http2and3", cdn.text("httpVersion"));
        assertEquals(true, cdn.at("isIpv6Enabled"));
        assertEquals(true, cdn.at("enabled"));
        List<Map<String, Object>> behaviours = new ArrayList<>(list(cdn.at("orderedCacheBehaviors")));
        behaviours.add((Map<String, Object>) cdn.at("defaultCacheBehavior"));
        for (Map<String, Object> b : behaviours) {
            assertEquals("https-only", b.get("viewerProtocolPolicy"), "FSBP CloudFront.3");
            assertEquals(true, b.get("compress"));
            assertEquals(FrontDoor.SECURITY_HEADERS, b.get("responseHeadersPolicyId"));
        }
        Registered cache = run.one("aws:cloudfront/cachePolicy:CachePolicy");
        assertEquals(cache.name() + "-id", cdn.at("defaultCacheBehavior", "cachePolicyId"));
        assertEquals(0.0, ((Number) cache.at("defaultTtl")).doubleValue(), "nothing cached unless the origin asks");
        assertEquals(0.0, ((Number) cache.at("minTtl")).doubleValue());
        assertEquals(true, cache.at("parametersInCacheKeyAndForwardedToOrigin", "enableAcceptEncodingGzip"));
        assertEquals(true, cache.at("parametersInCacheKeyAndForwardedToOrigin", "enableAcceptEncodingBrotli"));
        assertEquals("PriceClass_100", cdn.text("priceClass"));
        if (name.contains("domain")) {
            assertEquals(List.of(FrontDoorRuns.NAME), cdn.at("aliases"));
            assertEquals("sni-only", cdn.at("viewerCertificate", "sslSupportMethod"), "FSBP CloudFront.8");
            assertEquals("TLSv1.2_2021", cdn.at("viewerCertificate", "minimumProtocolVersion"));
            String arn = (String) cdn.at("viewerCertificate", "acmCertificateArn");
            assertTrue(arn.startsWith("arn:aws:acm:us-east-1:"), "CloudFront's certificate is in us-east-1: " + arn);
            Registered validation = run.where(r -> r.type().equals("aws:acm/certificateValidation:CertificateValidation")
                    && under(run, r, FRONT_DOOR)).get(0);
            assertTrue(cdn.dependsOn(validation), "the distribution takes the validated certificate");
            for (String type : List.of("A", "AAAA")) {
                Registered alias = run.where(r -> r.type().equals(RECORD) && FrontDoorRuns.NAME.equals(r.text("name"))
                        && type.equals(r.text("type"))).get(0);
                assertEquals("Z2FDTNDATAQYW2", alias.at("aliases", 0, "zoneId"));
            }
        } else {
            assertEquals(null, cdn.at("aliases"));
            assertEquals(true, cdn.at("viewerCertificate", "cloudfrontDefaultCertificate"));
        }
    }

    @ParameterizedTest(name = "{0}: origins carry the secret header, connect within the configured timeout and "
            + "attempts, over HTTPS to the regional names with a domain and HTTP to the load balancers without")
    @MethodSource("withCloudFront")
    @SuppressWarnings("unchecked")
    void origins(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Map<String, Object>> origins = list(distribution(run).at("origins"));
        boolean domain = name.contains("domain");
        assertEquals(domain ? 3 : 2, origins.size());
        Map<String, Object> primary = primaryExports(name);
        String secret = (String) primary.get(Value.ORIGIN_SECRET.key());
        for (Map<String, Object> o : origins) {
            Map<String, Object> config = (Map<String, Object>) o.get("customOriginConfig");
            assertEquals(domain ? "https-only" : "http-only", config.get("originProtocolPolicy"));
            assertEquals(List.of("TLSv1.2"), config.get("originSslProtocols"), "FSBP CloudFront.10");
            double timeout = ((Number) o.get("connectionTimeout")).doubleValue();
            double attempts = ((Number) o.get("connectionAttempts")).doubleValue();
            assertTrue(timeout >= 1 && timeout <= 10 && attempts >= 1 && attempts <= 3);
            assertEquals(List.of(Map.of("name", OriginAccess.HEADER, "value", secret)), o.get("customHeaders"));
        }
        Map<Object, Object> domains = new HashMap<>();
        origins.forEach(o -> domains.put(o.get("originId"), o.get("domainName")));
        if (domain) {
            assertEquals("eu-west-1." + FrontDoorRuns.NAME, domains.get(FrontDoor.PRIMARY_ORIGIN));
            assertEquals("eu-central-1." + FrontDoorRuns.NAME, domains.get(FrontDoor.SECONDARY_ORIGIN));
        } else {
            assertEquals(primary.get(Value.PRIMARY_LOAD_BALANCER_DNS.key()), domains.get(FrontDoor.PRIMARY_ORIGIN),
                    "A's load balancer, read from the primary's outputs");
            assertTrue(((String) domains.get(FrontDoor.SECONDARY_ORIGIN)).endsWith(".eu-central-1.elb.amazonaws.com"));
        }
    }

    // --- WAF ---

    @ParameterizedTest(name = "{0}: the web ACL is attached by ARN, never by an association")
    @MethodSource("withCloudFront")
    void webAclByArn(String name) {
        ProgramRun run = StandardRuns.get(name);
        assertEquals(List.of(), run.ofType("aws:wafv2/webAclAssociation:WebAclAssociation"),
                "the association resource refuses CloudFront (terraform-provider-aws#28753)");
        Registered acl = run.one(WEB_ACL);
        String arn = (String) distribution(run).at("webAclId");
        assertTrue(arn.startsWith("arn:aws:wafv2:us-east-1:123456789012:global/webacl/" + acl.text("name") + "/"), arn);
        assertTrue(distribution(run).dependsOn(acl));
    }

    @ParameterizedTest(name = "{0}: managed common, known bad inputs and IP reputation rules and a rate limit, "
            + "under 1,500 WCUs")
    @MethodSource("withCloudFront")
    void webAclRules(String name) {
        Registered acl = StandardRuns.get(name).one(WEB_ACL);
        List<Map<String, Object>> rules = list(acl.at("rules"));
        assertEquals(WebFirewall.ruleNames(), rules.stream().map(r -> r.get("name")).toList());
        int capacity = 0;
        for (Map<String, Object> rule : rules) {
            capacity += WebFirewall.capacity((String) rule.get("name")).orElseThrow();
        }
        assertEquals(927, capacity, "25 + 700 + 200 + 2");
        assertTrue(capacity < WebFirewall.PRICED_CAPACITY);
        Map<String, Object> rate = rules.get(3);
        assertEquals(2000.0, ((Number) ((Map<?, ?>) ((Map<?, ?>) rate.get("statement")).get("rateBasedStatement"))
                .get("limit")).doubleValue());
        assertEquals(Map.of("block", Map.of()), rate.get("action"));
        assertEquals("AWS", ((Map<?, ?>) ((Map<?, ?>) rules.get(1).get("statement")).get("managedRuleGroupStatement"))
                .get("vendorName"));
    }

    @ParameterizedTest(name = "{0}: WAF logs to a destination named aws-waf-logs-*, after its resource policy")
    @MethodSource("withCloudFront")
    @SuppressWarnings("unchecked")
    void wafLogging(String name) {
        ProgramRun run = StandardRuns.get(name);
        Registered logging = run.one("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
        List<String> destinations = (List<String>) logging.at("logDestinationConfigs");
        assertEquals(1, destinations.size());
        for (String arn : destinations) {
            String group = arn.substring(arn.indexOf(":log-group:") + ":log-group:".length());
            assertTrue(group.startsWith("aws-waf-logs-"), "WAF refuses a destination named " + group);
            assertTrue(group.contains("secondary"), "the stack is in the name");
        }
        Registered policy = run.one("aws:cloudwatch/logResourcePolicy:LogResourcePolicy");
        assertTrue(logging.dependsOn(policy));
        Registered delivery = run.one("aws:cloudwatch/logDelivery:LogDelivery");
        assertTrue(delivery.dependsOn(policy));
        Registered source = run.one("aws:cloudwatch/logDeliverySource:LogDeliverySource");
        assertEquals("ACCESS_LOGS", source.text("logType"));
        assertEquals(distribution(run).urn(), run.all().stream().filter(r -> source.dependsOn(r)
                && r.type().equals(DISTRIBUTION)).findFirst().map(Registered::urn).orElse(null));
    }

    // --- DNS failover ---

    @ParameterizedTest(name = "{0}: health checks on /health of each region's own name, HTTPS with SNI, every 10 s, "
            + "at most 3 failures")
    @MethodSource("healthChecked")
    void healthChecks(String name) {
        ProgramRun run = StandardRuns.get(name);
        List<Registered> endpoints = run.where(r -> r.type().equals(HEALTH_CHECK) && "HTTPS".equals(r.text("type")));
        assertEquals(List.of("eu-central-1." + FrontDoorRuns.NAME, "eu-west-1." + FrontDoorRuns.NAME),
                endpoints.stream().map(r -> r.text("fqdn")).sorted().toList());
        String failoverName = name.equals("secondary/dns") ? FrontDoorRuns.NAME : "failover." + FrontDoorRuns.NAME;
        for (Registered check : endpoints) {
            assertTrue(FrontDoorSettings.HEALTH_CHECK_INTERVALS.contains(((Number) check.at("requestInterval")).intValue()));
            assertEquals(10.0, ((Number) check.at("requestInterval")).doubleValue());
            assertTrue(((Number) check.at("failureThreshold")).intValue() <= 3);
            assertEquals(true, check.at("enableSni"));
            assertEquals(443.0, ((Number) check.at("port")).doubleValue());
            assertEquals("/health", check.text("resourcePath"));
            assertFalse(failoverName.equals(check.text("fqdn")), "never the failover record's own name");
        }
        List<Registered> records = run.where(r -> r.type().equals(RECORD) && failoverName.equals(r.text("name")));
        assertEquals(2, records.size());
        Registered primary = records.stream().filter(r -> "PRIMARY".equals(r.at("failoverRoutingPolicies", 0, "type")))
                .findFirst().orElseThrow();
        Registered secondary = records.stream().filter(r -> "SECONDARY".equals(r.at("failoverRoutingPolicies", 0, "type")))
                .findFirst().orElseThrow();
        assertTrue(((String) primary.at("aliases", 0, "name")).endsWith(".eu-west-1.elb.amazonaws.com"));
        assertTrue(((String) secondary.at("aliases", 0, "name")).endsWith(".eu-central-1.elb.amazonaws.com"));
        assertEquals(true, primary.at("aliases", 0, "evaluateTargetHealth"));
        Registered gate = run.where(r -> r.type().equals(HEALTH_CHECK) && "CALCULATED".equals(r.text("type"))).get(0);
        assertEquals(gate.name() + "-id", primary.text("healthCheckId"));
        Registered bCheck = endpoints.stream().filter(r -> r.text("fqdn").startsWith("eu-central-1.")).findFirst().orElseThrow();
        assertEquals(bCheck.name() + "-id", secondary.text("healthCheckId"));
        // A's endpoint check and the failover switch: both healthy; the drill asks one more than there are, so A's
        // record is never healthy
        int children = ((List<?>) gate.at("childHealthchecks")).size();
        assertEquals(2, children, "A's endpoint check and the failover switch");
        assertEquals(name.contains("drill") ? children + 1.0 : children, ((Number) gate.at("childHealthThreshold"))
                .doubleValue(), "the drill asks more healthy children than there are: A's record is never healthy");
    }

    @Test
    @DisplayName("DNS failover alone: no distribution, failover records on the application's name, public load balancers")
    void dnsFailoverAlone() {
        ProgramRun secondary = StandardRuns.get("secondary/dns");
        assertEquals(List.of(), secondary.ofType(DISTRIBUTION));
        assertEquals(List.of(), secondary.ofType(WEB_ACL));
        for (String name : List.of("primary/dns", "secondary/dns")) {
            ProgramRun run = StandardRuns.get(name);
            assertEquals(List.of(80.0, 443.0), run.where(r -> r.type().equals(INGRESS) && "0.0.0.0/0".equals(r.text("cidrIpv4")))
                    .stream().map(r -> ((Number) r.at("fromPort")).doubleValue()).sorted().toList(),
                    "users reach the load balancers directly");
            assertEquals(List.of(), run.ofType(LISTENER_RULE));
        }
        assertEquals(Map.of("cloudFront", false, "healthCheckers", false),
                StandardRuns.get("primary/dns").output(Value.ORIGIN_ACCESS.key()));
    }

    // --- the load balancers behind the front door ---

    @ParameterizedTest(name = "{0}: the load balancer admits CloudFront only (and Route 53's checkers in a group of "
            + "their own), and forwards only with the secret header")
    @MethodSource("all")
    @SuppressWarnings("unchecked")
    void loadBalancerAdmitsOnlyTheFrontDoor(String name) {
        if (name.contains("dns")) {
            return; // no CloudFront: users reach the load balancers directly (dnsFailoverAlone)
        }
        ProgramRun run = StandardRuns.get(name);
        // the load balancer's own security groups (the database's admits B's application over the peering, by CIDR)
        Set<Object> balancerGroups = new java.util.HashSet<>();
        run.ofType("aws:lb/loadBalancer:LoadBalancer").forEach(lb -> balancerGroups.addAll(
                (List<?>) lb.inputs().get("securityGroups")));
        assertFalse(balancerGroups.isEmpty());
        assertEquals(List.of(), run.where(r -> r.type().equals(INGRESS) && r.text("cidrIpv4") != null
                        && balancerGroups.contains(r.text("securityGroupId"))), "nothing from the internet");
        boolean domain = name.contains("domain");
        String region = name.startsWith("primary") ? "eu-west-1" : "eu-central-1";
        List<Registered> fromPrefixLists = run.where(r -> r.type().equals(INGRESS) && r.text("prefixListId") != null);
        String cloudFront = FakeInvokes.prefixListId(OriginAccess.CLOUDFRONT_PREFIX_LIST, region);
        String checkers = FakeInvokes.prefixListId(OriginAccess.healthCheckersPrefixList(new AwsRegion(region)),
                region);
        Registered fromCloudFront = fromPrefixLists.stream().filter(r -> cloudFront.equals(r.text("prefixListId")))
                .findFirst().orElseThrow();
        assertEquals(domain ? 443.0 : 80.0, ((Number) fromCloudFront.at("fromPort")).doubleValue());
        List<Registered> fromCheckers = fromPrefixLists.stream().filter(r -> checkers.equals(r.text("prefixListId"))).toList();
        assertEquals(domain ? 1 : 0, fromCheckers.size(), "health checkers only where Route 53 checks this load balancer");
        fromCheckers.forEach(r -> assertFalse(r.text("securityGroupId").equals(fromCloudFront.text("securityGroupId")),
                "the two prefix lists never share a group (55 + 25 > 60)"));
        Registered alb = run.one("aws:lb/loadBalancer:LoadBalancer");
        assertEquals(domain ? 2 : 1, ((List<String>) alb.at("securityGroups")).size());

        Registered forwarding = run.where(r -> r.type().equals(LISTENER) && !"redirect".equals(r.at("defaultActions", 0, "type")))
                .get(0);
        assertEquals("fixed-response", forwarding.at("defaultActions", 0, "type"));
        assertEquals("403", forwarding.at("defaultActions", 0, "fixedResponse", "statusCode"));
        List<Registered> rules = run.ofType(LISTENER_RULE);
        Registered header = rules.stream().filter(r -> r.at("conditions", 0, "httpHeader") != null).findFirst().orElseThrow();
        assertEquals(OriginAccess.HEADER, header.at("conditions", 0, "httpHeader", "httpHeaderName"));
        String secret = ((List<String>) header.at("conditions", 0, "httpHeader", "values")).get(0);
        assertEquals(OriginAccess.SECRET_LENGTH, secret.length());
        assertEquals("forward", header.at("actions", 0, "type"));
        assertEquals(domain ? 2 : 1, rules.size(), "/health without the header only for Route 53's checkers");
    }

    static Stream<String> everyRun() {
        return StandardRuns.ALL.stream();
    }

    @ParameterizedTest(name = "{0}: the prefix lists of each security group weigh no more than its 60 rules")
    @MethodSource("everyRun")
    void prefixListWeightsFit(String name) {
        ProgramRun run = StandardRuns.get(name);
        Map<String, Integer> weights = new HashMap<>();
        for (Registered rule : run.where(r -> r.type().equals(INGRESS) && r.text("prefixListId") != null)) {
            String region = rule.providerRegion();
            String listName = FakeInvokes.MANAGED_PREFIX_LISTS.keySet().stream().map(n -> n.replace("{region}", region))
                    .filter(n -> FakeInvokes.prefixListId(n, region).equals(rule.text("prefixListId"))).findFirst()
                    .orElseThrow(() -> new AssertionError("unknown prefix list " + rule.text("prefixListId")));
            weights.merge(rule.text("securityGroupId"), OriginAccess.weight(listName), Integer::sum);
        }
        weights.forEach((group, weight) -> assertTrue(weight <= OriginAccess.RULES_PER_GROUP,
                group + " references prefix lists weighing " + weight));
        // where a CloudFront front door exists (the primary restricts A's load balancer to it, the secondary builds it)
        boolean cloudFront = run.output(name.startsWith("primary") ? Value.ORIGIN_ACCESS.key()
                : Value.FRONT_DOOR.key()) instanceof Map<?, ?> m
                && (Boolean.TRUE.equals(m.get("cloudFront")) || "cloudfront".equals(m.get("mode")));
        if (cloudFront) {
            assertFalse(weights.isEmpty());
        }
    }

    /** Security group descriptions (EC2 API Reference, CreateSecurityGroup, GroupDescription). */
    static final Pattern GROUP_DESCRIPTION =
            Pattern.compile("^[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]{1,255}$");
    /** Security group rule descriptions: no '&' (EC2 API Reference, PrefixListId and IpRange, Description). */
    static final Pattern RULE_DESCRIPTION =
            Pattern.compile("^[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=;{}!$*]{0,255}$");

    @ParameterizedTest(name = "{0}: every security group, rule and web ACL description uses only characters AWS accepts")
    @MethodSource("everyRun")
    void descriptionsAwsAccepts(String name) {
        ProgramRun run = StandardRuns.get(name);
        for (Registered group : run.ofType("aws:ec2/securityGroup:SecurityGroup")) {
            assertTrue(GROUP_DESCRIPTION.matcher(group.text("description")).matches(), group.text("description"));
        }
        for (Registered rule : run.where(r -> r.type().equals(INGRESS)
                || r.type().equals("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"))) {
            String description = rule.text("description") == null ? "" : rule.text("description");
            assertTrue(RULE_DESCRIPTION.matcher(description).matches(), rule.name() + ": " + description);
        }
        for (Registered acl : run.ofType(WEB_ACL)) {
            assertTrue(WebFirewall.DESCRIPTION_PATTERN.matcher(acl.text("description")).matches(), acl.text("description"));
        }
    }

    // --- the secret, between the stacks ---

    @Test
    @DisplayName("the secret is generated once by the primary, exported as a secret, required by both load balancers "
            + "and added by CloudFront")
    void secretBetweenTheStacks() {
        ProgramRun primary = StandardRuns.get("primary/domain");
        ProgramRun secondary = StandardRuns.get("secondary/domain");
        Registered stash = primary.one("pulumi:index:Stash");
        assertTrue(stash.ignoreChanges().contains("input"), "only the first value counts");
        assertEquals(List.of(), secondary.ofType("pulumi:index:Stash"), "the secondary generates none");
        String exported = (String) primary.output(Value.ORIGIN_SECRET.key());
        assertEquals(OriginAccess.SECRET_LENGTH, exported.length());
        assertTrue(exported.chars().allMatch(c -> OriginAccess.ALPHABET.indexOf(c) >= 0));
        assertTrue(primary.isSecretOutput(Value.ORIGIN_SECRET.key()), "a secret output");
        for (ProgramRun run : List.of(primary, secondary)) {
            Registered rule = run.where(r -> r.type().equals(LISTENER_RULE) && r.at("conditions", 0, "httpHeader") != null)
                    .get(0);
            assertEquals(List.of(exported), rule.at("conditions", 0, "httpHeader", "values"));
        }
        list(distribution(secondary).at("origins")).forEach(o -> assertEquals(exported,
                ((Map<?, ?>) list(o.get("customHeaders")).get(0)).get("value")));
        assertFalse(secondary.isSecretOutput(Value.FRONT_DOOR.key()),
                "only the secret is a secret: the other values read from the primary are not");
    }

    @Test
    @DisplayName("the front door's certificate validates against the record this stack wrote for the name, and writes none")
    void oneOwnerPerRecord() {
        ProgramRun secondary = StandardRuns.get("secondary/domain");
        Registered validation = secondary.where(r -> r.type().equals("aws:acm/certificateValidation:CertificateValidation")
                && under(secondary, r, FRONT_DOOR)).get(0);
        // the record of the application's name is the primary's (one owner): the front door's certificate validates
        // against the FQDN the primary exported
        Object appRecord = StandardRuns.primaryOutputsOf("secondary/domain").get(Value.APPLICATION_NAME_RECORD.key());
        assertEquals(List.of(appRecord), validation.at("validationRecordFqdns"));
        assertEquals(List.of(), secondary.where(r -> r.type().equals(RECORD) && r.name().endsWith("-validation-app")));
        assertEquals(List.of(), secondary.where(r -> r.type().equals(RECORD) && under(secondary, r, FRONT_DOOR)
                && "CNAME".equals(r.text("type"))), "the front door writes no validation record");
        // no two records of the two stacks have the same name, type and set identifier (validation records aside:
        // their names come from ACM)
        List<String> keys = new ArrayList<>();
        for (ProgramRun run : List.of(StandardRuns.get("primary/domain"), secondary)) {
            run.where(r -> r.type().equals(RECORD) && r.text("name") != null)
                    .forEach(r -> keys.add(r.text("name") + " " + r.text("type") + " " + r.text("setIdentifier")));
        }
        assertEquals(keys.size(), Set.copyOf(keys).size(), keys::toString);
    }

    // --- the output ---

    @ParameterizedTest(name = "{0}: the frontDoor output names the distribution, the web ACL and the health checks")
    @MethodSource("secondaries")
    @SuppressWarnings("unchecked")
    void frontDoorOutput(String name) {
        ProgramRun run = StandardRuns.get(name);
        Map<String, Object> door = (Map<String, Object>) run.output(Value.FRONT_DOOR.key());
        assertNotNull(door);
        assertEquals(name.contains("drill") ? "eu-central-1" : "eu-west-1", door.get("activeRegion"));
        if (name.equals("secondary/dns")) {
            assertEquals("dns", door.get("mode"));
        } else {
            assertEquals("cloudfront", door.get("mode"));
            assertEquals(distribution(run).name() + "-id", door.get("distributionId"));
            assertTrue(((String) door.get("webAclArn")).contains(":global/webacl/"));
        }
        if (name.contains("domain") || name.contains("dns")) {
            assertEquals("https://" + FrontDoorRuns.NAME, door.get("url"));
            assertNotNull(door.get("primaryHealthCheckId"));
            assertNotNull(door.get("secondaryHealthCheckId"));
        } else {
            assertTrue(((String) door.get("url")).endsWith(".cloudfront.net"));
        }
    }
}
