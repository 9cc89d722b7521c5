"""Renders a Document to an A4 PDF with header, "第 X 页 共 Y 页" footer (and the batch's own page
number when the document has sections), bookmarks and contents."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from app.printing import units
from app.printing.document import Document
from app.printing.errors import PrintCancelled, PrintError
from app.printing.flowables import BlockConverter, Mark
from app.printing.fonts import FontSet, default_fontset
from app.printing.styles import StyleBook
from app.progress import Progress
from app.savefile import save_message

FOOTER_GAP = 8  # points between "第 X 页" and "共 Y 页", around the page's centre line
# Forms clip to their box: numbers are drawn centred on the origin, so the box must reach left and down.
FORM_BOX = {"lowerx": -200, "lowery": -50, "upperx": 200, "uppery": 50}


class _DeskDocTemplate(BaseDocTemplate):
    """Tracks sections (each numbered on its own) and draws the running header and footer."""

    def __init__(self, filename: str, *, document: Document, book: StyleBook,
                 progress: Progress | None) -> None:
        super().__init__(
            filename, pagesize=A4, leftMargin=units.MARGIN_LEFT, rightMargin=units.MARGIN_RIGHT,
            topMargin=units.MARGIN_TOP, bottomMargin=units.MARGIN_BOTTOM,
            title=document.title, author=document.author, creator="代表履职工作台",
            pageCompression=1, initialFontName=book.font_of("body"), initialFontSize=16,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate("page", frames=[frame], onPageEnd=self._decorate)])
        self._doSave = 0  # saved by render_pdf after the page-count forms are defined
        self.header_text, self.book, self.progress = document.header_text, book, progress
        self.section_total = len(document.section_titles)
        self.section_first: dict[int, int] = {0: 1}
        self.current = 0
        self.outline_level = -1
        self.marks = 0

    def afterFlowable(self, flowable) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, Mark):
            if flowable.section is not None:
                self._start_section(flowable)
            self._bookmark(flowable)

    def _start_section(self, mark: Mark) -> None:
        if self.progress is not None:
            if self.progress.cancelled:
                raise PrintCancelled()
            self.progress.step(mark.section - 1, self.section_total, f"正在排版：{mark.title}")
        self.current = mark.section
        self.section_first[mark.section] = self.page

    def _bookmark(self, mark: Mark) -> None:
        self.marks += 1
        key = f"mark{self.marks}"
        level = max(0, min(mark.level, self.outline_level + 1))  # outlines may not skip a level
        self.canv.bookmarkPage(key, fit="XYZ", top=self.frame._y + 10, left=0, zoom=0)
        self.canv.addOutlineEntry(mark.title, key, level=level, closed=level > 0)
        self.outline_level = level

    def _decorate(self, canv, doc) -> None:
        width, height = A4
        canv.saveState()
        if self.header_text:
            style = self.book.paragraph_style("header")
            canv.setFont(style.fontName, style.fontSize)
            y = height - units.MARGIN_TOP + 12 * mm
            canv.drawCentredString(width / 2, y, self.header_text)
            canv.setLineWidth(0.5)
            canv.line(units.MARGIN_LEFT, y - 3 * mm, width - units.MARGIN_RIGHT, y - 3 * mm)
        style = self.book.paragraph_style("footer")
        canv.setFont(style.fontName, style.fontSize)
        y = units.MARGIN_BOTTOM - 14 * mm
        number = self.page - self.section_first[self.current] + 1
        canv.drawRightString(width / 2 - FOOTER_GAP / 2, y, f"第 {number} 页")
        canv.saveState()
        canv.translate(width / 2 + FOOTER_GAP / 2, y)
        canv.doForm(f"sec-total-{self.current}")
        canv.restoreState()
        if self.section_total:
            # Each part counts its own pages (a dossier taken out of the batch stays whole); the
            # contents gives the batch's page numbers, which this line carries on every page.
            canv.drawRightString(width - units.MARGIN_RIGHT, y, f"汇编第 {self.page} 页")
        canv.restoreState()

    def finish(self) -> None:
        """Define the forms holding each section's page count and first page, then save."""
        canv = self.canv
        firsts = sorted(self.section_first.items())
        ends = [first for _, first in firsts[1:]] + [self.page + 1]
        style = self.book.paragraph_style("footer")
        table = self.book.paragraph_style("table")
        for (section, first), end in zip(firsts, ends):
            canv.beginForm(f"sec-total-{section}", **FORM_BOX)
            canv.setFont(style.fontName, style.fontSize)
            canv.drawString(0, 0, f"共 {end - first} 页")
            canv.endForm()
            canv.beginForm(f"sec-start-{section}", **FORM_BOX)
            canv.setFont(table.fontName, table.fontSize)
            canv.drawCentredString(0, table.leading * 0.3, str(first))
            canv.endForm()
        canv.showOutline()
        canv.save()


def render_pdf(document: Document, path: Path | str, *, progress: Progress | None = None,
               fonts: FontSet | None = None) -> Path:
    """Render document to path atomically: a failed or cancelled render leaves any old file intact."""
    target = Path(path)
    if not target.parent.is_dir():
        raise PrintError(f"保存位置不存在：{target.parent}")
    fonts = fonts or default_fontset()
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise PrintError(save_message(exc, target)) from exc
    try:
        _build(document, temp_name, fonts=fonts, progress=progress)
        os.replace(temp_name, target)
    except OSError as exc:      # a full disk, a file open elsewhere: said in Chinese
        Path(temp_name).unlink(missing_ok=True)
        raise PrintError(save_message(exc, target)) from exc
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target


def _build(document: Document, filename: str, *, fonts: FontSet,
           progress: Progress | None) -> None:
    book = StyleBook(document.styles, fonts)
    template = _DeskDocTemplate(filename, document=document, book=book, progress=progress)
    converter = BlockConverter(document=document, fonts=fonts, frame_width=template.width)
    total = len(document.section_titles)
    flowables = []
    for block in document.blocks:
        if progress is not None and progress.cancelled:
            raise PrintCancelled()
        flowables.extend(converter.convert(block))
    template.build(flowables)
    if progress is not None:
        progress.step(total, total, "排版完成，正在保存文件")
    template.finish()
