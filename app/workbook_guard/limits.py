"""How big a workbook of each kind may be. A far cell makes a reader allocate the whole rectangle
up to it (python-calamine aborts the process on XFD1048576; openpyxl fills every empty row), so
rows and columns are bounded before any reader runs. Row limits are 10**k - 1 and column limits
end in Z (AZ, BZ, …), so a cell beyond them shows in the first characters of its reference (see
`extent.bounds`)."""
from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    what: str               # the kind of file, as the user calls it (数据包, 名册)
    total_bytes: int        # uncompressed bytes of the whole workbook
    rows: int               # last row number of any sheet (10**k - 1)
    columns: str            # last column of any sheet: "AZ" (letters A..Z or AA..?Z)


# A county's package holds up to ~450,000 rows in one sheet; its sheets are at most 18 columns wide.
PACKAGE = Limits(what="数据包", total_bytes=512 * MB, rows=999_999, columns="AZ")
# A roster lists a township's (or a county's) deputies: thousands of rows at most.
ROSTER = Limits(what="名册", total_bytes=64 * MB, rows=9_999, columns="AZ")
