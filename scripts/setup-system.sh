#!/usr/bin/env bash
# Install the Debian packages the full test suite needs, only when missing:
# a JDK (Spark), a PostgreSQL server (store tests) and Chromium + ChromeDriver (web UI tests).
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(default-jdk-headless)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -eq 0 ]; then
  echo "setup-system: java, postgresql, chromium already present"
  exit 0
fi
echo "setup-system: installing ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
