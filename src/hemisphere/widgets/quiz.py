"""Quick-check quizzes: a question, a choice or a short answer, and feedback that explains why.

The questions live in ``content/quizzes.json`` (one source of truth: the teacher's guide prints its
answer key from the same file). Nothing about the student is stored or sent anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ipywidgets as widgets

from ..data.safe_html import escape
from ..data.text import folded


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Mistake:
    """A typical wrong short answer and the feedback that explains it."""

    answers: tuple[str, ...]
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    options: tuple[Option, ...] = ()
    answers: tuple[str, ...] = ()  # accepted short answers (compared loosely)
    feedback_right: str = ""
    feedback_wrong: str = ""
    mistakes: tuple[Mistake, ...] = ()  # short answers only: typical slips with their own feedback

    @property
    def is_choice(self) -> bool:
        return bool(self.options)

    def mark(self, response: str | None) -> tuple[bool, str]:
        """Whether ``response`` is right, and the feedback to show."""
        if response is None or not str(response).strip():
            return False, "Choose or type an answer first."
        if self.is_choice:
            option = next((item for item in self.options if item.text == response), None)
            if option is None:
                return False, "That is not one of the options."
            return option.correct, option.feedback
        given = _loose(response)
        if given in {_loose(answer) for answer in self.answers}:
            return True, self.feedback_right
        for mistake in self.mistakes:
            if given in {_loose(answer) for answer in mistake.answers}:
                return False, mistake.feedback
        return False, self.feedback_wrong

    def answer_text(self) -> str:
        """The right answer in words, for the teacher's answer key."""
        if self.is_choice:
            return "; ".join(option.text for option in self.options if option.correct)
        also = self.answers[1:]
        return self.answers[0] + (f" (also accepted: {', '.join(also)})" if also else "")

    def explanation(self) -> str:
        """Why the answer is right: the feedback a student sees after answering correctly."""
        if self.is_choice:
            return next(option.feedback for option in self.options if option.correct)
        return self.feedback_right


def _loose(text: str) -> str:
    """Compare short answers without case, accents, extra spaces or final punctuation."""
    return " ".join(folded(text).strip(" .!?").split())


@lru_cache(maxsize=1)
def all_quizzes() -> dict[str, tuple[Question, ...]]:
    raw = json.loads(resources.files("hemisphere").joinpath("content", "quizzes.json").read_text(encoding="utf-8"))
    return {
        lesson: tuple(
            Question(
                id=item["id"],
                prompt=item["prompt"],
                options=tuple(Option(**option) for option in item.get("options", ())),
                answers=tuple(item.get("answers", ())),
                feedback_right=item.get("feedback_right", ""),
                feedback_wrong=item.get("feedback_wrong", ""),
                mistakes=tuple(Mistake(tuple(m["answers"]), m["feedback"]) for m in item.get("mistakes", ())),
            )
            for item in questions
        )
        for lesson, questions in raw.items()
    }


class QuestionWidget(widgets.VBox):
    """One question: prompt, answer control, a Check button and the feedback line.

    Keyboard: Tab reaches the answer and the button; arrow keys choose an option; Enter or Space
    presses the button; in a short-answer box, Enter checks the answer at once.
    """

    def __init__(self, question: Question, number: int):
        self.question = question
        prompt = widgets.HTML(f"<strong>{number}. {escape(question.prompt)}</strong>")
        if question.is_choice:
            self.answer = widgets.RadioButtons(
                options=[option.text for option in question.options], value=None,
                layout=widgets.Layout(width="auto"), description="Answer:",
                tooltip=f"Answer to question {number}",
            )
        else:
            # Without continuous updates the value changes on Enter (or on leaving the box): check then.
            self.answer = widgets.Text(placeholder="Type your answer, then press Enter", description="Answer:",
                                       tooltip=f"Answer to question {number}", continuous_update=False)
            self.answer.observe(self._check, names="value")
        self.check_button = widgets.Button(description="Check answer", tooltip=f"Check answer to question {number}")
        self.feedback = widgets.HTML("")
        self.check_button.on_click(self._check)
        super().__init__([prompt, self.answer, self.check_button, self.feedback],
                         layout=widgets.Layout(margin="0 0 1em 0"))

    def _check(self, _event=None) -> None:
        right, feedback = self.question.mark(self.answer.value)
        verdict = "✔ Right." if right else "✘ Not yet."
        colour = "#006e4f" if right else "#a33c00"
        self.feedback.value = (
            f'<div role="status" style="border-left:4px solid {colour};padding-left:8px">'
            f"<strong>{verdict}</strong> {escape(feedback)}</div>"
        )


NOTHING_SAVED = "Your answers stay on this page; nothing is saved or sent anywhere."


def question_list(questions: tuple[Question, ...] | list[Question], title: str) -> widgets.VBox:
    """Numbered questions under a title: the quiz widget, also used by activities built from data."""
    items = [QuestionWidget(question, number) for number, question in enumerate(questions, start=1)]
    header = widgets.HTML(f"<strong>{escape(title)}</strong>: {len(items)} questions. {NOTHING_SAVED}")
    return widgets.VBox([header, *items])


def quiz(lesson: str) -> widgets.VBox:
    """The quick-check quiz for a lesson (``"01"``, ``"02"``, …)."""
    if lesson not in all_quizzes():
        raise KeyError(f"no quiz for lesson {lesson!r}; quizzes: {sorted(all_quizzes())}")
    return question_list(all_quizzes()[lesson], "Quick check")
