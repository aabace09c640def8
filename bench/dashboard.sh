#!/usr/bin/env bash
# The impact dashboard, cold, at the size of issue 13's target (bench/dashboard.py): two
# editions of 1,000 activities, 3,000 sessions and 20,000 reservations each on a throwaway
# PostgreSQL; the median of RUNS renders. Not part of the tests.
#
#   bench/dashboard.sh            # RUNS=9 by default
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CACHE_URL=dummy://
. bench/_setup.sh
python bench/dashboard.py
