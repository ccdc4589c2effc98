"""Calendar arithmetic the resolver needs: Hijri to Gregorian, months and weeks."""

from __future__ import annotations

import datetime as dt

_HIJRI_EPOCH = 1948440  # Julian day number of 1 Muharram 1 AH, civil epoch (16 July 622)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The tabular (arithmetical) Islamic calendar; official calendars may differ by a day."""
    jdn = (day + (59 * (month - 1) + 1) // 2 + 354 * (year - 1)
           + (3 + 11 * year) // 30 + _HIJRI_EPOCH - 1)
    return dt.date.fromordinal(jdn - 1721425)


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int]:
    jdn = date.toordinal() + 1721425
    year = (30 * (jdn - _HIJRI_EPOCH) + 10646) // 10631
    month = min(12, -(-(jdn - 29 - hijri_to_gregorian(year, 1, 1).toordinal() - 1721425) // 29.5) + 1)
    month = int(month)
    day = jdn - (hijri_to_gregorian(year, month, 1).toordinal() + 1721425) + 1
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
