"""Demonstration self-reports: the first group's form for the third quarter, sent out and returned
with two visits, a suggestion and an excused absence its deputies had not reported, waiting for review."""
from __future__ import annotations

import random
import tempfile
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from app.selfreport.export import export_form, form_scopes
from app.selfreport.layout import ACTIVITIES, SUGGESTIONS, VISITS
from app.selfreport.review import import_returned
from app.statistics.periods import StatPeriod
from app.store import Store
from db.models.activity import Activity, Attendance
from db.models.contact import FixedVoter, HelpedHousehold
from db.models.roster import Deputy

ORDER = 50
Q3 = StatPeriod("quarter", 2026, 3)


def fill(store: Store, rng: random.Random) -> dict[str, int]:
    scopes = [s for s in form_scopes(store) if s[0] != "全体在任代表"]
    if not scopes:
        return {"待审核的代表填报": 0}
    ids = scopes[0][1]
    with store.read() as session:
        names = dict(session.execute(select(Deputy.id, Deputy.name).where(Deputy.id.in_(ids))).all())
        voter = session.execute(select(FixedVoter.deputy_id, FixedVoter.name).where(
            FixedVoter.deputy_id.in_(ids), FixedVoter.deleted_at.is_(None)).limit(1)).first()
        absent = session.execute(select(Attendance.deputy_id, Activity.start_date, Activity.theme).join(
            Activity, Activity.id == Attendance.activity_id).where(
            Attendance.deputy_id.in_(ids), Attendance.status == "缺席", Activity.deleted_at.is_(None),
            Activity.start_date >= Q3.start, Activity.start_date <= Q3.end).limit(1)).first()
        home = session.execute(select(HelpedHousehold.deputy_id, HelpedHousehold.head_name).where(
            HelpedHousehold.deputy_id.in_(ids), HelpedHousehold.deleted_at.is_(None)).limit(1)).first()
    with tempfile.TemporaryDirectory() as folder:
        path = export_form(store, deputy_ids=ids, period=Q3, path=Path(folder) / "第一小组填报表（交回）.xlsx")
        book = load_workbook(path)
        visits, suggestions = book[VISITS], book[SUGGESTIONS]
        for who, target, day, what in ((voter, "上门走访", date(2026, 8, 18), "了解秋收和农资供应情况"),
                                       (home, "电话", date(2026, 9, 5), "询问孩子入学补助落实情况")):
            if who is not None:
                _blank_row(visits, names[who.deputy_id], [day.isoformat(), who[1], target, what])
        if absent is not None:
            _blank_row(book[ACTIVITIES], names[absent.deputy_id],
                       [absent.start_date.isoformat(), "", absent.theme, "请假", "在县城参加农技培训，会前已电话请假"])
        deputy = names[ids[0]]
        _blank_row(suggestions, deputy, ["2026-09-16", "建议在青山村口增设公交停靠站",
                                         "村民反映赶集候车无遮挡，雨天不便。", "基础设施"])
        book.save(path)
        result = import_returned(store, path=path, today=date(2026, 10, 8))
    return {"待审核的代表填报": result.added}


def _blank_row(sheet, name: str, values: list[str]) -> None:
    """The deputy's first blank row (his name only) filled in with `values`."""
    for row in sheet.iter_rows(min_row=3):
        if row[0].value == name and all(c.value in (None, "") for c in row[1:]):
            for cell, value in zip(row[1:], values):
                cell.value = value
            return
