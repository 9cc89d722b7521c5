"""Export → import into an empty database → export again gives the same rows; a re-import adds nothing."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.package.importer import apply_import, preview_import
from db.models.core import AuditEntry
from db.models.exchange import ExchangeLog
from db.models.roster import Deputy, DeputyGroup
from tests.app.package.helpers import data_rows, export_q3, set_township, township_with_roster


def test_round_trip_gives_the_same_rows(store, other_store, tmp_path):
    township_with_roster(store)
    first = export_q3(store, tmp_path / "一.xlsx")
    set_township(other_store)
    result = apply_import(other_store, first.path)
    assert result.written == 3 + 1 + 3 + 4      # 3 deputies, 1 group, their 3 stays in it, 4 seats
    second = export_q3(other_store, tmp_path / "二.xlsx")
    assert data_rows(second.path) == data_rows(first.path)
    with other_store.read() as s:
        leader = s.get(Deputy, s.scalar(select(DeputyGroup.leader_id)))
        assert leader.name == "张三"
        assert s.scalar(select(Deputy.work_unit_post).where(Deputy.name == "张三")) == "=村委会主任"


def test_reimport_changes_nothing(store, other_store, tmp_path):
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "一.xlsx")
    set_township(other_store)
    apply_import(other_store, pkg.path)
    with other_store.read() as s:
        audits = s.scalar(select(func.count(AuditEntry.id)))
        logs = s.scalar(select(func.count(ExchangeLog.id)))
    again = apply_import(other_store, pkg.path)
    assert again.written == 0
    assert again.preview.counts["代表名册"] == {"new": 0, "changed": 0, "unchanged": 3, "conflicts": 0}
    with other_store.read() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) == audits
        assert s.scalar(select(func.count(ExchangeLog.id))) == logs


def test_masked_export_hides_ids_and_records_the_choice(store, tmp_path):
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "遮蔽.xlsx", full_ids=False)
    rows = data_rows(pkg.path)["代表名册"]
    col = rows[0].index("身份证号")
    assert rows[1][col] == "1101**********002X"
    with store.read() as s:
        after, label = s.execute(select(AuditEntry.after, AuditEntry.label).where(AuditEntry.action == "export")).one()
    assert "已遮蔽" in after and "2026年第3季度" in label
    # the masked package reimported here matches the real numbers: nothing to change
    assert preview_import(store, pkg.path).counts["代表名册"]["unchanged"] == 3


def test_export_writes_text_dates_and_no_leftover_temp_file(store, tmp_path):
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "包.xlsx")
    rows = data_rows(pkg.path)["代表名册"]
    head = rows[0]
    assert rows[1][head.index("出生日期")] == date(1970, 3, 5)
    assert rows[1][head.index("身份证号")] == "11010519491231002X"
    assert rows[1][head.index("工作单位及职务")] == "=村委会主任"
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".xlsx" and p.name.startswith(".")] == []
    from openpyxl import load_workbook
    ws = load_workbook(pkg.path)["代表层级"]
    assert ws.freeze_panes == "A2"
    assert any("在任" in (dv.formula1 or "") for dv in ws.data_validations.dataValidation)
    assert ws["A2"].data_type == "s"


def test_a_seat_whose_term_is_unknown_travels_as_unknown(store, other_store, tmp_path):
    # A county seat read from the township's roster has no term yet (届次未填): the package
    # carries it as a blank 届次 cell, and the other computer reads it back as unknown, not 0.
    from db.models.roster import DeputyLevel
    township_with_roster(store)
    with store.write("县级届次未填") as uow:
        seat = uow.session.scalars(select(DeputyLevel).order_by(DeputyLevel.id)).first()
        seat.level, seat.term = "县", None
    first = export_q3(store, tmp_path / "一.xlsx")
    rows = data_rows(first.path)["代表层级"]
    header = rows[0]
    unknown = [r for r in rows[1:] if r[header.index("届次")] in (None, "")]
    assert [(r[header.index("姓名")], r[header.index("层级")]) for r in unknown] == [("张三", "县")]
    set_township(other_store)
    apply_import(other_store, first.path)
    with other_store.read() as s:
        assert s.scalars(select(DeputyLevel.level).where(DeputyLevel.term.is_(None))).all() == ["县"]
    assert data_rows(export_q3(other_store, tmp_path / "二.xlsx").path) == data_rows(first.path)
    again = apply_import(other_store, first.path)
    assert again.written == 0
