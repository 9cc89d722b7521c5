"""Store-level actions the screens call: refusals named in Chinese, attachments, corrections."""
from datetime import date

import pytest

from app.suggestions import actions, service
from app.suggestions.errors import SuggestionError


def test_register_needs_a_lead_deputy(store):
    with pytest.raises(SuggestionError, match="领衔代表"):
        actions.register(store, title="路灯", content="", lead_deputy_id=None,
                         received_on=date(2026, 3, 2), category="其他")


def test_attachment_stored_once_and_missing_file_named(store, deputies, tmp_path):
    sid = actions.register(store, title="路灯", content="", lead_deputy_id=deputies["张三"],
                           received_on=date(2026, 3, 2), category="基础设施")
    photo = tmp_path / "照片.PNG"
    photo.write_bytes(b"png")
    actions.attach(store, suggestion_id=sid, paths=[photo, photo])
    found = service.load_detail(store, suggestion_id=sid, today=date(2026, 3, 3)).attachments
    assert [a.filename for a in found] == ["照片.PNG"]      # the same file once
    path = actions.attachment_file(store, sha256=found[0].sha256, filename=found[0].filename)
    assert path.read_bytes() == b"png" and path.suffix == ".png"
    path.unlink()
    with pytest.raises(SuggestionError, match="照片.PNG"):
        actions.attachment_file(store, sha256=found[0].sha256, filename=found[0].filename)


def test_correction_refuses_a_reply_form_outside_the_list(store, deputies):
    sid = actions.register(store, title="路灯", content="", lead_deputy_id=deputies["张三"],
                           received_on=date(2026, 3, 2), category="其他")
    unit = actions.add_unit(store, name="镇城建办", kind="乡镇")
    actions.assign_one(store, suggestion_id=sid, number="2026-001", lead_unit_id=unit,
                       assigned_on=date(2026, 3, 3), kind="ordinary")
    reply = actions.reply(store, suggestion_id=sid, number="2026-001", replied_on=date(2026, 3, 5),
                          form="书面", content="已修", answered_by="")
    with pytest.raises(SuggestionError, match="答复形式“电话”无效"):
        actions.correct(store, number="2026-001", step="reply", record_id=reply,
                        changes={"form": "电话"}, reason="录错", on=date(2026, 3, 6))


def test_preview_deadline_matches_the_calendar(store):
    # Tue 28 Apr 2026: 1-5 May holiday, Sat 9 May make-up day → 29, 30 Apr, 6, 7, 8 May.
    found = service.preview_deadline(store, assigned_on=date(2026, 4, 28), kind="ordinary")
    assert found.deadline == date(2026, 5, 8) and "劳动节" in found.explanation
