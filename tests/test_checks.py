"""Exercise checks accept the reference solution and answer typical mistakes with the intended hint."""

import pytest

from hemisphere import group_totals, load_coalition, states_by_status
from hemisphere.lessons.exercises import EXERCISES, check


def test_lesson_one_reference_solutions_pass():
    assert check("01-signatories", len(states_by_status()["signatory"]))
    assert check("01-largest-group", group_totals().population_share.idxmax())
    assert check("01-largest-group", "Left out")
    coalition = load_coalition()
    assert check("01-weakly-sourced", coalition[coalition.confidence == "low"].name_en.tolist())


@pytest.mark.parametrize(
    ("key", "answer", "hint"),
    [
        ("01-signatories", 17, "summit members included"),
        ("01-signatories", 12, "Look up the 'signatory' key"),
        ("01-signatories", "five", "whole number"),
        ("01-largest-group", "host", "compare every value"),
        ("01-largest-group", "Host", "compare every value"),
        ("01-largest-group", "cartels", "one of the status names"),
        ("01-weakly-sourced", "Jamaica", "not a single string"),
        ("01-weakly-sourced", ["Jamaica", "Bahamas", "Belize"], "Some are missing"),
        ("01-weakly-sourced", ["Jamaica", "Bahamas", "Belize", "Haiti", "Suriname", "Chile"], "extra states"),
    ],
)
def test_typical_mistakes_get_the_intended_hint(key, answer, hint):
    result = check(key, answer)
    assert not result and hint in result.message


def test_an_unanswered_exercise_asks_for_an_answer():
    result = check("01-signatories", ...)
    assert not result and "Replace the ..." in result.message


def test_a_check_never_reveals_the_answer():
    expected = str(len(states_by_status()["signatory"]))
    for answer in (0, 17, 12, "x"):
        assert expected not in check("01-signatories", answer).message


def test_the_result_shows_a_verdict_in_words_not_only_colour():
    assert "✘ Not yet." in check("01-signatories", 17)._repr_html_()


def test_every_registered_exercise_computes_its_answer_from_the_data():
    for exercise in EXERCISES.values():
        assert exercise.expected() is not None


def test_lesson_three_reference_solutions_pass():
    from hemisphere import intervention_counts, interventions_per_decade

    assert check("03-most-by-1932", intervention_counts(1932).index[0])
    assert check("03-most-by-1932", "México")
    rates = interventions_per_decade()
    assert check("03-per-decade", rates.loc[rates.index != "2025_26", "per_decade"].idxmax())
    assert check("03-states-by-1932", int((intervention_counts(1932) > 0).sum()))


@pytest.mark.parametrize(
    ("key", "answer", "hint"),
    [
        ("03-most-by-1932", "Cuba", "whole record"),
        ("03-most-by-1932", 3, "as text"),
        ("03-per-decade", "2025_26", "two years long"),
        ("03-per-decade", "renaissance", "not one of the eras"),
        ("03-states-by-1932", "six", "whole number"),
    ],
)
def test_lesson_three_mistakes_get_the_intended_hint(key, answer, hint):
    result = check(key, answer)
    assert not result and hint in result.message


def test_the_era_with_the_most_interventions_is_right_only_if_it_also_has_the_highest_rate():
    from hemisphere import interventions_per_decade

    rates = interventions_per_decade().drop(index="2025_26")
    most, fastest = rates.interventions.idxmax(), rates.per_decade.idxmax()
    result = check("03-per-decade", most)
    if most == fastest:
        assert result
    else:  # with the pack's data: the Cold War, longer than the eras it outnumbers
        assert not result and "also longer" in result.message


def test_the_registry_is_built_from_every_lesson_modules_list():
    from pathlib import Path

    from hemisphere.lessons import exercises

    modules = {module.__name__.rsplit(".", 1)[1] for module in exercises.LESSON_MODULES}
    assert modules == {path.stem for path in Path(exercises.__file__).parent.glob("lesson*.py")}
    assert list(EXERCISES) == [item.key for module in exercises.LESSON_MODULES for item in module.EXERCISES]


def test_two_exercises_with_one_key_are_refused():
    from hemisphere.lessons.self_checks import registry

    twice = EXERCISES["01-signatories"]
    with pytest.raises(ValueError, match="01-signatories"):
        registry([twice, twice])
