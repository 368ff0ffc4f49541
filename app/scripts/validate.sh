#!/bin/bash
# ValidateService: the release answers /health on the application port within a minute.
set -euo pipefail
for attempt in $(seq 1 30); do
  if curl -fsS --max-time 2 http://127.0.0.1:8080/health >/dev/null; then
    exit 0
  fi
  sleep 2
done
echo "the release did not answer http://127.0.0.1:8080/health" >&2
exit 1
