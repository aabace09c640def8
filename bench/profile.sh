#!/usr/bin/env bash
# Where a cold public page spends its time (issue: campaign-day traffic). Not part of the tests.
#
# Seeds the demo edition plus `--scale 1000` on a throwaway PostgreSQL, turns the page cache off
# (CACHE_URL=dummy://) and renders the agenda (plain, searched, filtered) and an activity page
# RUNS times each in-process under cProfile (bench/profile_pages.py).
#
#   bench/profile.sh            # RUNS=20 by default
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${RUNS:-20}"
export CACHE_URL=dummy://
. bench/_setup.sh
python manage.py seed_demo --scale 1000 >/dev/null
activity="$(python manage.py shell -v0 -c "
from agenda.models import Activity
print(Activity.objects.public().order_by('pk').first().get_absolute_url())")"
python bench/profile_pages.py --runs "$RUNS" /agenda/ "/agenda/?q=koor" \
    "/agenda/?doelgroep=kinderen&leeftijd=8" "$activity"
