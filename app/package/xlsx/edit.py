"""A workbook saved again with some cells of one sheet changed (openpyxl: it keeps the rest of the
workbook, styles and validations, as it was)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook


def rewrite_rows(path: Path, out: Path, sheet: str, width: int, change: Callable[[list], list | None]) -> None:
    """Save `path` as `out` with each row of `sheet` (its first `width` cells' values) replaced by
    what `change` gives for it (None: the row as it was)."""
    book = load_workbook(path)
    for cells in book[sheet].iter_rows(max_col=width):
        new = change([c.value for c in cells])
        if new is not None:
            for cell, value in zip(cells, new):
                cell.value = value
    book.save(out)
