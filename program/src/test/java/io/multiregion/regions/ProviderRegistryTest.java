package io.multiregion.regions;

import java.util.List;
import io.multiregion.config.ConfigSource;
import io.multiregion.config.SettingsReader;
import io.multiregion.config.StackSettings;
import io.multiregion.testing.ProgramRun;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Static stability is enforced where providers are made, not only checked by tests. */
class ProviderRegistryTest {

    @Test
    @DisplayName("a registry limited to region B refuses region A, saying why")
    void refusesRegionsOutsideItsStack() {
        StackSettings settings = SettingsReader.read(ConfigSource.of(StackFiles.config("secondary")), "multiregion", "secondary");
        ProviderRegistry registry = new ProviderRegistry(new ProviderRegistry.Args(settings.project(), settings.stack(), settings.role().value(), Set.of(settings.secondaryRegion()), settings.aws()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> registry.forRegion(settings.primaryRegion()));
        assertTrue(e.getMessage().contains("the secondary stack must not register resources in eu-west-1"), e.getMessage());
        assertTrue(e.getMessage().contains("deployable while that region is impaired"), e.getMessage());
    }

    @Test
    @DisplayName("a region newer than the AWS provider's own list still gets a provider: the Pulumi provider skips its region check by default")
    void newerRegionsPassTheProvidersRegionCheck() {
        StackSettings settings = SettingsReader.read(ConfigSource.of(StackFiles.config("primary")), "multiregion", "primary");
        AwsRegion taipei = new AwsRegion("ap-east-2");
        AwsRegion ireland = new AwsRegion("eu-west-1");
        ProgramRun run = ProgramRun.program("primary", StackFiles.config("primary"), ctx -> {
            ProviderRegistry registry = new ProviderRegistry(new ProviderRegistry.Args(settings.project(), settings.stack(),
                    settings.role().value(), Set.of(taipei, ireland), settings.aws()));
            registry.forRegion(taipei);
            registry.forRegion(ireland);
        });
        assertFalse(run.failed(), run::errors);
        Map<String, Object> skip = new HashMap<>();
        run.ofType("pulumi:providers:aws").forEach(p -> skip.put(p.text("region"), p.inputs().get("skipRegionValidation")));
        // The terraform provider refuses a region newer than its list unless skip_region_validation is set
        // (terraform-provider-aws#17882); the Pulumi provider's default sets it, and AwsRegion admits only regions of
        // AWS's own region data, so a newer region such as ap-east-2 needs nothing more. Provider inputs reach the
        // engine as text.
        assertFalse(taipei.providerKnows());
        assertEquals("true", String.valueOf(skip.get("ap-east-2")), skip.toString());
        assertEquals("true", String.valueOf(skip.get("eu-west-1")), skip.toString());
    }

    /**
     * The global provider is one of its own in us-east-1, apart from a region's even when that region is us-east-1,
     * and exists only in the aws partition.
     */
    @Test
    void globalProvider() {
        AwsRegion virginia = new AwsRegion("us-east-1");
        ProgramRun run = ProgramRun.program("secondary", Map.of(), ctx -> {
            ProviderRegistry registry = new ProviderRegistry(new ProviderRegistry.Args("multiregion", "secondary",
                    "secondary", Set.of(virginia), ProviderSettings.none()));
            if (registry.global() != registry.global()) {
                throw new IllegalStateException("the global provider is created once");
            }
            registry.forRegion(virginia);
        });
        assertFalse(run.failed(), run::errors);
        assertEquals(List.of("aws-global us-east-1", "aws-us-east-1 us-east-1"), run.ofType("pulumi:providers:aws")
                .stream().map(p -> p.name() + " " + p.text("region")).sorted().toList());

        ProgramRun china = ProgramRun.program("secondary", Map.of(), ctx -> new ProviderRegistry(
                new ProviderRegistry.Args("multiregion", "secondary", "secondary", Set.of(new AwsRegion("cn-north-1")),
                        ProviderSettings.none())).global());
        assertTrue(china.failed());
        assertTrue(china.errors().contains("not in the aws partition"), china.errors());
    }
}
