"""Hostile workbooks, small and quick to build: far cells, entity declarations, sizes that lie,
millions of tiny rows, and files that are not workbooks at all under an .xlsx name."""
from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROSTER_CELLS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>性别</t></is></c>'
                '</row><row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" t="inlineStr"><is><t>男</t>'
                '</is></c></row>')
BILLION_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')


def _frame(zf: zipfile.ZipFile, names: list[str]) -> None:
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    zf.writestr("[Content_Types].xml", HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
                + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ct}.worksheet+xml"/>'
                          for i in range(1, len(names) + 1)) + "</Types>")
    zf.writestr("_rels/.rels", HEAD + f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                f'Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    zf.writestr("xl/workbook.xml", HEAD + f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>'
                + "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(names, 1))
                + "</sheets></workbook>")
    zf.writestr("xl/_rels/workbook.xml.rels", HEAD + f'<Relationships xmlns="{PKG}">'
                + "".join(f'<Relationship Id="rId{i}" Type="{DOC}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                          for i in range(1, len(names) + 1)) + "</Relationships>")


def workbook(path: Path, sheets: dict[str, str], *, prolog: str = "") -> Path:
    """A minimal workbook whose sheets' <sheetData> (and what precedes it) are given as XML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        _frame(zf, list(sheets))
        for i, body in enumerate(sheets.values(), 1):
            zf.writestr(f"xl/worksheets/sheet{i}.xml", HEAD + prolog + f'<worksheet xmlns="{MAIN}">{body}</worksheet>')
    return path


def roster_sheet(path: Path, *, before: str = "", after: str = "", dimension: str = "") -> Path:
    """A two-row roster (姓名, 性别) with something added before or after its rows."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return workbook(path, {"代表名册": f"{dim}<sheetData>{before}{ROSTER_CELLS}{after}</sheetData>"})


def far_cell(ref: str = "XFD1048576") -> str:
    row = re.sub(r"^[A-Z]+", "", ref)
    return f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'


def rewrite(src: Path, dst: Path, member: str, change) -> Path:
    """A copy of the workbook with one part changed."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, change(data) if info.filename == member else data)
    return dst


def sheet_members(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return sorted((n for n in zf.namelist() if n.startswith("xl/worksheets/")),
                      key=lambda n: int(re.sub(r"\D", "", n) or 0))


def with_far_cell(src: Path, dst: Path, member: str, ref: str = "XFD1048576") -> Path:
    """The workbook with one more cell, far away, at the end of one sheet."""
    return rewrite(src, dst, member, lambda xml: xml.replace(b"</sheetData>", far_cell(ref).encode() + b"</sheetData>", 1))


def with_doctype_after_comment(src: Path, dst: Path, member: str, comment_bytes: int = 5 * 1024) -> Path:
    """An entity declaration that a look at the first 4 KB would miss."""
    comment = b"<!--" + b"x" * comment_bytes + b"-->"
    return rewrite(src, dst, member, lambda xml: re.sub(rb"^(<\?xml[^>]*\?>\s*)?", lambda m: (m.group(0) or b"")
                                                        + comment + BILLION_LAUGHS.encode(), xml, count=1))


def declaring(src: Path, dst: Path, member: str, size: int) -> Path:
    """A copy whose zip directory says `member` unpacks to `size` bytes (the data is unchanged)."""
    data = bytearray(src.read_bytes())
    name = member.encode()
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(member)
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        if at < 0:
            raise ValueError(member)
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + name_len]) == name:
            break
        at += 4
    struct.pack_into("<I", data, at + 24, size)                   # uncompressed size, central directory
    struct.pack_into("<I", data, info.header_offset + 22, size)   # and local header
    dst.write_bytes(bytes(data))
    return dst


def streamed_rows(path: Path, row: bytes, count: int, *, sheet: str = "代表名册") -> Path:
    """A workbook whose one sheet has `count` copies of `row`, compressed as it is written (a
    block of rows deflated again and again: tens of millions of rows in a second or two)."""
    block = row * (1 << 20 // len(row))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        _frame(zf, [sheet])
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(f'{HEAD}<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            left = count
            while left:
                n = min(left, len(block) // len(row))
                fh.write(block[:n * len(row)])
                left -= n
            fh.write(b"</sheetData></worksheet>")
    return path


OLE = bytes.fromhex("d0cf11e0a1b11ae1")


def encrypted(path: Path) -> Path:
    """What Excel writes for a workbook with an opening password: an OLE container."""
    path.write_bytes(OLE + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600)
    return path


def truncated(src: Path, dst: Path) -> Path:
    whole = src.read_bytes()
    dst.write_bytes(whole[: len(whole) // 2])
    return dst


def html(path: Path) -> Path:
    """An HTML table saved with an .xlsx name (what some systems export as "Excel")."""
    path.write_text("<html><head><meta charset='utf-8'></head><body><table><tr><td>姓名</td><td>性别</td></tr>"
                    "<tr><td>张三</td><td>男</td></tr></table></body></html>", encoding="utf-8")
    return path


def csv(path: Path) -> Path:
    path.write_text("姓名,性别\n张三,男\n" * 400, encoding="gbk")
    return path


def garbage(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 4)
    return path
