"""What deputies hand in at a session: a motion (议案: by a deputy group or enough co-signers,
a setting) kept with the session, or a suggestion (建议) entered in the suggestion ledger."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.attachments import store_file
from app.congress import CongressError, MotionId
from app.congress.config import load_rules
from app.congress.sessions import live_session, session_name
from app.suggestions.ledger import SuggestionId, register_suggestion
from db.models.congress import MotionSigner, SessionDocument, SessionMotion
from db.models.roster import Deputy, DeputyGroup


@dataclass(frozen=True)
class HandedIn:
    session_id: int
    title: str
    lead_deputy_id: int
    on: date
    content: str = ""
    cosigner_ids: tuple[int, ...] = ()


def hand_in_motion(store, data: HandedIn, *, group_id: int | None = None) -> MotionId:
    """Refused unless a deputy group hands it in or enough deputies sign (lead included)."""
    with store.write(f"登记议案（{data.title.strip()}）") as uow:
        db = uow.session
        meeting = live_session(db, data.session_id)
        signers = _signers(db, data)
        if group_id is not None and db.get(DeputyGroup, group_id) is None:
            raise CongressError("所选代表小组不存在")
        needed = load_rules(db).motion_min_signers
        if group_id is None and len(signers) + 1 < needed:
            raise CongressError(
                f"议案《{data.title.strip()}》须由代表小组提出，或由 {needed} 名以上代表联名"
                f"（现有 {len(signers) + 1} 名）；人数不足的可作为建议登记")
        row = SessionMotion(session_id=meeting.id, title=data.title.strip(), content=data.content,
                            lead_deputy_id=data.lead_deputy_id, group_id=group_id,
                            handed_in_on=data.on,
                            signers=[MotionSigner(deputy_id=d, position=i) for i, d in enumerate(signers)])
        db.add(row)
        db.flush()
        uow.record(action="create", entity="congress_motion", entity_uuid=row.uuid,
                   summary=f"{session_name(term=meeting.term, number=meeting.number)} 议案《{row.title}》",
                   after={"title": row.title, "lead": data.lead_deputy_id, "group_id": group_id,
                          "signers": signers})
        return MotionId(row.id)


def hand_in_suggestion(store, data: HandedIn, *, category: str = "其他") -> SuggestionId:
    """A suggestion handed in at the session: registered in the ledger with the session as source."""
    with store.write(f"登记人代会建议（{data.title.strip()}）") as uow:
        meeting = live_session(uow.session, data.session_id)
        return register_suggestion(
            uow, title=data.title, content=data.content, lead_deputy_id=data.lead_deputy_id,
            cosigner_ids=data.cosigner_ids, received_on=data.on, category=category,
            source="session", source_uuid=meeting.uuid)


def _signers(db, data: HandedIn) -> list[int]:
    if not data.title.strip():
        raise CongressError("议案的标题不能为空")
    if db.get(Deputy, data.lead_deputy_id) is None:
        raise CongressError(f"领衔代表（编号 {data.lead_deputy_id}）不存在")
    result: list[int] = []
    for deputy_id in data.cosigner_ids:
        if deputy_id == data.lead_deputy_id or deputy_id in result:
            continue
        if db.get(Deputy, deputy_id) is None:
            raise CongressError(f"联名代表（编号 {deputy_id}）不存在")
        result.append(deputy_id)
    return result


def set_motion_outcome(store, *, motion_id: int, outcome: str) -> None:
    with store.write("记录议案处理结果") as uow:
        row = uow.session.get(SessionMotion, motion_id)
        if row is None or row.deleted_at is not None:
            raise CongressError("找不到这件议案")
        uow.label = f"记录议案处理结果（{row.title}）"
        before, row.outcome = row.outcome, outcome.strip()
        uow.record(action="update", entity="congress_motion", entity_uuid=row.uuid,
                   summary=f"议案《{row.title}》", before={"outcome": before}, after={"outcome": row.outcome})


def attach_document(store, *, session_id: int, path: Path, title: str = "") -> None:
    """Copy a session document into the data folder and list it with the session."""
    info = store_file(store.data_dir, Path(path))
    with store.write(f"添加会议文件（{title or info.original_name}）") as uow:
        meeting = live_session(uow.session, session_id)
        meeting.documents.append(SessionDocument(
            title=title.strip() or Path(info.original_name).stem, sha256=info.sha256, ext=info.ext,
            original_name=info.original_name, size=info.size))
        uow.record(action="create", entity="congress_document", entity_uuid=meeting.uuid,
                   summary=f"{session_name(term=meeting.term, number=meeting.number)} 文件 {info.original_name}")
