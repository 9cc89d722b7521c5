"""代表履职自行填报, offline: a fill-in workbook per group or deputy, the returned files read into a
review list, and each entry approved into the records or rejected."""
from __future__ import annotations


class SelfReportError(ValueError):
    """A refusal with a Chinese message naming the file, sheet, row, column and field."""
