"""Files that hang, exhaust or crash a naive loader get a short DataError instead, quickly."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hemisphere import DataError, preview_events_file, load_events
from hemisphere.data.errors import MAX_SHOWN_LINES
from hemisphere.data.safe_html import link_list, source_label
from hemisphere.data.tables import MAX_COLUMNS, MAX_FILE_BYTES
from support import write_csv

HEADER = "id,date,country_iso3,place,category,summary,source_urls,confidence"


def row(event_id="", date="2026-04-20", category="diplomatic") -> str:
    return f"{event_id},{date},MEX,Mexico City,{category},A meeting.,https://example.org/a,medium"


def refused_within(path, seconds: float) -> DataError:
    started = time.process_time()  # CPU time: a busy machine does not fail the test, a loader that spins does
    with pytest.raises(DataError) as caught:
        load_events(path)
    assert time.process_time() - started < seconds
    return caught.value


def load_in_a_child(path, seconds: float) -> str:
    """``load_events(path)`` in a child process with 2 GB of memory and a time limit: what it raised.

    A loader without the guards would block on a pipe or read a device until memory runs out; here
    that fails the test instead of hanging or exhausting the machine. The loader's CPU time is what is
    bounded, so a machine busy with other work does not fail the test.
    """
    script = textwrap.dedent(f"""
        import resource, time
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
        from hemisphere import DataError, load_events
        started = time.process_time()
        try:
            load_events({str(path)!r})
        except DataError as error:
            print(round(time.process_time() - started, 3), error.problems[0].message)
    """)
    try:
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=seconds + 30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path} did not return")
    assert result.returncode == 0, result.stderr[-2000:]
    took, message = result.stdout.split(" ", 1)
    assert float(took) < seconds, took
    return message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_with_no_writer_is_refused_at_once(tmp_path):
    pipe = tmp_path / "events.csv"
    os.mkfifo(pipe)
    assert "not a regular file" in load_in_a_child(pipe, 1)


@pytest.mark.parametrize(("device", "expected"), [("/dev/zero", "not a regular file"), ("/proc/self/mem", "cannot be read")])
def test_devices_and_unreadable_special_files_are_refused_at_once(device, expected):
    if not Path(device).exists():
        pytest.skip(f"{device} exists only on Linux")
    assert expected in load_in_a_child(device, 1)


def test_a_file_over_the_size_limit_is_refused_by_what_is_read(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w") as handle:
        handle.write(HEADER + "\n")
        line = row() + "\n"
        handle.write(line * (MAX_FILE_BYTES // len(line) + 2))
    assert "larger than 20 MB" in str(refused_within(path, 5))


def test_one_enormous_line_of_columns_is_refused_without_reading_it_as_cells(tmp_path):
    path = write_csv(tmp_path / "wide.csv", HEADER + "\n" + "x," * 9_000_000 + "\n")
    assert "longer than 100,000 characters" in str(refused_within(path, 5))
    wide_header = write_csv(tmp_path / "wide_header.csv", ",".join(f"c{i}" for i in range(MAX_COLUMNS + 1)) + "\n1\n")
    assert f"at most {MAX_COLUMNS}" in str(refused_within(wide_header, 5))


def test_a_20_mb_file_with_a_problem_on_every_row_gives_a_short_error_in_bounded_time_and_memory(tmp_path):
    """Measured in a fresh interpreter, so its peak memory is the loader's own plus the pack's imports."""
    path = tmp_path / "every_row_wrong.csv"
    with path.open("w") as handle:
        handle.write(HEADER + "\n")
        line = row(category="strike") + "\n"
        handle.write(line * ((MAX_FILE_BYTES - 100) // len(line)))
    script = textwrap.dedent(f"""
        import resource, time
        from hemisphere import DataError, load_events
        started = time.process_time()
        try:
            load_events({str(path)!r})
        except DataError as error:
            print(len(error.text().splitlines()), error._repr_html_().count("<li>"), error.total)
        print(time.process_time() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=True)
    counts, figures = result.stdout.splitlines()
    lines, items, total = map(int, counts.split())
    seconds, peak_mib = float(figures.split()[0]), int(figures.split()[1])
    assert lines < 100 and items <= MAX_SHOWN_LINES + 1 and total > 200_000
    assert seconds < 30 and peak_mib < 550, (seconds, peak_mib)  # 440-503 MiB measured, imports included


def test_one_problem_repeated_on_10000_rows_is_one_problem_and_a_line_of_rows(tmp_path):
    path = write_csv(tmp_path / "mine.csv", HEADER + "\n" + "\n".join(row(category="strike") for _ in range(10_000)))
    error = refused_within(path, 10)
    text = str(error)
    assert len(text.splitlines()) == 4, text
    assert 'the same problem in 9,999 more rows of column "category": rows 3-10,001' in text
    table = error.table()
    assert len(table) == 5_000 and set(table.column) == {"category"} and table.row.iloc[0] == 2


@pytest.mark.parametrize("date", ["0000-01-01", "10000-01-01", "9999-12-32", "9999-13-01", "0/1/2026"])
def test_dates_out_of_range_are_problems_of_their_row_and_the_other_problems_still_show(tmp_path, date):
    path = write_csv(tmp_path / "mine.csv", "\n".join([HEADER, row(date=date), row(category="strike")]))
    error = preview_events_file(path)
    assert isinstance(error, DataError)
    rows = {(problem.row, problem.column) for problem in error.problems}
    assert (2, "date") in rows and (3, "category") in rows


def test_the_last_day_a_calendar_allows_still_loads(tmp_path):
    events = load_events(write_csv(tmp_path / "mine.csv", "\n".join([HEADER, row(date="9999-12-31")])))
    assert events.iloc[0].date.year == 9999


def test_an_id_typed_in_one_row_and_generated_for_another_is_refused(tmp_path):
    path = write_csv(tmp_path / "mine.csv", "\n".join([HEADER, row(), row(event_id="MY-2")]))
    error = refused_within(path, 5)
    assert [(p.row, p.column, p.value) for p in error.problems] == [(3, "id", "MY-2")]
    assert "row 2" in error.problems[0].message
    typed_twice = write_csv(tmp_path / "twice.csv", "\n".join([HEADER, row(event_id="MY-A"), row(event_id="MY-A")]))
    assert "repeats the id" in str(refused_within(typed_twice, 5))


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://bb\u0441.com/news", "xn--bb-pmc.com"),  # a Cyrillic "с" in place of the Latin "c"
        ("https://bbc.co.uk@evil.example/news", "evil.example"),
        ("https://user:secret@www.example.org:8443/a", "example.org"),
        ("https://www.BBC.co.uk/news", "bbc.co.uk"),
    ],
)
def test_link_labels_show_the_host_a_link_really_leads_to(url, label):
    assert source_label(url) == label
    assert f">{label}</a>" in link_list([url])


def test_rows_with_the_same_problem_far_apart_are_named_by_their_runs_then_the_last(tmp_path):
    rows = [row(event_id=f"MY-{n}", category="strike" if n % 3 == 0 else "diplomatic") for n in range(30)]
    error = refused_within(write_csv(tmp_path / "mine.csv", "\n".join([HEADER, *rows])), 5)
    assert 'the same problem in 9 more rows of column "category": rows 5, 8, 11, 14, ... 29' in str(error)
