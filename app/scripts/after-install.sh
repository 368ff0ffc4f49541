#!/bin/bash
# AfterInstall: install the application's systemd unit from the release.
set -euo pipefail
install -m 0644 /opt/multiregion-app/server/multiregion-app.service /etc/systemd/system/multiregion-app.service
systemctl daemon-reload
