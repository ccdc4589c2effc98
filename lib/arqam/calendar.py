"""Calendar arithmetic the resolver needs: Hijri to Gregorian, months and weeks."""

from __future__ import annotations

import datetime as dt

_HIJRI_EPOCH = 1948440  # Julian day number of 1 Muharram 1 AH, civil epoch (16 July 622)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Umm al-Qura calendar (Saudi Arabia's, which most papers follow) where its
    tables reach (1343–1500 AH), the arithmetical calendar elsewhere."""
    try:
        from hijridate import Hijri

        return Hijri(year, month, day).to_gregorian()
    except (ImportError, ValueError, OverflowError):
        return _tabular_to_gregorian(year, month, day)


def _tabular_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The arithmetical Islamic calendar; an observed month may start a day apart."""
    jdn = (day + (59 * (month - 1) + 1) // 2 + 354 * (year - 1)
           + (3 + 11 * year) // 30 + _HIJRI_EPOCH - 1)
    return dt.date.fromordinal(jdn - 1721425)


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int]:
    try:
        from hijridate import Gregorian

        h = Gregorian(date.year, date.month, date.day).to_hijri()
        return h.year, h.month, h.day
    except (ImportError, ValueError, OverflowError):
        return _tabular_to_hijri(date)


def _tabular_to_hijri(date: dt.date) -> tuple[int, int, int]:
    jdn = date.toordinal() + 1721425
    year = (30 * (jdn - _HIJRI_EPOCH) + 10646) // 10631
    month = min(12, -(-(jdn - 29 - _tabular_to_gregorian(year, 1, 1).toordinal() - 1721425) // 29.5) + 1)
    month = int(month)
    day = jdn - (_tabular_to_gregorian(year, month, 1).toordinal() + 1721425) + 1
    return year, month, day


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> dt.date:
    y, m = add_months(year, month, 1)
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def latest_month(month: int, ref: dt.date) -> int:
    """The year of the latest such month up to the reference month (news look back)."""
    return ref.year if month <= ref.month else ref.year - 1


def next_month(month: int, ref: dt.date) -> int:
    """The year of the next such month from the reference month on (announcements look ahead)."""
    return ref.year if month >= ref.month else ref.year + 1


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def hijri_month_in(gregorian_year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a Hijri month that begins in a Gregorian year."""
    first_hijri = gregorian_to_hijri(dt.date(gregorian_year, 1, 1))[0]
    for year in (first_hijri, first_hijri + 1):
        start = hijri_to_gregorian(year, month, 1)
        if start.year == gregorian_year:
            nxt = hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
    start = hijri_to_gregorian(first_hijri, month, 1)
    return start, hijri_to_gregorian(first_hijri + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """The n-th (1…5, or -1 for the last) given ISO weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        return day if day.month == month else None
    last = month_end(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def nth_week(year: int, month: int, n: int) -> tuple[dt.date, dt.date]:
    """The n-th week (Monday to Sunday) that starts in a month; -1 is the last one
    that also ends in it."""
    first_monday = nth_weekday(year, month, 1, 1)
    if n > 0:
        start = first_monday + dt.timedelta(days=7 * (n - 1))
    else:
        start = nth_weekday(year, month, 1, -1)
        if (start + dt.timedelta(days=6)).month != month:
            start -= dt.timedelta(days=7)
    return start, start + dt.timedelta(days=6)
