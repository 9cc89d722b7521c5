"""述职测评表: the form each voter present fills in after a deputy's report to voters (满意 /
基本满意 / 不满意, with room for opinions); the secretary counts the returned forms and enters
the totals (app/voter_reports/records.enter_evaluation)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import settings
from app.printing import Document, format_date_cn, render_pdf
from app.roster.listing import list_rows
from app.store import Store
from app.voter_reports import VoterReportError

from db.models.voter_report import VoterReport

ITEMS = ("履职总体情况", "联系选民、反映群众意见情况", "参加代表小组活动和人代会情况", "为民办实事、助推发展情况")


@dataclass(frozen=True)
class EvaluationForm:
    township: str
    deputy: str
    levels: str
    on: str
    place: str

    def build(self) -> Document:
        doc = Document(title=f"{self.deputy}代表述职测评表", author=self.township,
                       header_text=f"{self.township}人大主席团")
        doc.add_title("人大代表向选民述职测评表")
        doc.key_values([("代表姓名", self.deputy), ("代表层级", self.levels), ("述职日期", self.on),
                        ("述职地点", self.place)])
        doc.spacer(3)
        doc.paragraph("请听取代表述职后，在每项相应的“□”内打“√”（每项只选一项），当场交回。", style="small")
        rows = [(n, item, "□", "□", "□") for n, item in enumerate(ITEMS, start=1)]
        rows.append(("", "总体评价", "□", "□", "□"))
        doc.table(("序号", "测评内容", "满意", "基本满意", "不满意"), rows, widths=(0.6, 4.2, 1.1, 1.1, 1.1),
                  aligns=("center", "left", "center", "center", "center"))
        doc.spacer(3)
        doc.table(("对代表履职的意见和建议",), [("\n".join("　" * 4),)], widths=(8.1,))
        doc.spacer(3)
        doc.paragraph(f"选民姓名（可不填）：＿＿＿＿＿＿　　{self.township}人大主席团制", style="small")
        return doc


def evaluation_form(store: Store, *, report_id: int, path: Path) -> Path:
    with store.read() as db:
        row = db.get(VoterReport, report_id)
        if row is None or row.deleted_at is not None:
            raise VoterReportError("找不到这次述职记录（可能已被删除）")
        deputy = list_rows(db, ids={row.deputy_id})[0]
        township = settings.load(db, "township").name
        form = EvaluationForm(township, deputy.name, "、".join(deputy.levels) + "人大代表" if deputy.levels else "人大代表",
                              format_date_cn(row.reported_on), row.place)
    return render_pdf(form.build(), path)



