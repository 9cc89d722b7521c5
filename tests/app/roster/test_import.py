from datetime import date

import pytest

from app import settings
from app.roster.importer import SheetOptions, apply_import, preview_import
from app.roster.listing import roster_rows
from app.roster.groups import groups
from app.roster_sheet import RosterSheetError
from tests.fixtures.make_messy_roster import make_messy_roster


@pytest.fixture
def messy(tmp_path, store):
    with store.write("设置") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18))
    path = tmp_path / "代表 名册.xlsx"
    expected = make_messy_roster(path)
    return path, expected


def test_preview_counts_and_located_refusals(store, messy):
    path, expected = messy
    preview = preview_import(store, path=path)
    summary = preview.summary()
    # 15 records read, one of them (row 19) repeats row 4: 14 distinct new deputies.
    assert (summary["new"], summary["updated"], summary["unchanged"]) == (14, 0, 0)
    assert [(d["rows"]) for d in summary["duplicates"]] == [[4, 19]]
    assert [(r["sheet"], r["row"], r["column"]) for r in summary["refused"]] == [
        ("代表名册", 13, "F"), ("代表名册", 14, "F"), ("代表名册", 15, "E")]
    assert preview.new_groups == ["第一代表小组", "第二代表小组"]
    assert roster_rows(store) == []   # a preview writes nothing


def test_apply_writes_and_reimport_is_a_no_op(store, messy, data_dir):
    path, _ = messy
    apply_import(store, path=path, on=date(2026, 3, 2))
    rows = {r.name: r for r in roster_rows(store)}
    assert len(rows) == 14
    assert rows["张三"].levels == ("县", "乡镇") and rows["张三"].group == "第一代表小组"
    assert rows["张三"].category == "基层一线：村(社区)干部"
    assert rows["周九"].levels == ("市", "县", "乡镇")
    assert rows["沈十七"].birth == "1965.07" and rows["沈十七"].id_masked == ""
    assert rows["李四"].phone == "13912345678"
    # group one: rows 4 5 8 10 17 21; group two: rows 6 7 9 11 16 18 20 22
    assert [(g.name, g.members) for g in groups(store)] == [("第一代表小组", 6), ("第二代表小组", 8)]
    assert list((data_dir / "backups").glob("*before-import*"))
    again = preview_import(store, path=path).summary()
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 14)
    apply_import(store, path=path)
    assert len(roster_rows(store)) == 14


def test_changed_phone_shows_as_update(store, messy):
    path, _ = messy
    apply_import(store, path=path)
    from openpyxl import load_workbook
    book = load_workbook(path)
    book["代表名册"]["K8"] = "13900000001"   # 钱七's phone
    book.save(path)
    preview = preview_import(store, path=path)
    [item] = preview.of_kind("updated")
    assert item.name == "钱七" and item.changes == ["联系电话：13800000001 → 13900000001"]


def test_xls_is_refused_with_advice(store, tmp_path):
    with pytest.raises(RosterSheetError, match="另存为"):
        preview_import(store, path=tmp_path / "名册.xls", options=SheetOptions())
