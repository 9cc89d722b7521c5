"""The reader keeps each column's heading as the file writes it, matched or not, so the import
wizard can show the secretary her own headings (代表姓名, 公民身份号码（18位）…)."""
from openpyxl import Workbook

from app.roster_sheet import read_roster

HEADER = ["序号", "代表姓名", "性 别", "公民身份号码（18位）", None, "手机号码", "代表姓名"]


def _sheet(path):
    book = Workbook()
    sheet = book.active
    sheet.title = "名册"
    sheet.append(["青山镇人大代表名册"])
    sheet.append(["填报单位：青山镇人大主席团"])
    sheet.append(HEADER)
    sheet.append([1, "张三", "男", None, None, "13900001111", "重复列"])
    book.save(path)
    return path


def test_every_headed_column_keeps_its_own_heading(tmp_path):
    found = read_roster(_sheet(tmp_path / "名册.xlsx"))
    assert found.header_row == 3
    assert found.mapping == {"name": "B", "sex": "C", "id_number": "D", "phone": "F"}
    assert found.headings == {"A": "序号", "B": "代表姓名", "C": "性 别", "D": "公民身份号码（18位）",
                              "F": "手机号码", "G": "代表姓名"}
    assert found.unmapped_headers == {"A": "序号", "G": "代表姓名"}     # unchanged: the left-over ones


def test_headings_are_kept_when_the_user_corrects_the_mapping(tmp_path):
    found = read_roster(_sheet(tmp_path / "名册.xlsx"), mapping={"name": "B", "notes": "G"}, header_row=3)
    assert found.headings["B"] == "代表姓名" and found.headings["G"] == "代表姓名"
    assert found.headings["D"] == "公民身份号码（18位）" and "E" not in found.headings
    assert found.unmapped_headers == {"A": "序号", "C": "性 别", "D": "公民身份号码（18位）", "F": "手机号码"}
