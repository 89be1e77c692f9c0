"""Static charts (matplotlib) in the pack's palette, with hatching and value labels besides colour."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from .data import load_history
from .eras import ERAS, FIRST_YEAR, LAST_YEAR
from .history import INTERVENTION_CATEGORIES
from .palette import HISTORY_CATEGORY_STYLES, STATUS_STYLES

#: matplotlib hatches that echo each status's map pattern.
HATCHES = {"solid": "", "stripes": "///", "dots": "..", "lines": "---", "crosshatch": "xx", "plain": ""}


def group_shares_chart(totals: pd.DataFrame):
    """Population and GDP share of each status group, as labelled horizontal bars.

    ``totals`` is :func:`hemisphere.group_totals` output; the same numbers are its text alternative.
    """
    figure, axes = plt.subplots(1, 2, figsize=(10, 3.6), sharey=True)
    labels = totals.group.tolist()
    for axis, column, title in zip(axes, ("population_share", "gdp_share"), ("Share of population", "Share of GDP")):
        values = (totals[column] * 100).tolist()
        for position, (status, value) in enumerate(zip(totals.index, values)):
            style = STATUS_STYLES[status]
            axis.barh(position, value, color=style.colour, hatch=HATCHES[style.pattern],
                      edgecolor="#333333", linewidth=0.6)
            axis.text(value + 1, position, f"{value:.0f}%", va="center", fontsize=9)
        axis.set_title(title)
        axis.set_xlim(0, 100)
        axis.set_xlabel("% of the 35 states' total")
    axes[0].set_yticks(range(len(labels)), labels)
    axes[0].invert_yaxis()  # the axes share y, so once inverts both
    figure.tight_layout()
    return figure


#: matplotlib markers for the map's marker shapes, so the chart and the map look alike.
MARKERS = {"circle": "o", "square": "s", "triangle": "^", "triangle_down": "v", "diamond": "D", "star": "*",
           "cross": "P"}
ERA_SHADES = ("#EDEDED", "#FFFFFF")


def timeline_chart(history: pd.DataFrame | None = None, counted: tuple[str, ...] = INTERVENTION_CATEGORIES):
    """The whole record on one time axis: era bands, and one row of ticks per kind of event.

    Each event is a marker at its start year (a line shows how long it lasted); categories in
    ``counted`` (the recorded interventions) are labelled in bold. ``history`` defaults to
    :func:`hemisphere.load_history`; :func:`hemisphere.events_table` is the text alternative.
    """
    history = load_history() if history is None else history
    categories = [key for key in HISTORY_CATEGORY_STYLES if key in set(history.category)]
    row_of = {key: position for position, key in enumerate(categories)}
    figure, axis = plt.subplots(figsize=(11, 0.42 * len(categories) + 1.8))
    for number, item in enumerate(ERAS):
        axis.axvspan(item.first_year - 0.5, item.last_year + 0.5, color=ERA_SHADES[number % 2], zorder=0)
        axis.text((item.first_year + item.last_year) / 2, -0.75, textwrap.fill(item.label, 16), rotation=90,
                  ha="center", va="bottom", fontsize=8, color="#333333")
    for row in history.itertuples():
        style = HISTORY_CATEGORY_STYLES[row.category]
        y = row_of[row.category]
        start = row.start.year + (row.start.timetuple().tm_yday - 1) / 366
        end = row.end.year + (row.end.timetuple().tm_yday - 1) / 366
        if end - start >= 1:
            axis.plot([start, end], [y, y], color=style.colour, linewidth=2.5, alpha=0.6, zorder=2,
                      solid_capstyle="butt")
        axis.scatter([start], [y], marker=MARKERS[style.shape], s=150 if style.shape == "star" else 70, color=style.colour,
                     edgecolors="white", linewidths=0.8, zorder=3)
    axis.set_yticks(range(len(categories)), [HISTORY_CATEGORY_STYLES[key].label for key in categories], fontsize=9)
    for label, key in zip(axis.get_yticklabels(), categories):
        if key in counted:
            label.set_fontweight("bold")
    axis.set_ylim(len(categories) - 0.4, -4.2)  # top to bottom; the space above row 0 holds the era names
    axis.set_xlim(FIRST_YEAR - 3, LAST_YEAR + 3)
    axis.set_xlabel("Year (a marker is where an event began; a line shows how long it lasted)")
    axis.set_title("Two centuries of US policy in the Americas, by kind of event\n"
                   "(kinds in bold are counted as recorded interventions)", fontsize=11)
    axis.grid(axis="x", color="#BBBBBB", linewidth=0.5, zorder=1)
    figure.tight_layout()
    return figure
