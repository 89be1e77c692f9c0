"""Static charts (matplotlib) in the pack's palette, with hatching and value labels besides colour."""

from __future__ import annotations

import io

import geopandas as gpd
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .data import load_strike_tallies
from .palette import EVENT_CATEGORY_STYLES, OKABE_ITO, OUTLINE, SEA, STATUS_STYLES, TERRITORY_GREY, StatusStyle
from .timeline import RAID_DATE, SUMMIT_DATE

#: matplotlib hatches that echo each status's map pattern.
HATCHES = {"solid": "", "stripes": "///", "dots": "..", "lines": "---", "crosshatch": "xx", "checks": "++",
           "plain": ""}


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


#: Longitude and latitude limits of a locator map: the Americas from Patagonia to southern Canada.
LOCATOR_EXTENT = ((-128.0, -32.0), (-56.0, 58.0))
LOCATOR_SMALL_AREA = 1.5  # square degrees: smaller states also get a ring, so they can be seen


def locator_map_png(frame: gpd.GeoDataFrame, iso3: str, style: StatusStyle) -> bytes:
    """A small static map (PNG) of the Americas with one state in its category's colour and pattern.

    For printed cards and widgets, where an interactive map would be heavy; a ring marks a small state.
    Drawn on a bare Figure (no pyplot), so it leaves no open figures behind in the notebook.
    """
    figure = Figure(figsize=(2.4, 2.9), dpi=90)
    axis = figure.add_axes((0, 0, 1, 1))
    axis.set_facecolor(SEA)
    frame.plot(ax=axis, color=TERRITORY_GREY, edgecolor="#999999", linewidth=0.2)
    target = frame[frame.iso3 == iso3]
    target.plot(ax=axis, color=style.colour, hatch=HATCHES[style.pattern], edgecolor=OUTLINE, linewidth=0.9)
    shape = target.geometry.iloc[0]
    if shape.area < LOCATOR_SMALL_AREA:
        point = shape.representative_point()
        axis.plot(point.x, point.y, marker="o", markersize=14, markerfacecolor="none", markeredgecolor=OUTLINE,
                  markeredgewidth=1.5)
    (west, east), (south, north) = LOCATOR_EXTENT
    axis.set_xlim(west, east)
    axis.set_ylim(south, north)
    axis.set_axis_off()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor=SEA)
    return buffer.getvalue()


QUALIFIER_MARKS = {"exact": "", "about": "~", "at least": "≥"}


def strike_tally_chart(tallies: pd.DataFrame, milestones: dict[str, object] | None = None):
    """Strikes on boats and reported deaths over time, as two stepped lines with labelled points.

    ``tallies`` is :func:`hemisphere.load_strike_tallies` output; its table form is
    :func:`hemisphere.timeline.tally_table`. ``milestones`` ({label: date}) draws dashed markers.
    Points are labelled with their values (``~`` about, ``≥`` at least), so colour is not needed.
    """
    ordered = tallies.sort_values("as_of")
    dates = pd.to_datetime(ordered.as_of.map(str))
    figure, axes = plt.subplots(2, 1, figsize=(10, 6), sharex=True)
    strike_style = EVENT_CATEGORY_STYLES["maritime_strike"]
    panels = (
        (axes[0], "strikes", "strikes_qualifier", "Strikes on boats (running total)", strike_style.colour, "^"),
        (axes[1], "deaths", "deaths_qualifier", "People reported killed (running total)", OKABE_ITO["blue"], "s"),
    )
    for axis, column, qualifier, title, colour, marker in panels:
        axis.step(dates, ordered[column], where="post", color=colour, linewidth=1.8)
        axis.plot(dates, ordered[column], linestyle="none", marker=marker, color=colour,
                  markeredgecolor="#222222", markersize=7)
        for when, value, how in zip(dates, ordered[column], ordered[qualifier]):
            axis.annotate(f"{QUALIFIER_MARKS[how]}{value}", (when, value), textcoords="offset points",
                          xytext=(0, 7), ha="center", fontsize=8)
        axis.set_title(title, loc="left", fontsize=11)
        axis.set_ylim(0, ordered[column].max() * 1.2)
        axis.grid(axis="y", color="#DDDDDD")
        for label, when in (milestones or {}).items():
            axis.axvline(pd.Timestamp(str(when)), color="#444444", linestyle="--", linewidth=1)
            if axis is axes[0]:
                axis.annotate(label, (pd.Timestamp(str(when)), axis.get_ylim()[1]), xytext=(3, -12),
                              textcoords="offset points", fontsize=8)
    axes[1].set_xlim(right=dates.max() + pd.Timedelta(days=20))  # room for the last labels
    axes[1].xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    axes[1].set_xlabel("Date of the count (each point is one published tally; ~ about, ≥ at least)")
    figure.tight_layout()
    return figure


def strike_chart(tallies: pd.DataFrame | None = None):
    """Lesson 2's chart: strikes and reported deaths over time, with the Caracas raid and the summit marked."""
    tallies = load_strike_tallies() if tallies is None else tallies
    return strike_tally_chart(tallies, {"Caracas raid": RAID_DATE, "Doral summit": SUMMIT_DATE})
