"""Cases for the bad-input catalogue from the data package's rows: each builds a small township's
package, spoils one row as a county user might, and returns the refused row as the preview lists it
("工作表 第 N 行“列”列：原因")."""
from __future__ import annotations


from openpyxl import load_workbook

from app.package import PackageError, keys
from app.package.info import SIGNATURE
from app.package.importer import preview_import
from tests.app.package.helpers import edit_cell, export_q3, find_row, township_with_roster
from tests.app.package.records import add_records, county_reply
from tests.faults.form_refusals import refused


def located(preview, *, first=False) -> str:
    [r, *rest] = preview.refusals
    assert first or not rest
    return f"{r.sheet} 第 {r.row} 行“{r.column}”列：{r.reason}"


def township_package(store, tmp_path):
    township_with_roster(store)
    return export_q3(store, tmp_path / "包.xlsx").path




def reply_result_only(store, tmp_path, **_):
    pkg = county_reply(store, tmp_path)
    edit_cell(pkg, "答复与测评", row=find_row(pkg, "答复与测评", "台账编号", "2026-001"), header="测评结果",
              value="满意")
    return located(preview_import(store, pkg))


def uuid_twice(store, tmp_path, **_):
    pkg = township_package(store, tmp_path)
    book = load_workbook(pkg)
    sheet = book["代表小组"]
    sheet.append([c.value for c in sheet[2]])
    book.save(pkg)
    refusals = preview_import(store, pkg).refusals
    assert [r.row for r in refusals] == [2, 3]
    return located(preview_import(store, pkg), first=True)


def deputy_cell(header, value):
    def run(store, tmp_path, **_):
        pkg = township_package(store, tmp_path)
        edit_cell(pkg, "代表名册", row=find_row(pkg, "代表名册", "姓名", "李四"), header=header, value=value)
        return located(preview_import(store, pkg))
    return run


def new_uuid_same_person(store, tmp_path, **_):
    pkg = township_package(store, tmp_path)
    edit_cell(pkg, "代表名册", row=find_row(pkg, "代表名册", "姓名", "李四"), header="编号",
              value="00000000-0000-4000-8000-000000000001")
    return located(preview_import(store, pkg))


def signed_package(store, tmp_path):
    pkg = township_package(store, tmp_path)
    keys.update(store, keys.PackageSettings(hmac_key="县里的密钥-2026"))
    export_q3(store, pkg)
    return pkg


def signature(change):
    def run(store, tmp_path, **_):
        pkg = signed_package(store, tmp_path)
        change(pkg)
        return refused(lambda: preview_import(store, pkg), PackageError)
    return run


def set_signature(value):
    def change(pkg):
        book = load_workbook(pkg)
        for label, cell in book["说明"].iter_rows(max_col=2):
            if label.value == SIGNATURE:
                cell.value = value
        book.save(pkg)
    return change


def change_seat(pkg):
    edit_cell(pkg, "代表层级", row=find_row(pkg, "代表层级", "层级", "县"), header="状态", value="调离")


def explanation_without_closure(store, tmp_path, **_):
    township_with_roster(store)
    add_records(store)
    pkg = export_q3(store, tmp_path / "包.xlsx").path
    edit_cell(pkg, "意见建议", row=find_row(pkg, "意见建议", "编号（台账）", "2026-001"), header="办结说明",
              value="已协调解决")
    return located(preview_import(store, pkg))


PACKAGE_CASES = {
    "package-closure-partial": explanation_without_closure,
    "package-phone-number": deputy_cell("联系电话", 7155551234),
    "package-id-number": deputy_cell("身份证号", "110105194912310039"),
    "package-control": deputy_cell("住址", "青山村_x0007_二组"),
    "package-long-text": deputy_cell("工作单位及职务", "村" * 201),
    "package-same-person": new_uuid_same_person,
    "package-unsigned": signature(set_signature(None)),
    "package-signature": signature(set_signature("0" * 64)),
    "package-signed-changed": signature(change_seat),
    "package-reply-partial": reply_result_only,
    "package-uuid-twice": uuid_twice,
}
