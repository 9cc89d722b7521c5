"""Excel keeps a date as a serial number of days; a date typed or pasted into a cell without a
date format shows only that number (30000 for 1982-02-18). Every reader of a date cell uses this."""
from __future__ import annotations

from datetime import date

from openpyxl.utils.datetime import from_excel

FIRST_SERIAL, LAST_SERIAL = 367, 73050     # the plausible dates held as serial numbers: 1901 to 2099


def serial_date(value: object) -> date | None:
    """The date a plausible serial number stands for, or None when the value is not one."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not FIRST_SERIAL <= value <= LAST_SERIAL:
        return None
    return from_excel(int(value)).date()
