"""人代会会议记录: one session's dates, place, presidium, agenda, attendance, attendees without a
vote, documents, and the motions and suggestions handed in."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import settings
from app.congress.reading import SessionView, get_session
from app.printing import Document, format_date_cn, render_pdf
from app.vocabulary import AttendanceStatus


@dataclass(frozen=True)
class SessionRecord:
    township: str
    view: SessionView

    def build(self) -> Document:
        doc = Document(title="人代会会议记录", author=self.township, header_text=f"{self.township}人大主席团")
        doc.add_title(self.view.title)
        doc.paragraph("会议记录", style="subtitle")
        self.details(doc)
        self.agenda(doc)
        self.attendance(doc)
        self.handed_in(doc)
        return doc

    def details(self, doc: Document) -> None:
        v = self.view
        when = format_date_cn(v.start_date)
        if v.end_date and v.end_date != v.start_date:
            when += f" 至 {format_date_cn(v.end_date)}"
        doc.key_values([("会议时间", when), ("会议地点", v.place or "—")], per_row=1, label_share=0.2)
        doc.heading("一、主席团成员")
        doc.paragraph("、".join(n for _, n in v.presidium) or "（未记录）", style="plain")

    def agenda(self, doc: Document) -> None:
        doc.heading("二、会议议程")
        rows = [(i, kind, title) for i, (kind, title) in enumerate(self.view.agenda, start=1)]
        doc.table(("序号", "类别", "议程"), rows or [("", "", "（未记录）")], widths=(0.6, 1.2, 5),
                  aligns=("center", "center", "left"))
        if self.view.documents:
            doc.paragraph("会议文件：" + "；".join(t for t, _, _ in self.view.documents), style="plain")

    def attendance(self, doc: Document) -> None:
        lines = self.view.attendance
        counts = {s: sum(1 for a in lines if a.status == s) for s in AttendanceStatus.values()}
        doc.heading(f"三、出席情况（应到 {len(lines)} 人，出席 {counts['出席']} 人，"
                    f"请假 {counts['请假']} 人，缺席 {counts['缺席']} 人）")
        rows = [(i, a.name, a.status, a.reason) for i, a in enumerate(lines, start=1)]
        doc.table(("序号", "姓名", "出席情况", "请假原因"), rows, widths=(0.6, 1.5, 1.2, 3.5),
                  aligns=("center", "center", "center", "left"))
        nonvoting = f"列席 {self.view.nonvoting_count} 人"
        if self.view.nonvoting_names:
            nonvoting += f"：{self.view.nonvoting_names}"
        doc.paragraph(nonvoting, style="plain")

    def handed_in(self, doc: Document) -> None:
        doc.heading("四、代表提出的议案和建议")
        rows = [(i, m.kind, m.number, m.title, m.lead, m.signers, m.outcome)
                for i, m in enumerate(self.view.motions, start=1)]
        doc.table(("序号", "类别", "编号", "标题", "领衔", "小组/联名", "处理情况"),
                  rows or [("", "", "", "（无）", "", "", "")], widths=(0.5, 0.6, 1, 2.6, 0.8, 1.6, 1))
        if self.view.notes:
            doc.heading("五、其他事项")
            doc.paragraph(self.view.notes)


def print_session_record(store, *, session_id: int, path: Path) -> Path:
    with store.read() as session:
        record = SessionRecord(settings.load(session, "township").name, get_session(session, session_id))
    return render_pdf(record.build(), path)
