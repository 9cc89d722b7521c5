"""Writing a package workbook quickly (xlsxwriter, constant memory: rows go straight to disk):
text stays text, dates are dates, list values get dropdowns, the header row is frozen, widths
fit Chinese text. Each sheet is hashed in the same pass that writes it."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from itertools import islice
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_rowcol_to_cell_fast
from xlsxwriter.worksheet import CellDatetimeTuple, CellNumberTuple, CellStringTuple, Worksheet

from app.package import INFO_SHEET
from app.package.columns import CHOICE, SheetSpec, is_uuid, keeps_text
from app.package.digest import SheetHasher, seal
from app.package.info import PackageMeta, SheetInfo, info_rows
from app.savefile import save_atomically

FORMULA_LIKE = ("=", "+", "-", "@", "\t")
FORMULA_FIRST = frozenset(FORMULA_LIKE)     # each one character: a text starting with one is kept as text
HEAD = {"bold": True, "bg_color": "#DDEBF7", "pattern": 1}


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


def write_package(path: Path, *, meta: PackageMeta, sheets: Iterable[tuple[SheetSpec, Iterable[list]]],
                  key: str = "") -> PackageMeta:
    """Write to a temporary file beside `path`, then rename: a half-written package never exists."""
    def write(temp: Path) -> None:
        wb, fmt = _open(temp)
        # The first sheet; its rows follow once the hashes are known.
        info = wb.add_worksheet(INFO_SHEET, worksheet_class=_Sheet)
        title = f"{meta.township_name}　{meta.period_label}"
        try:
            meta.sheets = [SheetInfo(spec.name, *_write_sheet(wb, fmt, spec, rows, title=title))
                           for spec, rows in sheets]
        except BaseException:
            _discard(wb)
            raise
        meta.signature = seal(key, meta.seal_fields()) if key else ""
        _write_info(info, fmt, meta)
        _close(wb)
    save_atomically(Path(path), write)
    return meta


def write_plain(path: Path, spec: SheetSpec, rows: list[list], *, title: str = "") -> None:
    """A one-sheet workbook for people (the county summary), written the same safe way."""
    def write(temp: Path) -> None:
        wb, fmt = _open(temp)
        _write_sheet(wb, fmt, spec, rows, title=title)
        _close(wb)
    save_atomically(Path(path), write)


def _open(temp: Path):
    wb = xlsxwriter.Workbook(str(temp), {"constant_memory": True})
    return wb, _Formats(wb)


def _discard(wb) -> None:
    """A workbook given up half-way (rows are read while they are written, and the reading can fail
    or be cancelled): remove the row files constant-memory mode keeps until close."""
    for ws in wb.worksheets():
        fh = getattr(ws, "row_data_fh", None)
        if fh is not None:
            fh.close()
            Path(ws.row_data_filename).unlink(missing_ok=True)


def _close(wb) -> None:
    try:
        wb.close()
    except FileCreateError as exc:
        # The OSError inside carries errno (a full disk …) for the caller's Chinese message.
        raise (exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))) from None


def _write_info(ws, fmt: _Formats, meta: PackageMeta) -> None:
    ws.set_column(0, 0, 20)
    ws.set_column(1, 1, 70)
    ws.set_column(2, 2, 68)
    _page_setup(ws, f"{meta.township_name}　{meta.period_label}　{INFO_SHEET}")
    for r, row in enumerate(info_rows(meta)):
        for c, value in enumerate(row):
            _put(ws, fmt, r, c, value)


def _write_sheet(wb, fmt: _Formats, spec: SheetSpec, rows: Iterable[list], *, title: str = "") -> tuple[int, str]:
    """Rows may be an iterator (a sheet is never held whole); returns its row count and hash."""
    rows = iter(rows)
    head = list(islice(rows, 200))          # enough to size the columns
    ws = wb.add_worksheet(spec.name, worksheet_class=_Sheet)
    ws.freeze_panes(1, 0)
    for i, col in enumerate(spec.columns):
        ws.set_column(i, i, _width(col.header, col.width, head, i), fmt.text_column if keeps_text(col) else None,
                      {"hidden": True} if is_uuid(col) else None)
    _page_setup(ws, f"{title}　{spec.name}" if title else spec.name)
    for c, header in enumerate(spec.headers):
        ws.write_string(0, c, header, fmt.head)
    hasher, count = SheetHasher(spec.headers), 0
    batch = head
    while batch:
        hasher.add_rows(batch)
        _put_rows(ws, fmt, batch, count + 1)
        count += len(batch)
        batch = list(islice(rows, 5000))
    for i, col in enumerate(spec.columns):
        if col.kind == CHOICE and col.choices:
            ws.data_validation(1, i, count + 199, i, {
                "validate": "list", "source": list(col.choices), "ignore_blank": True,
                "error_message": f"请从列表中选择{col.header}"})
    return count, hasher.hexdigest()


def _page_setup(ws, title: str) -> None:
    """Printed as a clerk would file it: A4 landscape, all (shown) columns across one page, the header
    row on every page, the township and period on top, 第 X 页 共 Y 页 below."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    ws.set_header(f"&C{title.replace('&', '&&')}", {"margin": 0.3})
    ws.set_footer("&C第 &P 页 共 &N 页", {"margin": 0.3})


def _cell_writers(ws) -> tuple:
    """xlsxwriter's undecorated cell writers, which its public write_string & co. call once they have
    checked for "A1" notation (a package addresses its hundreds of thousands of cells by number)."""
    return tuple(getattr(ws, "_" + name, None) or getattr(ws, name)
                 for name in ("write_string", "write_number", "write_datetime", "write_boolean"))


def _put_rows(ws, fmt: _Formats, rows: list[list], first: int) -> None:
    """`_put` of every non-blank cell of the rows, the first at row index `first` (the hot loop of an
    export: the same cells and formats as `_put`, without a call per cell to decide them)."""
    w_str, w_num, w_date, w_bool = _cell_writers(ws)
    text, day, moment = fmt.text, fmt.day, fmt.moment
    r = first
    for row in rows:
        c = 0
        for value in row:
            kind = type(value)
            if kind is str:
                if value:
                    if value[0] in FORMULA_FIRST:
                        w_str(r, c, value, text)
                    else:
                        w_str(r, c, value)
            elif value is None:
                pass
            elif kind is datetime:
                w_date(r, c, value, moment)
            elif kind is date:
                w_date(r, c, value, day)
            elif kind is bool:
                w_bool(r, c, value)
            elif kind is int or kind is float:
                w_num(r, c, value)
            else:
                w_str(r, c, str(value))
            c += 1
        r += 1


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


def _width(header: str, base: float, rows: list[list], index: int) -> float:
    widest = max([display_width(header)] + [display_width(str(r[index] or "")) for r in rows[:200]])
    return float(min(max(base, widest + 2), 60))


def display_width(text: str) -> int:
    if text.isascii():      # no ASCII character is wide
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
