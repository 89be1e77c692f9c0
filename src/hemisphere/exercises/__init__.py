"""The "Try it" exercises of every lesson, registered with :mod:`hemisphere.checks` on import."""

from . import lesson01, lesson03  # noqa: F401
