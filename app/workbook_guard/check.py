"""The whole check, part by part: the file's kind, the zip's sizes, every XML part streamed once
(for entity declarations anywhere in it), and each sheet's extent and row count."""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from app.workbook_guard import extent
from app.workbook_guard.kind import check_kind
from app.workbook_guard.limits import Limits
from app.workbook_guard.parts import check_sizes, unpacked
from app.workbook_guard.refusal import WorkbookRefused

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
_DANGER = (b"<!DOCTYPE", b"<!ENTITY")
_FORMULA = re.compile(rb"<f[\s>/]")                       # "<f" first: a fast literal search
_PREFIXED_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s>/]")
_PROLOG = re.compile(rb"\s*<\?xml[^>]*\?>\s*")
_PREFIXED_ROOT = re.compile(rb"(?:<!--.*?-->\s*)*<[\w.-]+:worksheet\b", re.DOTALL)
# A tag without its r attribute. A tag cut by the window's end after "<row r" or "<c r" is not one:
# it is seen whole in the next window (and at the end of the part it is no tag at all, only broken XML).
_UNNUMBERED_ROW = re.compile(rb'<row(?! r="| r=?\Z| \Z)[\s/>]')
_UNPLACED_CELL = re.compile(rb'<c(?! r="| r=?\Z| \Z)[\s/>]')
_MEDIA = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".wdp", ".bin")
SMALL_PART = 16 * 1024 * 1024   # the workbook part and its relationships, read whole: a few KB in any real file
TAIL = 64                         # bytes of one chunk kept before the next, so nothing is missed at the seam


@dataclass
class CheckedWorkbook:
    sheets: dict[str, str]                                # sheet name → zip member of its XML
    formula_sheets: set[str] = field(default_factory=set)  # sheets with a formula element
    # Sheets without comments, CDATA or declarations (no "<!" at all): every "<row r=" and
    # "</sheetData>" in their XML is markup.
    plain: set[str] = field(default_factory=set)


