package io.multiregion.compute;

import io.multiregion.regions.AwsRegion;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The first-boot script of an application instance (Amazon Linux 2023). In this order:
 * <ol>
 *   <li>a placeholder responder, {@value #HEALTH_UNIT}, on the application port, until the first release is deployed.
 *       {@value #HEALTH_PATH} answers 200 while the CodeDeploy agent runs, and 503 while it does not; every other path
 *       answers a plain 503 page saying that no release is deployed yet. A first boot without an application must still
 *       pass the load balancer's health check, or the Auto Scaling group replaces its instances in a loop (EC2 Auto
 *       Scaling User Guide, "Health checks for instances in an Auto Scaling group"); an instance whose agent is not
 *       running can never take a deployment (every deployment to it times out: CodeDeploy User Guide, "Working with the
 *       CodeDeploy agent"), so it fails the health check and the group replaces it;</li>
 *   <li>the CodeDeploy agent, installed from the region's own {@code aws-codedeploy-<region>} bucket at that region's
 *       S3 endpoint in its partition's DNS suffix (CodeDeploy User Guide, "Install the CodeDeploy agent for Amazon
 *       Linux or RHEL" and "Resource kit bucket names by Region"). Each step is retried ({@value #ATTEMPTS} attempts,
 *       waiting 10, 20, 30... seconds between them): a mirror or the network can fail for a moment on first boot.</li>
 * </ol>
 * A release's {@code appspec.yml} hooks stop and disable the placeholder and start the application, which answers
 * {@code /health} itself. The script holds no secret: the application reads its secret at run time.
 */
public final class UserData {
    private UserData() {
    }

    /** The systemd unit of the placeholder responder; the sample release's BeforeInstall hook stops it. */
    public static final String HEALTH_UNIT = "multiregion-health.service";
    /** Where the placeholder's program lives. */
    public static final String HEALTH_ROOT = "/opt/multiregion-health";
    /** The placeholder's program. */
    public static final String RESPONDER = HEALTH_ROOT + "/responder.py";
    /** The path the load balancer's health check asks for ({@code LoadBalancer.HEALTH_PATH}). */
    public static final String HEALTH_PATH = "/health";
    /** The systemd unit the CodeDeploy agent installs. */
    public static final String AGENT_UNIT = "codedeploy-agent";
    /** Attempts of each install step before the script gives up (and the instance fails its health check). */
    public static final int ATTEMPTS = 5;
    /** The page every path but the health check answers before the first release. */
    public static final String NOT_DEPLOYED = "No release is deployed yet: this instance is waiting for its first deployment.";

    /** The S3 host the region's CodeDeploy agent installer is downloaded from. */
    public static String agentHost(AwsRegion region) {
        return "aws-codedeploy-" + region.code() + ".s3." + region.code() + "." + region.dnsSuffix();
    }

    /**
     * The placeholder responder, a Python 3 program (Amazon Linux 2023 ships Python 3.9) that takes the port as its
     * argument. {@code answer(path)} is the whole behaviour; the server only sends what it returns, for every method.
     */
    public static String responder() {
        return String.join("\n",
                "import subprocess",
                "import sys",
                "from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer",
                "",
                "NOT_DEPLOYED = b\"" + NOT_DEPLOYED + "\\n\"",
                "",
                "",
                "def agent_running():",
                "    return subprocess.run([\"systemctl\", \"is-active\", \"--quiet\", \"" + AGENT_UNIT + "\"]).returncode == 0",
                "",
                "",
                "def answer(path):",
                "    if path.split(\"?\", 1)[0] == \"" + HEALTH_PATH + "\":",
                "        if agent_running():",
                "            return 200, b\"ok\\n\"",
                "        return 503, b\"The CodeDeploy agent is not running.\\n\"",
                "    return 503, NOT_DEPLOYED",
                "",
                "",
                "class Handler(BaseHTTPRequestHandler):",
                "    def reply(self, body_too=True):",
                "        status, body = answer(self.path)",
                "        self.send_response(status)",
                "        self.send_header(\"Content-Type\", \"text/plain; charset=utf-8\")",
                "        self.send_header(\"Content-Length\", str(len(body)))",
                "        self.send_header(\"Cache-Control\", \"no-store\")",
                "        self.end_headers()",
                "        if body_too:",
                "            self.wfile.write(body)",
                "",
                "    def do_HEAD(self):",
                "        self.reply(body_too=False)",
                "",
                "    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = reply",
                "",
                "    def log_message(self, *args):",
                "        pass",
                "",
                "",
                "if __name__ == \"__main__\":",
                "    ThreadingHTTPServer((\"0.0.0.0\", int(sys.argv[1])), Handler).serve_forever()",
                "");
    }

    /** The script, as text. */
    public static String script(AwsRegion region, int appPort) {
        if (appPort < 1024 || appPort > 65535) {
            // the responder runs as an unprivileged dynamic user, which cannot bind ports below 1024
            throw new IllegalArgumentException("appPort must be 1024 to 65535: " + appPort);
        }
        String installer = "https://" + agentHost(region) + "/latest/install";
        return String.join("\n",
                "#!/bin/bash",
                "# First boot: a placeholder responder on the application port (/health answers 200 while the CodeDeploy",
                "# agent runs, every other path 503: no release yet), then the CodeDeploy agent, each step retried.",
                "set -euo pipefail",
                "",
                "mkdir -p " + HEALTH_ROOT,
                "cat > " + RESPONDER + " <<'PY'",
                responder() + "PY",
                "cat > /etc/systemd/system/" + HEALTH_UNIT + " <<'UNIT'",
                "[Unit]",
                "Description=Placeholder responder until the first release is deployed",
                "After=network-online.target",
                "Wants=network-online.target",
                "",
                "[Service]",
                "ExecStart=/usr/bin/python3 " + RESPONDER + " " + appPort,
                "DynamicUser=yes",
                "Restart=always",
                "",
                "[Install]",
                "WantedBy=multi-user.target",
                "UNIT",
                "systemctl daemon-reload",
                "systemctl enable --now " + HEALTH_UNIT,
                "",
                "# retry CMD...: up to " + ATTEMPTS + " attempts, waiting 10, 20, 30... seconds between them",
                "retry() {",
                "  local attempt=1",
                "  until \"$@\"; do",
                "    if [ \"$attempt\" -ge " + ATTEMPTS + " ]; then",
                "      echo \"gave up after $attempt attempts: $*\" >&2",
                "      return 1",
                "    fi",
                "    sleep $((attempt * 10))",
                "    attempt=$((attempt + 1))",
                "  done",
                "}",
                "",
                "# CodeDeploy agent from this region's resource kit bucket (the installer needs ruby). If it cannot be",
                "# installed, /health keeps answering 503 and the group replaces the instance.",
                "retry dnf install -y ruby wget",
                "cd /tmp",
                "retry wget -q " + installer + " -O install",
                "chmod +x ./install",
                "retry ./install auto",
                "systemctl enable --now " + AGENT_UNIT,
                "");
    }

    /** The script base64-encoded, as a launch template's {@code userData} takes it. */
    public static String base64(AwsRegion region, int appPort) {
        return Base64.getEncoder().encodeToString(script(region, appPort).getBytes(StandardCharsets.UTF_8));
    }
}
