"""常委会组成人员联系代表, opened from the contact ledgers: add a member, link deputies, record
meetings; the warnings follow the rules (3 resident / 2 non-resident deputies, 2 meetings a year)."""
from datetime import date

import pytest

from app import settings
from app.contacts import views
from tests.app.activities.seed import make_township
from ui.activities import committee_dialog
from ui.activities.committee_dialog import CommitteeDialog
from ui.contacts.tab import ContactsTab
from ui.context import AppContext
from ui.qt import QCheckBox, QComboBox, QDateEdit, QLineEdit, QtCore

TODAY = date(2026, 6, 1)


@pytest.fixture
def ctx(store):
    return AppContext(store)


@pytest.fixture
def town(store):
    return make_township(store)


def _dialog(qtbot, ctx):
    dialog = CommitteeDialog(ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _answer(monkeypatch, **values):
    """Stand in for the small form: fill its fields by label as the user would, then save."""
    asked = []

    def fake_ask(parent, title, fields):
        asked.append(title)
        for label, widget in fields:
            value = values.get(label)
            if value is None:
                continue
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findText(value))
            elif isinstance(widget, QDateEdit):
                widget.setDate(QtCore.QDate(value.year, value.month, value.day))
        return True
    monkeypatch.setattr(committee_dialog, "ask", fake_ask)
    return asked


def _linked(dialog):
    return [(d[1], d[2]) for d in dialog.linked_model.visible_rows()]


def test_new_member_is_warned_until_linked_and_met_often_enough(qtbot, ctx, town, monkeypatch):
    dialog = _dialog(qtbot, ctx)
    assert dialog.member_model.rowCount() == 0 and dialog.warnings.text() == ""
    _answer(monkeypatch, 姓名="周主任", 职务="县人大常委会委员", 类别=False)
    dialog.add_member()
    assert dialog.member.name == "周主任" and dialog.member_model.data(dialog.member_model.index(0, 2)) == "非驻会"
    assert dialog.warnings.text() == "⚠ 周主任 联系代表 0 名，少于 2 名"
    for name in ("张三", "李四"):
        asked = _answer(monkeypatch, 代表=name)
        dialog.link_deputy()
        assert asked == ["周主任 联系代表"]
    assert _linked(dialog) == [("张三", 0), ("李四", 0)]
    assert dialog.warnings.text() == ("⚠ 周主任 今年与代表 张三 见面 0 次，少于 2 次\n"
                                      "⚠ 周主任 今年与代表 李四 见面 0 次，少于 2 次")
    for name, day in (("张三", date(2026, 3, 2)), ("张三", date(2026, 5, 9)), ("李四", date(2026, 4, 1))):
        _answer(monkeypatch, 代表=name, 日期=day, 内容="了解村道建设")
        dialog.add_meeting()
    assert _linked(dialog) == [("张三", 2), ("李四", 1)]
    assert dialog.warnings.text() == "⚠ 周主任 今年与代表 李四 见面 1 次，少于 2 次"
    dialog.year.setValue(2025)      # last year: no meetings yet
    assert _linked(dialog) == [("张三", 0), ("李四", 0)]


def test_a_resident_member_needs_three_deputies_and_rules_can_change_it(qtbot, ctx, store, town):
    member = views.new_member(store, name="吴主任", resident=True)
    for name in ("张三", "李四"):
        views.link_member(store, member_id=member, deputy_id=town.ids[name])
        for day in (date(2026, 2, 1), date(2026, 8, 1)):
            views.new_meeting(store, member_id=member, deputy_id=town.ids[name], met_on=day)
    dialog = _dialog(qtbot, ctx)
    assert dialog.warnings.text() == "⚠ 吴主任 联系代表 2 名，少于 3 名"
    assert dialog.member_model.data(dialog.member_model.index(0, 4)) == "1"
    with store.write("修改规则") as uow:
        rules = settings.load(uow.session, "rules")
        rules.committee_contacts_resident = 2
        settings.save(uow, "rules", rules)
    assert dialog.warnings.text() == ""


def test_linking_offers_only_deputies_not_yet_linked(qtbot, ctx, store, town, monkeypatch):
    member = views.new_member(store, name="周主任")
    views.link_member(store, member_id=member, deputy_id=town.ids["张三"])
    dialog = _dialog(qtbot, ctx)
    offered = []

    def fake_ask(parent, title, fields):
        box = fields[0][1]
        offered.extend(box.itemText(i) for i in range(box.count()))
        return False
    monkeypatch.setattr(committee_dialog, "ask", fake_ask)
    dialog.link_deputy()
    assert sorted(offered) == sorted(["李四", "王五", "赵六", "钱七"])
    assert _linked(dialog) == [("张三", 0)]        # cancelled: nothing written


def test_opened_from_the_contact_ledger_tab(qtbot, ctx, town, monkeypatch):
    opened = []
    monkeypatch.setattr(CommitteeDialog, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    tab = ContactsTab(ctx, today=TODAY)
    qtbot.addWidget(tab)
    button = next(b for b in tab.findChildren(committee_dialog.QPushButton)
                  if b.text() == "常委会组成人员联系代表…")
    button.click()
    assert opened == ["常委会组成人员联系代表"]
