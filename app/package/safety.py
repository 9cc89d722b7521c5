"""Checks made before a workbook is read: is it really an xlsx, is it a zip bomb, does it hide
XML entity tricks, and which cells hold formulas (read later as their text and reported)."""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from app.package import PackageError

MAX_TOTAL = 512 * 1024 * 1024        # declared uncompressed bytes of the whole workbook
MAX_RATIO = 100                      # xlsx XML compresses ~10-20x; far more is a bomb
RATIO_FLOOR = 8 * 1024 * 1024        # small parts may compress well; don't judge them
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_DANGER = (b"<!DOCTYPE", b"<!ENTITY")


@dataclass
class Inspection:
    sheets: dict[str, str]                       # sheet name → zip member of its XML
    formulas: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    # Sheets without comments, CDATA or declarations (no "<!" at all): every "<row r=" and
    # "</sheetData>" in their XML is markup, so they can be cut there and read a slice at a time.
    sliceable: set[str] = field(default_factory=set)


def inspect(path: Path) -> Inspection:
    _check_signature(Path(path))
    try:
        with zipfile.ZipFile(path) as zf:
            _check_sizes(zf)
            sheets = _sheet_members(zf)
            formulas, sliceable = {}, set()
            for name, member in sheets.items():
                found, plain = _scan_sheet(zf, member, name)
                if found:
                    formulas[name] = found
                if plain:
                    sliceable.add(name)
    except zipfile.BadZipFile:
        raise PackageError("文件不完整或已损坏（zip 结构无法读取），可能是复制或下载中断，请重新获取") from None
    except (OSError, EOFError, RuntimeError, zlib.error, NotImplementedError) as exc:
        raise PackageError(f"文件无法解压读取（{exc.__class__.__name__}），可能已损坏或被加密") from None
    return Inspection(sheets, formulas, sliceable)


def _check_signature(path: Path) -> None:
    if not path.exists():
        raise PackageError(f"找不到文件 {path}")
    with open(path, "rb") as fh:
        head = fh.read(8)
        rest = fh.read(4 * 1024 * 1024 if head == OLE_MAGIC else 4096)
    if not head:
        raise PackageError(f"文件 {path.name} 是空的（0 字节），不是数据包")
    if head == OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in rest:
            raise PackageError(f"文件 {path.name} 设有打开密码（已加密），请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入")
        raise PackageError(f"文件 {path.name} 是旧版 Excel 97-2003（.xls）格式，请另存为 .xlsx 后再导入")
    if not head.startswith(b"PK"):
        if _looks_like_text(head + rest):
            raise PackageError(f"文件 {path.name} 是文本（如 CSV）而不是 Excel 工作簿，只是扩展名被改成了 .xlsx")
        raise PackageError(f"文件 {path.name} 不是 Excel 工作簿（.xlsx）")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"文件 {path.name} 不完整（结尾缺失），可能是复制或下载中断，请重新获取")


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _check_sizes(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise PackageError(f"文件解压后声明大小为 {total // (1024 * 1024)} MB，超过上限 "
                           f"{MAX_TOTAL // (1024 * 1024)} MB，疑似恶意压缩文件，已拒绝")
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(f"文件中的 {info.filename} 压缩比异常（{info.file_size // max(info.compress_size, 1)} 倍），"
                               "疑似恶意压缩文件，已拒绝")


def _parse_small(zf: zipfile.ZipFile, member: str):
    try:
        return SafeET.fromstring(zf.read(member), forbid_dtd=True)
    except KeyError:
        raise PackageError(f"不是 Excel 工作簿：缺少 {member}") from None
    except DefusedXmlException:
        raise PackageError(f"{member} 中含有 XML 实体或文档类型声明（可被用来攻击），已拒绝") from None
    except SafeET.ParseError as exc:
        raise PackageError(f"{member} 的 XML 已损坏（{exc}）") from None


def _sheet_members(zf: zipfile.ZipFile) -> dict[str, str]:
    book = _parse_small(zf, "xl/workbook.xml")
    rels = _parse_small(zf, "xl/_rels/workbook.xml.rels")
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    for extra in ("[Content_Types].xml", "xl/sharedStrings.xml", "xl/styles.xml"):
        if extra in zf.namelist():
            _check_danger(zf, extra)
    sheets = {}
    for sheet in book.iterfind("m:sheets/m:sheet", NS):
        target = targets.get(sheet.get(f"{{{NS['r']}}}id"), "")
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        sheets[sheet.get("name", "")] = member
    return sheets


def _check_danger(zf: zipfile.ZipFile, member: str) -> None:
    with zf.open(member) as fh:
        head = fh.read(4096)
    if any(d in head for d in _DANGER):
        raise PackageError(f"{member} 中含有 XML 实体或文档类型声明（可被用来攻击），已拒绝")


def _scan_sheet(zf: zipfile.ZipFile, member: str, name: str) -> tuple[dict[tuple[int, int], str], bool]:
    """A byte scan (fast); only a sheet that has formulas is parsed (with defusedxml). Also says whether
    the sheet can be read in slices (see `Inspection.sliceable`)."""
    has_formula, plain, tail = False, True, b""
    try:
        with zf.open(member) as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                window = tail + chunk
                # A one-byte search runs at memchr speed, a two-byte one ~30x slower (measured: 0.3
                # against 11 ms over a 10 MB sheet), so "!" and ":" (rare in sheet XML) go first.
                if b"!" in window and b"<!" in window:    # one search for both dangers
                    plain = False
                    if any(d in window for d in _DANGER):
                        raise PackageError(f"工作表“{name}”中含有 XML 实体或文档类型声明（可被用来攻击），已拒绝")
                # Byte searches first (fast); the pattern only where an <f or a prefixed :f may be.
                has_formula = has_formula or ((b"<f" in window or (b":" in window and b":f" in window))
                                              and bool(_FORMULA.search(window)))
                tail = window[-16:]
    except KeyError:
        raise PackageError(f"工作表“{name}”的内容缺失（{member}），文件已损坏") from None
    return (_formulas(zf, member, name) if has_formula else {}), plain


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
        raise PackageError(f"工作表“{name}”中含有 XML 实体声明，已拒绝") from None
    except SafeET.ParseError as exc:
        raise PackageError(f"工作表“{name}”的 XML 已损坏（{exc}）") from None
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
