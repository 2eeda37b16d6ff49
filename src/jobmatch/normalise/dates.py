"""Calendar dates and month names in English, French and Spanish."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "fev": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # Spanish
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "set": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12, "dic": 12,
}
MONTH_NAME = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?(?P<m>{MONTH_NAME})\.?,?\s*(?:de\s+|del\s+)?(?P<y>\d{{4}})\b",
    re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<m>{MONTH_NAME})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})\b")
_DAY_MON_YEAR_DASH = re.compile(rf"\b(?P<d>\d{{1,2}})([-/])(?P<m>{MONTH_NAME})\2(?P<y>\d{{4}}|\d{{2}})\b", re.IGNORECASE)   # 10-Dec-2026, 10/Dec/2026


def _make(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_and_month(a: int, b: int, day_first: bool = True) -> tuple[int, int]:
    """(day, month) of a numeric date "a/b/yyyy": day first unless that leaves no month ("03/15/2019")."""
    day, month = (a, b) if day_first else (b, a)
    if month > 12 and day <= 12:
        day, month = month, day
    return day, month


def find_dates(text: str, day_first: bool = True) -> list[tuple[int, int, dt.date]]:
    """Every calendar date in the text as (start, end, date), in order; dd/mm/yyyy unless day_first=False."""
    found: list[tuple[int, int, dt.date]] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], date: dt.date | None) -> None:
        if date and not any(s < match.end() and match.start() < e for s, e in taken):
            found.append((match.start(), match.end(), date))
            taken.append(match.span())

    for m in _ISO.finditer(text):
        add(m, _make(int(m["y"]), int(m["m"]), int(m["d"])))
    for pattern in (_DAY_MONTH_YEAR, _DAY_MON_YEAR_DASH):
        for m in pattern.finditer(text):
            add(m, _make(int(m["y"]), MONTHS[m["m"].lower()], int(m["d"])))
    for m in _MONTH_DAY_YEAR.finditer(text):
        add(m, _make(int(m["y"]), MONTHS[m["m"].lower()], int(m["d"])))
    for m in _NUMERIC.finditer(text):
        day, month = day_and_month(int(m["a"]), int(m["b"]), day_first)
        add(m, _make(int(m["y"]), month, day))
    return sorted(found)


def parse_date(text: str, day_first: bool = True, last: bool = False) -> str | None:
    """The first (or last) date in the text as an ISO string, or None."""
    dates = find_dates(text, day_first)
    if not dates:
        return None
    return dates[-1 if last else 0][2].isoformat()
