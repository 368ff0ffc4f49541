package io.multiregion.network;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.Registered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The transit gateway pair built alone on the fake cloud, with chosen args. */
class TransitGatewayPeeringTest {
    private static final AwsRegion A = AwsRegion.parse("us-east-1").orElseThrow();
    private static final AwsRegion B = AwsRegion.parse("us-west-2").orElseThrow();

    @Test
    @DisplayName("a 4-byte private ASN reaches the provider input exactly, though the SDK types the input as a 32-bit Integer")
    void fourByteAsns() {
        ProgramRun run = ProgramRun.program("primary", Map.of(), ctx -> {
            Provider a = new Provider("aws-" + A.code(), ProviderArgs.builder().region(A.code()).build());
            Provider b = new Provider("aws-" + B.code(), ProviderArgs.builder().region(B.code()).build());
            new TransitGatewayPeering("pair", new TransitGatewayPeering.Args("prod",
                    new TransitGatewayPeering.Side(A, a, 64_600, "172.16.0.0/16"),
                    new TransitGatewayPeering.Side(B, b, 4_294_967_294L, "192.168.0.0/20")),
                    ComponentResourceOptions.builder().build());
        });
        assertFalse(run.failed(), run::errors);
        Registered gatewayA = run.inRegion(InterRegionNetworkTest.GATEWAY, A.code()).get(0);
        Registered gatewayB = run.inRegion(InterRegionNetworkTest.GATEWAY, B.code()).get(0);
        assertAll(
                () -> assertEquals(64_600.0, ((Number) gatewayA.at("amazonSideAsn")).doubleValue()),
                () -> assertEquals(4_294_967_294.0, ((Number) gatewayB.at("amazonSideAsn")).doubleValue()),
                () -> assertEquals("192.168.0.0/20", run.inRegion(InterRegionNetworkTest.GATEWAY_ROUTE, A.code()).get(0)
                        .text("destinationCidrBlock")),
                () -> assertEquals("172.16.0.0/16", run.inRegion(InterRegionNetworkTest.GATEWAY_ROUTE, B.code()).get(0)
                        .text("destinationCidrBlock")),
                () -> assertEquals(B.code(), run.one(InterRegionNetworkTest.ACCEPTER).providerRegion()),
                () -> assertEquals(A.code(), run.one(InterRegionNetworkTest.PEERING).providerRegion()),
                () -> assertEquals("prod-pair-" + A.code(), ((Map<?, ?>) gatewayA.at("tags")).get("Name")));
    }

    @Test
    @DisplayName("a pair in one region, with one ASN twice, a public ASN or overlapping blocks cannot be built")
    void impossiblePairs() {
        Map<String, String> refused = new LinkedHashMap<>();
        ProgramRun run = ProgramRun.program("primary", Map.of(), ctx -> {
            Provider a = new Provider("aws-" + A.code(), ProviderArgs.builder().region(A.code()).build());
            Provider b = new Provider("aws-" + B.code(), ProviderArgs.builder().region(B.code()).build());
            Map<String, Runnable> cases = new LinkedHashMap<>();
            cases.put("one region", () -> new TransitGatewayPeering.Args("prod",
                    new TransitGatewayPeering.Side(A, a, 64512, "10.0.0.0/16"),
                    new TransitGatewayPeering.Side(A, b, 64513, "10.1.0.0/16")));
            cases.put("one ASN", () -> new TransitGatewayPeering.Args("prod",
                    new TransitGatewayPeering.Side(A, a, 64512, "10.0.0.0/16"),
                    new TransitGatewayPeering.Side(B, b, 64512, "10.1.0.0/16")));
            cases.put("public ASN", () -> new TransitGatewayPeering.Side(A, a, 65535, "10.0.0.0/16"));
            cases.put("overlapping blocks", () -> new TransitGatewayPeering.Args("prod",
                    new TransitGatewayPeering.Side(A, a, 64512, "10.0.0.0/16"),
                    new TransitGatewayPeering.Side(B, b, 64513, "10.0.128.0/17")));
            cases.forEach((name, build) -> {
                try {
                    build.run();
                    refused.put(name, "built");
                } catch (IllegalArgumentException e) {
                    refused.put(name, "refused");
                }
            });
        });
        assertFalse(run.failed(), run::errors);
        assertEquals(Map.of("one region", "refused", "one ASN", "refused", "public ASN", "refused",
                "overlapping blocks", "refused"), refused);
    }
}
