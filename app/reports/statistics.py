"""统计报表 as a PDF: the period's tables, written once against the printing document."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.printing import Document, format_date_cn, hao, render_pdf
from app.statistics.report import Statistics
from app.statistics.tables import StatTable, all_tables

# Relative column widths for tables whose text columns need the room.
WIDTHS = {
    "coverage": (2.2, 1.6, 3.6, 3.0),
    "participation_deputy": (1.3, 1.6, 1, 1, 1, 1, 1.2, 1.2),
    "suggestion_figures": (1.6, 1.9, 3.6),
}


def statistics_pdf(stats: Statistics, *, path: Path) -> Path:
    return render_pdf(build_statistics(stats), path)


def build_statistics(stats: Statistics, *, tables: list[StatTable] | None = None,
                     title: str | None = None) -> Document:
    title = title or f"{stats.township}{stats.period.label}代表工作统计"
    doc = new_document(stats, title=title)
    doc.paragraph(f"（统计期间：{format_date_cn(stats.period.start)}至{format_date_cn(stats.period.end)}，"
                  f"制表日期：{format_date_cn(stats.today)}）", style="subtitle")
    for number, table in enumerate(tables if tables is not None else all_tables(stats), start=1):
        add_table(doc, table, number=number)
    return doc


def new_document(stats: Statistics, *, title: str) -> Document:
    doc = Document(title=title, author=stats.township, header_text=f"{stats.township}人大主席团")
    size = hao("五号")
    doc.add_style("table", replace(doc.styles["table"], size=size, leading=size * 1.35))
    doc.add_style("table_header", replace(doc.styles["table_header"], size=size, leading=size * 1.35))
    doc.add_title(title)
    return doc


def add_table(doc: Document, table: StatTable, *, number: int) -> None:
    doc.heading(f"{_cn_number(number)}、{table.title}")
    rows = table.rows or (("（无）", *[""] * (len(table.header) - 1)),)
    doc.table(table.header, rows, widths=WIDTHS.get(table.key))
    if table.note:
        doc.paragraph(table.note, style="small")


def _cn_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    return ("十" if n < 20 else digits[n // 10] + "十") + (digits[n % 10] if n % 10 else "")
