"""Registering a suggestion in the ledger: its yearly number, its deputies, its first history
entry and the audit record."""
from __future__ import annotations

from datetime import date
from typing import Iterable, NewType

from sqlalchemy import func, select

from app import settings
from app.suggestions.errors import SuggestionError
from app.suggestions.history import add_event
from app.vocabulary import Source
from app.uow import UnitOfWork
from db.models.roster import Deputy
from db.models.suggestion import Suggestion, SuggestionCosigner

SuggestionId = NewType("SuggestionId", int)


def format_number(*, prefix: str, year: int, seq: int) -> str:
    return f"{prefix}{year}-{seq:03d}"


def register_suggestion(
    uow: UnitOfWork, *, title: str, content: str, lead_deputy_id: int,
    cosigner_ids: Iterable[int] = (), received_on: date, category: str = "其他",
    source: str = Source.OWN, source_uuid: str | None = None,
) -> SuggestionId:
    """Number the suggestion per year (e.g. 2026-017) and record it; returns its id."""
    title = (title or "").strip()
    _check(title=title, source=source, received_on=received_on)
    session = uow.session
    cosigners = _check_deputies(session, lead_deputy_id, cosigner_ids)
    prefix = settings.load(session, "rules").suggestion_number_prefix
    seq = _next_seq(session, received_on.year)
    row = Suggestion(
        number=format_number(prefix=prefix, year=received_on.year, seq=seq),
        year=received_on.year, seq=seq, source=source, source_uuid=source_uuid,
        lead_deputy_id=lead_deputy_id, received_on=received_on, title=title,
        content=content or "", category=(category or "其他").strip() or "其他",
        cosigners=[SuggestionCosigner(deputy_id=d, position=i) for i, d in enumerate(cosigners)],
    )
    session.add(row)
    session.flush()
    lead = session.get(Deputy, lead_deputy_id).name
    add_event(uow, suggestion_id=row.id, on=received_on, action="登记",
              detail=f"登记意见建议 {row.number}《{title}》，领衔代表 {lead}"
                     f"（来源：{Source(source).label}）")
    uow.record(action="create", entity="suggestion", entity_uuid=row.uuid,
               summary=f"登记意见建议 {row.number}",
               after={"number": row.number, "title": title, "lead_deputy": lead,
                      "cosigners": cosigners, "received_on": received_on,
                      "category": row.category, "source": source})
    return SuggestionId(row.id)


def _check(*, title: str, source: str, received_on: date) -> None:
    if not title:
        raise SuggestionError("意见建议的标题不能为空")
    if len(title) > 200:
        raise SuggestionError(f"意见建议的标题过长（{len(title)} 字），最多 200 字")
    if source not in Source.values():
        raise SuggestionError(f"意见建议的来源“{source}”无效，应为 {'、'.join(Source.values())} 之一")
    if not isinstance(received_on, date):
        raise SuggestionError("意见建议的收到日期无效")


def _check_deputies(session, lead_id: int, cosigner_ids: Iterable[int]) -> list[int]:
    if session.get(Deputy, lead_id) is None:
        raise SuggestionError(f"领衔代表（编号 {lead_id}）不存在")
    result: list[int] = []
    for deputy_id in cosigner_ids:
        if deputy_id == lead_id or deputy_id in result:
            continue
        if session.get(Deputy, deputy_id) is None:
            raise SuggestionError(f"附议代表（编号 {deputy_id}）不存在")
        result.append(deputy_id)
    return result


def _next_seq(session, year: int) -> int:
    # Deleted (recycled) suggestions keep their numbers: a number is never given twice.
    top = session.scalar(select(func.max(Suggestion.seq)).where(Suggestion.year == year))
    return (top or 0) + 1
