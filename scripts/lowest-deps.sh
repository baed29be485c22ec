#!/usr/bin/env bash
# The core tests (no snapshots) against the lowest versions that pyproject.toml allows for
# hr-wizard's own dependencies, the way a user who installs into an older environment gets them:
#   bash scripts/lowest-deps.sh            (or: make lowest-deps)
# uv (pinned in constraints.txt) resolves with --resolution lowest-direct: every direct
# dependency at its declared lower bound, what they need in turn at its newest. The project is
# built with the lowest setuptools that [build-system] allows. A fresh venv each run, in
# .venv-lowest; extra arguments go to pytest. Under scripts/with-postgres.sh the PostgreSQL
# variants run too, with the lowest psycopg.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
venv=${LOWEST_VENV:-.venv-lowest}
started=$SECONDS

"$PYTHON" -m venv --clear "$venv"
py="$venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check -c constraints.txt uv
uv=("$venv/bin/uv" --quiet)
version=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')

"${uv[@]}" pip compile pyproject.toml --extra test --extra postgres --resolution lowest-direct \
    --python-version "$version" --no-header --no-annotate -o "$venv/lowest.txt"
"$py" -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))' \
    | "${uv[@]}" pip compile - --resolution lowest --python-version "$version" --no-header --no-annotate -o "$venv/build.txt"
"${uv[@]}" pip install --python "$py" -r "$venv/lowest.txt" -r "$venv/build.txt"
"${uv[@]}" pip install --python "$py" --no-deps --no-build-isolation -e .

echo "Lowest versions (scripts/lowest-deps.sh):" >&2
grep -iE '^(textual|rich|sqlmodel|sqlalchemy|alembic|platformdirs|email-validator|holidays|python-stdnum|openpyxl|icalendar|phonenumbers|psycopg|setuptools|pytest|hypothesis)==' \
    "$venv/lowest.txt" "$venv/build.txt" | sed 's/^.*://' | tr '\n' ' ' >&2
echo >&2
# A deprecation is an error here: a lower bound that only works with warnings (alembic 1.13.0
# on SQLAlchemy 2.1 did) stops working with the next release of what it leans on.
"$py" -m pytest tests/core -p no:cacheprovider -W error::DeprecationWarning "$@"
echo "lowest-deps: $((SECONDS - started)) s, install included" >&2
