"""Static charts (matplotlib) in the pack's palette, with hatching and value labels besides colour."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .palette import STATUS_STYLES

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
