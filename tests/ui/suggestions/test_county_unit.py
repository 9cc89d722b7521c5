"""A township 交办 only to its own units: a matter for a county department (县直) is 转办, passed
up to the county (seed 000: 超出职权范围的，转上一级人大常委会). Naming a county unit in a 交办
warns in Chinese and offers 转办 instead, which passes the suggestions up to that department."""
from datetime import date

import pytest

from app import settings
from app.suggestions import actions, service
from app.suggestions.units import UnitInfo, county_unit_warning
from tests.app.roster.helpers import add
from ui.context import AppContext
from ui.qt import Qt
from ui.suggestions import page as ledger_page
from ui.suggestions.assign_dialog import AssignDialog
from ui.suggestions.handle_dialog import HandleDialog

TODAY = date(2026, 12, 4)


@pytest.fixture
def town(store):
    settings.set_up(store, settings.Township(name="青山镇", code="421281103000", county="崇阳县", term=18))
    county = actions.add_unit(store, name="县交通运输局", kind="县直")
    lead = add(store, "张三")
    for title in ("修桥", "修路"):
        actions.register(store, title=title, content="", lead_deputy_id=lead,
                         received_on=date(2026, 11, 30), category="基础设施")
    units, _ = service.load_choices(store)
    return units, county


def _pick(combo, unit_id):
    combo.setCurrentIndex(combo.findData(unit_id))


def test_the_warning_names_only_county_departments():
    township = UnitInfo(1, "财政所", "乡镇", "", "")
    county = UnitInfo(2, "县交通运输局", "县直", "", "")
    assert county_unit_warning([township]) == ""
    text = county_unit_warning([township, county])
    assert text.startswith("县交通运输局是县直部门") and "只能向本镇单位交办" in text and "转办" in text


def test_assign_dialog_warns_when_a_county_unit_is_named(qtbot, town):
    units, county = town
    township = next(u for u in units if u.kind == "乡镇")
    dialog = AssignDialog(numbers=["2026-001"], units=units, today=TODAY)
    qtbot.addWidget(dialog)
    _pick(dialog.lead, township.id)
    assert dialog.county.isHidden() and dialog.pass_up.isHidden()
    _pick(dialog.lead, county)
    assert not dialog.county.isHidden() and "县交通运输局是县直部门" in dialog.county.text()
    assert dialog.pass_up.text() == "改为转办（报县里办理）" and not dialog.pass_up.isHidden()
    # a county unit as 协办 is the same matter
    _pick(dialog.lead, township.id)
    assert dialog.county.isHidden()
    item = next(dialog.assisting.item(i) for i in range(dialog.assisting.count())
                if dialog.assisting.item(i).data(Qt.UserRole) == county)
    item.setCheckState(Qt.Checked)
    assert not dialog.county.isHidden()


def test_pass_up_instead_passes_every_selected_suggestion_to_the_department(qtbot, store, town,
                                                                             monkeypatch):
    _units, county = town
    page = ledger_page.Page(AppContext(store), today=TODAY)
    qtbot.addWidget(page)
    rows = service.load_ledger(store, today=TODAY)
    monkeypatch.setattr(page, "selected_rows", lambda: rows)

    def choose(dialog):
        _pick(dialog.lead, county)
        dialog.pass_up.click()
        return dialog.result()
    monkeypatch.setattr(ledger_page.AssignDialog, "exec", choose)
    page.assign_selected()
    after = service.load_ledger(store, today=TODAY)
    assert [(r.mode, r.lead_unit) for r in after] == [("转办", "县交通运输局")] * 2


def test_handle_dialog_offers_pass_up_and_switches_to_it(qtbot, store, town):
    units, county = town
    ctx = AppContext(store)
    row = service.load_ledger(store, today=TODAY)[0]
    dialog = HandleDialog(ctx, row=row, units=units, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.county.isHidden()
    _pick(dialog.lead, county)
    assert "县交通运输局是县直部门" in dialog.county.text() and not dialog.pass_up.isHidden()
    dialog.pass_up.click()
    assert dialog.pass_mode.isChecked() and dialog.county.isHidden()
    dialog.save_button.click()
    found = service.load_ledger(store, today=TODAY)[0]
    assert (found.mode, found.lead_unit) == ("转办", "县交通运输局")
