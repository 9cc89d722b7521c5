"""A format-free document that reports build block by block; renderers turn it into PDF."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.printing.errors import PrintError
from app.printing.styles import TextStyle, official_styles


@dataclass(frozen=True)
class Text:
    text: str
    style: str


@dataclass(frozen=True)
class KeyValues:
    pairs: tuple[tuple[str, str], ...]
    per_row: int
    label_share: float  # share of each pair's width given to its label


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] | None  # relative column widths; None means equal
    aligns: tuple[str, ...] | None


@dataclass(frozen=True)
class Image:
    path: Path
    max_width_mm: float
    max_height_mm: float
    align: str


@dataclass(frozen=True)
class Spacer:
    height_mm: float


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Bookmark:
    title: str
    level: int


@dataclass(frozen=True)
class Section:
    """Starts a new part (one dossier of a batch): new page, bookmark, contents line, own page count."""

    title: str


@dataclass(frozen=True)
class Contents:
    title: str


Block = Text | KeyValues | Table | Image | Spacer | PageBreak | Bookmark | Section | Contents


@dataclass
class Document:
    """An official-style document: append blocks in reading order, then render it."""

    title: str
    header_text: str = ""
    author: str = ""
    styles: dict[str, TextStyle] = field(default_factory=official_styles)
    blocks: list[Block] = field(default_factory=list)

    def add_style(self, name: str, style: TextStyle) -> None:
        self.styles[name] = style

    def add_title(self, text: str, *, style: str = "title") -> None:
        self._text(text, style)

    def heading(self, text: str, level: int = 1) -> None:
        if level not in (1, 2):
            raise PrintError(f"标题级别只能是 1 或 2，收到：{level}（“{text}”）")
        self._text(text, f"heading{level}")

    def paragraph(self, text: str, style: str = "body") -> None:
        self._text(text, style)

    def key_values(self, pairs: Sequence[tuple[str, str]], *, per_row: int = 2,
                   label_share: float = 0.4) -> None:
        if per_row < 1 or not 0 < label_share < 1:
            raise PrintError(f"信息表参数无效：每行 {per_row} 项，标签占比 {label_share}")
        self.blocks.append(KeyValues(tuple((str(k), str(v)) for k, v in pairs), per_row, label_share))

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]], *,
              widths: Sequence[float] | None = None, aligns: Sequence[str] | None = None) -> None:
        count = len(header)
        for name, spec in (("列宽", widths), ("对齐", aligns)):
            if spec is not None and len(spec) != count:
                raise PrintError(f"表格“{header[0] if header else ''}”的{name}有 {len(spec)} 项，应为 {count} 项")
        for number, row in enumerate(rows, start=1):
            if len(row) != count:
                raise PrintError(f"表格第 {number} 行有 {len(row)} 列，表头有 {count} 列")
        body = tuple(tuple("" if cell is None else str(cell) for cell in row) for row in rows)
        self.blocks.append(Table(tuple(header), body, tuple(widths) if widths else None,
                                 tuple(aligns) if aligns else None))

    def image(self, path: Path | str, *, max_width_mm: float = 35, max_height_mm: float = 49,
              align: str = "center") -> None:
        self.blocks.append(Image(Path(path), max_width_mm, max_height_mm, align))

    def spacer(self, height_mm: float = 5) -> None:
        self.blocks.append(Spacer(height_mm))

    def page_break(self) -> None:
        self.blocks.append(PageBreak())

    def bookmark(self, title: str, level: int = 1) -> None:
        self.blocks.append(Bookmark(title, level))

    def section(self, title: str) -> None:
        self.blocks.append(Section(title))

    def contents(self, title: str = "目　录") -> None:
        self.blocks.append(Contents(title))

    def _text(self, text: str, style: str) -> None:
        if style not in self.styles:
            raise PrintError(f"样式“{style}”未定义（文字：“{text[:20]}”）")
        self.blocks.append(Text(str(text), style))

    @property
    def section_titles(self) -> list[str]:
        return [block.title for block in self.blocks if isinstance(block, Section)]
