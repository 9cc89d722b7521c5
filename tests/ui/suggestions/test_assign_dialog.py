"""交办 on a fresh install is never a dead end: the usual township units are there from setup, a
missing one is added in place, and a unit cannot assist itself."""
from datetime import date

from app import settings
from app.suggestions import service
from app.suggestions.units import TOWNSHIP_UNITS
from ui.context import AppContext
from ui.qt import Qt
from ui.suggestions.assign_dialog import AssignDialog
from ui.suggestions.page import Page

TODAY = date(2026, 12, 4)


def _assisting(dialog):
    return [dialog.assisting.item(i) for i in range(dialog.assisting.count())]


def test_first_run_setup_gives_a_township_its_usual_units(store):
    settings.set_up(store, settings.Township(name="青山镇", code="421281103000", county="崇阳县", term=18))
    units, _ = service.load_choices(store)
    assert [u.name for u in units] == list(TOWNSHIP_UNITS)
    assert {u.kind for u in units} == {"乡镇"}


def test_a_county_workspace_gets_no_township_units(store):
    settings.set_up(store, settings.Township(name="崇阳县", code="421281", term=18, mode="county"))
    assert service.load_choices(store)[0] == []


def test_the_lead_unit_is_not_offered_as_assisting(qtbot, store):
    settings.set_up(store, settings.Township(name="青山镇", code="421281103000", county="崇阳县", term=18))
    units, _ = service.load_choices(store)
    dialog = AssignDialog(numbers=["2026-001"], units=units, today=TODAY)
    qtbot.addWidget(dialog)
    _assisting(dialog)[1].setCheckState(Qt.Checked)          # 经济发展办公室 assists …
    dialog.lead.setCurrentIndex(1)                           # … until it is made the lead
    hidden = [item.text() for item in _assisting(dialog) if item.isHidden()]
    assert hidden == ["经济发展办公室"]
    assert dialog.values()["assisting_unit_ids"] == []
    dialog.lead.setCurrentIndex(0)
    assert [item.text() for item in _assisting(dialog) if item.isHidden()] == ["党政综合办公室"]


def test_with_no_unit_the_dialog_says_where_to_add_one_and_adds_it_in_place(qtbot, store):
    page = Page(AppContext(store), today=TODAY)
    qtbot.addWidget(page)
    dialog = AssignDialog(numbers=["2026-001"], units=[], today=TODAY, add_unit=page._add_unit)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled() and not dialog.empty.isHidden()
    dialog.add_new_unit("镇水利站")
    assert dialog.lead.currentText() == "镇水利站（乡镇）"
    assert dialog.ok.isEnabled() and dialog.empty.isHidden()
    assert [u.name for u in service.load_choices(store)[0]] == ["镇水利站"]
