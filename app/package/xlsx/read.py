"""Reading an xlsx workbook with python-calamine: a sheet's cells whole, or its rows one by one (a big
sheet a slice at a time, see slices.py, so only a slice's cells are ever held); the formulas in the
sheets' XML, found by parsing it safely. A file or sheet calamine cannot read is a PackageError
naming it."""
from __future__ import annotations

import re
import zipfile
import zlib
from contextlib import ExitStack
from pathlib import Path

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from python_calamine import CalamineWorkbook

from app.package import PackageError
from app.package.xlsx import slices

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class Book:
    """An open workbook: `with Book(path, sheets=…, sliceable=…) as book: book.rows(name)`.
    sheets: sheet name → its zip member; sliceable: the sheets whose XML may be cut at "<row r="
    (no "<!" in it, so that is markup, never text)."""

    def __init__(self, path: Path, *, sheets: dict[str, str], sliceable: set[str]) -> None:
        self.path, self.sheets, self.sliceable = Path(path), sheets, sliceable
        self._stack = ExitStack()
        self._zip: zipfile.ZipFile | None = None
        self._sliced: slices.SlicedBook | None = None
        try:
            self._book = CalamineWorkbook.from_path(str(self.path))
        except Exception as exc:   # calamine raises its own error types for damaged parts
            raise PackageError(f"文件 {self.path.name} 无法读取（{exc.__class__.__name__}），可能已损坏") from None

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()

    def cells(self, name: str, *, bad_value: str) -> list[list]:
        """The whole sheet as lists of cells, from A1; `bad_value` is the message for a value calamine
        gives up on (a date far out of range)."""
        try:
            return self._book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:
            raise PackageError(f"文件 {self.path.name} 无法读取（{exc.__class__.__name__}），可能已损坏") from None
        except BaseException as exc:
            if not _is_panic(exc):
                raise
            raise PackageError(bad_value) from None

    def rows(self, name: str):
        """The sheet's rows one by one, as `cells` would give them, so only calamine's own copy of
        the sheet (or of a slice of a big one) is held whole, never a second one in Python objects."""
        try:
            parts = self._slices(name)
            if parts is not None:
                yield from parts
                return
            sheet = self._book.get_sheet_by_name(name)
            start = sheet.start
            if start and start[1]:
                pad = [""] * start[1]   # iter_rows drops the empty columns before the data, not the rows
                yield from (pad + row for row in sheet.iter_rows())
            else:
                yield from sheet.iter_rows()
        except Exception as exc:   # calamine's own error types for a damaged sheet
            raise PackageError(f"工作表“{name}”无法读取（{exc.__class__.__name__}），文件可能已损坏") from None
        except BaseException as exc:
            if not _is_panic(exc):
                raise
            raise PackageError(f"工作表“{name}”中有无法识别的单元格值（如超出范围的日期或时间），文件可能被改坏") from None

    def _slices(self, name: str):
        """The sheet's rows read in slices, or None where it is small or unusual (read whole)."""
        if name not in self.sliceable:
            return None
        if self._zip is None:
            self._zip = self._stack.enter_context(zipfile.ZipFile(self.path))
        if self._zip.getinfo(self.sheets[name]).file_size <= slices.SLICE_BYTES:
            return None
        if self._sliced is None:
            self._sliced = slices.SlicedBook(self._zip)
        return slices.sliced_rows(self._sliced, self.sheets[name])


def _is_panic(exc: BaseException) -> bool:
    """calamine (Rust) gives up on some values, e.g. a date far out of range, with a PanicException,
    which is no Exception subclass; that is a damaged file, not a reason to stop the program."""
    return type(exc).__name__ == "PanicException"


def formula_cells(path: Path, member: str, name: str) -> dict[tuple[int, int], str]:
    """(row, column) → "=" + formula of each cell of sheet `name` (its zip member) that has one."""
    found: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
            for _, elem in SafeET.iterparse(fh, forbid_dtd=True):
                if elem.tag == f"{_MAIN}c":
                    f = elem.find(f"{_MAIN}f")
                    if f is not None:
                        found[cell_position(elem.get("r", ""))] = "=" + (f.text or "")
                    elem.clear()
    except DefusedXmlException:
        raise PackageError(f"工作表“{name}”中含有实体声明，已拒绝") from None
    except SafeET.ParseError as exc:
        raise PackageError(f"工作表“{name}”的 XML 已损坏（{exc}）") from None
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise PackageError(f"工作表“{name}”无法解压读取（{exc.__class__.__name__}），文件已损坏") from None
    return found


def cell_position(ref: str) -> tuple[int, int]:
    """"B12" → (12, 2), both 1-based; (0, 0) for anything else."""
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    if not m:
        return (0, 0)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return (int(m.group(2)), col)