def check_workbook(path: Path, limits: Limits) -> CheckedWorkbook:
    """Refuse (WorkbookRefused, in Chinese) anything a reader should not be given."""
    path = Path(path)
    check_kind(path)
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            check_sizes(zf, limits, name)
            infos = {info.filename: info for info in zf.infolist()}
    except zipfile.BadZipFile:
        raise WorkbookRefused(f"文件 {name} 已损坏（zip 结构无法读取），可能是复制或下载中断，请重新获取") from None
    except (OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise WorkbookRefused(f"文件 {name} 无法解压读取（{exc.__class__.__name__}），可能已损坏或被加密") from None
    return _Checker(path, infos, limits).run()


class _Checker:
    def __init__(self, path: Path, infos: dict[str, zipfile.ZipInfo], limits: Limits) -> None:
        self.path, self.infos, self.limits = path, infos, limits
        self.bounds = extent.bounds(limits)

    def run(self) -> CheckedWorkbook:
        try:
            sheets = self._sheet_members()
            checked = CheckedWorkbook(sheets)
            for member in self.infos:
                if member not in sheets.values() and not member.lower().endswith(_MEDIA):
                    self._check_part(member)
            for sheet, member in sheets.items():
                self._check_sheet(sheet, member, checked)
        except OSError as exc:
            raise WorkbookRefused(f"文件 {self.path.name} 无法读取（{exc.__class__.__name__}）") from None
        return checked

    def _read(self, member: str) -> bytes:
        info = self.infos.get(member)
        if info is None:
            raise WorkbookRefused(f"文件 {self.path.name} 不是 Excel 工作簿（其中没有 {member}）")
        if info.file_size > SMALL_PART:
            raise WorkbookRefused(f"文件 {self.path.name} 中的 {member} 有 {info.file_size // (1024 * 1024)} MB，"
                                  "远大于任何正常的工作簿，疑似恶意文件，已拒绝")
        data = b"".join(unpacked(self.path, info, self.path.name))
        self._refuse_danger(data, member)
        return data

    def _parse(self, member: str):
        try:
            return SafeET.fromstring(self._read(member), forbid_dtd=True)
        except DefusedXmlException:
            self._refuse_danger(b"<!DOCTYPE", member)
        except SafeET.ParseError as exc:
            raise WorkbookRefused(f"文件 {self.path.name} 中的 {member} 的 XML 已损坏（{exc}）") from None

    def _sheet_members(self) -> dict[str, str]:
        book = self._parse("xl/workbook.xml")
        rels = self._parse("xl/_rels/workbook.xml.rels")
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        sheets = {}
        for sheet in book.iterfind("m:sheets/m:sheet", NS):
            target = targets.get(sheet.get(f"{{{NS['r']}}}id"), "")
            member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            sheets[sheet.get("name", "")] = member
        return sheets

    def _chunks(self, member: str, what: str):
        info = self.infos.get(member)
        if info is None:
            raise WorkbookRefused(f"{what}的内容缺失（{member}），文件已损坏")
        tail = b""
        for chunk in unpacked(self.path, info, self.path.name):
            window = tail + chunk
            yield window, len(tail)
            tail = window[-TAIL:]

    def _check_part(self, member: str) -> None:
        for window, _ in self._chunks(member, f"文件中的 {member} "):
            if b"!" in window:
                self._refuse_danger(window, member)

    def _refuse_danger(self, window: bytes, member: str, sheet: str | None = None) -> None:
        if any(d in window for d in _DANGER):
            where = f"工作表“{sheet}”" if sheet is not None else f"文件 {self.path.name} 中的 {member} "
            raise WorkbookRefused(f"{where}含有实体或文档类型声明（正常的 Excel、WPS 文件里没有，它可被用来攻击本程序），已拒绝")

    def _check_sheet(self, sheet: str, member: str, checked: CheckedWorkbook) -> None:
        scan = _SheetScan(sheet, self.bounds)
        for window, seam in self._chunks(member, f"工作表“{sheet}”"):
            if scan.first:
                window = scan.start(window)
            if b"!" in window and b"<!" in window:   # "!" first: a one-byte search is many times faster
                scan.plain = False
                self._refuse_danger(window, member, sheet)
            scan.window(window, seam)
        if scan.plain:
            checked.plain.add(sheet)
        if scan.formula:
            checked.formula_sheets.add(sheet)


class _SheetScan:
    """One sheet's XML, a window at a time: its extent, its rows, whether it has formulas."""

    def __init__(self, sheet: str, bounds: extent.Bounds) -> None:
        self.sheet, self.bounds = sheet, bounds
        self.first, self.plain, self.formula = True, True, False
        self.prefixed, self.rows = False, -1          # rows: counted once unnumbered rows are seen
        self.unplaced = False                         # a cell without a reference was seen

    def start(self, window: bytes) -> bytes:
        """The first window, from the root element on; its head holds the declared <dimension>."""
        self.first = False
        prolog = _PROLOG.match(window)
        window = window[prolog.end():] if prolog else window
        self.prefixed = _PREFIXED_ROOT.match(window) is not None
        data = window.find(b"sheetData")
        extent.check_dimension(window[:data] if data >= 0 else window, self.sheet, self.bounds)
        return window

    def window(self, window: bytes, seam: int) -> None:
        if not self.formula:
            self.formula = (_PREFIXED_FORMULA if self.prefixed else _FORMULA).search(window) is not None
        extent.check_cells(window, self.sheet, self.bounds)
        self.unplaced = self.unplaced or self.prefixed or _UNPLACED_CELL.search(window) is not None
        if self.unplaced:
            extent.check_row_widths(window, self.sheet, self.bounds)
        # Rows without a number (<row/>) are numbered by readers one after another: once one is
        # seen (or the tags carry a prefix), rows are counted. A tag cut at the seam is counted
        # in the window where it ends.
        if self.rows < 0 and (self.prefixed or _UNNUMBERED_ROW.search(window)):
            self.rows = 0
        if self.rows >= 0:
            start = max(seam - 4, 0)
            self.rows += window.count(b"<row", start) or window.count(b":row", start)
            if self.rows > self.bounds.rows:
                extent.refuse_rows(self.sheet, self.bounds)
