"""代表证号: the number printed on the deputy's card, kept as text (0012 stays 0012) on the form,
through the roster import and export, and in the dossier."""
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from app.dossier.loader import dossiers_for
from app.roster import RosterError
from app.roster.deputies import load_form, update_deputy
from app.roster.export import export_roster
from app.roster.fields import DeputyFields
from app.roster.importer import apply_import
from app.roster.listing import roster_rows
from tests.app.roster.helpers import add


def test_the_form_keeps_the_number_as_typed_with_its_zeros(store):
    deputy = add(store, "张三", card_number=" 000123 ")
    assert load_form(store, deputy_id=deputy).fields.card_number == "000123"
    assert [r.card_number for r in roster_rows(store)] == ["000123"]
    with pytest.raises(RosterError, match="代表证号"):
        update_deputy(store, deputy_id=deputy, data=DeputyFields(name="张三", card_number="12\x0734"))
    assert load_form(store, deputy_id=deputy).fields.card_number == "000123"


def test_the_roster_import_reads_the_column_keeping_zeros_a_number_cell_was_formatted_with(store, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "代表证号"])
    sheet.append(["张三", "男", "000123"])           # typed as text
    sheet.append(["李四", "女", 45])                 # a number shown as 00045
    sheet["C3"].number_format = "00000"
    sheet.append(["王五", "男", 7])                  # a plain number
    path = tmp_path / "名册.xlsx"
    book.save(path)
    apply_import(store, path=path, on=date(2026, 3, 2))
    assert {r.name: r.card_number for r in roster_rows(store)} == {"张三": "000123", "李四": "00045", "王五": "7"}


def test_the_export_carries_the_number_as_text_and_reads_back_the_same(store, tmp_path):
    add(store, "张三", card_number="000123")
    path = tmp_path / "名册.xlsx"
    export_roster(store, path=path)
    sheet = load_workbook(path)["代表名册"]
    column = [c.value for c in sheet[2]].index("代表证号") + 1
    cell = sheet.cell(3, column)
    assert (cell.value, cell.data_type, cell.number_format) == ("000123", "s", "@")


def test_the_dossier_shows_the_number(store):
    deputy = add(store, "张三", card_number="000123")
    [dossier] = dossiers_for(store, deputy_ids=[deputy], year=2026, today=date(2026, 12, 1))
    assert ("代表证号", "000123") in dossier.basics
    other = add(store, "李四")
    [dossier] = dossiers_for(store, deputy_ids=[other], year=2026, today=date(2026, 12, 1))
    assert ("代表证号", "—") in dossier.basics


def test_the_demo_deputies_carry_card_numbers(store):
    from app.demo import fill_demo
    fill_demo(store)
    numbers = [r.card_number for r in roster_rows(store)]
    assert numbers[0] == "1803001" and len(set(numbers)) == len(numbers)
