"""Store-level writes for the ledger's screens: each is one user action in one labelled
transaction, taking plain values and returning ids or plain outcomes."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.attachments import store_file, stored_path
from app.store import Store
from app.suggestions import closing, corrections, handling, ledger, replies, units
from app.suggestions.errors import SuggestionError
from app.suggestions.replies import SatisfactionOutcome
from db.models.suggestion import Suggestion, SuggestionAttachment


def register(store: Store, *, title: str, content: str, lead_deputy_id: int | None,
             cosigner_ids: list[int] = (), received_on: date, category: str,
             source: str = "own") -> int:
    if lead_deputy_id is None:
        raise SuggestionError("请选择领衔代表")
    with store.write(f"登记意见建议《{(title or '').strip()[:20]}》") as uow:
        return ledger.register_suggestion(
            uow, title=title, content=content, lead_deputy_id=lead_deputy_id,
            cosigner_ids=cosigner_ids, received_on=received_on, category=category, source=source)


def assign_one(store: Store, *, suggestion_id: int, number: str, lead_unit_id: int | None,
               assisting_unit_ids: list[int] = (), assigned_on: date, kind: str,
               note: str = "") -> int:
    if lead_unit_id is None:
        raise SuggestionError(f"意见建议 {number} 交办时须选择主办单位")
    with store.write(f"交办意见建议 {number}") as uow:
        return handling.assign(uow, suggestion_ids=[suggestion_id], lead_unit_id=lead_unit_id,
                               assisting_unit_ids=assisting_unit_ids, assigned_on=assigned_on,
                               kind=kind, note=note)[0]


def pass_up(store: Store, *, suggestion_id: int, number: str, passed_on: date, kind: str,
            county_unit_id: int | None = None, county_reference: str = "", note: str = "") -> int:
    with store.write(f"转办意见建议 {number}") as uow:
        return handling.pass_up(uow, suggestion_id=suggestion_id, passed_on=passed_on, kind=kind,
                                county_unit_id=county_unit_id, county_reference=county_reference,
                                note=note)


def reply(store: Store, *, suggestion_id: int, number: str, replied_on: date, form: str,
          content: str, answered_by: str) -> int:
    with store.write(f"登记意见建议 {number} 的答复") as uow:
        return replies.record_reply(uow, suggestion_id=suggestion_id, replied_on=replied_on,
                                    form=form, content=content, answered_by=answered_by)


def vote(store: Store, *, reply_id: int, number: str, votes: dict[int, str],
         voted_on: date) -> SatisfactionOutcome:
    with store.write(f"登记意见建议 {number} 的满意度测评") as uow:
        return replies.record_satisfaction(uow, reply_id=reply_id, votes=votes, voted_on=voted_on)


def escalate(store: Store, *, suggestion_id: int, number: str, form: str, held_on: date,
             outcome: str) -> int:
    with store.write(f"意见建议 {number} {form}督办") as uow:
        return closing.escalate(uow, suggestion_id=suggestion_id, form=form, held_on=held_on,
                                outcome=outcome)


def close(store: Store, *, suggestion_id: int, number: str, closed_on: date, result: str,
          explanation: str) -> int:
    with store.write(f"办结意见建议 {number}") as uow:
        return closing.close(uow, suggestion_id=suggestion_id, closed_on=closed_on,
                             result=result, explanation=explanation)


def correct(store: Store, *, number: str, step: str, record_id: int, changes: dict,
            reason: str, on: date) -> None:
    with store.write(f"更正意见建议 {number}") as uow:
        corrections.correct_step(uow, step=step, record_id=record_id, changes=changes,
                                 reason=reason, on=on)


def add_unit(store: Store, *, name: str, kind: str, contact: str = "", phone: str = "") -> int:
    with store.write(f"新增承办单位（{(name or '').strip()}）") as uow:
        return units.add_unit(uow, name=name, kind=kind, contact=contact, phone=phone)


def remove_unit(store: Store, *, unit_id: int, name: str) -> None:
    with store.write(f"删除承办单位（{name}）") as uow:
        units.remove_unit(uow, unit_id=unit_id)


def save_categories(store: Store, *, names: list[str]) -> None:
    with store.write("修改意见建议类别") as uow:
        units.set_categories(uow, names)


def attach(store: Store, *, suggestion_id: int, paths: list[Path]) -> list[int]:
    """Copy the files in first (outside the transaction), then list them with the suggestion."""
    infos = [store_file(store.data_dir, Path(p)) for p in paths]
    with store.write(f"添加意见建议附件（{len(infos)} 个）") as uow:
        row = uow.session.get(Suggestion, suggestion_id)
        if row is None or row.deleted_at is not None:
            raise SuggestionError(f"意见建议（编号 {suggestion_id}）不存在或已删除")
        # The same file chosen twice is listed once.
        have = {a.sha256 for a in row.attachments}
        fresh = list({i.sha256: i for i in infos if i.sha256 not in have}.values())
        items = [SuggestionAttachment(sha256=i.sha256, filename=i.original_name) for i in fresh]
        row.attachments.extend(items)
        uow.session.flush()
        uow.record(action="update", entity="suggestion", entity_uuid=row.uuid,
                   summary=f"意见建议 {row.number} 添加附件 " + "、".join(i.original_name for i in infos))
        return [i.id for i in items]


def attachment_file(store: Store, *, sha256: str, filename: str) -> Path:
    found = stored_path(store.data_dir, sha256=sha256, ext=Path(filename).suffix.lower())
    if found is None:
        raise SuggestionError(f"附件“{filename}”的文件在数据文件夹中找不到（可能被删除）")
    return found
