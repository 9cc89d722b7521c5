"""On the activity form: removing photos and scans (kept until 保存, so 取消 loses nothing), and the
suggestions registered from the activity's problems, each opening in the suggestion ledger."""
from datetime import date

import pytest
from sqlalchemy import select

from app.activities.entry import create_activity
from app.activities.files import attach_files
from app.activities.inputs import ActivityInput
from app.activities.problems import register_problem
from app.activities.reading import get_activity
from app.recycle import move_to_bin
from db.models.core import AuditEntry
from db.models.suggestion import Suggestion
from tests.app.activities.seed import make_township
from ui.activities.activity_form import ActivityDialog
from ui.context import AppContext


@pytest.fixture
def ctx(store):
    return AppContext(store)


@pytest.fixture
def town(store):
    return make_township(store)


def _activity(store, town) -> int:
    return create_activity(store, ActivityInput(
        kind="视察", start_date=date(2026, 6, 3), theme="河道治理", organiser="group", group_id=town.east,
        duration_hours=4, problems="河道垃圾堆积；村口路灯不亮")).activity_id


def _files(tmp_path, *names):
    paths = []
    for index, name in enumerate(names):
        path = tmp_path / name
        path.write_bytes(f"file {index}".encode())
        paths.append(path)
    return paths


def _dialog(qtbot, ctx, activity_id):
    dialog = ActivityDialog(ctx, activity_id=activity_id, today=date(2026, 6, 3))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _names(store, activity_id):
    with store.read() as session:
        return sorted(a.original_name for a in get_activity(session, activity_id).attachments)


def _select(panel, label):
    panel.list.clearSelection()
    panel.list.item(panel.labels().index(label)).setSelected(True)


def test_removing_a_stored_scan_takes_effect_on_save_only(qtbot, ctx, store, town, tmp_path):
    activity_id = _activity(store, town)
    attach_files(store, activity_id=activity_id, paths=_files(tmp_path, "现场.jpg", "签到表.pdf"))
    dialog = _dialog(qtbot, ctx, activity_id)
    panel = dialog.attachments
    assert not panel.remove_button.isEnabled()
    _select(panel, "签到表.pdf")
    panel.remove_button.click()
    assert panel.labels() == ["现场.jpg"]
    dialog.reject()
    assert _names(store, activity_id) == ["现场.jpg", "签到表.pdf"]      # 取消: nothing removed
    again = _dialog(qtbot, ctx, activity_id)
    _select(again.attachments, "签到表.pdf")
    again.attachments.remove_selected()
    again.save()
    assert _names(store, activity_id) == ["现场.jpg"]
    with store.read() as session:
        labels = list(session.scalars(select(AuditEntry.label).order_by(AuditEntry.id)))
    assert "移除活动附件（1 个）" in labels[-3:]


def test_a_file_added_then_removed_before_saving_is_not_attached(qtbot, ctx, store, town, tmp_path):
    activity_id = _activity(store, town)
    dialog = _dialog(qtbot, ctx, activity_id)
    dialog.attachments.add_pending(_files(tmp_path, "a.jpg", "b.jpg"))
    _select(dialog.attachments, "a.jpg（待保存）")
    dialog.attachments.remove_selected()
    assert dialog.attachments.labels() == ["b.jpg（待保存）"]
    dialog.save()
    assert _names(store, activity_id) == ["b.jpg"]


def _two_suggestions(store, town, activity_id):
    first = register_problem(store, activity_id=activity_id, title="清理河道垃圾", content="河道垃圾堆积",
                             lead_deputy_id=town.ids["李四"])
    second = register_problem(store, activity_id=activity_id, title="修复村口路灯", content="村口路灯不亮",
                              lead_deputy_id=town.ids["张三"])
    with store.read() as session:
        numbers = {i: session.get(Suggestion, i).number for i in (first, second)}
    return first, second, numbers


def test_linked_suggestions_listed_with_their_numbers(qtbot, ctx, store, town):
    activity_id = _activity(store, town)
    empty = _dialog(qtbot, ctx, activity_id)
    assert empty.linked.texts() == ["（尚无：在活动列表中选中活动，点“问题登记为意见建议”）"]
    assert not empty.linked.open_button.isEnabled()
    first, second, numbers = _two_suggestions(store, town, activity_id)
    with store.write("删除意见建议") as uow:
        move_to_bin(uow, uow.session.get(Suggestion, second), what="意见建议")
    dialog = _dialog(qtbot, ctx, activity_id)
    assert dialog.linked.texts() == [f"{numbers[first]}  清理河道垃圾", "修复村口路灯（已删除）"]


def test_opening_a_suggestion_goes_to_the_ledger_and_closes_an_untouched_form(qtbot, ctx, store, town):
    activity_id = _activity(store, town)
    first, second, _ = _two_suggestions(store, town, activity_id)
    opened = []
    ctx.open_page.connect(lambda key, kwargs: opened.append((key, kwargs)))
    dialog = _dialog(qtbot, ctx, activity_id)
    dialog.linked.list.item(1).setSelected(True)
    dialog.linked.open_button.click()
    assert opened == [("suggestions", {"ids": [second], "label": "活动“河道治理”登记的意见建议 1 件"})]
    assert dialog.isHidden() and dialog.result() == 0


def test_a_form_with_edits_stays_open_after_opening_the_suggestions(qtbot, ctx, store, town):
    activity_id = _activity(store, town)
    first, second, _ = _two_suggestions(store, town, activity_id)
    opened = []
    ctx.open_page.connect(lambda key, kwargs: opened.append(kwargs["ids"]))
    dialog = _dialog(qtbot, ctx, activity_id)
    dialog.place.setText("青山村河堤")
    dialog.linked.open_button.click()                 # none chosen: all of them
    assert opened == [[first, second]]
    assert dialog.isVisible() and "有未保存的修改" in dialog.linked.note.text()
