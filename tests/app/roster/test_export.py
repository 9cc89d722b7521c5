import subprocess
import shutil

from openpyxl import load_workbook

from app import settings
from app.roster.export import export_roster
from app.roster.listing import RosterFilter
from tests.app.roster.helpers import add, make_id


def test_export_is_formatted_masked_text(store, tmp_path):
    with store.write("设置") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", term=18))
    number = make_id("19750312", "123")
    add(store, "张三", id_number=number, work_unit_post="=HYPERLINK(\"x\")", phone="13812345678")
    add(store, "李四", notes="")
    target = tmp_path / "导出 文件夹" / "名册.xlsx"
    assert export_roster(store, path=target) == 2
    sheet = load_workbook(target)["代表名册"]
    assert sheet["A1"].value == "青山镇人大代表名册"
    assert sheet.freeze_panes == "B3"
    assert [c.value for c in sheet[2]][:6] == ["序号", "姓名", "性别", "民族", "出生年月", "身份证号"]
    assert sheet["F3"].value == number[:4] + "**********" + number[-4:]
    assert sheet["F3"].data_type == "s" and sheet["F3"].number_format == "@"
    assert sheet["I3"].value == "=HYPERLINK(\"x\")" and sheet["I3"].data_type == "s"
    assert sheet.column_dimensions["I"].width > sheet.column_dimensions["C"].width
    assert [p.name for p in target.parent.iterdir()] == ["名册.xlsx"]   # no temp file left


def test_full_ids_only_when_asked(store, tmp_path):
    number = make_id("19750312", "123")
    deputy_id = add(store, "张三", id_number=number)
    export_roster(store, path=tmp_path / "a.xlsx", full_ids={deputy_id: number})
    assert load_workbook(tmp_path / "a.xlsx")["代表名册"]["F3"].value == number


def test_export_opens_in_libreoffice(store, tmp_path):
    add(store, "张三", id_number=make_id("19750312", "123"))
    export_roster(store, path=tmp_path / "名册.xlsx", flt=RosterFilter(status="全部"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed to check the export opens cleanly"
    subprocess.run([soffice, "--headless", "--convert-to", "csv", "--outdir", str(tmp_path),
                    str(tmp_path / "名册.xlsx")], check=True, capture_output=True, timeout=120)
    text = (tmp_path / "名册.csv").read_text(encoding="utf-8", errors="replace")
    assert "4212**********" in text


def test_full_disk_leaves_the_old_file_and_says_so(store, tmp_path, monkeypatch):
    import errno

    import pytest
    from openpyxl.workbook import workbook as workbook_module

    from app.roster import RosterError

    def half(self, filename):
        with open(filename, "wb") as out:
            out.write(b"PK partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    add(store, "张三")
    target = tmp_path / "名册.xlsx"
    target.write_bytes(b"previous")
    monkeypatch.setattr(workbook_module.Workbook, "save", half)
    with pytest.raises(RosterError, match="磁盘空间不足"):
        export_roster(store, path=target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == ["名册.xlsx"]
