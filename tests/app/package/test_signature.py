"""With the county's key set, a signature means the package is as its sender made it: a package
unsigned, signed wrongly or changed after signing is refused (the sender can re-sign it); without a
key the package imports as before, with a word about what could not be checked."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.package import PackageError, keys
from app.package.info import SIGNATURE
from app.package.county import merge_packages
from app.package.importer import apply_import, preview_import
from app.package.period import parse_quarter
from app.package.reply import build_reply
from app.package.sign import sign_package
from app.store import Store
from db.models.suggestion import Reply
from tests.app.package.helpers import edit_cell, export_q3, find_row, set_township, township_with_roster
from tests.app.package.records import add_records
from tests.app.package.test_county_reply import fill

KEY = "县里的密钥-2026"


def set_key(store, key=KEY):
    keys.update(store, keys.PackageSettings(hmac_key=key))


@pytest.fixture
def signed(store, tmp_path):
    township_with_roster(store)
    set_key(store)
    return export_q3(store, tmp_path / "签名包.xlsx").path


def set_signature(path, value):
    book = load_workbook(path)
    info = book["说明"]
    for label, cell in info.iter_rows(max_col=2):
        if label.value == SIGNATURE:
            cell.value = value
    book.save(path)
    return path


def refused(store, path) -> str:
    with pytest.raises(PackageError) as exc:
        preview_import(store, path)
    with pytest.raises(PackageError):
        apply_import(store, path)
    return str(exc.value)


def test_an_untouched_signed_package_imports_without_a_word_on_the_signature(store, signed):
    preview = preview_import(store, signed)
    assert preview.refusals == [] and not any("签名" in w for w in preview.warnings)


def test_a_sheet_changed_after_signing_is_refused(store, signed):
    row = find_row(signed, "代表层级", "层级", "县")
    edit_cell(signed, "代表层级", row=row, header="状态", value="调离")
    message = refused(store, signed)
    assert "代表层级" in message and "签名" in message and "重新签名" in message


def test_a_removed_signature_is_refused(store, signed):
    message = refused(store, set_signature(signed, None))
    assert "没有签名" in message and "重新签名" in message


def test_an_altered_signature_is_refused(store, signed):
    message = refused(store, set_signature(signed, "0" * 64))
    assert "签名" in message and "不符" in message and "重新签名" in message


def test_an_unsigned_package_is_refused_where_a_key_is_set(store, tmp_path):
    township_with_roster(store)
    plain = export_q3(store, tmp_path / "无签名.xlsx").path
    set_key(store)
    assert "没有签名" in refused(store, plain)


def test_without_a_key_a_changed_signed_package_imports_as_before(store, signed):
    row = find_row(signed, "代表层级", "层级", "县")
    edit_cell(signed, "代表层级", row=row, header="状态", value="调离")
    set_key(store, "")
    preview = preview_import(store, signed)
    assert any("没有设置" in w and "签名" in w for w in preview.warnings)
    assert any("代表层级" in w and "改动过" in w for w in preview.warnings)
    assert apply_import(store, signed).written == 1


def test_the_county_signs_its_filled_reply_again_and_the_township_takes_it(store, tmp_path):
    township_with_roster(store)
    add_records(store)
    set_key(store)
    up = export_q3(store, tmp_path / "报送.xlsx").path
    with Store.open(tmp_path / "县", today=date(2026, 11, 22)) as county:
        set_township(county, name="崇阳县", code="421281000000", mode="county")
        set_key(county)
        merge_packages(county, [up])
        reply = build_reply(county, township_code="421281103000", period=parse_quarter("2026Q3"),
                            out=tmp_path / "回传.xlsx")
        fill(reply)
        assert "重新签名" in refused(store, reply)
        sign_package(county, reply)
    apply_import(store, reply)
    with store.read() as s:
        assert "已列入明年道路计划" in s.scalars(select(Reply.content)).all()


def test_signing_needs_the_key(store, tmp_path):
    township_with_roster(store)
    plain = export_q3(store, tmp_path / "无签名.xlsx").path
    with pytest.raises(PackageError, match="签名密钥"):
        sign_package(store, plain)


def test_sign_from_the_command_line(tmp_path, capsys):
    from app.cli import main
    folder = tmp_path / "县 里"
    with Store.open(folder, today=date(2026, 11, 22)) as s:
        township_with_roster(s)
        set_key(s)
        pkg = export_q3(s, tmp_path / "包.xlsx").path
        edit_cell(pkg, "代表层级", row=find_row(pkg, "代表层级", "层级", "县"), header="状态", value="调离")
        with pytest.raises(PackageError):
            preview_import(s, pkg)
    assert main(["--data-dir", str(folder), "package", "sign", str(pkg), "--json"]) == 0
    assert '"ok": true' in capsys.readouterr().out
    with Store.open(folder, today=date(2026, 11, 22)) as s:
        assert [c.title for c in preview_import(s, pkg).changes if c.status != "unchanged"] == ["张三 县级代表"]
