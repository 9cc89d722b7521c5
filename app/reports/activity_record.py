"""活动记录表: one activity's details, minutes, outcomes, problems raised, attendance and photos."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import settings
from app.activities.reading import ActivityView, get_activity
from app.attachments import IMAGE_EXTS, stored_path
from app.printing import Document, format_date_cn, render_pdf
from app.store import Store
from app.vocabulary import AttachmentKind, AttendanceStatus


@dataclass(frozen=True)
class ActivityRecord:
    township: str
    view: ActivityView
    photos: list[Path]

    def build(self) -> Document:
        doc = Document(title="代表活动记录表", author=self.township, header_text=f"{self.township}人大主席团")
        doc.add_title(f"{self.township}人大代表活动记录表")
        self.details(doc)
        self.texts(doc)
        self.attendance(doc)
        self.pictures(doc)
        return doc

    def details(self, doc: Document) -> None:
        d = self.view.data
        when = format_date_cn(d.start_date)
        if d.end_date and d.end_date != d.start_date:
            when += f" 至 {format_date_cn(d.end_date)}"
        if d.start_time and d.end_time:
            when += f" {d.start_time}—{d.end_time}"
        doc.key_values([("活动类型", d.kind), ("组织者", self.view.organiser), ("活动主题", d.theme),
                        ("所属行动", d.campaign), ("活动时间", when), ("活动地点", d.place),
                        ("列席人数", str(d.invited_count)), ("经　　费", f"{d.cost:g} 元")])

    def texts(self, doc: Document) -> None:
        d = self.view.data
        for title, text in (("活动纪要", d.minutes), ("活动成果", d.outcomes), ("反映的问题", d.problems)):
            doc.heading(title)
            doc.paragraph(text or "（无）")
        if self.view.suggestions:
            doc.paragraph("已登记为意见建议：" + "；".join(t for _, t in self.view.suggestions), style="plain")

    def attendance(self, doc: Document) -> None:
        rows = self.view.data.attendance
        counts = {s: sum(1 for a in rows if a.status == s) for s in AttendanceStatus.values()}
        doc.heading(f"出勤情况（出席 {counts['出席']} 人，请假 {counts['请假']} 人，缺席 {counts['缺席']} 人）")
        body = [(n, self.view.names.get(a.deputy_id, ""), self.view.attended_for.get(a.deputy_id, ""),
                 a.status, a.reason) for n, a in enumerate(rows, start=1)]
        doc.table(("序号", "姓名", "所在小组", "出勤", "请假原因"), body, widths=(0.6, 1.3, 2.4, 0.9, 2.2),
                  aligns=("center", "center", "left", "center", "left"))
        if self.view.data.invited_names:
            doc.paragraph(f"列席人员：{self.view.data.invited_names}", style="plain")

    def pictures(self, doc: Document) -> None:
        if not self.photos:
            return
        doc.heading("活动照片")
        for path in self.photos:
            doc.image(path, max_width_mm=150, max_height_mm=100)


def activity_record(store: Store, *, activity_id: int, path: Path) -> Path:
    with store.read() as session:
        view = get_activity(session, activity_id)
        township = settings.load(session, "township").name
    photos = [p for a in view.attachments if a.ext in IMAGE_EXTS and a.kind == AttachmentKind.PHOTO
              for p in [stored_path(store.data_dir, sha256=a.sha256, ext=a.ext)] if p]
    return render_pdf(ActivityRecord(township, view, photos).build(), path)
