"""Every row of docs/bad-input.md, run for real: the example input is refused with exactly
the message the table gives (the later forms' cases are in tests/faults/form_refusals.py)."""
import os
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import access, identity
from app.cli import main as cli
from app.package import PackageError, safety
from app.package.export import export_package
from app.package.period import quarter
from app.package.reader import read_package
from app.package.kinds import specs
from app.roster.importer import preview_import
from app.roster_sheet import RosterSheetError, read_roster
from app.store import StoreError
from app.workdays.calendar import WorkCalendar
from app.workdays.deadline import compute_deadline
from tests.faults.form_refusals import FORM_CASES, refused
from tests.faults.package_refusals import PACKAGE_CASES
from tests.faults.rosters import configure_township, rows, write_roster
from tests.faults.workbook_refusals import WORKBOOK_CASES
from tests.faults.store_refusals import STORE_CASES

TABLE = Path(__file__).resolve().parents[2] / "docs" / "bad-input.md"


def catalogue() -> dict[str, str]:
    found = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"[a-z]+(-[a-z]+)+", cells[0]):
            found[cells[0]] = cells[3]
    return found


def id_refusal(text):
    return lambda **_: refused(lambda: identity.check_id_number(text), identity.IdNumberError)


def phone_refusal(text):
    return lambda **_: refused(lambda: identity.check_phone(text), identity.PhoneError)


def roster_file(name):
    def run(tmp_path, **_):
        path = tmp_path / name
        path.write_bytes(b"x")
        return refused(lambda: read_roster(path), RosterSheetError)
    return run


def roster_sheet(tmp_path, **_):
    path = write_roster(tmp_path / "名册.xlsx", rows(2))
    return refused(lambda: read_roster(path, sheet="花名册"), RosterSheetError)


def _roster_preview(store, tmp_path, row, column, value):
    table = rows(3)
    table[row - 2][column] = value
    configure_township(store)
    return preview_import(store, path=write_roster(tmp_path / "名册.xlsx", table))


def roster_cell(row, column, value):
    """A cell that says who the deputy is: the row is refused."""
    def run(store, tmp_path, **_):
        preview = _roster_preview(store, tmp_path, row, column, value)
        assert len(preview.refused) == 1 and preview.summary()["new"] == 2
        r = preview.refused[0]
        return f"{r.sheet} 第 {r.row} 行 {r.column} 列：{r.reason}"
    return run


def roster_warning(row, column, value):
    """A cell that does not say who the deputy is: the row is imported, the cell warned about."""
    def run(store, tmp_path, **_):
        preview = _roster_preview(store, tmp_path, row, column, value)
        assert preview.refused == [] and preview.summary()["new"] == 3
        [w] = preview.warnings
        return f"{w.sheet} 第 {w.row} 行 {w.column} 列：{w.reason}"
    return run


def package_bytes(name, content):
    def run(tmp_path, **_):
        path = tmp_path / name
        path.write_bytes(content(tmp_path))
        return refused(lambda: safety.inspect(path), PackageError)
    return run


def half_package(tmp_path):
    whole = write_roster(tmp_path / "整.xlsx", rows(30)).read_bytes()
    return whole[: len(whole) // 2]


def newer_package(store, tmp_path, **_):
    configure_township(store)
    path = tmp_path / "新版.xlsx"
    export_package(store, out=path, period=quarter(2026, 1))
    book = load_workbook(path)
    info = book["说明"]
    for (label, value) in info.iter_rows(max_col=2):
        if label.value == "格式版本":
            value.value = 3
    book.save(path)
    return refused(lambda: read_package(path, specs=specs()), PackageError)


def deadline(kind, days):
    return lambda **_: refused(lambda: compute_deadline(
        assigned=date(2026, 3, 2), kind=kind, calendar=WorkCalendar(), working_days=days), ValueError)


def damaged_backup(store, tmp_path, **_):
    bad = tmp_path / "坏.db"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    return refused(lambda: store.restore(bad), StoreError)


def cli_refusal(args):
    def run(store, data_dir, capsys, **_):
        store.close()
        assert cli(["--data-dir", str(data_dir), *args]) != 0
        return capsys.readouterr().err.strip()
    return run


CASES = {
    "id-empty": id_refusal(""),
    "id-length": id_refusal("42128119850312123"),
    "id-chars": id_refusal("4212811985031212A3"),
    "id-region": id_refusal("000000198503121234"),
    "id-check": id_refusal("421281198305160225"),
    "id-birth": id_refusal("421281198502301239"),
    "phone-mobile": phone_refusal("12812345678"),
    "phone-other": phone_refusal("8123456"),
    "roster-xls": roster_file("名册.xls"),
    "roster-csv": roster_file("名册.csv"),
    "roster-sheet": roster_sheet,
    "roster-cell-id": roster_cell(2, 5, "421281198305160225"),
    "roster-cell-birth": roster_cell(3, 4, "1961.05"),
    "roster-cell-sex": roster_warning(3, 2, "未知"),
    "roster-cell-level": roster_warning(4, 11, "村级"),
    "roster-cell-length": roster_warning(3, 8, "青" * 201),
    "roster-cell-phone": roster_warning(2, 10, "1381234"),
    "package-empty": package_bytes("空.xlsx", lambda _: b""),
    "package-xls": package_bytes("旧.xlsx", lambda _: bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 600),
    "package-text": package_bytes("名单.xlsx", lambda _: "姓名,电话\n张三,13812345678\n".encode()),
    "package-truncated": package_bytes("半截.xlsx", half_package),
    "package-version": newer_package,
    "deadline-kind": deadline("urgent", 5),
    "deadline-days": deadline("ordinary", 0),
    "password-short": lambda store, **_: refused(
        lambda: access.set_password(store, current="", new="abc", repeat="abc"), access.AccessError),
    "password-idle": lambda store, **_: refused(
        lambda: access.set_idle_minutes(store, 300), access.AccessError),
    "backup-damaged": damaged_backup,
    "cli-reset": cli_refusal(["password-reset"]),
    "cli-restore": cli_refusal(["restore", "不存在.db"]),
    **FORM_CASES,
    **STORE_CASES,
    **PACKAGE_CASES,
    **WORKBOOK_CASES,
}


def test_every_row_of_the_table_has_a_case_and_every_case_a_row():
    assert sorted(catalogue()) == sorted(CASES)


@pytest.mark.parametrize("key", sorted(CASES))
def test_refused_with_the_catalogued_message(key, store, data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    message = CASES[key](store=store, data_dir=data_dir, tmp_path=tmp_path, capsys=capsys)
    assert message == catalogue()[key]
