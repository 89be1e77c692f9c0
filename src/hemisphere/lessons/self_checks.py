"""Self-checks for "Try it" exercises: right, or not yet with a hint that points at the likely slip.

A check compares the student's answer with one computed from the pack's data at that moment
(so a teacher who edits the data does not break the checks) and never prints the answer.

Each lesson's module in :mod:`hemisphere.lessons.exercises` lists its exercises; students call
``check("01-signatories", answer)``, defined there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..data.safe_html import escape

Mistake = tuple[Callable[[object, object], bool], str]


@dataclass(frozen=True)
class Exercise:
    """An exercise's check: how to compute the right answer, how to compare, and known mistakes."""

    key: str
    expected: Callable[[], object]
    mistakes: tuple[Mistake, ...] = ()
    same: Callable[[object, object], bool] = lambda answer, expected: answer == expected
    general_hint: str = "Read the exercise again and check each step."


@dataclass(frozen=True)
class CheckResult:
    key: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return ("✔ Right. " if self.correct else "✘ Not yet. ") + self.message

    def _repr_html_(self) -> str:
        colour = "#006e4f" if self.correct else "#a33c00"
        verdict = "✔ Right." if self.correct else "✘ Not yet."
        return (
            f'<div role="status" style="border-left:6px solid {colour};padding:4px 10px;margin:4px 0">'
            f"<strong>{verdict}</strong> {escape(self.message)}</div>"
        )


def registry(exercises: Iterable[Exercise]) -> dict[str, Exercise]:
    """The exercises by key; two exercises with one key are a mistake in the pack."""
    by_key: dict[str, Exercise] = {}
    for exercise in exercises:
        if exercise.key in by_key:
            raise ValueError(f"two exercises have the key {exercise.key!r}")
        by_key[exercise.key] = exercise
    return by_key


def check_answer(exercise: Exercise, answer: object) -> CheckResult:
    """Right, or not yet with the hint of the first known mistake the answer makes."""
    key = exercise.key
    if answer is None or answer is Ellipsis:
        return CheckResult(key, False, "Replace the ... with your answer, then run the cell again.")
    expected = exercise.expected()
    try:
        if exercise.same(answer, expected):
            return CheckResult(key, True, "Well done.")
    except (TypeError, ValueError):
        pass
    for is_mistake, hint in exercise.mistakes:
        try:
            if is_mistake(answer, expected):
                return CheckResult(key, False, hint)
        except (TypeError, ValueError):
            continue
    return CheckResult(key, False, exercise.general_hint)
