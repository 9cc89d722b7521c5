"""A big sheet read a slice at a time: calamine parses a whole sheet into its own cells before giving
the first row (a county's attendance sheet: more than the memory goal), so the sheet's XML is streamed out of
the zip, cut about every SLICE_BYTES where a numbered row starts (<row r="…">), and each slice is
read as a tiny workbook of its own (stored, not compressed).
The rows come out as reading the whole sheet gives them: the same values, numbered from row 1 of
the sheet, empty rows where the sheet has them. Unusual XML is read whole instead."""
from __future__ import annotations

import posixpath
import re
import zipfile
from io import BytesIO

from defusedxml import ElementTree as SafeET
from python_calamine import CalamineWorkbook

SLICE_BYTES = 1024 * 1024   # a sheet's XML larger than this is read in slices of about this size

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_DATE1904 = re.compile(r"^(1|true|on)$", re.IGNORECASE)
_SHEET = "xl/worksheets/sheet1.xml"
_ROW = b'<row r="'


class SlicedBook:
    """What every slice workbook shares with the original: its styles (so date cells stay dates),
    its shared strings and its date system."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        book = SafeET.fromstring(zf.read("xl/workbook.xml"), forbid_dtd=True)
        pr = book.find(f"{{{_MAIN}}}workbookPr")
        self.date1904 = pr is not None and bool(_DATE1904.match(pr.get("date1904", "") or ""))
        rels = SafeET.fromstring(zf.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
        self.parts: dict[str, bytes] = {}
        for rel in rels:
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind in ("styles", "sharedStrings"):
                target = rel.get("Target", "")
                member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                if member in zf.namelist():
                    self.parts[kind] = zf.read(member)

    def slice_bytes(self) -> int:
        # Each slice parses the shared strings again: slices no smaller than twice their size.
        return max(SLICE_BYTES, 2 * len(self.parts.get("sharedStrings", b"")))

    def workbook(self, head: bytes, rows: bytes) -> CalamineWorkbook:
        out = BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
            z.writestr("[Content_Types].xml", self._content_types())
            z.writestr("_rels/.rels", _XML + f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/'
                       'officeDocument" Target="xl/workbook.xml"/></Relationships>'.encode())
            pr = '<workbookPr date1904="1"/>' if self.date1904 else ""
            z.writestr("xl/workbook.xml", _XML + f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}">{pr}<sheets>'
                       '<sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'.encode())
            rels = [f'<Relationship Id="rId1" Type="{_DOC}/worksheet" Target="worksheets/sheet1.xml"/>']
            for i, (kind, data) in enumerate(self.parts.items(), start=2):
                rels.append(f'<Relationship Id="rId{i}" Type="{_DOC}/{kind}" Target="{kind}.xml"/>')
                z.writestr(f"xl/{kind}.xml", data)
            z.writestr("xl/_rels/workbook.xml.rels",
                       _XML + f'<Relationships xmlns="{_RELS}">{"".join(rels)}</Relationships>'.encode())
            with z.open(_SHEET, "w") as sheet:
                sheet.write(head)
                sheet.write(rows)
                sheet.write(b"</sheetData></worksheet>")
        out.seek(0)
        return CalamineWorkbook.from_filelike(out)

    def _content_types(self) -> bytes:
        ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        parts = {"/xl/workbook.xml": f"{ct}.sheet.main+xml", f"/{_SHEET}": f"{ct}.worksheet+xml"}
        parts.update({f"/xl/{kind}.xml": f"{ct}.{kind}+xml" for kind in self.parts})
        return _XML + ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                       '<Default Extension="xml" ContentType="application/xml"/>'
                       + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in parts.items())
                       + "</Types>").encode()


def sliced_rows(book: SlicedBook, member: str):
    """The sheet's rows as reading it whole gives them, a slice at a time; None where its XML is not
    the usual kind (found before any row is given), to be read whole instead. Only for a sheet with
    no "<!" in its XML (`safety.Inspection.sliceable`): there every "<row r=" and "</sheetData>" is
    markup, never text."""
    size = book.slice_bytes()
    fh = book.zf.open(member)
    first = fh.read(size)
    at = first.find(b"<sheetData>")
    if at < 0:
        fh.close()
        return None
    at += len(b"<sheetData>")
    head = _DIMENSION.sub(b"", first[:at], count=1)
    return _slices(book, fh, head, first[at:], size)


def _slices(book: SlicedBook, fh, head: bytes, rest: bytes, size: int):
    row, width, last = 0, 0, False       # the next row's index (0-based) in the sheet; the widest row
    with fh:
        while not last:
            more = fh.read(size)
            buf = rest + more if rest else more    # rest: the last row cut off, unread
            end = buf.find(b"</sheetData>")
            last = end >= 0 or not more
            if last:
                part, rest = memoryview(buf)[:end if end >= 0 else len(buf)], b""
            else:
                # Cut where a row starts with its number, so each slice's rows are numbered as in
                # the sheet (a row without r="…" is numbered after the one before it).
                cut = buf.rfind(_ROW, 1)
                if cut < 0:                        # a row longer than a slice: read on
                    rest = buf
                    continue
                part, rest = memoryview(buf)[:cut], buf[cut:]
            sheet = book.workbook(head, part).get_sheet_by_name("s")
            del part, buf, more
            start = sheet.start
            if start is None:                      # a slice of empty rows
                continue
            cells = sheet.to_python(skip_empty_area=True)
            del sheet
            if start[0] > row:
                yield from ([""] * width for _ in range(start[0] - row))
            row = start[0] + len(cells)
            if start[1]:                           # as the whole sheet's rows: from column A
                pad = [""] * start[1]
                cells = [pad + r for r in cells]
            have = len(cells[0]) if cells else 0
            if have < width:                       # as wide as the widest rows before
                extra = [""] * (width - have)
                for r in cells:
                    r += extra
            width = max(width, have)
            yield from cells
            del cells
