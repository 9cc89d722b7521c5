"""Checks made before a package is read: the checks every workbook gets (app.workbook_guard: what
kind of file, zip bombs, far cells, XML entity tricks), then which cells hold formulas (read later
as their text and reported)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.package import PackageError
from app.package.xlsx import formula_cells
from app.workbook_guard import PACKAGE, WorkbookRefused, check_workbook


@dataclass
class Inspection:
    sheets: dict[str, str]                       # sheet name → zip member of its XML
    formulas: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    # Sheets without comments, CDATA or declarations (no "<!" at all): every "<row r=" and
    # "</sheetData>" in their XML is markup, so they can be cut there and read a slice at a time.
    sliceable: set[str] = field(default_factory=set)


def inspect(path: Path) -> Inspection:
    try:
        checked = check_workbook(Path(path), PACKAGE)
    except WorkbookRefused as exc:
        raise PackageError(str(exc)) from None
    found = Inspection(checked.sheets, sliceable=checked.plain)
    for name in checked.formula_sheets:
        formulas = formula_cells(Path(path), checked.sheets[name], name)
        if formulas:
            found.formulas[name] = formulas
    return found


def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
