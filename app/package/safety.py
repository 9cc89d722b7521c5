"""Checks made before a package is read: the checks every workbook gets (app.workbook_guard: what
kind of file, zip bombs, far cells, XML entity tricks), then which cells hold formulas (read later
as their text and reported)."""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from app.package import PackageError
from app.workbook_guard import PACKAGE, WorkbookRefused, check_workbook

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


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
    if checked.formula_sheets:
        with zipfile.ZipFile(path) as zf:
            for name in checked.formula_sheets:
                formulas = _formulas(zf, checked.sheets[name], name)
                if formulas:
                    found.formulas[name] = formulas
    return found


def _formulas(zf: zipfile.ZipFile, member: str, name: str) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    try:
        with zf.open(member) as fh:
            for _, elem in SafeET.iterparse(fh, forbid_dtd=True):
                if elem.tag == f"{{{NS['m']}}}c":
                    f = elem.find("m:f", NS)
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
    """"B12" → (12, 2), both 1-based."""
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    if not m:
        return (0, 0)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return (int(m.group(2)), col)


def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
