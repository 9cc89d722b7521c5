"""Read birth dates as people type them (1975.03, 1975年3月, 19750312 …) or as Excel dates,
also a date cell that lost its date format and shows only Excel's serial number (30000).

A month-only value keeps precision "month" with day 1; a day is never invented.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from app.roster_sheet.values import CellError
from app.serial_dates import serial_date
from app.vocabulary import BirthPrecision

BirthDate = tuple[date, str]  # (date, "day" | "month")

_SEPARATED = re.compile(
    r"(?P<y>\d{4})\s*[.\-/年]\s*(?P<m>\d{1,2})\s*(?:月|[.\-/月]\s*(?P<d>\d{1,2})\s*日?)?"
)
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})?")
_EARLIEST_YEAR = 1900
# A serial number read as a birth date must give a living deputy's age: 1975 is a year, not 1905.
_OLDEST_AGE = 100


def parse_birth(value: object, *, number_format: str = "General",
                today: date | None = None) -> BirthDate | None:
    """Return (date, precision) or None for an empty cell; raise CellError when unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime | date):
        return _from_excel_date(value, number_format)
    from_serial = _serial_birth(value, today=today or date.today())
    if from_serial is not None:
        return from_serial, BirthPrecision.DAY.value
    text = _cell_text(value, number_format)
    match = _SEPARATED.fullmatch(text) or _COMPACT.fullmatch(text)
    if not match:
        raise CellError(f"出生年月“{text}”无法识别，可写作 1975.03、1975年3月 或 1975-03-12")
    day = match.group("d")
    return _checked(text, year=int(match.group("y")), month=int(match.group("m")),
                    day=int(day) if day else None, today=today or date.today())


def _serial_birth(value: object, *, today: date) -> date | None:
    if not (isinstance(value, int) or (isinstance(value, float) and value.is_integer())):
        return None
    born = serial_date(value)
    if born is None or born > today or born.year < today.year - _OLDEST_AGE:
        return None
    return born


def _from_excel_date(value: date, number_format: str) -> BirthDate:
    # A cell formatted "yyyy-mm" or "yyyy年m月" was typed without a day: Excel stored day 1.
    moment = value.date() if isinstance(value, datetime) else value
    fmt = number_format.lower()
    if "y" in fmt and "d" not in fmt:
        return moment.replace(day=1), BirthPrecision.MONTH.value
    return moment, BirthPrecision.DAY.value


def _cell_text(value: object, number_format: str) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    decimals = re.fullmatch(r"0\.(0+)", number_format)
    if isinstance(value, float) and decimals:
        # 1975.10 typed into a "0.00" cell is stored as 1975.1; the format still shows .10.
        value = f"{value:.{len(decimals.group(1))}f}"
    return unicodedata.normalize("NFKC", str(value)).strip()


def _checked(text: str, *, year: int, month: int, day: int | None, today: date) -> BirthDate:
    try:
        born = date(year, month, day or 1)
    except ValueError:
        raise CellError(f"出生年月“{text}”不是有效日期") from None
    if born > today or year < _EARLIEST_YEAR:
        raise CellError(f"出生年月“{text}”不在合理范围内")
    return born, (BirthPrecision.DAY if day else BirthPrecision.MONTH).value
