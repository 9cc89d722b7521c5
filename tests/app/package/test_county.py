"""County mode: three townships merged, totals checked by hand; a repeated package refused,
a newer one replaces the old and says what changed."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from python_calamine import CalamineWorkbook

from app.cli import main
from app.package.county import merge_packages, preview_merge
from app.store import Store
from sqlalchemy import func, select

from db.models.county import CountyPackage, CountyRow
from tests.app.package.helpers import add_roster, data_rows, edit_cell, export_q3, find_row, set_township
from tests.app.package.records import add_records

# 青山镇: the usual year (张三 出席, 李四 请假; two suggestions); 白霓镇: both present, no suggestions.
RECORDS = {"青山镇": {}, "白霓镇": {"attendance": {"赵六": "出席", "钱七": "出席"}, "suggestions": 0}}

TOWNS = {
    "青山镇": ("421281103000", [("张三", [("乡镇", "在任"), ("县", "在任")]), ("李四", [("乡镇", "在任")]),
                               ("王五", [("乡镇", "辞职")])]),
    "白霓镇": ("421281104000", [("赵六", [("乡镇", "在任"), ("市", "在任")]), ("钱七", [("县", "在任")])]),
    "路口镇": ("421281105000", [("孙八", [("乡镇", "在任")]), ("周九", [("乡镇", "去世")]),
                               ("吴十", [("乡镇", "在任"), ("县", "在任")]), ("郑一", [("乡镇", "在任")])]),
}


@pytest.fixture
def packages(tmp_path, open_new_store):
    out = []
    for name, (code, people) in TOWNS.items():
        with open_new_store(tmp_path / name, today=date(2026, 11, 22)) as s:
            set_township(s, name=name, code=code)
            add_roster(s, people)
            if name in RECORDS:
                add_records(s, **RECORDS[name])
            out.append(export_q3(s, tmp_path / f"{name}.xlsx").path)
    return out


@pytest.fixture
def county(store):
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    return store


def test_merge_three_townships_and_summary_totals(packages, tmp_path, capsys, open_new_store):
    folder = tmp_path / "县 人大"
    with open_new_store(folder, today=date(2026, 11, 22)) as s:
        set_township(s, name="崇阳县", code="421281000000", mode="county")
    summary = tmp_path / "汇总.xlsx"
    code = main(["--data-dir", str(folder), "county", "merge", *map(str, packages),
                 "--summary", str(summary)])
    assert code == 0, capsys.readouterr()
    rows = CalamineWorkbook.from_path(str(summary)).get_sheet_by_name("各乡镇汇总").to_python()
    head = rows[0]
    table = {r[0]: dict(zip(head, r)) for r in rows[1:]}
    # 青山镇: 张三, 李四 serving (王五 resigned); seats 乡镇 2, 县 1
    assert (table["青山镇"]["代表人数"], table["青山镇"]["乡镇代表"], table["青山镇"]["县代表"]) == (2, 2, 1)
    # 白霓镇: 赵六 (乡镇+市), 钱七 (县)
    assert (table["白霓镇"]["代表人数"], table["白霓镇"]["市代表"], table["白霓镇"]["县代表"]) == (2, 1, 1)
    # 路口镇: 孙八, 吴十, 郑一 serving (周九 died); 乡镇 3, 县 1
    assert (table["路口镇"]["代表人数"], table["路口镇"]["乡镇代表"], table["路口镇"]["县代表"]) == (3, 3, 1)
    total = table["合计"]
    assert (total["代表人数"], total["乡镇代表"], total["县代表"], total["市代表"], total["代表小组"]) == (7, 6, 3, 1, 3)
    figures = ["活动次数", "参与率", "意见建议", "交办率", "办结率", "满意率", "超期"]
    # 青山镇: one Q3 activity (the May one is Q2), 张三 of 2 serving present; 2 suggestions both
    # assigned, 1 closed, its reply 满意; the passed-up one unanswered past 2026-08-13 → overdue.
    assert [table["青山镇"][f] for f in figures] == [1, "50.0%", 2, "100.0%", "50.0%", "100.0%", 1]
    assert [table["白霓镇"][f] for f in figures] == [1, "100.0%", 0, "—", "—", "—", 0]
    assert [table["路口镇"][f] for f in figures] == [0, "0.0%", 0, "—", "—", "—", 0]
    # 3 of 7 serving deputies took part
    assert [total[f] for f in figures] == [2, "42.9%", 2, "100.0%", "50.0%", "100.0%", 1]


def test_same_package_twice_is_refused_and_a_newer_one_shows_changes(county, packages, tmp_path, monkeypatch):
    merge_packages(county, packages)
    [again] = merge_packages(county, packages[:1])
    assert again.status == "拒绝" and "已导入过" in again.message
    later = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0) + timedelta(minutes=5)
    monkeypatch.setattr("app.package.export.utcnow", lambda: later)   # same-second exports are not newer
    with Store.open(tmp_path / "青山镇", today=date(2026, 11, 22)) as s:
        newer = export_q3(s, tmp_path / "青山镇-更正.xlsx").path
    row = find_row(newer, "代表名册", "姓名", "李四")
    edit_cell(newer, "代表名册", row=row, header="联系电话", value="13900000000")
    [outcome] = merge_packages(county, [newer])
    assert outcome.status == "已更新"
    assert outcome.changes == {"代表名册": {"新增": 0, "修改": 1, "删除": 0}}


def _stored(store) -> dict[str, set[tuple[str, str]]]:
    with store.read() as session:
        rows = session.execute(select(CountyPackage.township_name, CountyRow.sheet, CountyRow.uuid, CountyRow.data)
                               .join(CountyRow, CountyRow.package_id == CountyPackage.id)).all()
    out: dict[str, set] = {}
    for town, sheet, uuid, data in rows:
        out.setdefault(town, set()).add((sheet, uuid, data))
    return out


def test_a_newer_package_says_what_it_adds_changes_and_drops_and_the_preview_says_the_same(
        county, packages, tmp_path, monkeypatch):
    """The county reads 新增/修改/删除 as: rows of the newer package not in the stored one, rows in
    both whose values differ, rows of the stored one the newer one no longer has. A changed 编号 is
    one row dropped and one added."""
    merge_packages(county, packages)
    later = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0) + timedelta(minutes=5)
    monkeypatch.setattr("app.package.export.utcnow", lambda: later)
    with Store.open(tmp_path / "青山镇", today=date(2026, 11, 22)) as s:
        newer = export_q3(s, tmp_path / "青山镇-更正.xlsx").path
    edit_cell(newer, "代表名册", row=find_row(newer, "代表名册", "姓名", "李四"), header="联系电话", value="13900000000")
    levels = data_rows(newer)["代表层级"]
    dropped = levels[1][levels[0].index("编号")]
    edit_cell(newer, "代表层级", row=2, header="编号", value="00000000-0000-4000-8000-000000000001")
    expected = {"代表名册": {"新增": 0, "修改": 1, "删除": 0}, "代表层级": {"新增": 1, "修改": 0, "删除": 1}}
    before = _stored(county)

    [preview] = preview_merge(county, [newer])
    assert (preview.status, preview.changes) == ("将更新", expected)
    assert _stored(county) == before                       # a preview writes nothing

    [outcome] = merge_packages(county, [newer])
    assert (outcome.status, outcome.changes) == ("已更新", expected)
    after = _stored(county)
    assert after["白霓镇"] == before["白霓镇"] and after["路口镇"] == before["路口镇"]
    qingshan = {(sheet, uuid) for sheet, uuid, _ in after["青山镇"]}
    newer_rows = {(sheet, r[rows[0].index("编号")]) for sheet, rows in data_rows(newer).items()
                  if sheet not in ("说明",) and rows and "编号" in rows[0] for r in rows[1:]}
    assert qingshan == newer_rows                          # the old package's rows are gone, the new ones all there
    assert ("代表层级", dropped) not in qingshan
    with county.read() as session:
        assert session.scalar(select(func.count()).select_from(CountyPackage)) == 3
        assert session.scalar(select(CountyPackage.file_name).where(CountyPackage.township_name == "青山镇")) \
            == "青山镇-更正.xlsx"


def test_township_mode_cannot_merge(store, packages):
    set_township(store)
    from app.package import PackageError
    with pytest.raises(PackageError, match="县级汇总模式"):
        merge_packages(store, packages)
