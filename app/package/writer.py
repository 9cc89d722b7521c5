"""Writing a package workbook (through app.package.xlsx): list values get dropdowns, widths fit
Chinese text, uuid columns are hidden and code columns kept as text. Each sheet is hashed in the same
pass that writes it, and its rows may come from an iterator: a sheet is never held whole."""
from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from app.package import INFO_SHEET
from app.package.columns import CHOICE, SheetSpec, is_uuid, keeps_text
from app.package.digest import SheetHasher, seal
from app.package.info import PackageMeta, SheetInfo, info_rows
from app.package.xlsx import ColumnLayout, WriteBook, display_width
from app.savefile import save_atomically

SIZED_BY = 200          # rows that size the columns
BATCH = 5_000           # rows hashed and written together
SPARE_ROWS = 199        # rows below the last that still get a column's dropdown


def write_package(path: Path, *, meta: PackageMeta, sheets: Iterable[tuple[SheetSpec, Iterable[list]]],
                  key: str = "") -> PackageMeta:
    """Write to a temporary file beside `path`, then rename: a half-written package never exists."""
    def write(temp: Path) -> None:
        book = WriteBook(temp)
        # The first sheet; its rows follow once the hashes are known.
        info = book.sheet(INFO_SHEET, [ColumnLayout(20), ColumnLayout(70), ColumnLayout(68)],
                          title=f"{meta.township_name}　{meta.period_label}　{INFO_SHEET}", frozen_header=False)
        title = f"{meta.township_name}　{meta.period_label}"
        try:
            meta.sheets = [SheetInfo(spec.name, *_write_sheet(book, spec, rows, title=title))
                           for spec, rows in sheets]
        except BaseException:
            book.discard()
            raise
        meta.signature = seal(key, meta.seal_fields()) if key else ""
        for r, row in enumerate(info_rows(meta)):
            for c, value in enumerate(row):
                info.put(r, c, value)
        book.close()
    save_atomically(Path(path), write)
    return meta


def write_plain(path: Path, spec: SheetSpec, rows: list[list], *, title: str = "") -> None:
    """A one-sheet workbook for people (the county summary), written the same safe way."""
    def write(temp: Path) -> None:
        book = WriteBook(temp)
        _write_sheet(book, spec, rows, title=title)
        book.close()
    save_atomically(Path(path), write)


def _write_sheet(book: WriteBook, spec: SheetSpec, rows: Iterable[list], *, title: str = "") -> tuple[int, str]:
    """Rows may be an iterator (a sheet is never held whole); returns its row count and hash."""
    rows = iter(rows)
    head = list(islice(rows, SIZED_BY))
    layout = [ColumnLayout(_width(col.header, col.width, head, i), keeps_text(col), is_uuid(col))
              for i, col in enumerate(spec.columns)]
    sheet = book.sheet(spec.name, layout, title=f"{title}　{spec.name}" if title else spec.name)
    sheet.header(spec.headers)
    hasher, count = SheetHasher(spec.headers), 0
    batch = head
    while batch:
        hasher.add_rows(batch)
        sheet.rows(batch, count + 1)
        count += len(batch)
        batch = list(islice(rows, BATCH))
    for i, col in enumerate(spec.columns):
        if col.kind == CHOICE and col.choices:
            sheet.dropdown(i, 1, count + SPARE_ROWS, list(col.choices), f"请从列表中选择{col.header}")
    return count, hasher.hexdigest()


def _width(header: str, base: float, rows: list[list], index: int) -> float:
    widest = max([display_width(header)] + [display_width(str(r[index] or "")) for r in rows[:SIZED_BY]])
    return float(min(max(base, widest + 2), 60))
