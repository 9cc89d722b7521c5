"""会议通知: the notice that calls the invited deputies to an activity or a congress session (who,
when, where, what about, what to bring, reply by), with the list of those invited and a 回执 to
return; the sign-in sheet for the same meeting prints the same list (app/meetings/invited.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from app import settings
from app.cn import cn_number
from app.meetings import MeetingError
from app.meetings.invited import Invitation, invitation
from app.printing import Document, TextStyle, format_date_cn, hao, render_pdf
from app.reports.signin import SigninSheet
from app.store import Store


@dataclass(frozen=True)
class NoticeDetails:
    """What the secretary adds when printing: not part of the activity or session record."""
    issued_on: date
    reply_by: date
    bring: str = ""          # 请携带：代表证、笔记本……
    contact: str = ""        # 联系人及电话


@dataclass(frozen=True)
class MeetingNotice:
    meeting: Invitation
    details: NoticeDetails

    def build(self) -> Document:
        m, d = self.meeting, self.details
        doc = Document(title=f"{m.organiser}会议通知", author=m.township, header_text=f"{m.township}人大主席团")
        doc.add_style("signature", TextStyle("body", hao("三号"), 29, "right"))
        doc.add_title(f"关于召开{m.title}的通知" if m.is_session else f"关于开展{m.kind}的通知")
        doc.paragraph(f"{m.addressee}：", style="plain")
        doc.paragraph(self._opening())
        for n, (label, text) in enumerate(self._items(), start=1):
            doc.paragraph(f"{cn_number(n)}、{label}：{text}")
        doc.spacer(6)
        doc.paragraph(m.organiser, style="signature")
        doc.paragraph(format_date_cn(d.issued_on), style="signature")
        doc.page_break()
        doc.add_title("参会回执", style="subtitle")
        doc.paragraph(f"（请于{format_date_cn(d.reply_by)}前交回）　{m.title or m.kind}　{format_date_cn(m.on)}", style="small")
        rows = [(n, p.name, p.group, "已准假" if p.leave else "", p.leave) for n, p in enumerate(m.invitees, start=1)]
        doc.table(("序号", "姓　名", "所在代表小组", "能否参加", "不能参加的原因"), rows,
                  widths=(0.6, 1.1, 2.8, 1.0, 2.3), aligns=("center", "center", "left", "center", "left"))
        return doc

    def _opening(self) -> str:
        m = self.meeting
        what = f"召开{m.title}" if m.is_session else f"开展{m.kind}" + (f"，主题为“{m.title}”" if m.title else "")
        return f"经研究，定于{_when(m)}在{m.place or '（地点另行通知）'}{what}。现将有关事项通知如下："

    def _items(self) -> list[tuple[str, str]]:
        m, d = self.meeting, self.details
        items = [("时间", _when(m)), ("地点", m.place or "另行通知")]
        if m.agenda:
            items.append(("议程", "；".join(f"（{cn_number(i)}）{a}" for i, a in enumerate(m.agenda, start=1))))
        elif m.title:
            items.append(("内容", m.title))
        items.append(("参加人员", f"{m.addressee}，共 {len(m.invitees)} 人（名单见回执）"))
        if d.bring.strip():
            items.append(("请携带", d.bring.strip()))
        contact = f"，联系人：{d.contact.strip()}" if d.contact.strip() else ""
        items.append(("回执", f"请于{format_date_cn(d.reply_by)}前将回执交回{contact}。因故不能参加的，"
                             "须向主席团书面请假，经批准后方可缺席"))
        return items


def _when(m: Invitation) -> str:
    days = format_date_cn(m.on) + (f"至{format_date_cn(m.end)}" if m.end and m.end != m.on else "")
    times = f"{m.start_time}—{m.end_time}" if m.start_time and m.end_time else m.start_time
    return f"{days}{' ' + times if times else ''}"


def meeting_notice(store: Store, *, details: NoticeDetails, path: Path, activity_id: int | None = None,
                   session_id: int | None = None) -> Path:
    with store.read() as db:
        meeting = invitation(db, activity_id=activity_id, session_id=session_id)
    if details.reply_by > meeting.on:
        raise MeetingError(f"回执截止日期{format_date_cn(details.reply_by)}晚于会议日期{format_date_cn(meeting.on)}")
    if details.issued_on > details.reply_by:
        raise MeetingError(f"发文日期{format_date_cn(details.issued_on)}晚于回执截止日期{format_date_cn(details.reply_by)}")
    if not meeting.invitees:
        raise MeetingError("这次活动或会议没有应邀参加的代表（小组没有成员，或本届代表尚未录入）")
    return render_pdf(MeetingNotice(meeting, details).build(), path)


def meeting_signin(store: Store, *, path: Path, activity_id: int | None = None,
                   session_id: int | None = None) -> Path:
    """The sign-in sheet for the meeting, listing exactly the deputies its notice invited."""
    with store.read() as db:
        m = invitation(db, activity_id=activity_id, session_id=session_id)
    sheet = SigninSheet(m.township, m.organiser, m.on, m.title, m.place, [p.name for p in m.invitees],
                        heading="人大代表会议签到表" if m.is_session else SigninSheet.heading)
    return render_pdf(sheet.build(), path)


def notice_defaults(store: Store, *, today: date, activity_id: int | None = None,
                    session_id: int | None = None) -> NoticeDetails:
    """What the notice dialog opens with: issued today, replies three days before the meeting
    (not before today), 代表证 and a notebook to bring, the secretary as the contact."""
    with store.read() as db:
        meeting = invitation(db, activity_id=activity_id, session_id=session_id)
        secretary = settings.load(db, "township").secretary
    reply_by = max(min(today, meeting.on), meeting.on - timedelta(days=3))
    return NoticeDetails(issued_on=min(today, reply_by), reply_by=reply_by, bring="代表证、笔记本",
                         contact=secretary)
