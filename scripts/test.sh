#!/usr/bin/env bash
# The README's test command: installs what the tests need when missing, then runs every test.
# The tests start real redis-server processes on free loopback ports (never a mock of Redis) and
# run the real JOSDK operator against Fabric8's mock API server.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
  echo "Installing redis-server and redis-tools (Debian packages)"
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server redis-tools >/dev/null
fi
# promtool checks the alert rules and dashboard queries of deploy/monitoring/ (MonitoringManifestsTest).
if ! command -v promtool >/dev/null; then
  echo "Installing prometheus (Debian package, for promtool)"
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
exec ./mvnw -B verify "$@"
