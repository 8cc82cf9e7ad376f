#!/usr/bin/env bash
# Runs every BlueRobin test: installs what a fresh machine lacks, then `dotnet test` over the
# solution, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

bash eng/install-prerequisites.sh || exit 1

log=$(mktemp)
dotnet test BlueRobin.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly:
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ...
summary=$(awk '
  /^(Passed|Failed)! +- Failed: / {
    gsub(",", "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") failed += $(i + 1);
      if ($i == "Passed:") passed += $(i + 1);
      if ($i == "Skipped:") skipped += $(i + 1);
    }
  }
  END { printf "%d passed, %d failed, %d skipped", passed, failed, skipped }' "$log")
rm -f "$log"

if [ "$status" -ne 0 ] && [[ "$summary" == *" 0 failed"* ]]; then
  # The build or a test host failed before any test could report: count that as a failure.
  summary="${summary/ 0 failed/ 1 failed}"
fi

echo
echo "$summary"
exit "$status"
