package io.multiregion.deploy;

import io.multiregion.compute.AppTier;
import io.multiregion.compute.UserData;
import io.multiregion.web.LoadBalancer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample release under {@code app/}: its {@code appspec.yml} (the root of the release zip) names hooks that exist
 * as executable scripts in the zip layout, and the release takes over the port and the {@code /health} path from the
 * first boot's placeholder.
 */
class AppspecTest {
    private static final Path ROOT = Path.of("app");
    /** In-place EC2 hooks a revision may run scripts in, in CodeDeploy's order (AppSpec reference, "hooks" for EC2/On-Premises). */
    private static final List<String> HOOK_ORDER = List.of("ApplicationStop", "BeforeInstall", "AfterInstall",
            "ApplicationStart", "ValidateService");
    private static Map<String, Object> appspec;

    @BeforeAll
    static void parse() throws IOException {
        appspec = new Yaml().load(Files.readString(ROOT.resolve("appspec.yml")));
    }

    @Test
    @DisplayName("version 0.0, Linux, files copied from the zip to the instance")
    void header() {
        assertEquals(0.0, ((Number) appspec.get("version")).doubleValue());
        assertEquals("linux", appspec.get("os"));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> files = (List<Map<String, String>>) appspec.get("files");
        assertFalse(files.isEmpty());
        for (Map<String, String> file : files) {
            assertTrue(Files.exists(ROOT.resolve(file.get("source"))), file.toString());
            assertTrue(file.get("destination").startsWith("/"), file.toString());
        }
    }

    @Test
    @DisplayName("every hook is an in-place hook, in CodeDeploy's order, running an executable bash script of the zip")
    void hooks() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> hooks = (Map<String, List<Map<String, Object>>>) appspec.get("hooks");
        assertEquals(HOOK_ORDER, List.copyOf(hooks.keySet()));
        for (var hook : hooks.entrySet()) {
            for (Map<String, Object> step : hook.getValue()) {
                String location = (String) step.get("location");
                assertFalse(location.startsWith("/"), "relative to the zip's root: " + location);
                Path script = ROOT.resolve(location);
                assertTrue(Files.isRegularFile(script), location);
                assertTrue(Files.isExecutable(script), location + " is executable");
                assertTrue(Files.readString(script).startsWith("#!/bin/bash\n"), location);
                int timeout = ((Number) step.get("timeout")).intValue();
                assertTrue(timeout > 0 && timeout <= 3600, "CodeDeploy allows at most 3600 s per script: " + location);
            }
        }
    }

    @Test
    @DisplayName("the release answers /health on the app port the load balancer checks, after the placeholder gives it up")
    void takesOverHealth() throws IOException {
        String port = String.valueOf(AppTier.DEFAULT_APP_PORT);
        assertTrue(Files.readString(ROOT.resolve("server/multiregion-app.service")).contains("APP_PORT=" + port));
        assertTrue(Files.readString(ROOT.resolve("scripts/validate.sh"))
                .contains("http://127.0.0.1:" + port + LoadBalancer.HEALTH_PATH));
        assertTrue(Files.readString(ROOT.resolve("scripts/before-install.sh"))
                .contains("systemctl disable --now " + UserData.HEALTH_UNIT));
        assertTrue(Files.readString(ROOT.resolve("server/server.py")).contains("\"" + LoadBalancer.HEALTH_PATH + "\""));
    }
}
