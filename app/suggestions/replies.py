"""Replies to the deputies and their satisfaction votes; an unsatisfied result sends the
suggestion back for handling with a new deadline."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from app.suggestions.calendar import deadline_rules
from app.suggestions.errors import SuggestionError
from app.suggestions.handling import live_suggestion, resend
from app.suggestions.history import add_event
from app.uow import UnitOfWork
from db.models.roster import Deputy
from app.vocabulary import ReplyForm, Vote
from db.models.suggestion import Assignment, Reply, SatisfactionVote


@dataclass(frozen=True)
class SatisfactionOutcome:
    result: str                      # 满意 / 基本满意 / 不满意
    sent_back: bool                  # a new round was started
    new_deadline: date | None
    unsatisfied_count: int           # unsatisfied results so far, this one included
    escalation_proposed: bool        # reached Rules.unsatisfied_before_escalation


def record_reply(uow: UnitOfWork, *, suggestion_id: int, replied_on: date, form: str,
                 content: str, answered_by: str) -> int:
    row = live_suggestion(uow, suggestion_id)
    if not row.assignments:
        raise SuggestionError(f"意见建议 {row.number} 尚未交办，不能登记答复")
    current = row.assignments[-1]
    if any(r.assignment_id == current.id for r in row.replies):
        raise SuggestionError(f"意见建议 {row.number} 本轮办理已有答复；如需修改请使用更正")
    if form not in ReplyForm.values():
        raise SuggestionError(f"答复形式“{form}”无效，应为 {'、'.join(ReplyForm.values())} 之一")
    if replied_on < current.assigned_on:
        raise SuggestionError(f"意见建议 {row.number} 的答复日期 {replied_on} 早于交办日期 {current.assigned_on}")
    reply = Reply(assignment_id=current.id, replied_on=replied_on, form=form,
                  content=content or "", answered_by=(answered_by or "").strip())
    row.replies.append(reply)
    uow.session.flush()
    late = "（逾期）" if replied_on > current.deadline else ""
    add_event(uow, suggestion_id=row.id, on=replied_on, action="答复",
              detail=f"{reply.answered_by or '承办单位'}以{form}形式答复{late}")
    uow.record(action="create", entity="suggestion_reply", entity_uuid=reply.uuid,
               summary=f"登记意见建议 {row.number} 的答复",
               after={"replied_on": replied_on, "form": form, "answered_by": reply.answered_by})
    return reply.id


def record_satisfaction(uow: UnitOfWork, *, reply_id: int, votes: dict[int, str],
                        voted_on: date) -> SatisfactionOutcome:
    """Votes per deputy (lead and co-signers). The result is the majority; a tie between
    satisfied and unsatisfied is decided by the lead deputy's vote."""
    reply = uow.session.get(Reply, reply_id)
    if reply is None:
        raise SuggestionError(f"答复（编号 {reply_id}）不存在")
    row = live_suggestion(uow, reply.suggestion_id)
    _check_votes(row, reply, votes, voted_on)
    reply.votes = [SatisfactionVote(deputy_id=d, vote=v) for d, v in votes.items()]
    reply.result, reply.voted_on = vote_result(votes, lead_id=row.lead_deputy_id), voted_on
    uow.session.flush()
    names = "，".join(f"{uow.session.get(Deputy, d).name}：{v}" for d, v in votes.items())
    add_event(uow, suggestion_id=row.id, on=voted_on, action="满意度测评",
              detail=f"测评结果：{reply.result}（{names}）")
    uow.record(action="create", entity="satisfaction_vote", entity_uuid=reply.uuid,
               summary=f"登记意见建议 {row.number} 的满意度测评",
               after={"result": reply.result, "votes": votes})
    return _follow_up(uow, row, reply, voted_on)


def vote_result(votes: dict[int, str], *, lead_id: int) -> str:
    counts = Counter(votes.values())
    unhappy, happy = counts[Vote.UNSATISFIED], counts[Vote.SATISFIED] + counts[Vote.BASICALLY]
    if unhappy > happy or (unhappy == happy and votes.get(lead_id) == Vote.UNSATISFIED):
        return Vote.UNSATISFIED.value
    return (Vote.SATISFIED if counts[Vote.SATISFIED] >= counts[Vote.BASICALLY] else Vote.BASICALLY).value


def _check_votes(row, reply: Reply, votes: dict[int, str], voted_on: date) -> None:
    if reply.result is not None:
        raise SuggestionError(f"意见建议 {row.number} 的这次答复已经测评；如需修改请使用更正")
    if not votes:
        raise SuggestionError(f"意见建议 {row.number} 的满意度测评至少需要一位代表的意见")
    allowed = {row.lead_deputy_id, *(c.deputy_id for c in row.cosigners)}
    for deputy_id, vote in votes.items():
        if deputy_id not in allowed:
            raise SuggestionError(f"代表（编号 {deputy_id}）不是意见建议 {row.number} 的领衔或附议代表")
        if vote not in Vote.values():
            raise SuggestionError(f"测评意见“{vote}”无效，应为 {'、'.join(Vote.values())} 之一")
    if voted_on < reply.replied_on:
        raise SuggestionError(f"意见建议 {row.number} 的测评日期 {voted_on} 早于答复日期 {reply.replied_on}")


def _follow_up(uow: UnitOfWork, row, reply: Reply, on: date) -> SatisfactionOutcome:
    unhappy = sum(r.result == Vote.UNSATISFIED for r in row.replies)
    if reply.result != Vote.UNSATISFIED:
        return SatisfactionOutcome(reply.result, False, None, unhappy, False)
    threshold = deadline_rules(uow.session).unsatisfied_before_escalation
    proposed = unhappy >= threshold and not row.escalations
    new_id = resend(uow, row, on=on)
    if proposed:
        add_event(uow, suggestion_id=row.id, on=on, action="建议督办",
                  detail=f"已 {unhappy} 次答复不满意，建议采取约见、评议或询问等方式督办")
    due = uow.session.get(Assignment, new_id).deadline
    return SatisfactionOutcome(Vote.UNSATISFIED.value, True, due, unhappy, proposed)
