#!/usr/bin/env bash
# Installs what the operator's tests use beyond .NET, RabbitMQ and PostgreSQL, from Debian's packages when missing:
#   chromium, chromium-driver  the on-call page in a real headless browser (Selenium, /usr/bin/chromedriver)
#   prometheus                 promtool, which checks the alert rules in ops/monitoring/
# Needs root for apt-get; without it, says what is missing and returns non-zero (the tests that need a tool then fail under CI).
set -uo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)

if ((${#missing[@]} == 0)); then
  exit 0
fi

if ((EUID != 0)); then
  echo "install-test-tools: missing ${missing[*]}; install them with apt-get (needs root)" >&2
  exit 1
fi

echo "install-test-tools: installing ${missing[*]} with apt-get" >&2
log="$(mktemp)"
if ! apt-get update >"$log" 2>&1 \
  || ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
  tail -n 20 "$log" >&2
  rm -f "$log"
  echo "install-test-tools: apt-get install ${missing[*]} failed" >&2
  exit 1
fi
rm -f "$log"
