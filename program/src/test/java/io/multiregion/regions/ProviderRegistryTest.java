package io.multiregion.regions;

import io.multiregion.config.ConfigSource;
import io.multiregion.config.SettingsReader;
import io.multiregion.config.StackSettings;
import io.multiregion.testing.StackFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

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
}
