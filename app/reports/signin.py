"""签到表: a blank sign-in sheet for an upcoming activity, with the group's members on that day
and columns for the signature and a leave reason."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import settings
from app.activities import ActivityError
from app.activities.membership import group_names, members_on
from app.printing import Document, format_date_cn, render_pdf
from app.store import Store

BLANK_ROWS = 3   # for invited staff and voters who sign on the day


@dataclass(frozen=True)
class SigninSheet:
    township: str
    group: str
    on: date
    theme: str
    place: str
    names: list[str]
    heading: str = "人大代表活动签到表"

    def build(self) -> Document:
        doc = Document(title=f"{self.group}{self.heading.removeprefix('人大代表')}", author=self.township,
                       header_text=f"{self.township}人大主席团")
        doc.add_title(self.heading)
        doc.paragraph(self.group if self.group.startswith(self.township) else f"{self.township}　{self.group}",
                      style="subtitle")
        word = "会议" if "会议" in self.heading else "活动"
        doc.key_values([("会议名称" if word == "会议" else "活动主题", self.theme or ""),
                        (f"{word}日期", format_date_cn(self.on)), (f"{word}地点", self.place or ""),
                        ("应到人数", f"{len(self.names)} 人")])
        doc.spacer(4)
        rows = [(n, name, "", "") for n, name in enumerate(self.names, start=1)]
        rows += [("", "", "", "")] * BLANK_ROWS
        doc.table(("序号", "姓　名", "签　名", "请假原因"), rows, widths=(0.6, 1.6, 2.2, 2.6),
                  aligns=("center", "center", "left", "left"))
        doc.paragraph("列席人员请在空白行签名并注明单位。", style="small")
        return doc


def signin_sheet(store: Store, *, group_id: int, on: date, path: Path, theme: str = "",
                 place: str = "") -> Path:
    with store.read() as session:
        group = group_names(session).get(group_id)
        if group is None:
            raise ActivityError("所选代表小组不存在")
        names = [m.name for m in members_on(session, group_id=group_id, on=on)]
        township = settings.load(session, "township").name
    return render_pdf(SigninSheet(township, group, on, theme, place, names).build(), path)
