"""The ledger's dialogs driven as a user would: register with the pinyin picker, assign with the
deadline shown, reply and votes, escalate and close, correct a step, units, attachments, print."""
from datetime import date

import pytest
from pypdf import PdfReader

from app.pinyin_search import search_keys
from app.suggestions import service
from app.suggestions.units import add_unit
from db.models.roster import Deputy
from ui.context import AppContext
from ui.qt import QFileDialog, QMessageBox, Qt
from ui.suggestions import attachments_box
from ui.suggestions.closing_dialogs import CloseDialog, EscalateDialog
from ui.suggestions.correction_dialog import CorrectionDialog
from ui.suggestions.handle_dialog import HandleDialog
from ui.suggestions.lists_dialog import ListsDialog
from ui.suggestions.register_dialog import RegisterDialog
from ui.suggestions.reply_dialog import ReplyDialog, VotesDialog
from ui.suggestions.timeline import TimelineDialog

TODAY = date(2026, 4, 20)


@pytest.fixture
def ctx(store):
    with store.write("测试代表与单位") as uow:
        for name in ("张三", "李四", "王五"):
            full, initials = search_keys(name)
            uow.session.add(Deputy(name=name, pinyin_full=full, pinyin_initials=initials))
        add_unit(uow, name="镇城建办")
        add_unit(uow, name="镇财政所")
    return AppContext(store)


