package io.multiregion.compute;

import io.multiregion.regions.AwsRegion;
import io.multiregion.testing.Registered;
import io.multiregion.testing.StandardRuns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an instance answers before its first release, from the user data both stacks register: {@code /health} is 200
 * only while the CodeDeploy agent runs, every other path a plain 503 page that says no release is deployed. The
 * responder's {@code answer} function is run with Python 3 (as the instances run it), with the agent check replaced.
 */
class FirstBootResponderTest {

    static Stream<String> runs() {
        return StandardRuns.ALL.stream();
    }

    /** The responder program as a stack's launch template writes it on the instance. */
    static String responderOf(Registered template) {
        String script = new String(Base64.getDecoder().decode(template.text("userData")), StandardCharsets.UTF_8);
        String start = "cat > " + UserData.RESPONDER + " <<'PY'\n";
        int from = script.indexOf(start);
        assertTrue(from >= 0, "the script writes the responder");
        int to = script.indexOf("\nPY\n", from);
        return script.substring(from + start.length(), to + 1);
    }

    @ParameterizedTest(name = "{0}: the registered user data carries the responder, started before the agent install")
    @MethodSource("runs")
    void everyStackRegistersTheResponder(String name) {
        Registered template = StandardRuns.get(name).one("aws:ec2/launchTemplate:LaunchTemplate");
        assertEquals(UserData.responder(), responderOf(template));
    }

    @Test
    @DisplayName("the responder's answers: /health follows the agent; every other path and method is a plain 503 'no release'")
    void answers(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(python().isPresent(), "python3 is needed to run the responder");
        Path program = dir.resolve("responder.py");
        Files.writeString(program, UserData.script(new AwsRegion("eu-west-1"), 8080).lines()
                .dropWhile(l -> !l.startsWith("cat > " + UserData.RESPONDER)).skip(1)
                .takeWhile(l -> !l.equals("PY")).reduce("", (a, b) -> a + b + "\n"));
        String check = String.join("\n",
                "import importlib.util, sys",
                "spec = importlib.util.spec_from_file_location('responder', sys.argv[1])",
                "m = importlib.util.module_from_spec(spec)",
                "spec.loader.exec_module(m)",
                "for running in (True, False):",
                "    m.agent_running = lambda: running",
                "    for path in ('/health', '/health?probe=1', '/', '/index.html', '/api/orders', '/healthz'):",
                "        status, body = m.answer(path)",
                "        print(running, path, status, body.decode().strip())",
                "print('methods', sorted(a for a in dir(m.Handler) if a.startswith('do_')))",
                "");
        Path checker = dir.resolve("check.py");
        Files.writeString(checker, check);
        Process p = new ProcessBuilder(python().orElseThrow(), checker.toString(), program.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 finished");
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        String notDeployed = UserData.NOT_DEPLOYED;
        assertEquals(List.of(
                "True /health 200 ok",
                "True /health?probe=1 200 ok",
                "True / 503 " + notDeployed,
                "True /index.html 503 " + notDeployed,
                "True /api/orders 503 " + notDeployed,
                "True /healthz 503 " + notDeployed,
                "False /health 503 The CodeDeploy agent is not running.",
                "False /health?probe=1 503 The CodeDeploy agent is not running.",
                "False / 503 " + notDeployed,
                "False /index.html 503 " + notDeployed,
                "False /api/orders 503 " + notDeployed,
                "False /healthz 503 " + notDeployed,
                "methods ['do_DELETE', 'do_GET', 'do_HEAD', 'do_OPTIONS', 'do_PATCH', 'do_POST', 'do_PUT']"), lines);
    }

    @Test
    @DisplayName("the responder serves text/plain, never a directory listing, and asks systemd whether the agent runs")
    void plainPage() {
        String responder = UserData.responder();
        assertTrue(responder.contains("\"Content-Type\", \"text/plain; charset=utf-8\""));
        assertTrue(responder.contains("[\"systemctl\", \"is-active\", \"--quiet\", \"codedeploy-agent\"]"));
        assertTrue(!responder.contains("SimpleHTTPRequestHandler") && !responder.contains("http.server 8080"),
                "no static file server (it listed the directory on every path)");
        assertTrue(UserData.NOT_DEPLOYED.contains("No release is deployed"));
    }

    private static java.util.Optional<String> python() {
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/python3", "/usr/local/bin/python3"));
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
    }
}
