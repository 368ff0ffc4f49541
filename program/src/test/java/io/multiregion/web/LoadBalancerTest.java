package io.multiregion.web;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.multiregion.config.DomainSettings;
import io.multiregion.naming.Names;
import io.multiregion.network.Connectable;
import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.PolicyView;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web tier alone, on the fake cloud, with made-up network values. */
class LoadBalancerTest {
    private static final String ALB = "aws:lb/loadBalancer:LoadBalancer";
    private static final String LISTENER = "aws:lb/listener:Listener";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final DomainSettings DOMAIN = new DomainSettings("Z0123456789ABCDEFGHIJ", "app.example.com");

    static ProgramRun run(String region, Optional<DomainSettings> domain, boolean deletionProtection) {
        return run(region, domain, deletionProtection, Optional.empty());
    }

    /** With a domain whose application-name record another stack owns, when {@code applicationNameRecord} is given. */
    static ProgramRun run(String region, Optional<DomainSettings> domain, boolean deletionProtection,
                          Optional<String> applicationNameRecord) {
        ProgramRun run = ProgramRun.program("primary", Map.of(), ctx -> {
            Provider provider = new Provider("aws-" + region, ProviderArgs.builder().region(region).build());
            InternetGateway igw = new InternetGateway("igw", InternetGatewayArgs.builder().vpcId("vpc-0abc").build(),
                    CustomResourceOptions.builder().provider(provider).build());
            new LoadBalancer("multiregion-web", args(region, List.of(igw))
                    .deletionProtection(deletionProtection)
                    .domain(domain)
                    .applicationNameRecord(applicationNameRecord.map(Output::of))
                    .build(), ComponentResourceOptions.builder().providers(provider).build());
        });
        assertFalse(run.failed(), run::errors);
        return run;
    }

    /** The args every test shares: three public subnets of a made-up VPC, and the given internet gateway. */
    static LoadBalancer.Args.Builder args(String region, List<Resource> internetGateway) {
        return LoadBalancer.Args.builder()
                .region(new AwsRegion(region))
                .vpcId(Output.of("vpc-0abc"))
                .publicSubnetIds(Output.of(List.of("subnet-pub-a", "subnet-pub-b", "subnet-pub-c")))
                .internetGateway(internetGateway)
                .noncurrentDays(90);
    }

    @Test
    @DisplayName("ALB: internet-facing in the public subnets, ELB.4 / ELB.5 / ELB.6 / ELB.12 from its inputs")
    void loadBalancerSettings() {
        ProgramRun run = run("eu-west-1", Optional.empty(), true);
        Registered alb = run.one(ALB);
        assertEquals("application", alb.text("loadBalancerType"));
        assertEquals(false, alb.at("internal"));
        assertEquals(List.of("subnet-pub-a", "subnet-pub-b", "subnet-pub-c"), alb.at("subnets"));
        assertEquals(true, alb.at("dropInvalidHeaderFields"));
        assertTrue(List.of("defensive", "strictest").contains(alb.text("desyncMitigationMode")));
        assertEquals(true, alb.at("enableDeletionProtection"));
        assertEquals(true, alb.at("accessLogs", "enabled"));
        assertEquals("alb", alb.at("accessLogs", "prefix"));
        Registered bucket = run.one("aws:s3/bucketV2:BucketV2");
        assertEquals(bucket.name() + "-a1b2c3d", alb.at("accessLogs", "bucket"));
        assertEquals(false, bucket.at("forceDestroy"));
        assertTrue(bucket.protect(), "the log bucket is protected when protectData is on");
        assertEquals(false, run(("eu-west-1"), Optional.empty(), false).one(ALB).at("enableDeletionProtection"));
    }

