"""The "Try it" exercises of every lesson, and ``check``, which students call to check an answer.

Each lesson's module lists its exercises in ``EXERCISES``; the registry below is built from those lists
(importing this package changes nothing elsewhere).
"""

from __future__ import annotations

from ..self_checks import CheckResult, check_answer, registry
from . import lesson01, lesson02, lesson03, lesson04, lesson04_primer, lesson05, lesson06, lesson07

LESSON_MODULES = (lesson01, lesson02, lesson03, lesson04_primer, lesson04, lesson05, lesson06, lesson07)
EXERCISES = registry(exercise for module in LESSON_MODULES for exercise in module.EXERCISES)


def check(key: str, answer: object) -> CheckResult:
    """Check an exercise answer; the result shows as a short verdict with a hint."""
    if key not in EXERCISES:
        raise KeyError(f"no exercise {key!r}; known: {sorted(EXERCISES)}")
    return check_answer(EXERCISES[key], answer)
