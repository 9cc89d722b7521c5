"""Single pitfalls of hand-made rosters, each in a small workbook built for the test."""
from datetime import date

import pytest
from openpyxl import Workbook

from app.roster_sheet import RosterSheetError, read_roster

# 440304199001010011 and 320102198005060045: check digits worked out in test_identity.py.
MAN_1990 = "440304199001010011"
WOMAN_1980 = "320102198005060045"


def _book(tmp_path, rows, *, title="名册"):
    book = Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    path = tmp_path / "roster.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".xls", ".csv"])
def test_old_excel_and_csv_files_are_refused_with_advice(tmp_path, suffix):
    path = tmp_path / f"名册{suffix}"
    path.write_bytes(b"anything")
    with pytest.raises(RosterSheetError, match=r"另存为.*\.xlsx"):
        read_roster(path)


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(bytes(range(256)))
    with pytest.raises(RosterSheetError, match="文件 坏文件.xlsx 不是 Excel 工作簿"):
        read_roster(path)


def test_a_damaged_sheet_is_refused_without_a_traceback(tmp_path):
    from tests.faults import crafted
    path = crafted.roster_sheet(tmp_path / "坏.xlsx", after='<row r="3"><c r="A3"><v>1</c></row>')
    with pytest.raises(RosterSheetError, match="无法读取“坏.xlsx”：文件已损坏（ParseError）"):
        read_roster(path)


def test_a_sheet_without_recognisable_headings_is_refused(tmp_path):
    path = _book(tmp_path, [["甲", "乙", "丙"], [1, 2, 3]])
    with pytest.raises(RosterSheetError, match="没有找到表头"):
        read_roster(path)


def test_an_unknown_sheet_name_is_refused(tmp_path):
    path = _book(tmp_path, [["姓名", "性别", "民族"]])
    with pytest.raises(RosterSheetError, match="没有名为“花名册”的工作表"):
        read_roster(path, sheet="花名册")


def test_headings_with_spaces_newlines_and_full_width_characters(tmp_path):
    headings = ["姓　名", "身份证\n号码", "联系电话（手机）", "工作单位及\n职务", "级 别", "小组", "届次"]
    path = _book(tmp_path, [headings, ["张三", MAN_1990, "13812345678", "镇政府", "乡镇",
                                       "第一组", "第十八届"]])
    sheet = read_roster(path)
    assert sheet.header_row == 1
    assert sheet.mapping == {"name": "A", "id_number": "B", "phone": "C", "work_unit_post": "D",
                             "levels": "E", "group_name": "F", "term": "G"}
    assert sheet.records[0].term == "第十八届"


def test_sex_and_birth_date_are_read_from_the_id_when_not_typed(tmp_path):
    path = _book(tmp_path, [["姓名", "性别", "出生年月", "身份证号"], ["王芳", None, None, WOMAN_1980]])
    record = read_roster(path).records[0]
    assert (record.sex, record.birth_date, record.birth_precision) == ("女", date(1980, 5, 6), "day")


def test_only_a_missing_name_refuses_a_row_a_bad_phone_or_wrong_sex_are_warnings(tmp_path):
    # A phone and a sex do not say who the deputy is: 李四 is imported, her sex taken from her
    # ID number and her phone left empty, each with a warning where the cell is.
    path = _book(tmp_path, [
        ["序号", "姓名", "性别", "身份证号", "联系电话"],
        [1, None, "男", MAN_1990, "13812345678"],
        [2, "李四", "男", WOMAN_1980, "1381234"],
    ])
    sheet = read_roster(path)
    assert [(r.row, r.column, r.value, r.reason) for r in sheet.refused] == [(2, "B", "", "姓名为空")]
    assert sheet.refused[0].person == "（无姓名）（" + MAN_1990[:4] + "**********" + MAN_1990[-4:] + "）"
    [record] = sheet.records
    assert (record.name, record.sex, record.phone) == ("李四", "女", None)
    assert [(w.row, w.column, w.field, w.value, w.reason) for w in record.warnings] == [
        (3, "C", "性别", "男", "性别“男”与身份证号不符；已按身份证号记为女"),
        (3, "E", "联系电话", "1381234", "手机号码“1381234”无效：应为 11 位数字，以 13～19 开头；已留空"),
    ]


