"""交办单: one page per suggestion (number, deputies, content, units, deadline with its date and
explanation, contact); several letters print into one PDF."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app import settings
from app.printing import Document, format_date_cn, render_pdf
from app.store import Store
from app.suggestions.service import load_detail


def assignment_letters(store: Store, *, suggestion_ids: list[int], path: Path, today: date) -> Path:
    township = settings.get(store, "township")
    doc = Document(title=f"{township.name}人大主席团意见建议交办单", author=township.name)
    for index, sid in enumerate(suggestion_ids):
        detail = load_detail(store, suggestion_id=sid, today=today)
        if index:
            doc.page_break()
        _letter(doc, detail, township)
    return render_pdf(doc, path)


def _letter(doc: Document, detail, township) -> None:
    row = detail.row
    doc.bookmark(row.number)
    doc.add_title(f"{township.name}人大代表意见建议交办单")
    doc.key_values([
        ("编　　号", row.number), ("收到日期", format_date_cn(row.received_on)),
        ("领衔代表", row.lead_deputy), ("附议代表", row.cosigners or "无"),
        ("类　　别", row.category), ("办理方式", row.mode or "未交办"),
        ("主办单位", row.lead_unit), ("协办单位", row.assisting_units or "无"),
        ("期限类型", row.deadline_kind),
        ("答复期限", format_date_cn(row.deadline) if row.deadline else "未交办"),
    ])
    doc.heading("意见建议内容")
    doc.paragraph(f"《{row.title}》")
    doc.paragraph(row.content or "（无）")
    if detail.deadline_explanation:
        doc.heading("答复期限的计算")
        for line in detail.deadline_explanation.splitlines():
            doc.paragraph(line)
    doc.heading("办理要求")
    doc.paragraph("请承办单位认真研究办理，在答复期限内以书面或见面形式答复代表，"
                  "并将办理情况报乡镇人大主席团。")
    doc.paragraph(f"联系人：{township.secretary or '人大秘书'}（{township.name}人大主席团）")
