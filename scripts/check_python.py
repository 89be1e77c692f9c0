"""Says in one sentence why this Python cannot run the pack, before pip fails in a harder way.

Run by `make` before it creates .venv. Written so that old interpreters (Python 2.7 too) can parse it.
"""
from __future__ import print_function

import sys

OLDEST = (3, 10)
NEWEST = (3, 14)  # numpy 2.4 and pyproj 3.7.2 have no wheels for 3.15 (`make test-pythons` checks)


def version_name(version):
    return "%d.%d" % tuple(version[:2])


def problem(version, has_venv, executable):
    """The sentence for a Python that cannot set up the pack, or None when it can."""
    if OLDEST <= tuple(version[:2]) <= NEWEST and has_venv:
        return None
    found = "Python %s" % ".".join(str(part) for part in version[:3])
    if tuple(version[:2]) >= OLDEST and not has_venv:
        found += " without its venv module"
    return ("Hemisphere needs Python %s to %s with venv, but %s is %s: install one (on Debian or "
            "Ubuntu: sudo apt install python3.11-venv; elsewhere: https://www.python.org/downloads/) "
            "and run make again with PYTHON=python3.11 (or the one you installed)."
            % (version_name(OLDEST), version_name(NEWEST), executable, found))


def has_venv():
    # Debian and Ubuntu ship venv without ensurepip unless python3-venv is installed, and then
    # `python3 -m venv` fails half-way.
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sentence = problem(sys.version_info, has_venv(), sys.executable)
    if sentence:
        print(sentence, file=sys.stderr)
        sys.exit(1)
