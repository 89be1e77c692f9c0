"""A small history, comparisons and glossary fixture whose counts can be worked out by hand."""

from __future__ import annotations

from pathlib import Path

from support import write_csv

HISTORY_HEADER = ("id,start_date,end_date,era,country_iso3,place,lat,lon,location_basis,category,title,summary,"
                  "source_urls,confidence\n")
HISTORY_ROWS = [
    "F1,1846-05-13,1848-02-02,monroe,MEX,Mexico City,19.43,-99.13,site,war,War A,Summary A.,https://example.org/a,high",
    "F2,1906-09-29,1909,imperial,CUB,Havana,23.11,-82.37,site,occupation,Occupation B,Summary B.,https://example.org/b,high",
    "F3,1914-04,,imperial,MEX,Veracruz,19.17,-96.13,site,intervention,Landing C,Summary C.,https://example.org/c,medium",
    "F4,1933,,good_neighbor,USA,\"Washington, D.C.\",38.90,-77.04,site,doctrine,Doctrine D,Summary D.,https://example.org/d,high",
    "F5,1961-04-17,1961-04-19,cold_war,CUB,Bay,22.07,-81.03,site,covert_action,Landing E,Summary E.,https://example.org/e,high",
    "F6,1962-02-03,,cold_war,CUB,Havana,23.11,-82.37,capital,sanctions,Embargo F,Summary F.,https://example.org/f,high",
    "F7,1989-12-20,,cold_war,PAN,Panama City,8.98,-79.52,site,invasion,Invasion G,Summary G.,https://example.org/g | https://example.org/g2,high",
    "F8,2026-01-03,,2025_26,VEN,Caracas,10.44,-66.90,site,intervention,Raid H,Summary H.,https://example.org/h,high",
]
COMPARISONS_HEADER = "event_id,aspect,text,source_urls,confidence\n"
COMPARISON_ROWS = [
    "F7,stated_basis,Basis of G.,https://example.org/g | https://example.org/g3,high",
    "F7,forces,Forces of G.,https://example.org/g4,medium",
    "F8,stated_basis,Basis of H.,https://example.org/h2,high",
    "F8,outcome,Outcome of H.,https://example.org/h3,low",
]


def write_history(folder: Path, rows: list[str] = HISTORY_ROWS) -> Path:
    return write_csv(folder / "history.csv", HISTORY_HEADER + "\n".join(rows) + "\n")


def write_comparisons(folder: Path, rows: list[str] = COMPARISON_ROWS) -> Path:
    return write_csv(folder / "comparisons.csv", COMPARISONS_HEADER + "\n".join(rows) + "\n")
