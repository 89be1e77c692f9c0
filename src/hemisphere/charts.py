"""Static charts (matplotlib) in the pack's palette, with hatching and value labels besides colour."""

from __future__ import annotations

import io

import geopandas as gpd
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .palette import OUTLINE, SEA, STATUS_STYLES, TERRITORY_GREY, StatusStyle

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
