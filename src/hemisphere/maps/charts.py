"""Static charts and maps (matplotlib) in the pack's palette, with hatching and labels besides colour."""

from __future__ import annotations

import io
import textwrap
from contextlib import contextmanager

import geopandas as gpd
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import shapely
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..data.loaders import load_countries, load_history, load_seas, load_strike_tallies
from ..data.eras import ERAS, FIRST_YEAR, LAST_YEAR
from ..topics.geo import (AMERICAS_EQUAL_AREA, DORAL, GEOD, PROJECTIONS, WGS84, Place, areas_km2, distances_from_doral,
                  operation_points, square_degrees, strikes_by_sea)
from ..topics.history import INTERVENTION_CATEGORIES
from .palette import (EVENT_CATEGORY_STYLES, HISTORY_CATEGORY_STYLES, NEUTRAL_GREY, OKABE_ITO, OUTLINE, SEA,
                      SEA_STYLES, STATUS_STYLES, TERRITORY_GREY, StatusStyle)
from ..topics.coalition import SUMMIT_DATE
from ..topics.operations import RAID_DATE

#: matplotlib hatches that echo each map pattern.
HATCHES = {"solid": "", "stripes": "///", "dots": "..", "lines": "---", "crosshatch": "xx", "checks": "++",
           "plain": ""}
#: The share columns :func:`group_shares_chart` knows, with their panel titles, in panel order.
SHARE_TITLES = {
    "area_share": "Share of area",
    "population_share": "Share of population",
    "gdp_share": "Share of GDP",
}


