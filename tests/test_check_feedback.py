"""Feedback reads as one verdict and one hint: no "✔ Right. Right.", and the hint is the one meant."""

import numpy as np
import pandas as pd
import pytest

from hemisphere import check, load_coalition
from hemisphere.topics.claims import VERDICT_LABELS, verdict_feedback
from hemisphere.widgets.quiz import all_quizzes

VERDICT_WORDS = ("right", "correct", "not yet", "wrong")


def starts_with_a_verdict(text: str) -> bool:
    return text.strip().lower().startswith(VERDICT_WORDS)


def test_no_quiz_feedback_repeats_the_verdict_the_widget_already_shows():
    for number, questions in all_quizzes().items():
        for question in questions:
            texts = [option.feedback for option in question.options] + [question.feedback_right]
            assert not any(starts_with_a_verdict(text) for text in texts), f"quiz {number}: {question.id}"


def test_no_claim_verdict_feedback_repeats_the_verdict():
    for chosen in VERDICT_LABELS:
        for correct in VERDICT_LABELS:
            assert not starts_with_a_verdict(verdict_feedback(chosen, correct)), (chosen, correct)


def test_a_checks_verdict_is_said_once():
    coalition = load_coalition()
    right = check("06-attendees", int(((coalition.summit_attendee == "yes") & (coalition.status != "host")).sum()))
    assert right and repr(right).count("Right") == 1


@pytest.mark.parametrize("count", [np.int64, int, float])
def test_the_attendee_check_takes_a_pandas_count_of_any_number_type(count):
    coalition = load_coalition()
    assert check("06-attendees", count(((coalition.summit_attendee == "yes") & (coalition.status != "host")).sum()))


def test_counting_the_host_gets_the_host_hint_not_a_type_hint():
    coalition = load_coalition()
    result = check("06-attendees", (coalition.summit_attendee == "yes").sum())
    assert not result and "Leave out the row whose status is 'host'" in result.message
    assert "whole number" not in result.message


@pytest.mark.parametrize("answer", ["eleven", True, 11.5, pd.Series([11])])
def test_an_answer_that_is_not_a_whole_number_is_told_so(answer):
    result = check("06-attendees", answer)
    assert not result and "one whole number" in result.message