def _show(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _row(ctx, number="2026-001"):
    return next(r for r in service.load_ledger(ctx.store, today=TODAY) if r.number == number)


def _register(qtbot, ctx) -> int:
    dialog = _show(qtbot, RegisterDialog(ctx, today=TODAY))
    dialog.title_edit.setText("青山村主干道修缮")
    dialog.content.insertPlainText("主干道多处破损，雨天积水")
    dialog.category.setCurrentText("基础设施")
    qtbot.keyClicks(dialog.lead.search, "zs")
    qtbot.keyClick(dialog.lead.search, Qt.Key_Return)      # picks the first shown: 张三
    qtbot.keyClicks(dialog.cosigners.search, "lisi")
    qtbot.keyClick(dialog.cosigners.search, Qt.Key_Return)
    dialog.save_button.click()
    assert dialog.message.text() == "" and dialog.result()
    return dialog.saved


def test_register_through_the_form(qtbot, ctx):
    sid = _register(qtbot, ctx)
    row = _row(ctx)
    assert (row.id, row.title, row.category) == (sid, "青山村主干道修缮", "基础设施")
    assert (row.lead_deputy, row.cosigners, row.received_on, row.state) == ("张三", "李四", TODAY, "未交办")


def test_register_without_lead_stays_open_with_the_reason(qtbot, ctx):
    dialog = _show(qtbot, RegisterDialog(ctx, today=TODAY))
    dialog.title_edit.setText("路灯")
    dialog.save_button.click()
    assert "领衔代表" in dialog.message.text() and not dialog.result()
    assert service.load_ledger(ctx.store, today=TODAY) == []


def test_assign_reply_votes_escalate_and_close(qtbot, ctx):
    _register(qtbot, ctx)
    units, _ = service.load_choices(ctx.store)
    handle = _show(qtbot, HandleDialog(ctx, row=_row(ctx), units=units, today=date(2026, 9, 28)))
    # Mon 28 Sep 2026: 29, 30 Sep, (1-7 Oct holiday), 8, 9 Oct, make-up Sat 10 Oct.
    assert handle.deadline.text() == "<b>2026年10月10日</b>" and "国庆节" in handle.explanation.toPlainText()
    handle.kind.setCurrentIndex(1)                           # complex: one month → Wed 28 Oct
    assert "2026年10月28日" in handle.deadline.text()
    handle.kind.setCurrentIndex(0)
    handle.lead.setCurrentIndex(handle.lead.findData(units[1].id))
    handle.save_button.click()
    row = _row(ctx)
    assert (row.lead_unit, row.deadline, row.mode) == (units[1].name, date(2026, 10, 10), "交办")

    rounds = [(("不满意", "不满意"), date(2026, 10, 9), date(2026, 10, 12)),
              (("不满意", "基本满意"), date(2026, 10, 13), date(2026, 10, 14))]
    for attempt, (votes, replied, voted) in enumerate(rounds, start=1):
        reply = _show(qtbot, ReplyDialog(ctx, row=_row(ctx), today=replied))
        reply.content.insertPlainText(f"第{attempt}次答复")
        reply.answered_by.setText("城建办主任")
        reply.form_box.setCurrentText("见面")
        reply.save_button.click()
        assert reply.result(), reply.message.text()
        detail = service.load_detail(ctx.store, suggestion_id=row.id, today=TODAY)
        vote = _show(qtbot, VotesDialog(ctx, detail=detail, reply_id=reply.saved, today=voted))
        for box, choice in zip(vote.choices.values(), votes):
            box.setCurrentText(choice)
        vote.save_button.click()
        assert vote.saved.result == "不满意" and vote.saved.sent_back
    assert vote.saved.escalation_proposed
    row = _row(ctx)
    assert row.unsatisfied == 2 and row.escalation_proposed and len(row.rounds) == 3

    escalate = _show(qtbot, EscalateDialog(ctx, row=row, today=date(2026, 10, 15)))
    escalate.kind.setCurrentText("约见")
    escalate.outcome.insertPlainText("约见镇长，承诺年内完工")
    escalate.save_button.click()
    third = _show(qtbot, ReplyDialog(ctx, row=_row(ctx), today=date(2026, 10, 16)))
    third.content.insertPlainText("已列入明年计划")
    third.save_button.click()
    close = _show(qtbot, CloseDialog(ctx, row=_row(ctx), today=date(2026, 10, 20)))
    close.result_box.setCurrentText("列入计划")
    close.save_button.click()
    assert "须填写说明" in close.message.text()             # refused, dialog still open
    close.explanation.insertPlainText("列入明年道路计划")
    close.save_button.click()
    assert close.result() == 1, close.message.text()
    row = _row(ctx)
    assert (row.state, row.closure_result, row.escalations) == ("已办结", "列入计划", "约见")


def test_correct_a_reply_date_with_reason(qtbot, ctx):
    _register(qtbot, ctx)
    row = _row(ctx)
    dialog = _show(qtbot, CorrectionDialog(ctx, detail=service.load_detail(ctx.store, suggestion_id=row.id,
                                                                             today=TODAY), today=TODAY))
    assert [dialog.step.itemText(i) for i in range(dialog.step.count())] == ["登记（2026年4月20日）"]
    dialog.editors["title"].setText("青山村主干道及桥梁修缮")
    dialog.save_button.click()
    assert "理由" in dialog.message.text()
    dialog.reason.setText("标题漏写桥梁")
    dialog.save_button.click()
    assert dialog.result() == 1
    detail = service.load_detail(ctx.store, suggestion_id=row.id, today=TODAY)
    assert detail.row.title == "青山村主干道及桥梁修缮"
    last = detail.events[-1]
    assert last.action == "更正" and "青山村主干道修缮 → 青山村主干道及桥梁修缮" in last.detail
    assert "标题漏写桥梁" in last.detail


def test_units_and_categories(qtbot, ctx):
    dialog = _show(qtbot, ListsDialog(ctx))
    dialog.name.setText("县交通运输局")
    dialog.kind.setCurrentText("县直")
    dialog.add_button.click()
    units, _ = service.load_choices(ctx.store)
    assert ("县交通运输局", "县直") in [(u.name, u.kind) for u in units]
    dialog.categories.setPlainText("道路交通\n农业农村\n\n其他")
    dialog.save_categories_button.click()
    assert service.load_choices(ctx.store)[1] == ["道路交通", "农业农村", "其他"]


def test_attachment_added_listed_and_opened(qtbot, ctx, tmp_path, monkeypatch):
    _register(qtbot, ctx)
    row = _row(ctx)
    scan = tmp_path / "现场照片.jpg"
    scan.write_bytes(b"photo bytes")
    dialog = _show(qtbot, TimelineDialog(service.load_detail(ctx.store, suggestion_id=row.id, today=TODAY),
                                         ctx=ctx, today=TODAY))
    dialog.attachments.add_files([scan])
    assert dialog.attachments.list.item(0).text() == "现场照片.jpg"
    opened = []
    monkeypatch.setattr(attachments_box, "open_file", opened.append)
    dialog.attachments.list.setCurrentRow(0)
    dialog.attachments.open_button.click()
    assert opened[0].read_bytes() == b"photo bytes" and opened[0] != scan


def test_page_prints_the_selected_letters(qtbot, ctx, tmp_path, monkeypatch):
    from ui.suggestions.page import Page
    _register(qtbot, ctx)
    units, _ = service.load_choices(ctx.store)
    service.bulk_assign(ctx.store, suggestion_ids=[_row(ctx).id], numbers=["2026-001"],
                        lead_unit_id=units[0].id, assigned_on=TODAY)
    page = Page(ctx, today=TODAY)
    qtbot.addWidget(page)
    target = tmp_path / "交办单"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.table.selectRow(0)
    page.actions.actions["letters"].trigger()
    qtbot.waitUntil(lambda: not ctx.operations)          # printed off the UI thread
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "交办单.pdf").pages)
    assert "青山村主干道修缮" in text and units[0].name in text
    assert page.actions.actions["letters"].shortcut().toString() == "Ctrl+P"
    assert page.actions.actions["new"].shortcut().toString() == "Ctrl+N"
