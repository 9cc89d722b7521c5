"""The fill-in workbook the secretary sends to a group or a deputy: what the records hold of each
deputy's activities, visits and suggestions in the period, with blank rows for what is missing.
Every cell is text (a theme like "=SUM(" never becomes a formula); saved through a temporary file."""
from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.roster.listing import list_rows
from app.savefile import save_workbook
from app.selfreport import SelfReportError
from app.selfreport.layout import (ACTIVITIES, ACTIVITY_COLUMNS, BLANK_ROWS, GUIDE, RECORDED, ROSTER_HEADER,
                                   SUGGESTION_COLUMNS, SUGGESTIONS, VISIT_COLUMNS, VISITS)
from app.statistics.periods import StatPeriod
from app.store import Store
from app.suggestions.units import list_categories
from db.models.activity import Activity, Attendance
from db.models.contact import ContactVisit, FixedVoter, HelpedHousehold
from db.models.suggestion import Suggestion

HEAD = PatternFill("solid", fgColor="F2DCDB")
DONE = PatternFill("solid", fgColor="EEEEEE")


def export_form(store: Store, *, deputy_ids: Collection[int], period: StatPeriod, path: Path) -> Path:
    if not deputy_ids:
        raise SelfReportError("请先选择要填报的代表或代表小组")
    with store.read() as session:
        book = build_form(session, deputy_ids=deputy_ids, period=period)
    return save_workbook(book, Path(path))


def build_form(session: Session, *, deputy_ids: Collection[int], period: StatPeriod) -> Workbook:
    people = list_rows(session, ids=list(deputy_ids))
    names = {p.id: p.name for p in people}
    township = settings.load(session, "township").name
    book = Workbook()
    guide = book.active
    guide.title = GUIDE
    _guide(guide, township=township, period=period, people=people, categories=list_categories(session))
    span = (period.start, period.end)
    _sheet(book, ACTIVITIES, [c[0] for c in ACTIVITY_COLUMNS], _activities(session, names, *span), names,
           title=f"{period.label}参加活动情况（空白行填写出勤未登记或登记有误的活动）")
    _sheet(book, VISITS, [c[0] for c in VISIT_COLUMNS], _visits(session, names, *span), names,
           title=f"{period.label}走访联系选民、帮扶户（空白行填写尚未登记的走访）")
    _sheet(book, SUGGESTIONS, [c[0] for c in SUGGESTION_COLUMNS], _suggestions(session, names, *span), names,
           title=f"{period.label}提出的意见建议（空白行填写尚未登记的意见建议）")
    return book


def _guide(sheet, *, township: str, period: StatPeriod, people, categories: list[str]) -> None:
    lines = [f"{township}人大代表履职情况填报表（{period.label}）",
             "1. “参加活动”“走访选民”“意见建议”三页中灰色的行是已登记的记录，请核对，不必改动。",
             "2. 尚未登记的内容请填在空白行，姓名、日期（如 2026-05-03）必填：参加活动页填写出勤未登记或登记有误的活动"
             "（日期和主题与已登记的活动一致，出勤填“出席”或“请假”，请假须写原因）；走访对象须是本人联系台账中的"
             "联系选民或帮扶户姓名；意见建议须填写标题。",
             "3. 意见建议类别可填：" + "、".join(categories) + "（不填为“其他”）。",
             "4. 填好后交回镇人大主席团，经审核采纳后才记入履职档案。请勿改动本页下方的代表名单。"]
    for r, line in enumerate(lines, start=1):
        _text(sheet.cell(r, 1), line).font = Font(bold=(r == 1), size=14 if r == 1 else 11)
    top = len(lines) + 2
    for c, title in enumerate(ROSTER_HEADER, start=1):
        _text(sheet.cell(top, c), title).font = Font(bold=True)
    for r, p in enumerate(people, start=top + 1):
        for c, value in enumerate((str(p.id), p.name, p.group), start=1):
            _text(sheet.cell(r, c), value)
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 24


