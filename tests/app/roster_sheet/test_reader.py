"""The town's messy roster workbook reads into the right records, refusals and skips."""
from datetime import date

import pytest

from app.roster_sheet import ID_AS_NUMBER, read_roster
from tests.fixtures.make_messy_roster import make_messy_roster


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    path = tmp_path_factory.mktemp("roster") / "代表名册.xlsx"
    expected = make_messy_roster(path)
    return read_roster(path), expected


def _record(sheet, row):
    return next(record for record in sheet.records if record.row == row)


def test_counts_match_what_was_worked_out_by_hand(messy):
    sheet, expected = messy
    assert len(sheet.records) == expected["records"] == 15
    assert len(sheet.refused) == expected["refused"] == 3
    assert len(sheet.duplicates) == expected["duplicates"] == 1


def test_roster_sheet_and_header_row_are_found_below_the_title(messy):
    sheet, _ = messy
    assert sheet.sheet_name == "代表名册"  # the instructions sheet before it is passed over
    assert sheet.header_row == 3
    assert sheet.mapping == {
        "name": "B", "sex": "C", "ethnicity": "D", "birth_date": "E", "id_number": "F",
        "political_status": "G", "education": "H", "work_unit_post": "I", "category": "J",
        "phone": "K", "levels": "L", "constituency": "M", "group_name": "N", "notes": "O",
    }
    assert sheet.unmapped_headers == {"A": "序号"}


def test_each_refusal_names_sheet_row_column_value_and_reason(messy):
    sheet, _ = messy
    found = [(r.sheet, r.row, r.column, r.value, r.reason) for r in sheet.refused]
    assert found == [
        ("代表名册", 13, "F", "4212**********1000", ID_AS_NUMBER),
        ("代表名册", 14, "F", "4212**********0225", "身份证号校验位错误，应为 X"),
        ("代表名册", 15, "E", "1976.08", "出生年月与身份证号不符：身份证号中的出生日期为 1976年9月18日"),
    ]


def test_blank_total_and_footnote_rows_are_skipped(messy):
    sheet, _ = messy
    skipped = [(s.row, s.reason) for s in sheet.skipped_rows]
    assert skipped == [(12, "空行"), (23, "合计行"), (24, "注释行")]


def test_the_same_person_typed_twice_is_reported(messy):
    sheet, _ = messy
    assert [d.rows for d in sheet.duplicates] == [(4, 19)]
    assert sheet.duplicates[0].reason == "身份证号相同（4212**********123X）"


def test_full_width_space_and_lower_case_x_are_normalised(messy):
    first = _record(messy[0], 4)
    assert first.name == "张三"
    assert first.id_number == "42128119850312123X"
    assert first.levels == ["县", "乡镇"]
    assert first.group_name == "第一代表小组"


def test_trailing_spaces_and_numbers_typed_as_numbers(messy):
    li, wang = _record(messy[0], 5), _record(messy[0], 6)
    assert (li.name, li.sex, li.phone) == ("李四", "女", "13912345678")
    assert (wang.name, wang.sex, wang.phone, wang.ethnicity) == ("王五", "男", "13712345678", "土家族")


@pytest.mark.parametrize(
    ("row", "born", "precision"),
    [
        (4, date(1985, 3, 1), "month"),  # 1985.03
        (5, date(1975, 3, 1), "month"),  # 1975年3月
        (6, date(1968, 1, 1), "month"),  # 1968.1
        (7, date(1990, 7, 8), "day"),  # real Excel date
        (8, date(1975, 3, 1), "month"),  # 197503
        (9, date(1980, 6, 15), "day"),  # 1980-06-15
        (10, date(1979, 3, 12), "day"),  # 1979/3/12
        (11, date(1982, 1, 1), "day"),  # 19820101
        (17, date(1972, 10, 1), "month"),  # 1972.10
        (18, date(1986, 4, 1), "month"),  # 1986-04
        (21, date(1969, 5, 1), "month"),  # Excel date shown as yyyy-mm
    ],
)
def test_birth_dates_in_every_format_keep_their_precision(messy, row, born, precision):
    record = _record(messy[0], row)
    assert (record.birth_date, record.birth_precision) == (born, precision)


def test_levels_written_several_ways(messy):
    sheet, _ = messy
    assert _record(sheet, 6).levels == ["县", "乡镇"]  # 县,乡镇
    assert _record(sheet, 7).levels == ["县", "乡镇"]  # 县级、乡镇级
    assert _record(sheet, 10).levels == ["市", "县", "乡镇"]
    assert _record(sheet, 7).phone == "0719-8123456"


def test_a_person_without_id_is_kept(messy):
    shen = _record(messy[0], 20)
    assert shen.id_number is None
    assert (shen.birth_date, shen.birth_precision) == (date(1965, 7, 1), "month")


def test_a_corrected_mapping_reads_only_the_columns_it_names(tmp_path):
    path = tmp_path / "代表名册.xlsx"
    make_messy_roster(path)
    sheet = read_roster(path, mapping={"name": "B", "id_number": "F"})
    assert sheet.sheet_name == "代表名册"
    assert sheet.header_row == 3
    # Without the birth column, row 15's contradiction cannot be seen: 2 refusals, 16 records.
    assert [(r.row, r.column) for r in sheet.refused] == [(13, "F"), (14, "F")]
    assert len(sheet.records) == 16
    assert "E" in sheet.unmapped_headers and "F" not in sheet.unmapped_headers


def test_a_birth_cell_set_to_general_format_is_read_as_its_date(tmp_path):
    # The secretary cleared a column's format in WPS: Excel now shows 30000 and 28125 instead of
    # 1982年2月18日 and 1976年12月31日; the ID numbers say the same dates.
    from openpyxl import Workbook
    from tests.fixtures.make_messy_roster import make_id
    book = Workbook()
    sheet = book.active
    sheet.title = "代表名册"
    sheet.append(["序号", "姓  名", "出生\n年月", "公民身份号码"])
    sheet.append([1, "张　三", 30000, make_id("19820218", "013")])
    sheet.append([2, "李四", 28125.0, None])
    book.save(tmp_path / "名册.xlsx")
    read = read_roster(tmp_path / "名册.xlsx")
    assert read.refused == []
    assert [(r.name, r.birth_date, r.birth_precision) for r in read.records] == [
        ("张三", date(1982, 2, 18), "day"), ("李四", date(1976, 12, 31), "day")]
