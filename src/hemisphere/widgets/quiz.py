"""Quick-check quizzes: a question, a choice or a short answer, and feedback that explains why.

The questions live in ``content/quizzes.json`` (one source of truth: the teacher's guide prints its
answer key from the same file). Answers are marked in the browser (``assets/hemisphere-answers.js``)
from verdicts Python works out here, so a quiz gives the same feedback in JupyterLab and in the static
site with no kernel; the page therefore carries the answers, as a printed quiz with its key would.
Nothing about the student is stored or sent anywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import anywidget
import ipywidgets as widgets
import traitlets

from ..data.safe_html import escape
from ..data.text import folded
from ..maps.offline import package_asset

ASK_FOR_AN_ANSWER = "Choose or type an answer first."
NOT_AN_OPTION = "That is not one of the options."


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
        """Whether ``response`` is right, and the feedback to show (the browser does the same lookup)."""
        if response is None or not str(response).strip():
            return False, ASK_FOR_AN_ANSWER
        key = str(response) if self.is_choice else _loose(response)
        return self.verdicts().get(key, (False, self.otherwise))

    def verdicts(self) -> dict[str, tuple[bool, str]]:
        """Every response the question recognises, with whether it is right and its feedback.

        Options by their text; short answers compared loosely, accepted answers before typical slips,
        and a slip listed earlier before a later one.
        """
        if self.is_choice:
            return {option.text: (option.correct, option.feedback) for option in self.options}
        table = {}
        for mistake in reversed(self.mistakes):
            table.update({_loose(answer): (False, mistake.feedback) for answer in mistake.answers})
        table.update({_loose(answer): (True, self.feedback_right) for answer in self.answers})
        return table

    @property
    def otherwise(self) -> str:
        """The feedback for a response the question does not recognise."""
        return NOT_AN_OPTION if self.is_choice else self.feedback_wrong

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


class QuestionWidget(anywidget.AnyWidget):
    """One question: prompt, answer control, a Check button and the feedback line, marked in the browser.

    Keyboard: Tab reaches the answer and the button; arrow keys choose an option; Enter or Space
    presses the button; in a short-answer box, Enter checks the answer at once. ``response`` is what
    the reader last checked; :meth:`check` does from Python what the button does.
    """

    _esm = "\n".join(package_asset(name) for name in ("hemisphere-text.js", "hemisphere-answers.js",
                                                      "hemisphere-quiz.js"))
    _css = package_asset("hemisphere-widgets.css")

    number = traitlets.Int(1).tag(sync=True)
    prompt = traitlets.Unicode("").tag(sync=True)
    options = traitlets.List(traitlets.Unicode()).tag(sync=True)
    verdicts = traitlets.Dict().tag(sync=True)
    otherwise = traitlets.Unicode("").tag(sync=True)
    response = traitlets.Unicode("").tag(sync=True)

    def __init__(self, question: Question, number: int):
        self.question = question
        super().__init__(number=number, prompt=question.prompt, options=[option.text for option in question.options],
                         verdicts={key: list(verdict) for key, verdict in question.verdicts().items()},
                         otherwise=question.otherwise)

    def check(self, response: str) -> str:
        """Answer with ``response``; the feedback line the page shows for it."""
        self.response = response
        right, feedback = self.question.mark(response)
        return f"{'✔ Right.' if right else '✘ Not yet.'} {feedback}"


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
