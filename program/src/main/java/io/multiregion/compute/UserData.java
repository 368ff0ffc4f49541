package io.multiregion.compute;

import io.multiregion.regions.AwsRegion;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The first-boot script of an application instance (Amazon Linux 2023). In this order:
 * <ol>
 *   <li>a placeholder health responder, {@value #HEALTH_UNIT}: Python's {@code http.server} serving a static
 *       {@code health} file on the application port, so the load balancer's {@code /health} check passes before any
 *       release is deployed and the group does not cycle its instances (SPEC 8, Instances);</li>
 *   <li>the CodeDeploy agent, installed from the region's own {@code aws-codedeploy-<region>} bucket at that region's
 *       S3 endpoint in its partition's DNS suffix (CodeDeploy User Guide, "Install the CodeDeploy agent for Amazon
 *       Linux or RHEL" and "Resource kit bucket names by Region").</li>
 * </ol>
 * A release's {@code appspec.yml} hooks stop and disable the placeholder and start the application, which answers
 * {@code /health} itself. The script holds no secret: the application reads its secret at run time.
 */
public final class UserData {
    private UserData() {
    }

    /** The systemd unit of the placeholder health responder; the sample release's BeforeInstall hook stops it. */
    public static final String HEALTH_UNIT = "multiregion-health.service";
    /** Where the placeholder's static files live. */
    public static final String HEALTH_ROOT = "/opt/multiregion-health";

    /** The S3 host the region's CodeDeploy agent installer is downloaded from. */
    public static String agentHost(AwsRegion region) {
        return "aws-codedeploy-" + region.code() + ".s3." + region.code() + "." + region.dnsSuffix();
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
                "# First boot: a /health responder on the application port, then the CodeDeploy agent.",
                "set -euo pipefail",
                "",
                "mkdir -p " + HEALTH_ROOT,
                "printf 'ok\\n' > " + HEALTH_ROOT + "/health",
                "cat > /etc/systemd/system/" + HEALTH_UNIT + " <<'UNIT'",
                "[Unit]",
                "Description=Placeholder /health responder until the first release is deployed",
                "After=network-online.target",
                "Wants=network-online.target",
                "",
                "[Service]",
                "ExecStart=/usr/bin/python3 -m http.server " + appPort + " --bind 0.0.0.0 --directory " + HEALTH_ROOT,
                "DynamicUser=yes",
                "Restart=always",
                "",
                "[Install]",
                "WantedBy=multi-user.target",
                "UNIT",
                "systemctl daemon-reload",
                "systemctl enable --now " + HEALTH_UNIT,
                "",
                "# CodeDeploy agent from this region's resource kit bucket (the installer needs ruby).",
                "dnf install -y ruby wget",
                "cd /tmp",
                "wget -q " + installer + " -O install",
                "chmod +x ./install",
                "./install auto",
                "systemctl enable --now codedeploy-agent",
                "");
    }

    /** The script base64-encoded, as a launch template's {@code userData} takes it. */
    public static String base64(AwsRegion region, int appPort) {
        return Base64.getEncoder().encodeToString(script(region, appPort).getBytes(StandardCharsets.UTF_8));
    }
}
