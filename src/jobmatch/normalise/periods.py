"""Date ranges of CVs ("2015-2019", "Mar 2019 to present", "since 2021", "01/2018 - 06/2020") and
the union of periods, so overlapping jobs are not counted twice."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from jobmatch.normalise.dates import MONTH_NAME, MONTHS, day_and_month

# A point in time: "2019", "Mar 2019", "mars de 2019", "1 March 2019", "March 1, 2019", "1er mars 2019",
# "03/2019", "03.2019", ISO "2019-03" / "2019-03-01", and a full date "01/03/2019" (Europass), read
# day first unless the second number cannot be a month ("03/15/2019"), and year first as East Asian CVs write
# it, "2016.08" or "2016/08" (not "2010/11", which is as often an academic year).
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_POINT_TEMPLATE = (r"(?:(?P<PFXiy>(?:19|20)\d\d)-(?P<PFXim>0[1-9]|1[0-2])(?:-" + _DAY + r")?(?![\d])"
                   r"|(?P<PFXry>(?:19|20)\d\d)(?:\.(?P<PFXrm>0?[1-9]|1[0-2])|/(?P<PFXrz>0[1-9]))(?![\d/.])"
                   rf"|(?:(?:{_DAY}(?:er|st|nd|rd|th)?\s+(?:de\s+)?)?(?P<PFXm>{MONTH_NAME})\.?,?\s+(?:{_DAY},?\s+)?(?:de\s+)?)?"
                   r"(?P<PFXy>(?:19|20)\d\d)"
                   r"|(?P<PFXda>" + _DAY + r")\s*[/.]\s*(?P<PFXdb>" + _DAY + r")\s*[/.]\s*(?P<PFXdy>(?:19|20)\d\d)"
                   r"|(?P<PFXnm>0?[1-9]|1[0-2])\s*[/.]\s*(?P<PFXny>(?:19|20)\d\d))")


def _point_pattern(prefix: str) -> str:
    return _POINT_TEMPLATE.replace("PFX", prefix)



_PRESENT = (r"present|current(?:ly)?|now|today|date|ongoing|aujourd'hui|aujourd’hui|à ce jour|ce jour|présent|"
            r"(?:a |hasta )?la fecha|(?:a |hasta )?la actualidad|actualmente|(?:a |hasta )?hoy|"
            r"actuel(?:lement)?|en cours|actualidad|presente|hoy|la fecha|actual|heute|"
            r"(?:jusqu['’]à )?(?:à )?présent|jusqu['’]à (?:ce jour|aujourd['’]hui)|en poste|auj\.|en curso|(?:hasta )?ahora|act\.")
_SEP = (r"\s*(?:-|–|—|−|to|until|till|à|au|a|hasta|al|→|>)\s*(?:to:?\s*)?"
        r"(?:(?:expected|anticipated|prévue?|prevista?|previsto)\s+(?:(?:in|en)\s+)?)?")   # "2022 – expected 2027"
# A leading "From:" / "du" / "desde ... hasta" is matched but left out of the span (GUIDE.md, DATE_RANGE).
_FROM = r"(?P<lead>(?:from|de|du|desde|del)\s*:?\s*)?"
RANGE_REGEX = re.compile(
    rf"(?<![\w/]){_FROM}{_point_pattern('s')}{_SEP}(?:{_point_pattern('e')}|(?P<present>{_PRESENT}))(?![\w/])",
    re.IGNORECASE)
SINCE_REGEX = re.compile(rf"(?<![\w])(?:since|depuis|desde)\s+(?:(?:le|el)\s+)?{_point_pattern('s')}(?![\w/])",
                         re.IGNORECASE)
# "Février – juillet 2020", "Jan – Jun 2019": the start month takes the end's year.
MONTHS_REGEX = re.compile(rf"(?<![\w/])(?P<sm>{MONTH_NAME})\.?\s*(?:-|–|—|to|à|au|a|hasta)\s*(?P<em>{MONTH_NAME})\.?,?\s+(?:de\s+)?"
                          r"(?P<ey>(?:19|20)\d\d)(?![\w/])", re.IGNORECASE)
# "2016–19", "2008–10": the end year in two digits. Not after a plain hyphen or slash when the two
# digits could be a month ("2019-03" is March 2019, "2010/11" an academic year).
SHORT_END_REGEX = re.compile(r"(?<![\w/.:-])(?P<sy>(?:19|20)\d\d)\s*(?P<sep>[-/]|[–—−]|\s(?:to|à|a|al|au)\s)\s*(?P<ey>\d\d)"
                             r"(?![\w/]|[.,]\d|\s*[-–/.]\s*\d)")
MAX_SHORT_END_SPAN = 30
# "between 2012 and 2014", "entre 2012 y 2014", "entre mars 2012 et juin 2014".
BETWEEN_REGEX = re.compile(rf"(?<![\w])(?P<lead>(?:between|entre)\s+){_point_pattern('s')}\s+(?:and|et|y|e)\s+{_point_pattern('e')}(?![\w/])",
                           re.IGNORECASE)
P11_REGEX = re.compile(rf"(?P<lead>from\s*[:|]?\s*){_point_pattern('s')}[\s,;|]*to\s*[:|]?\s*(?:{_point_pattern('e')}|(?P<present>{_PRESENT}))",
                       re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    start: int                  # character offsets in the text
    end: int
    start_month: str            # "YYYY-MM"
    end_month: str              # "YYYY-MM" or "present"

    def months(self, reference: str) -> int:
        return months_between(self.start_month, self.end_month, reference)


def _month_index(value: str) -> int:
    year, month = value.split("-")
    return int(year) * 12 + int(month) - 1


def months_between(start: str, end: str, reference: str) -> int:
    """Months from start to end inclusive; 'present' is the reference month."""
    end_month = reference[:7] if end == "present" else end
    return max(0, _month_index(end_month) - _month_index(start) + 1)


def _point(m: re.Match[str], prefix: str, is_end: bool) -> str | None:
    if m.group(f"{prefix}iy"):
        year, month = int(m.group(f"{prefix}iy")), int(m.group(f"{prefix}im"))
    elif m.group(f"{prefix}y"):
        year = int(m.group(f"{prefix}y"))
        name = m.group(f"{prefix}m")
        month = MONTHS[name.lower()] if name else (12 if is_end else 1)
    elif m.group(f"{prefix}dy"):
        _, month = day_and_month(int(m.group(f"{prefix}da")), int(m.group(f"{prefix}db")))
        if month > 12:
            return None
        year = int(m.group(f"{prefix}dy"))
    elif m.group(f"{prefix}ny"):
        year, month = int(m.group(f"{prefix}ny")), int(m.group(f"{prefix}nm"))
    elif m.group(f"{prefix}ry"):
        year, month = int(m.group(f"{prefix}ry")), int(m.group(f"{prefix}rm") or m.group(f"{prefix}rz"))
    else:
        return None
    return f"{year:04d}-{month:02d}"


def find_date_ranges(text: str) -> list[DateRange]:
    """Every period in the text, in order; overlapping matches keep the longer one."""
    return list(_date_ranges(text))


@lru_cache(maxsize=32)
def _date_ranges(text: str) -> tuple[DateRange, ...]:
    """find_date_ranges, kept for the last texts: a CV's jobs, education and claims each read the
    periods of the same text, and the range pattern is the costliest of the CV rules."""
    found: list[DateRange] = []
    for regex in (P11_REGEX, BETWEEN_REGEX, RANGE_REGEX, SINCE_REGEX):
        for m in regex.finditer(text):
            if any(r.start < m.end() and m.start() < r.end for r in found):
                continue
            start = _point(m, "s", False)
            if start is None:
                continue
            if regex is SINCE_REGEX or m.groupdict().get("present"):
                end = "present"
            else:
                end = _point(m, "e", True)
                if end is None or end < start:
                    continue
            found.append(DateRange(m.end("lead") if m.groupdict().get("lead") else m.start(), m.end(), start, end))
    for m in SHORT_END_REGEX.finditer(text):
        if any(r.start < m.end() and m.start() < r.end for r in found):
            continue
        start_year, two_digits = int(m["sy"]), int(m["ey"])
        if m["sep"] in "-/" and two_digits <= 12:
            continue
        end_year = start_year // 100 * 100 + two_digits
        end_year += 100 if end_year < start_year else 0      # "1998–02"
        if 0 < end_year - start_year <= MAX_SHORT_END_SPAN:
            found.append(DateRange(m.start(), m.end(), f"{start_year:04d}-01", f"{end_year:04d}-12"))
    for m in MONTHS_REGEX.finditer(text):
        if any(r.start < m.end() and m.start() < r.end for r in found):
            continue
        start_month, end_month, year = MONTHS[m["sm"].lower()], MONTHS[m["em"].lower()], int(m["ey"])
        start_year = year if start_month <= end_month else year - 1   # "Nov – Feb 2020" starts in 2019
        found.append(DateRange(m.start(), m.end(), f"{start_year:04d}-{start_month:02d}", f"{year:04d}-{end_month:02d}"))
    return tuple(sorted(found, key=lambda r: r.start))


def years_from_months(months: int) -> float:
    """Years to one decimal with halves rounded up, as the annotation guide counts them (51 months
    = 4.25 -> 4.3; Python's round gives 4.2)."""
    return float((Decimal(months) / 12).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def union_years(periods: list[tuple[str, str]], reference: str) -> float:
    """Years covered by the union of (start, end) month periods, rounded to one decimal."""
    intervals = sorted((_month_index(s), _month_index(reference[:7] if e == "present" else e)) for s, e in periods)
    total = 0
    current_start, current_end = None, None
    for start, end in intervals:
        if end < start:
            continue
        if current_end is None or start > current_end + 1:
            if current_end is not None:
                total += current_end - current_start + 1
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += current_end - current_start + 1
    return years_from_months(total)
