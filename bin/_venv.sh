# shellcheck shell=bash
# Creates or refreshes the project's virtualenv (.venv); sourced by bin/serve, bin/test, bin/smoke, .ci/run.
#
#   w3_venv          # the site's own dependencies:  pip install -e .
#   w3_venv test     # plus the test tools:          pip install -e '.[test]'
#
# pip only runs when pyproject.toml changed since the last install (or the extras differ):
# .venv/.installed holds "<sha256 of pyproject.toml> <extras>".

W3_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
W3_VENV="$W3_ROOT/.venv"

w3_venv() {
    local extras="${1:-}" spec="." stamp="$W3_VENV/.installed" want have_hash have_extras
    [[ -n $extras ]] && spec=".[$extras]"

    if [[ -e $W3_VENV || -L $W3_VENV ]] && ! "$W3_VENV/bin/python" -c '' 2>/dev/null; then
        echo "The virtualenv in .venv does not run (its Python moved or was removed): recreating it." >&2
        rm -rf "$W3_VENV"
    fi
    if [[ ! -d $W3_VENV ]]; then
        echo "Creating the virtualenv in .venv …" >&2
        if ! python3 -m venv "$W3_VENV"; then
            echo "Could not create .venv with python3 -m venv (on Debian: apt-get install python3-venv)." >&2
            return 1
        fi
        rm -f "$stamp"
    fi

    want="$(sha256sum "$W3_ROOT/pyproject.toml" | cut -d' ' -f1)"
    have_hash="" have_extras=""
    if [[ -f $stamp ]]; then
        read -r have_hash have_extras <"$stamp" || true
    fi
    # An install with extras also satisfies a plain one.
    if [[ $have_hash == "$want" && (-z $extras || $have_extras == "$extras") ]]; then
        return 0
    fi

    echo "Installing $spec into .venv (first run, other extras, or pyproject.toml changed) …" >&2
    if ! (cd "$W3_ROOT" && "$W3_VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec"); then
        echo "pip install -e '$spec' failed." >&2
        return 1
    fi
    printf '%s %s\n' "$want" "$extras" >"$stamp"
}
