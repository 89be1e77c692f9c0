"""Sorting a table the way a keyboard user does, and reading back what it shows, for the browser tests."""

from __future__ import annotations

import pandas as pd

from hemisphere import events_table

#: Lesson 02's full events table: the one with both of these headers.
EVENTS_TABLE = "table.hemisphere-full-table:has(:text-is('What happened')):has(:text-is('Sources'))"


def press_sort(table, header: str, key: str = "Enter") -> str:
    """Focus a header's sort button and press a key on it, as a keyboard user does; the new aria-sort."""
    th = table.locator(f"th:has(button.hemisphere-sort-button:text-is('{header}'))")
    button = th.locator("button")
    before = th.get_attribute("aria-sort")
    button.focus()
    assert button.evaluate("b => document.activeElement === b")
    button.press(key)
    table.page.wait_for_function("([th, before]) => th.getAttribute('aria-sort') !== before",
                                 arg=[th.element_handle(), before])
    return th.get_attribute("aria-sort")


def column(table, header: str, attribute: str | None = None) -> list[str]:
    """A column's cells top to bottom as shown: their text, or one attribute of each."""
    return table.evaluate(
        """(table, [header, attribute]) => {
            const names = [...table.tHead.rows[0].cells].map(th => th.textContent.trim());
            const at = names.indexOf(header);
            return [...table.tBodies[0].rows].map(row => attribute ? row.cells[at].getAttribute(attribute)
                                                                   : row.cells[at].innerText.trim());
        }""",
        [header, attribute],
    )


def check_events_table_sorts_by_keyboard(page) -> None:
    """Lesson 02's events: by date (Enter) both ways, by kind of event (Space); whole, every row, aria-sort."""
    expected = events_table()
    table = page.locator(EVENTS_TABLE).first
    table.scroll_into_view_if_needed()
    assert table.locator("tbody tr").count() == len(expected)
    assert sorted(column(table, "What happened")) == sorted(expected["What happened"])  # not one cut short

    assert press_sort(table, "Kind of event", " ") == "ascending"
    kinds = column(table, "Kind of event")
    assert kinds == sorted(expected["Kind of event"], key=str.casefold)
    # Within one kind, rows keep the lesson's own order (a press does not depend on the one before).
    assert [event for event, kind in zip(column(table, "Event"), kinds) if kind == kinds[0]] == \
        list(expected[expected["Kind of event"] == kinds[0]].Event)

    assert press_sort(table, "Date") == "ascending"
    assert table.locator("th:has(button:text-is('Kind of event'))").get_attribute("aria-sort") is None
    days = column(table, "Date", "data-sort")
    assert days == sorted(day.key.isoformat() for day in expected.Date)
    assert press_sort(table, "Date") == "descending"
    assert column(table, "Date", "data-sort") == sorted(days, reverse=True)
    assert table.locator("th[aria-sort]").count() == 1
    assert press_sort(table, "Date") is None  # the third press: the lesson's own order again
    assert column(table, "Event") == list(expected.Event)
    assert sorted(column(table, "What happened")) == sorted(expected["What happened"])


HOSTILE_CELLS = ['<img src=x onerror="window.top.pwned=1">', "</script><script>window.top.pwned=2</script>",
                 "{{ 7*7 }} ${window.top.pwned=3} {% if 1 %}", "<b>bold</b> & more", "Caracas", "Doral",
                 "Quito", "Bogotá"]


def hostile_frame() -> pd.DataFrame:
    """Eight rows, so the table is sortable, each holding text that would run if read as markup."""
    return pd.DataFrame({"Text": HOSTILE_CELLS, "Number": range(len(HOSTILE_CELLS), 0, -1)})


def check_hostile_table_shows_text_and_sorts(page) -> None:
    table = page.locator("table.hemisphere-full-table:has(:text-is('Number'))").first
    assert column(table, "Text") == HOSTILE_CELLS
    assert press_sort(table, "Number") == "ascending"
    assert column(table, "Text") == HOSTILE_CELLS[::-1]
    assert press_sort(table, "Text", " ") == "ascending"
    assert sorted(column(table, "Text")) == sorted(HOSTILE_CELLS)
    assert table.locator("img, b, script").count() == 0
    assert page.evaluate("() => window.pwned") is None
