"""代表满意度测评表: one form per suggestion with the reply in brief and a row per deputy to tick
满意 / 基本满意 / 不满意 and sign; votes already recorded are ticked."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app import settings
from app.printing import Document, format_date_cn, render_pdf
from app.store import Store
from app.suggestions.detail import SuggestionDetail
from app.suggestions.service import load_detail
from app.vocabulary import Vote

TICK = "√"
SUMMARY_CHARS = 400     # the form is one page; the full reply is in the ledger


def satisfaction_forms(store: Store, *, suggestion_ids: list[int], path: Path, today: date) -> Path:
    township = settings.get(store, "township").name
    doc = Document(title=f"{township}人大代表意见建议办理满意度测评表", author=township,
                   header_text=f"{township}人大主席团")
    for index, sid in enumerate(suggestion_ids):
        if index:
            doc.page_break()
        satisfaction_form(doc, load_detail(store, suggestion_id=sid, today=today), township=township)
    return render_pdf(doc, path)


def satisfaction_form(doc: Document, detail: SuggestionDetail, *, township: str) -> None:
    row, reply = detail.row, (detail.replies[-1] if detail.replies else None)
    doc.bookmark(row.number)
    doc.add_title("代表意见建议办理满意度测评表")
    doc.key_values([
        ("编　　号", row.number), ("类　　别", row.category),
        ("标　　题", row.title), ("收到日期", format_date_cn(row.received_on)),
        ("主办单位", row.lead_unit or "未交办"), ("协办单位", row.assisting_units or "无"),
        ("答复日期", format_date_cn(reply.replied_on) if reply else "尚未答复"),
        ("答复形式", reply.form if reply else ""),
        ("答 复 人", reply.answered_by if reply else ""),
        ("办理轮次", f"第 {reply.round} 轮" if reply else ""),
    ])
    doc.heading("答复情况摘要")
    doc.paragraph(_summary(reply.content) if reply else "（承办单位尚未答复）")
    doc.heading("代表测评意见")
    votes = dict(reply.votes) if reply else {}
    rows = [(i, d.name, d.role, *(TICK if votes.get(d.name) == v else "" for v in Vote.values()), "")
            for i, d in enumerate(detail.deputies, start=1)]
    doc.table(("序号", "代表姓名", "身份", *Vote.labels(), "代表签名"), rows,
              widths=(0.6, 1.4, 0.8, 0.8, 1.1, 0.9, 1.8),
              aligns=("center", "center", "center", "center", "center", "center", "left"))
    doc.paragraph("请代表在相应栏内打“√”并签名。对答复不满意的，请在下方写明理由，"
                  "主席团将退回承办单位重新办理。", style="small")
    doc.paragraph("不满意的理由：", style="plain")
    doc.spacer(18)
    doc.paragraph("测评日期：　　　　年　　月　　日", style="plain")
    doc.paragraph(f"{township}人大主席团（章）", style="plain")


def _summary(text: str) -> str:
    text = (text or "").strip() or "（答复未录入内容）"
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS] + "……（全文见台账）"
