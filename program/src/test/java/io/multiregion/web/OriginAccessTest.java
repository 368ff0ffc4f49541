package io.multiregion.web;

import io.multiregion.testing.ProgramRun;
import com.pulumi.core.Output;
import io.multiregion.config.DomainSettings;
import io.multiregion.regions.AwsRegion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a load balancer behind the front door, without the engine. */
class OriginAccessTest {

    @Test
    @DisplayName("prefix lists weigh 55 (CloudFront) and 25 (Route 53 health checkers): together they exceed one group")
    void weights() {
        assertEquals(55, OriginAccess.weight(OriginAccess.CLOUDFRONT_PREFIX_LIST));
        assertEquals(25, OriginAccess.weight(OriginAccess.healthCheckersPrefixList(new AwsRegion("eu-central-1"))));
        assertEquals("com.amazonaws.eu-west-1.route53-healthchecks",
                OriginAccess.healthCheckersPrefixList(new AwsRegion("eu-west-1")));
        OriginAccess.checkFits("alb", List.of(OriginAccess.CLOUDFRONT_PREFIX_LIST));
        IllegalStateException both = assertThrows(IllegalStateException.class, () -> OriginAccess.checkFits("alb",
                List.of(OriginAccess.CLOUDFRONT_PREFIX_LIST, "com.amazonaws.eu-west-1.route53-healthchecks")));
        assertTrue(both.getMessage().contains("weighing 80 rules, above the 60"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OriginAccess.weight("com.amazonaws.eu-west-1.s3"));
    }

    @Test
    @DisplayName("the secret: 48 letters and digits, no listener wildcard, different each draw")
    void secret() {
        SecureRandom random = new SecureRandom();
        String one = OriginAccess.generate(random);
        assertEquals(48, one.length());
        assertTrue(one.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128), one);
        assertTrue(one.indexOf('*') < 0 && one.indexOf('?') < 0);
        assertNotEquals(one, OriginAccess.generate(random));
        assertTrue(OriginAccess.SECRET_LENGTH <= 128, "a listener condition value holds 128 characters");
    }

    @Test
    @DisplayName("health checkers are admitted on their own only behind a front door, and only with a domain")
    void ingress() {
        assertThrows(IllegalArgumentException.class, () -> new OriginAccess.Ingress(Optional.empty(), true));
        OriginAccess.Ingress restricted = OriginAccess.Ingress.frontDoor(Output.of("s"), true);
        assertTrue(restricted.restricted());
        assertEquals(java.util.Map.of("cloudFront", true, "healthCheckers", true), restricted.export());
        assertEquals(java.util.Map.of("cloudFront", false, "healthCheckers", false), OriginAccess.Ingress.PUBLIC.export());
        // the load balancer's arguments hold resources (the internet gateway it waits for): made in a program
        java.util.concurrent.atomic.AtomicReference<Throwable> withoutDomain = new java.util.concurrent.atomic.AtomicReference<>();
        ProgramRun run = ProgramRun.program("primary", java.util.Map.of(), ctx -> {
            List<com.pulumi.resources.Resource> gateway = List.of(
                    new com.pulumi.resources.ComponentResource("test:index:Gateway", "igw"));
            LoadBalancer.Args.Builder args = LoadBalancer.Args.builder().region(new AwsRegion("eu-west-1"))
                    .vpcId(Output.of("vpc")).publicSubnetIds(Output.of(List.of("a", "b"))).internetGateway(gateway)
                    .noncurrentDays(90).ingress(restricted);
            withoutDomain.set(assertThrows(IllegalArgumentException.class, args::build));
            args.domain(Optional.of(new DomainSettings("Z1", "app.example.com"))).build();
        });
        assertFalse(run.failed(), run::errors);
        assertTrue(withoutDomain.get().getMessage().contains("needs a domain"), withoutDomain.get().getMessage());
    }
}
