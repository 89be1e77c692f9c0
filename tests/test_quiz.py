"""Quizzes: right and wrong answers give the intended feedback; every lesson has one."""

import json
import subprocess

import pytest

from hemisphere.lessons.contents import LESSONS
from hemisphere.widgets.quiz import QuestionWidget, all_quizzes, quiz
from support import ROOT, node_or_skip


def test_every_lesson_has_a_quiz_with_one_right_option_per_choice_question():
    quizzes = all_quizzes()
    for item in LESSONS:
        assert item.number in quizzes, f"lesson {item.number} has no quiz"
    for questions in quizzes.values():
        for question in questions:
            if question.is_choice:
                assert sum(option.correct for option in question.options) == 1, question.id
                assert all(option.feedback for option in question.options), question.id
            else:
                assert question.answers and question.feedback_right and question.feedback_wrong


def test_question_ids_are_unique():
    ids = [question.id for questions in all_quizzes().values() for question in questions]
    assert len(ids) == len(set(ids))


def test_the_widget_gives_the_options_feedback_for_right_and_wrong_answers():
    widget = quiz("01")
    first = widget.children[1]
    right = next(option for option in first.question.options if option.correct)
    wrong = next(option for option in first.question.options if not option.correct)
    assert first.check(wrong.text) == f"✘ Not yet. {wrong.feedback}" and first.response == wrong.text
    assert first.check(right.text) == f"✔ Right. {right.feedback}"


def test_checking_without_an_answer_asks_for_one():
    widget = quiz("00")
    assert "Choose or type an answer first" in widget.children[1].check("  ")


@pytest.mark.parametrize(("response", "right"), [("twelve", True), (" Twelve. ", True), ("12", True), ("11", False)])
def test_short_answers_are_compared_loosely(response, right):
    from hemisphere.widgets.quiz import Question

    question = Question(id="x", prompt="How many?", answers=("12", "twelve"),
                        feedback_right="Yes.", feedback_wrong="Count again.")
    assert question.mark(response) == (right, "Yes." if right else "Count again.")


def test_lesson_one_quiz_facts_agree_with_the_data():
    """The quiz says 12 leaders attended and Mexico, Brazil and Colombia were left out; so must the data."""
    from hemisphere import load_coalition

    coalition = load_coalition()
    attendees = coalition[(coalition.summit_attendee == "yes") & (coalition.status != "host")]
    question = all_quizzes()["01"][0]
    assert question.answer_text() == str(len(attendees))
    left_out = set(coalition.loc[coalition.status == "excluded", "name_en"])
    assert {"Mexico", "Brazil", "Colombia"} <= left_out


def short_answer_question():
    from hemisphere.widgets.quiz import Mistake, Question

    return Question(id="x", prompt="Which body declares war?", answers=("Congress", "the Congress"),
                    feedback_right="Right: Article I.", feedback_wrong="Read the senator's words.",
                    mistakes=(Mistake(("President", "Trump"), "The president commands; another branch declares."),))


@pytest.mark.parametrize(("response", "feedback"), [
    ("congress", "Right: Article I."),
    ("the president", "Read the senator's words."),
    ("President.", "The president commands; another branch declares."),
    ("Senate", "Read the senator's words."),
])
def test_typical_short_answer_slips_get_their_own_feedback(response, feedback):
    assert short_answer_question().mark(response)[1] == feedback


def test_the_browser_gets_every_verdict_the_python_marking_gives():
    """The page marks answers itself (no kernel in the site): it gets each recognised response's verdict."""
    question = short_answer_question()
    verdicts = question.verdicts()
    assert verdicts["congress"] == verdicts["the congress"] == (True, "Right: Article I.")
    assert verdicts["president"][0] is False and question.otherwise == "Read the senator's words."
    for questions in all_quizzes().values():
        for item in questions:
            widget = QuestionWidget(item, 1)
            assert widget.verdicts == {key: list(value) for key, value in item.verdicts().items()}
            assert widget.options == [option.text for option in item.options]


def browser_marks(cases: list[dict]) -> list[list]:
    """Each case marked by the browser's own code (assets/hemisphere-answers.js), run in Node.js."""
    node = node_or_skip()
    script = ("const {loadAssets} = require('./tests/js/load.js');"
              "const A = loadAssets('hemisphere-answers.js').HemisphereAnswers;"
              "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(cases.map(c => A.mark(c.question, c.response))));")
    result = subprocess.run([node, "-e", script], cwd=ROOT, input=json.dumps(cases), capture_output=True,
                            text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_the_browser_marks_every_quiz_answer_as_python_does():
    """Right answers, slips and wrong ones, with the case, accents, spaces and punctuation a student types."""
    questions = [item for lessons in all_quizzes().values() for item in lessons] + [short_answer_question()]
    cases, expected = [], []
    for item in questions:
        widget = QuestionWidget(item, 1)
        question = {"choice": item.is_choice, "verdicts": widget.verdicts, "otherwise": widget.otherwise}
        typed = [option.text for option in item.options] + list(item.answers)
        typed += [answer for mistake in item.mistakes for answer in mistake.answers]
        typed += [f"  {text.upper()} ?" for text in typed] + [text.replace("e", "é") for text in typed]
        for response in typed + ["", "   ", "something else entirely", "Ａnswer\u00a0 two."]:
            cases.append({"question": question, "response": response})
            expected.append(list(item.mark(response)))
    assert browser_marks(cases) == expected


def test_the_key_gives_every_accepted_short_answer_and_the_reason():
    question = short_answer_question()
    assert question.answer_text() == "Congress (also accepted: the Congress)"
    assert question.explanation() == "Right: Article I."


def test_every_quiz_question_with_typed_answers_explains_right_and_wrong():
    for questions in all_quizzes().values():
        for question in questions:
            for mistake in question.mistakes:
                assert mistake.feedback and not set(map(str.lower, mistake.answers)) & set(map(str.lower, question.answers))


def test_an_unknown_quiz_is_named_in_the_error():
    with pytest.raises(KeyError, match="no quiz for lesson '99'"):
        quiz("99")
