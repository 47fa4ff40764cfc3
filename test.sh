#!/usr/bin/env bash
# THE one command that sets up and runs every test, also on a fresh Debian machine:
#   install missing packages -> start services -> build -> dotnet test (TRX) -> extra test
#   commands -> stop services -> one last line "tests: N passed, N failed, N skipped".
# Exits non-zero when anything failed. Knobs: ERP_SKIP_INSTALL=1 (no apt), ERP_SERVICES
# (default "postgres rabbitmq clamd", "" for none), SVC_DIR (service state, default .services).
set -euo pipefail
cd "$(dirname "$0")"
RESULTS=$PWD/.test-results
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null ||
  { echo "test.sh: 'dotnet' not found: install the .NET 10 SDK and put it on PATH" >&2; exit 1; }
SLN=LowCodeErp.sln; [ -f "$SLN" ] || SLN=LowCodeErp.slnx   # .NET 10 templates make .slnx
[ -f "$SLN" ] || { echo "test.sh: no LowCodeErp.sln or LowCodeErp.slnx in $PWD" >&2; exit 1; }

# A failing step is counted rather than fatal, so later steps still run and the summary is
# always printed. Steps with no TRX of their own (setup, build, extra commands) count as 1 failure.
step_failures=0
step() {
  echo "==> $*"
  "$@" || { echo "test.sh: FAILED ($?): $*" >&2; step_failures=$((step_failures + 1)); return 1; }
}

rm -rf "$RESULTS"; mkdir -p "$RESULTS"   # stale TRX files would be counted again

[ "${ERP_SKIP_INSTALL:-0}" = 1 ] || step bash scripts/install-deps.sh || true

# Services are stopped on any exit (also Ctrl-C / kill); 'exit' in the signal traps runs it.
services_down() { trap - EXIT; bash scripts/services-down.sh >/dev/null 2>&1 || true; }
trap services_down EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
step bash scripts/services-up.sh || true
env_file=${SVC_DIR:-.services}/env
# shellcheck disable=SC1090  # written at run time by services-up.sh
if [ -f "$env_file" ]; then . "$env_file"; fi   # exports ERP_TEST_* for the tests

dotnet_rc=skipped
if step dotnet build "$SLN" -c Release -nologo; then
  # Console output stays visible (failures and per-project totals); one TRX per test project.
  echo "==> dotnet test $SLN"
  dotnet_rc=0
  dotnet test "$SLN" -c Release --no-build --results-directory "$RESULTS" \
    --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=minimal" || dotnet_rc=$?
fi

# ---- Extra test commands: later issues add one `step ...` line each, e.g. -----------------
#   step dotnet run --project src/Erp.Cli -c Release --no-build -- rules test rules/
# Business rule sets: every rules/<name>.tests.json case (issue 7).
step dotnet run --project src/LowCodeErp.Cli -c Release --no-build -- rules test rules/
# ---- end of extra test commands ------------------------------------------------------------

services_down

# Sum the <Counters .../> element of every TRX file (grep/awk: python is not guaranteed).
# Skipped tests have outcome NotExecuted, but VSTest leaves the notExecuted counter at 0 and
# only leaves them out of "executed", so skipped = total - executed (checked with xunit v3).
# error/timeout/aborted results count as failures.
read -r passed failed skipped < <(
  find "$RESULTS" -name '*.trx' -exec cat {} + | tr '\n' ' ' | grep -o '<Counters [^>]*>' |
  awk 'function n(a) { return match($0, " " a "=\"[0-9]+\"") ? substr($0, RSTART + length(a) + 3, RLENGTH - length(a) - 4) : 0 }
       { p += n("passed"); f += n("failed") + n("error") + n("timeout") + n("aborted"); s += n("total") - n("executed") }
       END { print p + 0, f + 0, s + 0 }')
# dotnet test failing without a failed test (crashed test host, broken TRX) is a failure too.
if [ "$dotnet_rc" != 0 ] && [ "$dotnet_rc" != skipped ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited $dotnet_rc without a failed test in the TRX files" >&2
  step_failures=$((step_failures + 1))
fi
failed=$((failed + step_failures))

summary="tests: $passed passed, $failed failed, $skipped skipped"
echo "$summary" > "$RESULTS/summary.txt"   # .ci/run checks that the run got this far
echo "$summary"
[ "$failed" -eq 0 ]
