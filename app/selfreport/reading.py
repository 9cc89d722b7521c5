"""A returned fill-in workbook, read as the outside file it is: the one safety check every
workbook passes first, then each filled-in row checked as the forms check it. Any bad row refuses
the whole file, each problem named by file, sheet, row, column and field; nothing is kept."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.selfreport import SelfReportError
from app.selfreport.layout import ATTENDANCE_CLAIMS, GUIDE, HEADER_ROW, KINDS, LIMITS, RECORDED, ROSTER_HEADER
from app.serial_dates import serial_date
from app.suggestions.units import list_categories
from app.text_rules import text_problem
from app.vocabulary import SelfReportKind
from app.workbook_guard import WorkbookRefused, check_workbook
from db.models.activity import Activity, Attendance
from db.models.contact import FixedVoter, HelpedHousehold
from db.models.roster import Deputy

DATE_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
SHOWN = 20        # problems listed in one refusal


@dataclass(frozen=True)
class Reported:
    kind: str                 # visit / suggestion
    deputy_id: int
    values: dict              # the checked values, dates as ISO text
    sheet: str
    row: int


def read_returned(session: Session, *, path: Path, today: date) -> list[Reported]:
    path = Path(path)
    try:
        check_workbook(path, LIMITS)
    except WorkbookRefused as exc:
        raise SelfReportError(str(exc)) from None
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names
                  if name in (GUIDE, *KINDS)}
    except Exception as exc:    # calamine's own errors for a damaged part
        raise SelfReportError(f"无法读取“{path.name}”：不是有效的 .xlsx 工作簿或已损坏（{exc.__class__.__name__}），"
                              "请在 Excel 或 WPS 中打开它、另存为新的 .xlsx 后再导入") from None
    return _Reader(session, path.name, today).read(sheets)


class _Reader:
    def __init__(self, session: Session, file: str, today: date) -> None:
        self.session, self.file, self.today = session, file, today
        self.problems: list[str] = []
        self.categories = set(list_categories(session))

    def read(self, sheets: dict[str, list[list]]) -> list[Reported]:
        for name in (GUIDE, *KINDS):
            if name not in sheets:
                raise SelfReportError(f"“{self.file}”中没有“{name}”工作表：请使用本程序导出的填报表")
        people = self._roster(sheets[GUIDE])
        found = [item for name in KINDS for item in self._sheet(sheets[name], name, people)]
        if self.problems:
            more = f"\n……另有 {len(self.problems) - SHOWN} 处问题" if len(self.problems) > SHOWN else ""
            raise SelfReportError(f"“{self.file}”有 {len(self.problems)} 处问题，未导入任何内容：\n"
                                  + "\n".join(self.problems[:SHOWN]) + more)
        return found

    def _roster(self, rows: list[list]) -> dict[str, int]:
        """The deputies the form was made for (名单 on the guide sheet), checked against the records."""
        top = next((i for i, row in enumerate(rows) if tuple(row[:3]) == ROSTER_HEADER), None)
        if top is None:
            raise SelfReportError(f"“{self.file}”的“{GUIDE}”页找不到代表名单（编号、姓名、代表小组），请使用本程序导出的填报表")
        people: dict[str, int] = {}
        for number, row in enumerate(rows[top + 1:], start=top + 2):
            if not row or row[0] in (None, ""):
                continue
            deputy = self.session.get(Deputy, _int(row[0]))
            if deputy is None or deputy.deleted_at is not None or deputy.name != str(row[1] or "").strip():
                self.problems.append(f"“{GUIDE}”第 {number} 行：代表名单中的“{row[1]}”（编号 {row[0]}）与名册不符，"
                                     "请勿改动名单")
                continue
            people[deputy.name] = deputy.id
        return people

    def _sheet(self, rows: list[list], name: str, people: dict[str, int]) -> list[Reported]:
        kind, columns = KINDS[name]
        header = tuple(str(v or "").strip() for v in (rows[HEADER_ROW - 1] if len(rows) >= HEADER_ROW else ()))
        if header[:len(columns)] != tuple(c[0] for c in columns):
            raise SelfReportError(f"“{self.file}”的“{name}”页第 {HEADER_ROW} 行表头被改动，应为："
                                  + "、".join(c[0] for c in columns))
        found = []
        for number, row in enumerate(rows[HEADER_ROW:], start=HEADER_ROW + 1):
            cells = dict(zip((c[1] for c in columns), tuple(row) + (None,) * len(columns)))
            if str(cells["recorded"] or "").startswith(RECORDED):
                continue                  # copied from the records: for checking only
            if all(cells[f] in (None, "") for _h, f, _l in columns if f not in ("name", "recorded")):
                continue                  # a blank row left blank
            item = self._row(kind, name, number, cells, columns, people)
            if item is not None:
                found.append(item)
        return found

    def _row(self, kind, sheet, number, cells, columns, people) -> Reported | None:
        before = len(self.problems)
        where = {f: (get_column_letter(i), h) for i, (h, f, _l) in enumerate(columns, start=1)}

        def problem(field: str, text: str) -> None:
            column, header = where[field]
            self.problems.append(f"“{sheet}”第 {number} 行 {column} 列（{header}）：{text}")

        values = {}
        for _h, field, limit in columns:
            if field in ("on", "recorded"):
                continue
            text = "" if cells[field] is None else str(cells[field]).strip()
            bad = text_problem(text, label=where[field][1], limit=limit)
            if bad:
                problem(field, bad)
            values[field] = text
        deputy_id = people.get(values["name"])
        if not values["name"]:
            problem("name", "请填写代表姓名")
        elif deputy_id is None:
            problem("name", f"“{values['name']}”不在本表的代表名单中")
        day = _date(cells["on"])
        if day is None:
            problem("on", "请填写日期，如 2026-05-03" if cells["on"] in (None, "") else f"“{cells['on']}”不是日期")
        elif day > self.today:
            problem("on", f"日期 {day.isoformat()} 还没到")
        if kind == SelfReportKind.ATTENDANCE:
            self._attendance(values, day, deputy_id, problem)
        elif kind == SelfReportKind.VISIT:
            values["way"] = values["way"] or "上门走访"
            if not values["target"]:
                problem("target", "请填写走访的联系选民或帮扶户姓名")
            elif deputy_id is not None and self._target(deputy_id, values["target"]) is None:
                problem("target", f"“{values['target']}”不是{values['name']}联系台账中的联系选民或帮扶户")
        else:
            if not values["title"]:
                problem("title", "请填写意见建议的标题")
            values["category"] = values["category"] or "其他"
            if values["category"] not in self.categories:
                problem("category", f"类别“{values['category']}”不在本镇的意见建议类别中")
        if len(self.problems) > before:
            return None
        values.pop("name")
        values["on"] = day.isoformat()
        return Reported(kind, deputy_id, values, sheet, number)

    def _attendance(self, values: dict, day: date | None, deputy_id: int | None, problem) -> None:
        values.pop("kind")
        if values["status"] not in ATTENDANCE_CLAIMS:
            problem("status", f"出勤应填“出席”或“请假”，收到“{values['status']}”")
        if values["status"] == "请假" and not values["reason"]:
            problem("reason", "请假须写明原因")
        if day is None or day > self.today:
            return
        held = self.session.execute(select(Activity.id, Activity.theme).where(
            Activity.start_date == day, Activity.deleted_at.is_(None))).all()
        if values["theme"]:
            held = [a for a in held if a.theme == values["theme"]]
        if not held:
            problem("on" if not values["theme"] else "theme",
                    f"{day.isoformat()} 没有登记" + (f"主题为“{values['theme']}”的" if values["theme"] else "") + "活动")
            return
        if len(held) > 1:
            problem("theme", f"{day.isoformat()} 有 {len(held)} 次活动，请填写与已登记一致的主题")
            return
        values["activity_id"], values["theme"] = held[0].id, held[0].theme
        if deputy_id is not None:
            status = self.session.scalar(select(Attendance.status).where(
                Attendance.activity_id == held[0].id, Attendance.deputy_id == deputy_id))
            if status == values["status"]:
                problem("status", f"这次活动已登记为{status}，不必再填")

    def _target(self, deputy_id: int, name: str) -> tuple[str, int] | None:
        voter = self.session.scalar(select(FixedVoter.id).where(
            FixedVoter.deputy_id == deputy_id, FixedVoter.name == name, FixedVoter.deleted_at.is_(None)))
        if voter is not None:
            return ("voter", voter)
        household = self.session.scalar(select(HelpedHousehold.id).where(
            HelpedHousehold.deputy_id == deputy_id, HelpedHousehold.head_name == name,
            HelpedHousehold.deleted_at.is_(None)))
        return ("household", household) if household is not None else None


def find_target(session: Session, *, deputy_id: int, name: str) -> tuple[str, int] | None:
    return _Reader(session, "", date.max)._target(deputy_id, name)


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    found = serial_date(value)
    if found is not None:
        return found
    m = DATE_TEXT.fullmatch(str(value or "").strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _int(value) -> int:
    try:
        return int(float(str(value).strip()))
    except (TypeError, ValueError, OverflowError):
        return 0
