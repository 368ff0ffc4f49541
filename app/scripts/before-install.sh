#!/bin/bash
# BeforeInstall: the placeholder /health responder of the first boot gives the port to the application, and the
# previous release's files go (CodeDeploy refuses to overwrite files it did not install).
set -euo pipefail
systemctl disable --now multiregion-health.service 2>/dev/null || true
rm -rf /opt/multiregion-app/server
