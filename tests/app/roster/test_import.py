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


@pytest.fixture
def unreadable(tmp_path, store):
    from tests.fixtures.make_messy_roster import make_unreadable_cells_roster
    with store.write("设置") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18))
    path = tmp_path / "名册.xlsx"
    return path, make_unreadable_cells_roster(path)


def test_cells_that_do_not_identify_a_deputy_are_warnings_not_refusals(store, unreadable):
    path, expected = unreadable
    preview = preview_import(store, path=path)
    assert preview.refused == [] and preview.summary()["new"] == 3
    assert [(w.row, w.column) for w in preview.warnings] == expected["warnings"]
    by_cell = {(w.row, w.column): w for w in preview.warnings}
    assert by_cell[(3, "K")].field == "联系电话" and by_cell[(3, "K")].reason.endswith("；已留空")
    assert by_cell[(3, "K")].person == "张三（4212**********123X）"
    assert by_cell[(3, "E")].reason.endswith("已按身份证号记为 1985年3月12日")
    assert by_cell[(4, "C")].reason == "性别“不详”应为 男 或 女；已按身份证号记为女"
    assert by_cell[(4, "J")].reason.startswith("代表构成“退休人员”不在本镇的类别中")
    assert by_cell[(5, "D")].located() == "代表名册 第 5 行 D 列（民族）王五：民族“火星族”不在可选列表中；已留空"


def test_the_preview_shows_the_values_that_will_be_stored(store, unreadable):
    from app.roster.import_view import item_view
    path, _ = unreadable
    views = {v.row: v for v in map(item_view, preview_import(store, path=path).items)}
    zhang, li, wang = views["3"], views["4"], views["5"]
    assert (zhang.sex, zhang.birth, zhang.phone) == ("男", "1985年3月12日", "")
    assert zhang.levels == "县（届次未填）、乡镇（第十八届）" and zhang.group == "第一代表小组"
    assert (li.sex, li.levels, li.phone) == ("女", "", "13912345678")
    assert li.note == "性别已按身份证号记为女；代表层级已留空；代表构成已留空"
    assert "退休人员" in li.detail and "村级" in li.detail
    # 30000 in a cell without a date format: Excel's serial for 1982-02-18.
    assert (wang.person, wang.birth) == ("王五", "1982年2月18日")


def test_a_month_only_birth_is_shown_as_a_month(store, messy):
    from app.roster.import_view import item_view
    path, _ = messy
    views = {v.row: v for v in map(item_view, preview_import(store, path=path).items)}
    assert views["20"].birth == "1965年7月" and views["20"].person == "沈十七"   # no ID: month only
    assert views["4"].birth == "1985年3月12日"          # the ID number gives the day


def test_imported_with_the_unreadable_fields_empty_and_the_warnings_kept(store, unreadable):
    from sqlalchemy import select
    from db.models.core import AuditEntry
    path, expected = unreadable
    done = apply_import(store, path=path, on=date(2026, 12, 4))
    assert [(w.row, w.column) for w in done.warnings] == expected["warnings"]
    rows = {r.name: r for r in roster_rows(store)}
    assert (rows["张三"].phone, rows["张三"].birth) == ("", "1985.03.12")
    assert (rows["李四"].sex, rows["李四"].category, rows["李四"].levels) == ("女", "", ())
    assert rows["王五"].birth == "1982.02.18"
    with store.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
        assert "提示 6 条" in entry.summary
        assert "代表名册 第 3 行 K 列（联系电话）" in entry.after


def test_a_known_deputys_unreadable_phone_keeps_the_phone_on_file(store, messy):
    path, _ = messy
    apply_import(store, path=path)
    from openpyxl import load_workbook
    book = load_workbook(path)
    book["代表名册"]["K8"] = "1390000"   # 钱七's phone, digits missing
    book.save(path)
    preview = preview_import(store, path=path)
    [warning] = preview.warnings
    assert warning.reason.endswith("；保留原有内容") and warning.person.startswith("钱七")
    assert preview.of_kind("updated") == []     # nothing changes: her phone stays 13800000001
    apply_import(store, path=path)
    assert {r.name: r.phone for r in roster_rows(store)}["钱七"] == "13800000001"


def test_refused_and_repeated_rows_name_the_person(store, messy):
    path, _ = messy
    preview = preview_import(store, path=path)
    from tests.fixtures.make_messy_roster import make_id
    chen = make_id("19760918", "051")   # the ID is right; his birth cell contradicts it
    assert [r.person for r in preview.refused] == [
        "郑十一（4212**********1000）", "冯十二（4212**********0225）", f"陈十三（4212**********{chen[-4:]}）"]
    [dup] = preview.duplicates
    assert dup.person == "张三（4212**********123X）"


def test_a_county_seat_read_without_a_term_column_keeps_its_term_unknown(store, messy):
    # The roster says 张三 sits in the county and the township congress; the township's term is
    # 18, the county's is not said anywhere: his county seat is 届次未填, never 第十八届.
    from app.roster.seats import deputy_seats
    path, _ = messy
    apply_import(store, path=path, on=date(2026, 3, 2))
    zhang = next(r for r in roster_rows(store) if r.name == "张三")
    assert [(s.level, s.term) for s in deputy_seats(store, deputy_id=zhang.id)] == [("县", None), ("乡镇", 18)]
    again = preview_import(store, path=path).summary()   # the unknown-term seat is the same seat
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 14)


def test_a_term_column_gives_every_seat_its_term_and_fills_an_unknown_one(store, messy):
    from openpyxl import load_workbook
    from app.roster.seats import deputy_seats
    path, _ = messy
    apply_import(store, path=path, on=date(2026, 3, 2))
    book = load_workbook(path)
    sheet = book["代表名册"]
    sheet["P3"] = "届次"
    for row in range(4, 23):
        sheet[f"P{row}"] = "第十七届"       # the county's term, said by the sheet
    book.save(path)
    preview = preview_import(store, path=path)
    zhang = next(i for i in preview.items if i.name == "张三")
    assert "县级届次：未填 → 第十七届" in zhang.changes
    apply_import(store, path=path, on=date(2026, 3, 3))
    zid = next(r.id for r in roster_rows(store) if r.name == "张三")
    assert [(s.level, s.term) for s in deputy_seats(store, deputy_id=zid)] == [
        ("县", 17), ("乡镇", 18), ("乡镇", 17)]


def test_an_unreadable_term_cell_leaves_the_term_unknown_with_a_warning(store, messy):
    from openpyxl import load_workbook
    path, _ = messy
    book = load_workbook(path)
    book["代表名册"]["P3"] = "届次"
    book["代表名册"]["P4"] = "本届"
    book.save(path)
    preview = preview_import(store, path=path)
    [warning] = preview.warnings
    assert (warning.row, warning.column, warning.field) == (4, "P", "届次")
    assert warning.reason.endswith("；届次未填")
