package io.multiregion.edge;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web ACL's capacity and names, without the engine. */
class WebFirewallTest {

    @Test
    @DisplayName("capacity: 25 + 700 + 200 + 2 = 927 WCUs, under the 1,500 the base price covers")
    void capacity() {
        assertEquals(927, WebFirewall.CAPACITY);
        assertTrue(WebFirewall.CAPACITY < WebFirewall.PRICED_CAPACITY);
        assertEquals(List.of("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet",
                "AWSManagedRulesKnownBadInputsRuleSet", "RateLimitPerClientAddress"), WebFirewall.ruleNames());
    }

    @Test
    @DisplayName("a description keeps to WAF's characters and length, whatever the stack's name")
    void description() {
        String odd = WebFirewall.description("The front door of multiregion, stack prod (eu) & more ");
        assertTrue(WebFirewall.DESCRIPTION_PATTERN.matcher(odd).matches(), odd);
        assertEquals("The front door of multiregion, stack prod -eu- - more", odd);
        String longest = WebFirewall.description("x".repeat(300));
        assertEquals(WebFirewall.DESCRIPTION, longest.length());
        assertTrue(WebFirewall.DESCRIPTION_PATTERN.matcher(longest).matches());
    }
}
