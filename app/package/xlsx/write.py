"""Writing an xlsx workbook with xlsxwriter in constant-memory mode (each sheet's rows go straight to
disk, in order): text stays text, dates are dates, a text a spreadsheet would take for a formula is
kept as text, the header row is bold and frozen, every sheet prints as a clerk files it."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_rowcol_to_cell_fast
from xlsxwriter.worksheet import CellDatetimeTuple, CellNumberTuple, CellStringTuple, Worksheet

FORMULA_LIKE = ("=", "+", "-", "@", "\t")
HEAD = {"bold": True, "bg_color": "#DDEBF7", "pattern": 1}


@dataclass(frozen=True)
class ColumnLayout:
    width: float
    as_text: bool = False       # the whole column formatted as text (what is typed in later stays text)
    hidden: bool = False


# A text xlsxwriter writes into the sheet unchanged: nothing to escape for XML, no control character,
# "_xHHHH_" sequence or non-character to encode, no leading or trailing whitespace to preserve.
_NEEDS_CARE = re.compile(r'["&<>\x00-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$')


class _Sheet(Worksheet):
    """xlsxwriter's worksheet, writing the common cells (plain text, numbers, dates) of constant-memory
    mode with one formatted write each instead of its general per-cell path: the same XML, byte for
    byte (tested against the stock worksheet). Any other cell takes xlsxwriter's own path."""

    def _write_cell(self, row: int, col: int, cell) -> None:
        kind = cell.__class__
        if self.constant_memory and (kind is CellStringTuple or kind is CellNumberTuple or kind is CellDatetimeTuple):
            fmt = cell.format
            if fmt is not None:
                style = f' s="{fmt._get_xf_index()}"'
            elif row in self.row_info:
                return super()._write_cell(row, col, cell)      # a row format applies
            elif col in self.col_info and (fmt := self.col_info[col].column_format) is not None:
                style = f' s="{fmt._get_xf_index()}"'           # the column's (text) format
            else:
                style = ""
            if kind is not CellStringTuple:
                self.fh.write(f'<c r="{xl_rowcol_to_cell_fast(row, col)}"{style}><v>{cell.number:.16G}</v></c>')
                return None
            if not _NEEDS_CARE.search(cell.string):
                self.fh.write(f'<c r="{xl_rowcol_to_cell_fast(row, col)}"{style} t="inlineStr"><is><t>'
                              f'{cell.string}</t></is></c>')
                return None
        return super()._write_cell(row, col, cell)


class _Formats:
    def __init__(self, wb) -> None:
        self.head = wb.add_format(HEAD)
        self.day = wb.add_format({"num_format": "yyyy-mm-dd"})
        self.moment = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        # Kept as text, and marked so Excel/WPS keep it as text when the cell is edited.
        self.text = wb.add_format({"num_format": "@", "quote_prefix": True})
        # A whole column of numbers that are not amounts (phones, codes, ID numbers, uuids): what is
        # typed into it later stays text, a phone keeps its leading zero.
        self.text_column = wb.add_format({"num_format": "@"})


class Book:
    """A workbook written to `path` (a temporary file: the caller renames it once closed)."""

    def __init__(self, path: Path) -> None:
        self._wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        self._fmt = _Formats(self._wb)

    def sheet(self, name: str, columns: list[ColumnLayout], *, title: str, frozen_header: bool = True) -> Sheet:
        """A new sheet; `title` is printed on top of each page."""
        ws = self._wb.add_worksheet(name, worksheet_class=_Sheet)
        if frozen_header:
            ws.freeze_panes(1, 0)
        for i, col in enumerate(columns):
            ws.set_column(i, i, col.width, self._fmt.text_column if col.as_text else None,
                          {"hidden": True} if col.hidden else None)
        _page_setup(ws, title)
        return Sheet(ws, self._fmt)

    def close(self) -> None:
        try:
            self._wb.close()
        except FileCreateError as exc:
            # The OSError inside carries errno (a full disk …) for the caller's Chinese message.
            raise (exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))) from None

    def discard(self) -> None:
        """A workbook given up half-way (rows are read while they are written, and the reading can fail
        or be cancelled): remove the row files constant-memory mode keeps until close."""
        for ws in self._wb.worksheets():
            fh = getattr(ws, "row_data_fh", None)
            if fh is not None:
                fh.close()
                Path(ws.row_data_filename).unlink(missing_ok=True)


class Sheet:
    """One sheet of a `Book`; in constant-memory mode its rows must come in order."""

    def __init__(self, ws, fmt: _Formats) -> None:
        self._ws, self._fmt = ws, fmt

    def header(self, headers: list[str]) -> None:
        for c, text in enumerate(headers):
            self._ws.write_string(0, c, text, self._fmt.head)

    def rows(self, rows: list[list], first: int) -> None:
        """Every non-blank cell of the rows, the first at row index `first`."""
        ws, fmt = self._ws, self._fmt
        for r, row in enumerate(rows, start=first):
            for c, value in enumerate(row):
                if value is not None:
                    _put(ws, fmt, r, c, value)

    def put(self, r: int, c: int, value) -> None:
        _put(self._ws, self._fmt, r, c, value)

    def dropdown(self, col: int, first: int, last: int, choices: list[str], message: str) -> None:
        self._ws.data_validation(first, col, last, col, {
            "validate": "list", "source": list(choices), "ignore_blank": True, "error_message": message})


def _page_setup(ws, title: str) -> None:
    """Printed as a clerk would file it: A4 landscape, all (shown) columns across one page, the header
    row on every page, the title on top, 第 X 页 共 Y 页 below."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    ws.set_header(f"&C{title.replace('&', '&&')}", {"margin": 0.3})
    ws.set_footer("&C第 &P 页 共 &N 页", {"margin": 0.3})


def _put(ws, fmt: _Formats, r: int, c: int, value) -> None:
    kind = type(value)
    if kind is str:
        if value.startswith(FORMULA_LIKE):
            ws.write_string(r, c, value, fmt.text)
        elif value:
            ws.write_string(r, c, value)
    elif kind is datetime:
        ws.write_datetime(r, c, value, fmt.moment)
    elif kind is date:
        ws.write_datetime(r, c, value, fmt.day)
    elif kind is bool:
        ws.write_boolean(r, c, value)
    elif kind in (int, float):
        ws.write_number(r, c, value)
    elif value is not None:
        ws.write_string(r, c, str(value))


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese (wide) character two, any other one."""
    if text.isascii():      # no ASCII character is wide
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
