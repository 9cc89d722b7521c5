"""Each yearly duty measured on a day: what it asks, by when, how much is done and what is not.
The home page shows it as a dated task, the statistics as a line of the year's duties."""
from __future__ import annotations

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.activities.subsidy import seat_held
from app.suggestions.views import LedgerRow, list_ledger
from db.models.contact import ContactVisit
from db.models.roster import Deputy, DeputyLevel

PROBLEM_LIST_SOURCE = ("对代表行动收集的意见建议认真研究,分门别类,在6月底前形成问题清单,"
                       "按照职责分工、分级负责原则进行交办、转办。")
SURVEY_SOURCE = ("各代表小组在9月份集中代表开展跟踪督办和“回头看”,……县人大常委会将组织代表"
                 "开展满意度测评,切实提高办结率和满意率。")
VISITS_SOURCE = "开展一轮“双联”走访。……全县四级代表人人参与,每位代表走访5个选民家庭。"


@dataclass(frozen=True)
class YearlyTask:
    key: str
    title: str               # what is asked, with its date, in Chinese
    due: date
    total: int               # what the duty covers
    done: int
    missing_ids: tuple[int, ...]     # suggestions or deputies not yet done
    missing: tuple[str, ...]         # their numbers or names
    pending: str             # what is still missing, after its count: "件意见建议未交办或转办"
    target: str              # page that lists them
    basis: str               # how it is counted
    source: str              # seed 004's sentence

    @property
    def complete(self) -> bool:
        return self.done == self.total


def month_end(year: int, month: int) -> date:
    return date(year, month, month_calendar.monthrange(year, month)[1])


def yearly_tasks(session: Session, *, year: int, on: date) -> list[YearlyTask]:
    """The three duties of `year` as they stand on `on` (counting only what happened by then)."""
    rules = settings.load(session, "rules")
    ledger = list_ledger(session, today=on, year=year)
    return [problem_list(ledger, due=month_end(year, rules.problem_list_month), on=on),
            survey(ledger, due=month_end(year, rules.satisfaction_survey_month), on=on),
            household_visits(session, due=month_end(year, rules.household_visits_month), on=on,
                             households=rules.reception_households)]


def problem_list(ledger: list[LedgerRow], *, due: date, on: date) -> YearlyTask:
    """Every suggestion registered by the due day is 交办 or 转办 (the problem list made and sent)."""
    until = min(due, on)
    rows = [r for r in ledger if r.received_on <= until]
    left = [r for r in rows if not r.rounds or r.rounds[0].assigned_on > on]
    return _suggestion_task("problem_list", f"{due.month}月底前形成问题清单并交办、转办", due, rows,
                            left, "件意见建议未交办或转办", f"{due.month}月{due.day}日前登记的意见建议中已交办或转办的件数",
                            PROBLEM_LIST_SOURCE)


def survey(ledger: list[LedgerRow], *, due: date, on: date) -> YearlyTask:
    """Every suggestion answered by the due day has the deputies' 满意度测评 on its last reply."""
    until = min(due, on)
    rows, left = [], []
    for r in ledger:
        answered = [x for x in r.rounds if x.replied_on is not None and x.replied_on <= until]
        if answered:
            rows.append(r)
            if answered[-1].result is None:
                left.append(r)
    return _suggestion_task("survey", f"{due.month}月开展意见建议办理满意度测评", due, rows, left,
                            "件答复未测评",
                            f"{due.month}月{due.day}日前已答复的意见建议中最近一次答复已测评的件数",
                            SURVEY_SOURCE)


def _suggestion_task(key, title, due, rows, left, pending, basis, source) -> YearlyTask:
    return YearlyTask(key, title, due, len(rows), len(rows) - len(left),
                      tuple(r.id for r in left), tuple(f"{r.number} {r.title}" for r in left),
                      pending, "suggestions", basis, source)


def household_visits(session: Session, *, due: date, on: date, households: int) -> YearlyTask:
    """Each deputy holding a seat visits `households` different voter families (fixed voters or
    helped households) in the year, by the due day."""
    until = min(due, on)
    serving = _serving(session, on=until)
    seen: dict[int, set] = {}
    for deputy_id, voter, home in session.execute(select(
            ContactVisit.deputy_id, ContactVisit.voter_id, ContactVisit.household_id).where(
            ContactVisit.deleted_at.is_(None), ContactVisit.visited_on >= date(due.year, 1, 1),
            ContactVisit.visited_on <= until)):
        seen.setdefault(deputy_id, set()).add((voter, home))
    left = [(d, name) for d, name in serving if len(seen.get(d, ())) < households]
    return YearlyTask(
        "household_visits", f"“双联”走访：每名代表{due.month}月底前走访 {households} 户选民家庭", due,
        len(serving), len(serving) - len(left), tuple(d for d, _ in left),
        tuple(f"{name}（{len(seen.get(d, ()))} 户）" for d, name in left),
        f"名代表走访不足 {households} 户", "roster",
        f"在任代表中本年走访不同联系选民、帮扶户达 {households} 户的人数", VISITS_SOURCE)


def _serving(session: Session, *, on: date) -> list[tuple[int, str]]:
    held: set[int] = set()
    for seat in session.execute(select(DeputyLevel.deputy_id, DeputyLevel.elected_on,
                                       DeputyLevel.status, DeputyLevel.status_on)):
        if seat_held(seat, on):
            held.add(seat.deputy_id)
    return [(d, n) for d, n in session.execute(select(Deputy.id, Deputy.name).where(
        Deputy.deleted_at.is_(None)).order_by(Deputy.pinyin_full)) if d in held]
