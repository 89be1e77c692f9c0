"""The teacher's guide: linked from the start, a section per lesson, and an answer key that matches the
quizzes and exercises because it is generated from them."""

import re

import nbformat
import pytest

from hemisphere.lessons import guide
from hemisphere.lessons.exercises import EXERCISES
from hemisphere.lessons.contents import LESSONS
from hemisphere.widgets.quiz import all_quizzes
from support import NOTEBOOKS

GUIDE = NOTEBOOKS / guide.GUIDE_FILE


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def generated(name: str) -> str:
    match = re.search(rf"<!-- begin generated: {name} -->\n(.*?)<!-- end generated: {name} -->", guide_text(), re.S)
    assert match, f"the guide has no generated section {name}"
    return match.group(1)


def test_the_start_notebook_links_to_the_guide():
    start = nbformat.read(NOTEBOOKS / LESSONS[0].file, as_version=4)
    markdown = "\n".join(cell.source for cell in start.cells if cell.cell_type == "markdown")
    assert f"]({guide.GUIDE_FILE})" in markdown and GUIDE.exists()


def test_the_guide_has_a_plan_for_every_lesson_with_both_timings():
    text = guide_text().split("## 7. Answer key", 1)[0]
    for item in LESSONS:
        match = re.search(rf"^### {re.escape(item.heading)}\n(.*?)(?=^### |^## )", text, re.S | re.M)
        assert match, f"the guide has no section for {item.heading}"
        section = match.group(1)
        assert "Objectives" in section and "Project" in section, item.heading
        if item.number != "00":
            assert "50 minutes" in section and "90 minutes" in section, item.heading


def test_the_guide_covers_what_the_issue_asks_for():
    text = guide_text().lower()
    for part in ("ground rules", "grade reasoning, not opinion", "structured debate (lesson 5)",
                 "open-ended map task", "students with no python", "updating the data", "data as of"):
        assert part in text, part


def test_the_guide_links_only_to_files_that_exist():
    for target in re.findall(r"\]\(([^)#:]+?)(?:#[^)]*)?\)", guide_text()):
        assert (NOTEBOOKS / target).exists(), target


def test_every_quiz_answer_in_the_key_matches_the_quiz_definition():
    key = generated("answer-key")
    for number, questions in all_quizzes().items():
        section = key.split(f"### {number} · ", 1)[1].split("\n### ", 1)[0]
        for position, question in enumerate(questions, start=1):
            entry = f"{position}. {question.prompt}  \n   **Answer:** {question.answer_text()}.  \n"
            assert entry in section, f"quiz {number} question {position} is missing or out of date in the key"


def notebook_solutions() -> dict[str, str]:
    solutions = {}
    for item in LESSONS:
        solutions.update(guide.hidden_solutions(nbformat.read(NOTEBOOKS / item.file, as_version=4)))
    return solutions


def test_every_exercise_has_a_hidden_solution_and_the_key_shows_it():
    """One source of truth: the key prints the notebooks' own hidden solutions."""
    key, solutions = generated("answer-key"), notebook_solutions()
    assert set(solutions) == set(EXERCISES), "every registered exercise needs a hidden solution, and no more"
    for exercise_key, code in solutions.items():
        assert f"`{exercise_key}`" in key
        first_line = code.splitlines()[0]
        assert first_line in key, f"{exercise_key}: the key does not show the notebook's solution"


def test_a_stale_or_missing_key_is_caught():
    text = guide_text()
    current, stale = guide.refresh(text, notebook_solutions())
    assert current == text and stale == [], "run python scripts/update_notebooks.py"
    tampered = text.replace("**Answer:** 12.", "**Answer:** 17.")
    assert tampered != text
    assert guide.refresh(tampered, notebook_solutions())[1] == ["answer-key"]
    without = re.sub(r"<!-- begin generated: answer-key -->.*?<!-- end generated: answer-key -->", "", text, flags=re.S)
    with pytest.raises(ValueError, match="no generated section"):
        guide.refresh(without, notebook_solutions())


#: The code blocks of the answer key: an exercise's heading, then its reference solution.
KEY_SOLUTION = re.compile(r"^#### `([\w-]+)`\n.*?```python\n(.*?)```", re.S | re.M)


def key_solutions(number: str) -> dict[str, str]:
    section = generated("answer-key").split(f"\n### {number} · ", 1)[1].split("\n### ", 1)[0]
    return dict(KEY_SOLUTION.findall(section))


def lessons_with_exercises() -> list[str]:
    return sorted({key.split("-")[0] for key in EXERCISES})


@pytest.mark.parametrize("number", lessons_with_exercises())
def test_the_keys_code_runs_in_its_lesson_and_every_check_says_right(number):
    """A teacher can paste each key's code into the lesson: run the lesson's cells in order, and in
    place of each exercise the key's code (after the exercise cell's own set-up lines)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    item = next(item for item in LESSONS if item.number == number)
    notebook = nbformat.read(NOTEBOOKS / item.file, as_version=4)
    solutions, namespace = key_solutions(number), {}
    for cell in (cell for cell in notebook.cells if cell.cell_type == "code"):
        if guide.CHECK_KEY.search(cell.source) and "..." in cell.source:
            key = guide.CHECK_KEY.search(cell.source).group(1)
            code = solutions.pop(key)
            own_setup = [line for line in cell.source.split("...", 1)[0].splitlines()[:-1] if line not in code]
            *body, last = code.strip().splitlines()
            exec("\n".join([*own_setup, *body]), namespace)  # noqa: S102  (the pack's own key)
            result = eval(last, namespace)  # noqa: S307
            assert result, f"{key}: {result!r}"
        else:
            exec(cell.source, namespace)  # noqa: S102
    plt.close("all")
    assert solutions == {}, f"the key has code for exercises the lesson does not ask: {sorted(solutions)}"


def test_the_key_shows_tables_as_tables_not_pandas_printouts():
    key = generated("answer-key")
    assert not re.search(r"dtype: |Length: \d+|Name: \w+", key), "a pandas printout in the key"
    assert "| iso3 | value |" in key and "| month | caribbean | eastern_pacific |" in key
    assert "; ;" not in key and "`from " not in key, "code squashed onto one line"