def group_shares_chart(totals: pd.DataFrame):
    """Each status group's shares, one panel per share column of ``totals``, as labelled horizontal bars.

    ``totals`` is :func:`hemisphere.group_totals` output (population and GDP; with ``area=True``
    area too); the same numbers are its text alternative.
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
    :func:`hemisphere.topics.operations.tally_table`. ``milestones`` ({label: date}) draws dashed markers.
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


@contextmanager
def _one_draw(figure):
    """geopandas redraws the whole figure after every layer it adds; skip those, the notebook draws once."""
    figure.canvas.draw_idle = lambda *args, **kwargs: None
    try:
        yield figure
    finally:
        del figure.canvas.draw_idle


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
    with _one_draw(figure):
        _draw_projections(countries, axes)
    figure.suptitle("The same shapes on three projections: Greenland's true area is about a quarter of Brazil's")
    figure.tight_layout()
    return figure


def _draw_projections(countries: gpd.GeoDataFrame, axes) -> None:
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
        axis.set_aspect("equal")
        _without_axes_marks(axis)


#: matplotlib markers for the palette's event shapes.
MARKERS = {"circle": "o", "square": "s", "triangle": "^", "triangle_down": "v", "diamond": "D", "star": "*",
           "cross": "X"}
#: Distance rings drawn around Doral, km.
RINGS_KM = (1000, 2000, 3000)
#: The part of the Americas the distance and sea maps show (west, south, east, north), degrees.
REACH_BOUNDS = (-120.0, -12.0, -55.0, 34.0)


def _ring(radius_km: float, origin: Place = DORAL, points: int = 180):
    """A circle of equal geodesic distance around ``origin``, as a line in longitude/latitude."""
    azimuths = np.linspace(0, 360, points + 1)
    lons, lats, _ = GEOD.fwd(np.full(azimuths.shape, origin.lon), np.full(azimuths.shape, origin.lat),
                             azimuths, np.full(azimuths.shape, radius_km * 1000))
    return shapely.LineString(zip(lons, lats))


def _americas_base(axis, crs: str, bounds=REACH_BOUNDS):
    """Grey states on a sea-blue ground, in ``crs``, framed on ``bounds`` (given in degrees)."""
    countries = load_countries().to_crs(crs)
    countries.plot(ax=axis, color=NEUTRAL_GREY, edgecolor="white", linewidth=0.4)
    frame = gpd.GeoSeries([shapely.box(*bounds).segmentize(1)], crs=WGS84).to_crs(crs).total_bounds
    axis.set_xlim(frame[0], frame[2])
    axis.set_ylim(frame[1], frame[3])
    axis.set_facecolor(SEA)
    axis.set_aspect("equal")


def _without_axes_marks(*axes) -> None:
    """No ticks or axis titles on a map (geopandas labels the axes with the CRS's units on each plot)."""
    for axis in axes:
        axis.set(xticks=[], yticks=[], xlabel="", ylabel="")


def _stacked_markers(axis, points: gpd.GeoDataFrame, style, label: str) -> None:
    """One marker per place, larger and labelled when several rows share the place (nominal points do)."""
    places = points.groupby([points.geometry.x, points.geometry.y]).size()
    xs, ys = places.index.get_level_values(0), places.index.get_level_values(1)
    axis.scatter(xs, ys, s=50 + 30 * places.to_numpy(), color=style.colour, marker=MARKERS[style.shape],
                 edgecolor="black", linewidth=0.6, zorder=3, label=label)
    for (x, y), rows in places.items():
        if rows > 1:
            axis.annotate(f"{rows} rows", (x, y), xytext=(9, -4), textcoords="offset points", fontsize=8)


def reach_map(operations: pd.DataFrame | None = None):
    """The uses of force from :func:`hemisphere.distances_from_doral`, around rings of equal distance.

    Drawn on the equal-area projection; each category has its own marker shape and the legend names
    it. The table :func:`hemisphere.distances_from_doral` is the text version.
    """
    table = distances_from_doral(operations)
    points = operation_points(operations).set_index("id").loc[table.index].to_crs(AMERICAS_EQUAL_AREA)
    figure, axis = plt.subplots(figsize=(8, 6.5))
    with _one_draw(figure):
        _americas_base(axis, AMERICAS_EQUAL_AREA)
        rings = gpd.GeoSeries([_ring(radius) for radius in RINGS_KM], crs=WGS84).to_crs(AMERICAS_EQUAL_AREA)
        rings.plot(ax=axis, color=OUTLINE, linewidth=0.8, linestyle="--")
        for radius, ring in zip(RINGS_KM, rings):
            west = min(ring.coords, key=lambda xy: xy[0])
            axis.annotate(f"{radius:,} km", west, ha="right", va="center", fontsize=8, color=OUTLINE)
        # the most frequent category first, so rarer ones (the raid) are drawn on top
        for category in points.category.value_counts().index:
            group = points[points.category == category]
            style = EVENT_CATEGORY_STYLES[category]
            _stacked_markers(axis, group, style, f"{style.label} ({len(group)} rows)")
        doral = gpd.GeoSeries(gpd.points_from_xy([DORAL.lon], [DORAL.lat]), crs=WGS84).to_crs(AMERICAS_EQUAL_AREA)
        doral.plot(ax=axis, color="white", edgecolor="black", marker="*", markersize=260, zorder=4,
                   label="Doral, Florida (SOUTHCOM headquarters)")
        axis.legend(loc="lower left", fontsize=8, framealpha=0.95)
        _without_axes_marks(axis)
        axis.set_title("US uses of force in the pack's data, by distance from Doral\n"
                       "(most positions are nominal: see the table)")
    figure.tight_layout()
    return figure


def maritime_campaign(operations: pd.DataFrame | None = None):
    """The two seas with the boat-strike rows placed in them (left), and the rows per sea by month (right).

    :func:`hemisphere.strikes_by_sea` is the text version of the bars.
    """
    counts = strikes_by_sea(operations)
    seas = load_seas().to_crs(AMERICAS_EQUAL_AREA)
    strikes = operation_points(operations).query("category == 'maritime_strike'").to_crs(AMERICAS_EQUAL_AREA)
    figure, (map_axis, bar_axis) = plt.subplots(1, 2, figsize=(14, 5.2), gridspec_kw={"width_ratios": [1.25, 1]})
    with _one_draw(figure):
        _americas_base(map_axis, AMERICAS_EQUAL_AREA, bounds=(-112.0, -6.0, -57.0, 26.0))
        for sea in seas.itertuples():
            colour, hatch = SEA_STYLES[sea.name_en]
            seas[seas.sea == sea.sea].plot(ax=map_axis, color=colour, alpha=0.35, hatch=hatch, edgecolor=OUTLINE,
                                           linewidth=0.5)
        style = EVENT_CATEGORY_STYLES["maritime_strike"]
        _stacked_markers(map_axis, strikes, style, "Strike on a boat (nominal position)")
        sea_keys = [Patch(facecolor=SEA_STYLES[name][0], alpha=0.5, hatch=SEA_STYLES[name][1], edgecolor=OUTLINE,
                          label=name) for name in counts.columns]
        strike_key = Line2D([], [], color=style.colour, marker=MARKERS[style.shape], linestyle="",
                            markeredgecolor="black", label="Strike on a boat (nominal position)")
        map_axis.legend(handles=[*sea_keys, strike_key], loc="lower left", fontsize=8, framealpha=0.95)
        map_axis.set_title("Where the pack places each boat-strike row")
        _without_axes_marks(map_axis)
        months = [month.strftime("%b %Y") for month in counts.index]  # pandas 2 Periods take no f-string format
        width = 0.4
        for offset, name in zip((-width / 2, width / 2), counts.columns):
            colour, hatch = SEA_STYLES[name]
            bars = bar_axis.bar(np.arange(len(months)) + offset, counts[name], width, color=colour, hatch=hatch,
                                edgecolor="#333333", label=name)
            bar_axis.bar_label(bars, fontsize=8)
        bar_axis.set_xticks(range(len(months)), months, rotation=45, ha="right")
        bar_axis.set_ylabel("rows of operations.csv")
        bar_axis.yaxis.get_major_locator().set_params(integer=True)
        bar_axis.legend(fontsize=8)
        bar_axis.set_title("Boat-strike rows in each sea, by month")
    figure.tight_layout()
    return figure


#: Alternating shades of the era bands on the timeline.
ERA_SHADES = ("#EDEDED", "#FFFFFF")


def timeline_chart(history: pd.DataFrame | None = None, counted: tuple[str, ...] = INTERVENTION_CATEGORIES):
    """The whole record on one time axis: era bands, and one row of ticks per kind of event.

    Each event is a marker at its start year (a line shows how long it lasted); categories in
    ``counted`` (the recorded interventions) are labelled in bold. ``history`` defaults to
    :func:`hemisphere.load_history`; the era explorer's table of events is the text alternative.
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