    @Test
    @DisplayName("access logs: SSE-S3 (ALB logs refuse SSE-KMS), versioned, public access blocked, BucketOwnerEnforced, TLS only")
    void logBucket() {
        ProgramRun run = run("eu-west-1", Optional.empty(), true);
        Registered sse = run.one("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals("AES256", sse.at("rules", 0, "applyServerSideEncryptionByDefault", "sseAlgorithm"));
        assertEquals("Enabled", run.one("aws:s3/bucketVersioningV2:BucketVersioningV2").at("versioningConfiguration", "status"));
        Registered block = run.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.at(flag), flag);
        }
        assertEquals("BucketOwnerEnforced", run.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls")
                .at("rule", "objectOwnership"));
        PolicyView policy = PolicyView.parse(run.one("aws:s3/bucketPolicy:BucketPolicy").text("policy"));
        assertEquals("Deny", policy.sid("DenyInsecureTransport").effect());
        assertEquals(List.of("false"), policy.sid("DenyInsecureTransport").condition("Bool", "aws:SecureTransport"));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
            "eu-west-1,AWS,arn:aws:iam::156460612806:root",
            "eu-central-1,AWS,arn:aws:iam::054676820928:root",
            "us-east-1,AWS,arn:aws:iam::127311923021:root",
            "cn-north-1,AWS,arn:aws-cn:iam::638102146993:root",
            "us-gov-west-1,AWS,arn:aws-us-gov:iam::048591011584:root",
            "ap-southeast-4,Service,logdelivery.elasticloadbalancing.amazonaws.com",
            "il-central-1,Service,logdelivery.elasticloadbalancing.amazonaws.com",
            "eu-central-2,Service,logdelivery.elasticloadbalancing.amazonaws.com",
    })
    @DisplayName("the access-log bucket admits the log-delivery principal the region uses, under alb/AWSLogs/<account>/ only")
    void logDeliveryPrincipalPerRegion(String region, String principalType, String principal) {
        ProgramRun run = run(region, Optional.empty(), true);
        Registered bucket = run.one("aws:s3/bucketV2:BucketV2");
        String partition = new AwsRegion(region).partition();
        PolicyView.StatementView delivery = PolicyView.parse(run.one("aws:s3/bucketPolicy:BucketPolicy").text("policy"))
                .sid("ElbAccessLogDelivery");
        assertEquals(Map.of(principalType, List.of(principal)), delivery.principals());
        assertEquals(List.of("s3:PutObject"), delivery.actions());
        assertEquals(List.of("arn:" + partition + ":s3:::" + bucket.name() + "-a1b2c3d/alb/AWSLogs/123456789012/*"),
                delivery.resources());
        assertTrue(run.aws().stream().allMatch(r -> region.equals(r.providerRegion())),
                "every resource goes through the region's provider");
    }

    @Test
    @DisplayName("the ALB is created after the log bucket's policy: ELB checks its write access when logs are enabled")
    void albWaitsForBucketPolicy() {
        ProgramRun run = run("eu-west-1", Optional.empty(), true);
        assertTrue(run.one(ALB).dependsOn(run.one("aws:s3/bucketPolicy:BucketPolicy")));
    }

    @Test
    @DisplayName("the internet-facing ALB waits for its VPC's internet gateway (InvalidSubnet otherwise, not retried)")
    void albWaitsForInternetGateway() {
        for (Optional<DomainSettings> domain : List.of(Optional.<DomainSettings>empty(), Optional.of(DOMAIN))) {
            ProgramRun run = run("eu-west-1", domain, true);
            Registered alb = run.one(ALB);
            assertEquals(false, alb.at("internal"));
            assertTrue(alb.dependsOn(run.one("aws:ec2/internetGateway:InternetGateway")),
                    "terraform-provider-aws#3494: the ALB is refused while the VPC has no internet gateway");
        }
        assertThrows(IllegalArgumentException.class, () -> args("eu-west-1", List.of()).build(),
                "an internet-facing load balancer cannot be built without the gateway");
    }

    @Test
    @DisplayName("DNS records have one owner: the owner writes the application name's record; the other validates against it")
    void applicationNameRecordHasOneOwner() {
        ProgramRun owner = run("eu-west-1", Optional.of(DOMAIN), true);
        Registered appRecord = owner.where(r -> r.name().equals("multiregion-web-validation-app")).get(0);
        Registered ownRecord = owner.where(r -> r.name().equals("multiregion-web-validation-region")).get(0);
        assertTrue(appRecord.text("name").endsWith(".app.example.com."), appRecord.text("name"));
        assertTrue(ownRecord.text("name").endsWith(".eu-west-1.app.example.com."), ownRecord.text("name"));
        assertEquals(List.of(trimDot(appRecord.text("name")), trimDot(ownRecord.text("name"))),
                owner.one("aws:acm/certificateValidation:CertificateValidation").at("validationRecordFqdns"));

        String ownersFqdn = trimDot(appRecord.text("name"));
        ProgramRun other = run("eu-central-1", Optional.of(DOMAIN), true, Optional.of(ownersFqdn));
        List<Registered> records = other.where(r -> r.type().equals("aws:route53/record:Record") && r.name().contains("-validation-"));
        assertEquals(List.of("multiregion-web-validation-region"), records.stream().map(Registered::name).toList(),
                "the stack that does not own the application name's record writes only its region's");
        assertTrue(records.get(0).text("name").endsWith(".eu-central-1.app.example.com."));
        Registered validation = other.one("aws:acm/certificateValidation:CertificateValidation");
        assertEquals(List.of(ownersFqdn, trimDot(records.get(0).text("name"))), validation.at("validationRecordFqdns"),
                "the certificate validates against the owner's record (the provider checks every name is there)");
        assertNotEquals(appRecord.text("name"), records.get(0).text("name"));
    }

    private static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    @Test
    @DisplayName("target group: HTTP on the app port, /health, timeout below interval; names fit 32 characters with the suffix")
    void targetGroupAndNames() {
        ProgramRun run = run("eu-west-1", Optional.empty(), true);
        Registered tg = run.one("aws:lb/targetGroup:TargetGroup");
        assertEquals("HTTP", tg.text("protocol"));
        assertEquals(8080.0, ((Number) tg.at("port")).doubleValue());
        assertEquals("vpc-0abc", tg.text("vpcId"));
        assertEquals("/health", tg.at("healthCheck", "path"));
        assertEquals("traffic-port", tg.at("healthCheck", "port"));
        double timeout = ((Number) tg.at("healthCheck", "timeout")).doubleValue();
        double interval = ((Number) tg.at("healthCheck", "interval")).doubleValue();
        assertTrue(timeout < interval, "health-check timeout " + timeout + " must be below the interval " + interval);
        for (Registered named : List.of(tg, run.one(ALB))) {
            assertTrue(named.name().length() + Names.RANDOM_SUFFIX <= 32, named.name());
            assertTrue(named.name().matches("^[A-Za-z0-9-]+$"), named.name());
        }
    }

    @Test
    @DisplayName("without a domain: port 80 only, forwarding to the targets (the documented ELB.1 exception); nothing else open")
    void httpOnlyWithoutDomain() {
        ProgramRun run = run("eu-west-1", Optional.empty(), true);
        Registered listener = run.one(LISTENER);
        assertEquals("HTTP", listener.text("protocol"));
        assertEquals(80.0, ((Number) listener.at("port")).doubleValue());
        assertEquals("forward", listener.at("defaultActions", 0, "type"));
        assertEquals(List.of(), run.ofType("aws:acm/certificate:Certificate"));
        List<Registered> ingress = run.ofType(INGRESS);
        assertEquals(1, ingress.size());
        assertEquals(80.0, ((Number) ingress.get(0).at("fromPort")).doubleValue());
        assertEquals(List.of(), run.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
                "no way out until the application tier asks for one (allowTo)");
        assertTrue(run.ofType("aws:ec2/securityGroup:SecurityGroup").stream()
                .allMatch(sg -> sg.at("ingress") == null && sg.at("egress") == null), "no inline rules");
    }

    @Test
    @DisplayName("the load balancer owns its one way out: to the application's group, on the application port only")
    void allowToTheApplication() {
        ProgramRun run = ProgramRun.program("primary", Map.of(), ctx -> {
            Provider provider = new Provider("aws-eu-west-1", ProviderArgs.builder().region("eu-west-1").build());
            InternetGateway igw = new InternetGateway("igw", InternetGatewayArgs.builder().vpcId("vpc-0abc").build(),
                    CustomResourceOptions.builder().provider(provider).build());
            LoadBalancer web = new LoadBalancer("multiregion-web", args("eu-west-1", List.of(igw)).build(),
                    ComponentResourceOptions.builder().providers(provider).build());
            web.allowTo(new Connectable() {
                @Override
                public String connectionName() {
                    return "multiregion-app";
                }

                @Override
                public Output<String> securityGroup() {
                    return Output.of("sg-app");
                }
            }, 8080, CustomResourceOptions.builder().provider(provider).build());
        });
        assertFalse(run.failed(), run::errors);
        Registered out = run.one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        assertEquals("multiregion-app-alb-to-app", out.name());
        Registered albGroup = run.where(r -> r.name().equals("multiregion-web-alb")).get(0);
        assertEquals(albGroup.name() + "-id", out.text("securityGroupId"));
        assertEquals("sg-app", out.text("referencedSecurityGroupId"));
        assertNull(out.text("cidrIpv4"));
        assertEquals("tcp", out.text("ipProtocol"));
        assertEquals(8080.0, ((Number) out.at("fromPort")).doubleValue());
        assertEquals(8080.0, ((Number) out.at("toPort")).doubleValue());
    }

    @Test
    @DisplayName("with a domain: certificate for the app's and the region's names, DNS-validated, HTTPS on the validated ARN")
    void httpsWithDomain() {
        ProgramRun run = run("eu-central-1", Optional.of(DOMAIN), true);
        Registered certificate = run.one("aws:acm/certificate:Certificate");
        assertEquals("app.example.com", certificate.text("domainName"));
        assertEquals(List.of("eu-central-1.app.example.com"), certificate.at("subjectAlternativeNames"));
        assertEquals("DNS", certificate.text("validationMethod"));

        List<Registered> validationRecords = run.where(r -> r.type().equals("aws:route53/record:Record")
                && r.name().contains("-validation-"));
        assertEquals(2, validationRecords.size());
        Registered validation = run.one("aws:acm/certificateValidation:CertificateValidation");
        assertTrue(validation.dependsOn(certificate));
        for (Registered record : validationRecords) {
            assertEquals(false, record.at("allowOverwrite"), "one owner per record: never take over an existing one");
            assertEquals(DOMAIN.zoneId(), record.text("zoneId"));
            assertEquals("CNAME", record.text("type"));
            assertTrue(validation.dependsOn(record), "validation waits for " + record.name());
        }

        Registered https = run.where(r -> r.type().equals(LISTENER) && "HTTPS".equals(r.text("protocol"))).get(0);
        assertTrue(https.dependsOn(validation), "the listener uses the validated certificate");
        assertFalse(https.dependsOn(certificate), "not the pending certificate directly");
        assertNotNull(https.text("certificateArn"));
        assertEquals(LoadBalancer.TLS_POLICY, https.text("sslPolicy"));
        assertEquals(443.0, ((Number) https.at("port")).doubleValue());
        assertEquals("forward", https.at("defaultActions", 0, "type"));

        Registered http = run.where(r -> r.type().equals(LISTENER) && "HTTP".equals(r.text("protocol"))).get(0);
        assertEquals("redirect", http.at("defaultActions", 0, "type"));
        assertEquals("HTTPS", http.at("defaultActions", 0, "redirect", "protocol"));
        assertEquals("443", http.at("defaultActions", 0, "redirect", "port"));
        assertEquals("HTTP_301", http.at("defaultActions", 0, "redirect", "statusCode"));

        Registered alias = run.where(r -> r.name().equals("multiregion-web-regional-name")).get(0);
        assertEquals("eu-central-1.app.example.com", alias.text("name"));
        assertEquals("A", alias.text("type"));
        assertEquals(true, alias.at("aliases", 0, "evaluateTargetHealth"));

        List<Double> ports = run.ofType(INGRESS).stream().map(r -> ((Number) r.at("fromPort")).doubleValue()).sorted().toList();
        assertEquals(List.of(80.0, 443.0), ports);
        for (Registered rule : run.ofType(INGRESS)) {
            assertEquals("0.0.0.0/0", rule.text("cidrIpv4"));
            assertEquals(rule.at("fromPort"), rule.at("toPort"));
            assertEquals("tcp", rule.text("ipProtocol"));
        }
        assertTrue(run.aws().stream().allMatch(r -> "eu-central-1".equals(r.providerRegion())));
    }

    @Test
    @DisplayName("ELB account table: every entry is a region the provider knows, each id twelve digits")
    void elbAccountTable() {
        assertEquals(26, LogDelivery.ELB_ACCOUNTS.size());
        LogDelivery.ELB_ACCOUNTS.forEach((region, account) -> {
            assertTrue(AwsRegion.parse(region).isPresent(), region);
            assertTrue(account.matches("^[0-9]{12}$"), account);
        });
        assertEquals(Optional.of("156460612806"), LogDelivery.elbAccount(new AwsRegion("eu-west-1")));
        assertEquals(Optional.empty(), LogDelivery.elbAccount(new AwsRegion("mx-central-1")));
    }

    @Test
    @DisplayName("a component name that would push the target group's name past 32 characters is refused before registering")
    void longNameRefused() {
        ProgramRun run = ProgramRun.program("primary", Map.of(), ctx -> {
            Provider provider = new Provider("aws-eu-west-1", ProviderArgs.builder().region("eu-west-1").build());
            InternetGateway igw = new InternetGateway("igw", InternetGatewayArgs.builder().vpcId("vpc-0abc").build(),
                    CustomResourceOptions.builder().provider(provider).build());
            new LoadBalancer("multiregion-primary-web", args("eu-west-1", List.of(igw)).build(),
                    ComponentResourceOptions.builder().providers(provider).build());
        });
        assertTrue(run.failed());
        assertTrue(run.errors().contains("exceed the AWS limit of 32 characters"), run::errors);
        assertEquals(List.of("igw"), run.aws().stream().map(Registered::name).toList(),
                "nothing of the load balancer is registered (the gateway is the test's own)");
    }
}
