"""Turns document blocks into reportlab flowables in the official-document look."""
from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, PageBreakIfNotEmpty
from reportlab.platypus import Image as RLImage
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from app.printing import document as d
from app.printing.errors import PrintError
from app.printing.fonts import FontSet
from app.printing.cells import plain_text
from app.printing.cjkparagraph import CJKParagraph
from app.printing.markup import to_markup
from app.printing.styles import StyleBook

# Cell padding: a plain-string cell must fit the column less these.
H_PADDING = 4 + 4

GRID_COMMANDS = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
]


class Mark(Flowable):
    """A zero-size marker the page template reacts to (section start, bookmark)."""

    def __init__(self, *, title: str, level: int, section: int | None = None) -> None:
        super().__init__()
        self.title, self.level, self.section = title, level, section

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


class FormNumber(Flowable):
    """Draws a number known only at the end (a section's first page) through a PDF form."""

    def __init__(self, form: str, height: float) -> None:
        super().__init__()
        self.form, self.height = form, height

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        # The form draws its number centred on its origin; move the origin to the cell's centre.
        self.canv.translate(self.width / 2, 0)
        self.canv.doForm(self.form)


class BlockConverter:
    """Converts blocks of one document; keeps its style book so styles are built once."""

    def __init__(self, *, document: d.Document, fonts: FontSet, frame_width: float) -> None:
        self.document, self.fonts, self.width = document, fonts, frame_width
        self.book = StyleBook(document.styles, fonts)
        self.sections = 0
        # Cells hold paragraphs, but reportlab still sets the cell font: name ours, not Helvetica.
        self.grid = TableStyle([*GRID_COMMANDS, ("FONT", (0, 0), (-1, -1), self.book.font_of("table"))])
        self._styles: dict[tuple[bool, tuple[str, ...]], TableStyle] = {}

    def para(self, text: str, style: str, align: str | None = None) -> CJKParagraph:
        pstyle = self.book.paragraph_style(style, align)
        return CJKParagraph(to_markup(text, main=pstyle.fontName, fonts=self.fonts), pstyle)

    def convert(self, block: d.Block) -> Iterator[Flowable]:
        match block:
            case d.Text(text=text, style=style):
                if style.startswith("heading"):
                    # A heading never stands alone at the foot of a page: start a new page
                    # unless the heading and a few lines of what it heads still fit.
                    yield CondPageBreak(self.book.paragraph_style(style, None).leading * 4)
                yield self.para(text, style)
            case d.KeyValues():
                yield self.key_values(block)
            case d.Table():
                yield self.table(block)
            case d.Image():
                yield self.image(block)
            case d.Spacer(height_mm=height):
                yield RLSpacer(1, height * mm)
            case d.PageBreak():
                yield PageBreakIfNotEmpty()
            case d.Bookmark(title=title, level=level):
                yield Mark(title=title, level=level)
            case d.Section(title=title):
                self.sections += 1
                yield PageBreakIfNotEmpty()
                yield Mark(title=title, level=0, section=self.sections)
            case d.Contents(title=title):
                yield from self.contents(title)

    def key_values(self, block: d.KeyValues) -> RLTable:
        pair_width = self.width / block.per_row
        label_w = pair_width * block.label_share
        rows: list[list[object]] = []
        for start in range(0, len(block.pairs), block.per_row):
            chunk = list(block.pairs[start:start + block.per_row])
            chunk += [("", "")] * (block.per_row - len(chunk))
            rows.append([cell for label, value in chunk
                         for cell in (self.cell(label, "table", "center", label_w),
                                      self.cell(value, "table", "left", pair_width - label_w))])
        widths = [label_w, pair_width - label_w] * block.per_row
        if not rows:
            return RLSpacer(1, 0)
        return self._spaced(RLTable(rows, colWidths=widths,
                                    style=self.cell_style(header=False, aligns=("center", "left") * block.per_row)))

    def table(self, block: d.Table) -> RLTable:
        aligns = tuple(block.aligns or ("left",) * len(block.header))
        relative = block.widths or (1.0,) * len(block.header)
        total = sum(relative)
        if total <= 0:
            raise PrintError(f"表格“{block.header[0]}”的列宽之和必须大于 0")
        widths = [self.width * share / total for share in relative]
        header = [self.cell(text, "table_header", None, widths[i]) for i, text in enumerate(block.header)]
        body = [[self.cell(cell, "table", aligns[i], widths[i]) for i, cell in enumerate(row)]
                for row in block.rows]
        return self._spaced(RLTable([header, *body], colWidths=widths, repeatRows=1,
                                    style=self.cell_style(header=True, aligns=aligns)))

    def cell(self, text: object, style: str, align: str | None, width: float) -> str | CJKParagraph:
        """A plain string when the text fits one line in the style's own font (much faster), else a paragraph."""
        pstyle = self.book.paragraph_style(style, align)
        shown = plain_text(str(text), font=pstyle.fontName, size=pstyle.fontSize, width=width - H_PADDING,
                           fonts=self.fonts)
        return self.para(str(text), style, align) if shown is None else shown

    def cell_style(self, *, header: bool, aligns: tuple[str, ...]) -> TableStyle:
        """The grid plus, for plain-string cells, the font, size, leading and alignment their paragraphs would have."""
        key = (header, aligns)
        cached = self._styles.get(key)
        if cached is None:
            cached = TableStyle(self._cell_commands(header=header, aligns=aligns), parent=self.grid)
            self._styles[key] = cached
        return cached

    def _cell_commands(self, *, header: bool, aligns: tuple[str, ...]) -> list[tuple]:
        body = self.book.paragraph_style("table")
        first = 1 if header else 0
        commands: list[tuple] = [("FONT", (0, first), (-1, -1), body.fontName, body.fontSize, body.leading)]
        for column, align in enumerate(aligns):
            # A one-line justified paragraph prints flush left.
            commands.append(("ALIGN", (column, first), (column, -1), "LEFT" if align == "justify" else align.upper()))
        if header:
            head = self.book.paragraph_style("table_header")
            commands += [("FONT", (0, 0), (-1, 0), head.fontName, head.fontSize, head.leading),
                         ("ALIGN", (0, 0), (-1, 0), self.book.text_style("table_header").align.upper())]
        return commands

    @staticmethod
    def _spaced(table: RLTable) -> RLTable:
        table.spaceBefore, table.spaceAfter = 4, 10
        return table

    def image(self, block: d.Image) -> RLImage:
        try:
            width, height = ImageReader(str(block.path)).getSize()
        except Exception as exc:
            raise PrintError(f"图片无法读取：{block.path}（{exc}）") from exc
        scale = min(block.max_width_mm * mm / width, block.max_height_mm * mm / height)
        picture = RLImage(str(block.path), width * scale, height * scale)
        picture.hAlign = block.align.upper()
        return picture

    def contents(self, title: str) -> Iterator[Flowable]:
        yield self.para(title, "title")
        number_height = self.book.text_style("table").leading
        rows = [[self.para("序号", "table_header"), self.para("标题", "table_header"),
                 self.para("汇编页码", "table_header")]]
        for index, name in enumerate(self.document.section_titles, start=1):
            rows.append([self.para(str(index), "table", "center"), self.para(name, "table"),
                         FormNumber(f"sec-start-{index}", number_height)])
        widths = [self.width * 0.12, self.width * 0.7, self.width * 0.18]
        yield RLTable(rows, colWidths=widths, repeatRows=1, style=self.grid)
