package io.multiregion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The workflows users copy (.github/workflows) and the build's own pins: the Pulumi CLI version, the Maven
 * distribution's checksum, the name pr-comment listens to, and the check that the deployment environments deploy from
 * main only.
 */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of(".github", "workflows");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(WORKFLOWS.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> workflow) {
        List<Map<String, Object>> steps = new ArrayList<>();
        ((Map<String, Object>) workflow.get("jobs")).values().forEach(job -> {
            Object s = ((Map<String, Object>) job).get("steps");
            if (s instanceof List<?> list) {
                list.forEach(step -> steps.add((Map<String, Object>) step));
            }
        });
        return steps;
    }

    @Test
    @SuppressWarnings("unchecked")
    void prCommentListensToTheNameThePrWorkflowHas() throws IOException {
        Map<String, Object> pr = workflow("pr.yml");
        Map<String, Object> comment = workflow("pr-comment.yml");
        // snakeyaml's YAML 1.1 reads the key `on` as the boolean true
        Map<String, Object> on = (Map<String, Object>) (comment.containsKey("on") ? comment.get("on")
                : comment.get(Boolean.TRUE));
        List<String> listened = (List<String>) ((Map<String, Object>) on.get("workflow_run")).get("workflows");
        assertEquals(List.of(pr.get("name")), listened, "pr-comment runs after a workflow of this name only: rename"
                + " both together");
        assertTrue(Files.readString(WORKFLOWS.resolve("pr.yml")).contains("pr-comment.yml listens to"),
                "pr.yml says where its name is used");
    }

    @Test
    void thePulumiCliIsPinnedToOneVersionInEveryWorkflow() throws IOException {
        Set<Object> versions = new TreeSet<>();
        int pulumiSteps = 0;
        for (String file : List.of("pr.yml", "deploy.yml")) {
            for (Map<String, Object> step : steps(workflow(file))) {
                if (String.valueOf(step.get("uses")).startsWith("pulumi/actions@")) {
                    pulumiSteps++;
                    Object with = step.get("with");
                    Object version = with instanceof Map<?, ?> w ? w.get("pulumi-version") : null;
                    assertTrue(version != null && String.valueOf(version).matches("\\d+\\.\\d+\\.\\d+"),
                            file + ": " + step + " pins pulumi-version to one release (x.y.z)");
                    versions.add(String.valueOf(version));
                }
            }
        }
        assertEquals(3, pulumiSteps, "preview, up primary, up secondary");
        assertEquals(1, versions.size(), "one version everywhere: " + versions);
    }

    @Test
    void theMavenDistributionIsPinnedByItsChecksum() throws IOException {
        Properties wrapper = new Properties();
        try (var in = Files.newInputStream(Path.of(".mvn", "wrapper", "maven-wrapper.properties"))) {
            wrapper.load(in);
        }
        assertTrue(wrapper.getProperty("distributionUrl", "").endsWith("-bin.zip"), wrapper.toString());
        assertTrue(wrapper.getProperty("distributionSha256Sum", "").matches("[0-9a-f]{64}"),
                "mvnw refuses a download whose SHA-256 differs: " + wrapper);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDeploymentWaitsForTheCheckThatTheEnvironmentsDeployFromMainOnly() throws IOException {
        Map<String, Object> deploy = workflow("deploy.yml");
        Map<String, Object> jobs = (Map<String, Object>) deploy.get("jobs");
        Map<String, Object> check = (Map<String, Object>) jobs.get("environments");
        assertEquals(Map.of("contents", "read", "actions", "read"), check.get("permissions"));
        assertTrue(String.valueOf(check.get("steps")).contains("bash .github/scripts/check-environments"),
                String.valueOf(check.get("steps")));
        assertTrue(String.valueOf(((Map<String, Object>) jobs.get("primary")).get("needs")).contains("environments"));
        assertEquals("primary", ((Map<String, Object>) jobs.get("secondary")).get("needs"));
    }

    /** A stand-in for the GitHub CLI that answers as {@code gh api ... --jq ...} would for the given environments. */
    private static Path fakeGh(Path dir, String policy, String branches) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path gh = bin.resolve("gh");
        Files.writeString(gh, "#!/usr/bin/env bash\n"
                + "case \"$2\" in\n"
                + "  */environments/missing) exit 1 ;;\n"
                + "  */deployment-branch-policies) echo '" + branches + "' ;;\n"
                + "  */environments/*) echo '" + policy + "' ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static String[] check(Path bin, String... environments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ".github/scripts/check-environments", "acme/shop"));
        command.addAll(List.of(environments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new String[] {String.valueOf(process.exitValue()), out, err};
    }

    @Test
    void theEnvironmentCheckPassesOnlyForMainOnly(@TempDir Path dir) throws Exception {
        String selected = "protected_branches=false custom_branch_policies=true";
        String[] ok = check(fakeGh(dir.resolve("ok"), selected, "branch:main"));
        assertEquals("0", ok[0], ok[2]);
        assertTrue(ok[1].contains("primary: deployments from the branch main only"), ok[1]);
        assertTrue(ok[1].contains("secondary: deployments from the branch main only"), ok[1]);

        String[] any = check(fakeGh(dir.resolve("any"), "protected_branches=null custom_branch_policies=null", ""));
        assertEquals("1", any[0]);
        assertTrue(any[2].contains("environment 'primary' does not restrict deployment branches"), any[2]);

        String[] more = check(fakeGh(dir.resolve("more"), selected, "branch:main,branch:release/*"));
        assertEquals("1", more[0]);
        assertTrue(more[2].contains("may be deployed from 'branch:main,branch:release/*'"), more[2]);

        String[] missing = check(fakeGh(dir.resolve("missing"), selected, "branch:main"), "missing");
        assertEquals("1", missing[0]);
        assertTrue(missing[2].contains("environment 'missing' does not exist"), missing[2]);
        assertFalse(missing[1].contains("main only"), missing[1]);
    }
}
