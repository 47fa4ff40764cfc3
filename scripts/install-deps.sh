#!/usr/bin/env bash
# Installs the Debian packages that the real-infrastructure tests need, only when they are
# missing, so a second run costs nothing and a fresh Debian 12 machine (CI) gets everything.
#   rabbitmq-server          message bus for MassTransit tests
#   clamav + clamav-daemon   clamd virus-scan service (sigtool ships in clamav)
#   chromium                 headless browser for Playwright (Playwright cannot download one here)
#   npm                      installs Elsa Studio (@elsa-workflows/elsa-studio-wasm) during the build
#   postgresql (15 on deb12) throwaway database cluster
# The .NET SDK is not a Debian package; test.sh checks for it separately.
set -euo pipefail

need=()
[ -d /usr/lib/rabbitmq/lib ]                   || need+=(rabbitmq-server)
command -v clamd   >/dev/null                  || need+=(clamav-daemon)
command -v sigtool >/dev/null                  || need+=(clamav)
command -v chromium >/dev/null                 || need+=(chromium)
command -v npm >/dev/null                      || need+=(npm)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)

if [ ${#need[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

# apt needs root; use sudo when we are not root and it exists, otherwise explain and fail.
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root to install: ${need[*]}" >&2; exit 1; }
  SUDO=(sudo)
fi

echo "install-deps: installing ${need[*]}"
# Lock timeout: on a freshly booted machine unattended-upgrades may hold the dpkg lock briefly.
apt_opts=(-o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
"${SUDO[@]}" apt-get "${apt_opts[@]}" update -qq
# Recommends stay on: chromium needs the recommended fonts to render text in screenshots.
# The packages' own system services are not used: services-up.sh runs private copies.
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq "${need[@]}"