def _sheet(book, name: str, header, rows: list[tuple], names: dict[int, str], *, title: str,
           blank: bool = True) -> None:
    sheet = book.create_sheet(name)
    _text(sheet.cell(1, 1), title).font = Font(bold=True, size=13)
    for c, h in enumerate(header, start=1):
        cell = _text(sheet.cell(2, c), h)
        cell.font, cell.fill = Font(bold=True), HEAD
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(c)].width = max(12, min(40, len(h) * 2 + 4))
    r = 3
    for row in rows:
        for c, value in enumerate(row, start=1):
            _text(sheet.cell(r, c), value).fill = DONE
        r += 1
    if blank:
        for name_ in names.values():
            for _ in range(BLANK_ROWS):
                _text(sheet.cell(r, 1), name_)
                r += 1
    sheet.freeze_panes = "A3"


def _day(d: date) -> str:
    return d.isoformat()


def _activities(session: Session, names, start: date, end: date) -> list[tuple]:
    found = session.execute(select(Attendance.deputy_id, Activity.start_date, Activity.kind, Activity.theme,
                                   Attendance.status, Attendance.reason).join(Activity, Activity.id == Attendance.activity_id)
                            .where(Attendance.deputy_id.in_(names), Activity.deleted_at.is_(None),
                                   Activity.start_date >= start, Activity.start_date <= end)
                            .order_by(Attendance.deputy_id, Activity.start_date)).all()
    return [(names[d], _day(on), kind, theme, status, reason, RECORDED)
            for d, on, kind, theme, status, reason in _by_roster(found, names)]


def _visits(session: Session, names, start: date, end: date) -> list[tuple]:
    found = session.execute(select(ContactVisit.deputy_id, ContactVisit.visited_on, FixedVoter.name,
                                   HelpedHousehold.head_name, ContactVisit.way, ContactVisit.content)
                            .outerjoin(FixedVoter, FixedVoter.id == ContactVisit.voter_id)
                            .outerjoin(HelpedHousehold, HelpedHousehold.id == ContactVisit.household_id)
                            .where(ContactVisit.deputy_id.in_(names), ContactVisit.deleted_at.is_(None),
                                   ContactVisit.visited_on >= start, ContactVisit.visited_on <= end)
                            .order_by(ContactVisit.deputy_id, ContactVisit.visited_on)).all()
    return [(names[d], _day(on), voter or household or "", way, content, RECORDED)
            for d, on, voter, household, way, content in _by_roster(found, names)]


def _suggestions(session: Session, names, start: date, end: date) -> list[tuple]:
    found = session.execute(select(Suggestion.lead_deputy_id, Suggestion.received_on, Suggestion.title,
                                   Suggestion.content, Suggestion.category, Suggestion.number)
                            .where(Suggestion.lead_deputy_id.in_(names), Suggestion.deleted_at.is_(None),
                                   Suggestion.received_on >= start, Suggestion.received_on <= end)
                            .order_by(Suggestion.lead_deputy_id, Suggestion.received_on)).all()
    return [(names[d], _day(on), title, content, category, f"{RECORDED}（{number}）")
            for d, on, title, content, category, number in _by_roster(found, names)]


def _by_roster(rows, names: dict[int, str]) -> list:
    order = {d: i for i, d in enumerate(names)}
    return sorted(rows, key=lambda row: order[row[0]])


def _text(cell, value):
    cell.value = None if value in (None, "") else str(value)
    if cell.value is not None:
        cell.data_type = "s"
    return cell


def form_scopes(store: Store) -> list[tuple[str, list[int]]]:
    """Who a form can be made for: each group's current deputies, every current deputy, then each
    current deputy alone (a form of their own)."""
    with store.read() as session:
        rows = [r for r in list_rows(session) if r.current]
    groups: dict[str, list[int]] = {}
    for r in rows:
        if r.group:
            groups.setdefault(r.group, []).append(r.id)
    everyone = [("全体在任代表", [r.id for r in rows])] if rows else []
    alone = [(f"{r.name}（{r.group}）" if r.group else r.name, [r.id]) for r in rows]
    return list(groups.items()) + everyone + alone
