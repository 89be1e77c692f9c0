"""The "Try it" exercises of every lesson, registered with :mod:`hemisphere.lessons.self_checks` on import."""

from . import lesson01, lesson02, lesson03, lesson04, lesson05, lesson06  # noqa: F401
