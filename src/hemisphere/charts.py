"""Static charts and maps (matplotlib) in the pack's palette, with hatching and labels besides colour."""

from __future__ import annotations

import geopandas as gpd
import matplotlib.pyplot as plt
import pandas as pd

from .data import load_countries
from .geo import PROJECTIONS, WGS84, areas_km2, square_degrees
from .palette import NEUTRAL_GREY, OKABE_ITO, OUTLINE, SEA, STATUS_STYLES

#: matplotlib hatches that echo each status's map pattern.
HATCHES = {"solid": "", "stripes": "///", "dots": "..", "lines": "---", "crosshatch": "xx", "plain": ""}
#: The share columns :func:`group_shares_chart` knows, with their panel titles, in panel order.
SHARE_TITLES = {
    "area_share": "Share of land area",
    "population_share": "Share of population",
    "gdp_share": "Share of GDP",
}


def group_shares_chart(totals: pd.DataFrame):
    """Each status group's shares, one panel per share column of ``totals``, as labelled horizontal bars.

    ``totals`` is :func:`hemisphere.group_totals` output (population and GDP; with ``area=True``
    land area too); the same numbers are its text alternative.
    """
    columns = [column for column in SHARE_TITLES if column in totals]
    figure, axes = plt.subplots(1, len(columns), figsize=(5 * len(columns), 3.6), sharey=True, squeeze=False)
    axes = axes[0]
    labels = totals.group.tolist()
    for axis, column in zip(axes, columns):
        values = (totals[column] * 100).tolist()
        for position, (status, value) in enumerate(zip(totals.index, values)):
            style = STATUS_STYLES[status]
            axis.barh(position, value, color=style.colour, hatch=HATCHES[style.pattern],
                      edgecolor="#333333", linewidth=0.6)
            axis.text(value + 1, position, f"{value:.0f}%", va="center", fontsize=9)
        axis.set_title(SHARE_TITLES[column])
        axis.set_xlim(0, 100)
        axis.set_xlabel("% of the 35 states' total")
    axes[0].set_yticks(range(len(labels)), labels)
    axes[0].invert_yaxis()  # the axes share y, so once inverts both
    figure.tight_layout()
    return figure


#: The shapes the projection plot picks out: far north, and the largest state near the equator.
PROJECTION_HIGHLIGHTS = {
    "GRL": (OKABE_ITO["vermillion"], "xx"),
    "CAN": (OKABE_ITO["orange"], "---"),
    "BRA": (OKABE_ITO["bluish_green"], "///"),
}


def projection_comparison(countries: gpd.GeoDataFrame | None = None):
    """The Americas drawn on each of lesson 4's projections, side by side, with three shapes' areas.

    Each highlighted shape is labelled with its area as measured on that panel's projection, so the
    inflation can be read as numbers, not only seen; :func:`hemisphere.area_comparison` is the table.
    """
    countries = load_countries() if countries is None else countries
    figure, axes = plt.subplots(1, len(PROJECTIONS), figsize=(15, 6.2))
    for axis, (crs, title) in zip(axes, PROJECTIONS.items()):
        projected = countries.to_crs(crs)
        sizes = square_degrees(countries) if crs == WGS84 else areas_km2(countries, crs)
        projected.plot(ax=axis, color=NEUTRAL_GREY, edgecolor=OUTLINE, linewidth=0.2)
        for code, (colour, hatch) in PROJECTION_HIGHLIGHTS.items():
            shape = projected[projected.iso3 == code]
            shape.plot(ax=axis, color=colour, hatch=hatch, edgecolor=OUTLINE, linewidth=0.5)
            size = sizes[shape.index[0]]
            amount = f"{size:,.0f} sq. degrees" if crs == WGS84 else f"{size / 1e6:.1f} million km²"
            point = shape.geometry.iloc[0].representative_point()
            axis.annotate(f"{shape.name_en.iloc[0]}\n{amount}", (point.x, point.y), ha="center", fontsize=9,
                          bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.85, "linewidth": 0})
        axis.set_title(title)
        axis.set_facecolor(SEA)
        axis.set_xticks([])
        axis.set_yticks([])
        axis.set_xlabel("")
        axis.set_ylabel("")
        axis.set_aspect("equal")
    figure.suptitle("The same shapes on three projections: Greenland's true area is about a quarter of Brazil's")
    figure.tight_layout()
    return figure
