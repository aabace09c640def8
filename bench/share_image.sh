#!/usr/bin/env bash
# Share images: the first request draws and stores each one, the next is read from storage.
# A throwaway PostgreSQL with the demo edition; the requests run in-process through Django's
# test client (no HTTP server), so the figures are the view's own time.
#
#   bench/share_image.sh [--activities 40]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/_setup.sh
export MEDIA_ROOT="$work/media"
python manage.py seed_demo >/dev/null
python bench/share_image.py "$@"