def test_unreadable_date_sex_and_level_are_left_empty_with_warnings(tmp_path):
    path = _book(tmp_path, [["姓名", "性别", "出生年月", "代表层级"], ["赵六", "不详", "七五年", "村"]])
    sheet = read_roster(path)
    assert sheet.refused == []
    [record] = sheet.records
    assert (record.sex, record.birth_date, record.levels) == (None, None, [])
    reasons = [(w.column, w.reason) for w in record.warnings]
    assert [column for column, _ in reasons] == ["B", "C", "D"]
    assert reasons[0][1] == "性别“不详”应为 男 或 女；已留空"
    assert reasons[1][1].startswith("出生年月“七五年”无法识别") and reasons[1][1].endswith("；已留空")
    assert reasons[2][1].startswith("代表层级“村”无法识别")


def test_a_birth_cell_the_id_number_answers_is_taken_from_the_id(tmp_path):
    path = _book(tmp_path, [["姓名", "出生年月", "身份证号"], ["王芳", "八零年五月", WOMAN_1980]])
    sheet = read_roster(path)
    [record] = sheet.records
    assert (record.birth_date, record.birth_precision) == (date(1980, 5, 6), "day")
    [warning] = record.warnings
    assert warning.reason.endswith("已按身份证号记为 1980年5月6日") and warning.column == "B"


def test_a_birth_date_that_contradicts_the_id_still_refuses_the_row(tmp_path):
    path = _book(tmp_path, [["姓名", "出生年月", "身份证号"], ["王芳", "1981.05", WOMAN_1980]])
    sheet = read_roster(path)
    assert sheet.records == []
    [refusal] = sheet.refused
    assert refusal.column == "B" and refusal.person.startswith("王芳（")


def test_a_row_with_only_its_serial_number_is_blank(tmp_path):
    path = _book(tmp_path, [["序号", "姓名", "性别"], [1, "张三", "男"], [2], [3, "李四", "女"]])
    sheet = read_roster(path)
    assert [(s.row, s.reason) for s in sheet.skipped_rows] == [(3, "空行")]
    assert [r.row for r in sheet.records] == [2, 4]


def test_a_header_repeated_for_printing_is_skipped(tmp_path):
    header = ["姓名", "性别", "民族"]
    path = _book(tmp_path, [header, ["张三", "男", "汉"], header, ["李四", "女", "回"]])
    sheet = read_roster(path)
    assert [(s.row, s.reason) for s in sheet.skipped_rows] == [(3, "重复的表头行")]
    assert [r.ethnicity for r in sheet.records] == ["汉族", "回族"]


def test_same_name_and_birth_month_without_ids_is_a_duplicate(tmp_path):
    path = _book(tmp_path, [["姓名", "性别", "出生年月"], ["张三", "男", "1975.03"],
                            ["李四", "女", "1975.03"], ["张　三", "男", "1975-03-12"]])
    duplicates = read_roster(path).duplicates
    assert [(d.rows, d.reason) for d in duplicates] == [((2, 4), "姓名与出生年月相同（张三，1975年3月）")]


def test_same_name_and_birth_with_different_ids_are_two_people(tmp_path):
    # Both IDs are valid for men born 1985-03-12. The first 14 digits weigh 255 in both; digits
    # 15-17 (weights 8 4 2) are 1 2 3 -> 8+8+6 = 22 and 1 3 1 -> 8+12+2 = 22; 277 % 11 = 2 -> X.
    path = _book(tmp_path, [["姓名", "出生年月", "身份证号"],
                            ["张三", "1985.03", "42128119850312123X"],
                            ["张三", "1985.03", "42128119850312131X"]])
    sheet = read_roster(path)
    assert len(sheet.records) == 2
    assert sheet.duplicates == []


def test_a_corrected_mapping_from_the_user_is_used(tmp_path):
    path = _book(tmp_path, [["名字", "证件", "电话号"], ["张三", MAN_1990, 13812345678]])
    with pytest.raises(RosterSheetError):
        read_roster(path)
    sheet = read_roster(path, mapping={"name": "A", "id_number": "B", "phone": "c"}, header_row=1)
    assert sheet.mapping == {"name": "A", "id_number": "B", "phone": "C"}
    assert sheet.unmapped_headers == {}
    record = sheet.records[0]
    assert (record.name, record.id_number, record.phone, record.sex) == (
        "张三", MAN_1990, "13812345678", "男")


def test_a_mapping_without_the_name_column_is_refused(tmp_path):
    path = _book(tmp_path, [["姓名", "性别", "民族"], ["张三", "男", "汉"]])
    with pytest.raises(RosterSheetError, match="缺少“姓名”列"):
        read_roster(path, mapping={"sex": "B"})
