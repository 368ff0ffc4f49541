#!/bin/bash
# ApplicationStop: stop the running release, if any.
set -euo pipefail
systemctl stop multiregion-app.service 2>/dev/null || true
