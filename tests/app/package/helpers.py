"""Building small townships by hand for the package tests (the ORM directly, known values)."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from app import settings
from app.package.export import export_package
from app.package.period import parse_quarter
from db.models.roster import Deputy, DeputyGroup, DeputyLevel, GroupMembership

# Valid GB 11643 numbers (the ID check is not under test here).
IDS = ["11010519491231002X", "110105194912310038", "110105194912310046", "110105194912310054"]


def set_township(store, *, name="青山镇", code="421281103000", mode="township") -> None:
    with store.write("设置乡镇") as uow:
        settings.save(uow, "township", settings.Township(name=name, code=code, county="崇阳县", term=18, mode=mode))


def add_roster(store, people: list[tuple[str, list[tuple[str, str]]]], *, group="第一代表小组") -> None:
    """people: (name, [(level, status), …]); everyone joins one group, the first is its leader."""
    with store.write("录入名册") as uow:
        s = uow.session
        g = DeputyGroup(name=group)
        s.add(g)
        s.flush()
        for i, (name, seats) in enumerate(people):
            d = Deputy(name=name, sex="男" if i % 2 else "女", birth_date=date(1970 + i, 3, 5),
                       id_number=IDS[i] if i < len(IDS) else None, phone="13800138000",
                       work_unit_post="=村委会主任" if i == 0 else "青山村", updated_at=datetime(2026, 8, 1, 9, 30))
            s.add(d)
            s.flush()
            s.add(GroupMembership(group_id=g.id, deputy_id=d.id, joined_on=date(2026, 1, 1)))
            for level, status in seats:
                s.add(DeputyLevel(deputy_id=d.id, level=level, term=18, constituency="第一选区", status=status,
                                  elected_on=date(2021, 9, 1), updated_at=datetime(2026, 8, 1, 9, 30)))
            if i == 0:
                g.leader_id = d.id


def township_with_roster(store) -> None:
    set_township(store)
    add_roster(store, [("张三", [("乡镇", "在任"), ("县", "在任")]), ("李四", [("乡镇", "在任")]),
                       ("王五", [("乡镇", "辞职")])])


def export_q3(store, path: Path, *, full_ids=True):
    return export_package(store, out=path, period=parse_quarter("2026Q3"), full_ids=full_ids)


def data_rows(path: Path) -> dict[str, list[list]]:
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(str(path))
    return {n: book.get_sheet_by_name(n).to_python() for n in book.sheet_names if n != "说明"}


def edit_cell(path: Path, sheet: str, *, row: int, header: str, value, out: Path | None = None) -> Path:
    wb = load_workbook(path)
    ws = wb[sheet]
    col = [c.value for c in ws[1]].index(header) + 1
    ws.cell(row=row, column=col, value=value)
    wb.save(out or path)
    return out or path


def find_row(path: Path, sheet: str, header: str, value) -> int:
    rows = data_rows(path)[sheet]
    col = rows[0].index(header)
    return next(i for i, r in enumerate(rows, start=1) if r[col] == value)
