#!/bin/bash
# ApplicationStart: start the release (and again at every boot).
set -euo pipefail
systemctl enable multiregion-app.service
systemctl restart multiregion-app.service
