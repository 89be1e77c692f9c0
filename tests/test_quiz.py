"""Quizzes: right and wrong answers give the intended feedback; every lesson has one."""

import pytest

from hemisphere.lessons.contents import LESSONS
from hemisphere.widgets.quiz import all_quizzes, quiz


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
    first.answer.value = wrong.text
    first.check_button.click()
    assert "Not yet" in first.feedback.value and wrong.feedback[:30] in first.feedback.value
    first.answer.value = right.text
    first.check_button.click()
    assert "Right" in first.feedback.value and right.feedback[:30] in first.feedback.value


def test_checking_without_an_answer_asks_for_one():
    widget = quiz("00")
    widget.children[1].check_button.click()
    assert "Choose or type an answer first" in widget.children[1].feedback.value


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


def test_pressing_enter_in_a_short_answer_checks_it_without_the_button():
    from hemisphere.widgets.quiz import QuestionWidget

    widget = QuestionWidget(short_answer_question(), 1)
    assert widget.answer.continuous_update is False  # the value changes on Enter (or leaving the box)
    widget.answer.value = "Trump"
    assert "Not yet" in widget.feedback.value and "another branch" in widget.feedback.value
    widget.answer.value = "Congress"
    assert "Right" in widget.feedback.value


def test_widgets_are_labelled_for_keyboard_and_screen_reader_users():
    for item in quiz("05").children[1:]:
        assert item.answer.description == "Answer:" and item.answer.tooltip.startswith("Answer to question")
        assert item.check_button.tooltip.startswith("Check answer to question")
        item.check_button.click()
        assert 'role="status"' in item.feedback.value


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
