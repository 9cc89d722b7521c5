"""意见建议台账 as a PDF: a compact portrait table (small type, header repeated on every page)
with the counts by state at the end."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from app import settings
from app.printing import Document, format_date_cn, hao, render_pdf
from app.store import Store
from app.vocabulary import SuggestionState
from app.suggestions.views import LedgerRow, list_ledger

HEADER = ("编号", "标题", "领衔\n代表", "类别", "收到日期", "承办单位", "答复期限", "答复日期",
          "满意度", "状态")
# In characters of 六号 type plus a cell's padding, so that numbers, dates, names and states
# never break inside (the page holds about 59 such characters).
WIDTHS = (5.3, 8.4, 4.2, 5.0, 6.3, 6.4, 6.3, 6.3, 5.1, 4.2)
ALIGNS = ("center", "left", "center", "center", "center", "left", "center", "center", "center",
          "center")


def ledger_pdf(store: Store, *, path: Path, today: date, year: int | None = None,
               ids: list[int] | None = None) -> Path:
    """The whole ledger (or one year, or the listed suggestions) as printed on `today`."""
    with store.read() as session:
        rows = list_ledger(session, today=today, year=year)
        township = settings.load(session, "township").name
    if ids is not None:
        wanted = set(ids)
        rows = [r for r in rows if r.id in wanted]
    return render_pdf(build_ledger(rows, township=township, today=today, year=year), path)


def build_ledger(rows: list[LedgerRow], *, township: str, today: date,
                 year: int | None = None) -> Document:
    title = f"{township}{year or ''}{'年度' if year else ''}人大代表意见建议台账"
    doc = Document(title=title, author=township, header_text=f"{township}人大主席团")
    _compact(doc)
    doc.add_title(title)
    doc.paragraph(f"（截至{format_date_cn(today)}，共 {len(rows)} 件）", style="subtitle")
    doc.table(HEADER, [_cells(r) for r in rows] or [("", "（没有意见建议）", *[""] * 8)],
              widths=WIDTHS, aligns=ALIGNS)
    counts = Counter(r.state for r in rows)
    doc.paragraph("　".join(f"{s} {counts[s]} 件" for s in SuggestionState.values()), style="small")
    return doc


def _compact(doc: Document) -> None:
    # Ten columns fit a portrait A4 page only in small type (六号, 7.5 points).
    size = hao("六号")
    doc.add_style("table", replace(doc.styles["table"], size=size, leading=size * 1.3))
    doc.add_style("table_header", replace(doc.styles["table_header"], size=size, leading=size * 1.3))


def _cells(r: LedgerRow) -> tuple[str, ...]:
    last = next((x for x in reversed(r.rounds) if x.replied_on), None)
    result = next((x.result for x in reversed(r.rounds) if x.result), "")
    unit = r.lead_unit + (f"（协办：{r.assisting_units}）" if r.assisting_units else "")
    return (r.number, r.title, r.lead_deputy, r.category, _short(r.received_on), unit,
            _short(r.deadline), _short(last.replied_on if last else None), result, r.state)


def _short(day: date | None) -> str:
    return f"{day.year}.{day.month}.{day.day}" if day else ""
