"""Assembles dossiers for a batch of deputies in a fixed number of queries, whatever the batch size."""
from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.assessment.counts import _ids_filter
from app.assessment.rules import load_rules
from app.assessment.scoring import YearStanding, cached_standing
from app.assessment.settlement import year_lines
from app.cn import UNKNOWN_TERM, sort_key, term_text
from app.dossier import DossierError, sources
from app.dossier.model import Cover, Dossier, Period, VoterReportLine
from app.identity import mask_id
from app.roster.choices import level_order
from app.roster.fields import birth_text
from app.roster.listing import list_rows
from app.voter_reports.reading import reports_in
from app.vocabulary import Level, SeatStatus
from db.models.roster import Deputy, DeputyLevel

IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".bmp", ".gif")


def year_period(year: int) -> Period:
    if not 1949 <= year <= 2200:
        raise DossierError(f"年度“{year}”无效")
    return Period(date(year, 1, 1), date(year, 12, 31), f"{year}年度", year)


def term_period(session: Session, *, today: date) -> Period:
    """The current township term, from its first election date (or 1 January) up to today."""
    term = settings.load(session, "township").term
    if not term:
        raise DossierError("尚未设置本届届次（设置 → 乡镇信息），无法按任期打印")
    start = sources.first_elected(session, term=term) or date(today.year, 1, 1)
    return Period(start, max(start, today), f"{term_text(term)}任期内", None)


def choose_deputies(session: Session, *, group: str | None = None,
                    names: Collection[str] = (), ids: Collection[int] = ()) -> list[int]:
    """Current deputies of the township (all, one group, or by name or id), in roster order."""
    rows = list_rows(session)
    if group:
        picked = [r for r in rows if r.group == group and r.current]
        if not picked:
            raise DossierError(f"代表小组“{group}”不存在或没有在任代表")
    elif names:
        by_name = {r.name: r for r in rows}
        missing = [n for n in names if n not in by_name]
        if missing:
            raise DossierError(f"找不到代表：{'、'.join(missing)}")
        picked = [by_name[n] for n in names]
    elif ids:
        wanted = set(ids)
        picked = [r for r in rows if r.id in wanted]
    else:
        picked = [r for r in rows if r.current]
    return [r.id for r in sorted(picked, key=lambda r: (r.group == "", sort_key(r.group), r.keys[0]))]


def load_dossiers(session: Session, *, deputy_ids: list[int], period: Period,
                  data_dir: Path | None = None,
                  standing: Callable[[int], YearStanding] | None = None) -> list[Dossier]:
    """`standing(year)`: every current deputy's counts and totals for a year (for the ranking),
    when a kept copy is at hand; otherwise they are counted here."""
    ids = set(deputy_ids)
    rules = load_rules(session)
    township = settings.load(session, "township")
    rows = {r.id: r for r in list_rows(session, ids=ids)}
    unknown = [str(i) for i in deputy_ids if i not in rows]
    if unknown:
        raise DossierError(f"代表（编号 {'、'.join(unknown)}）不存在或已被删除")
    details = _details(session, ids)
    acts = sources.activities(session, ids, period)
    suggs = sources.suggestions(session, ids, period)
    people, visits = sources.contacts(session, ids, period)
    congress = sources.congress(session, ids, period)
    records = sources.records(session, ids, period)
    told = _voter_reports(session, ids, period)
    yearly = {y: year_lines(session, year=y, rows=rows.values(),
                            standing=standing(y) if standing else None)
              for y in period.years()}
    dossiers = []
    for deputy_id in deputy_ids:
        row, detail = rows[deputy_id], details[deputy_id]
        cover = Cover(row.name, _photo(data_dir, detail["photo"]), row.levels_text or "—",
                      row.group or "未编组", detail["term"] or (term_text(township.term) if township.term else ""),
                      "、".join(row.constituencies), township.name)
        dossiers.append(Dossier(
            deputy_id, period, cover, _basics(row, detail), acts.get(deputy_id, []),
            suggs.get(deputy_id, []), people.get(deputy_id, []), visits.get(deputy_id, []),
            congress.get(deputy_id, []), records.get(deputy_id, []),
            [(y, yearly[y].get(deputy_id)) for y in period.years()],
            tuple(rules.report_kinds), tuple(rules.training_kinds), told.get(deputy_id, [])))
    return dossiers


def _voter_reports(session: Session, ids: set[int], period: Period) -> dict[int, list[VoterReportLine]]:
    found: dict[int, list[VoterReportLine]] = {}
    for r in reports_in(session, start=period.start, end=period.end, deputy_ids=ids):
        found.setdefault(r.deputy_id, []).append(VoterReportLine(r.reported_on, r.place, r.voters_present,
                                                                 r.evaluation))
    return found


def _details(session: Session, ids: set[int]) -> dict[int, dict]:
    found = {i: {"photo": None, "term": "", "id": "", "seats": []} for i in ids}
    for deputy_id, photo, number in session.execute(
            select(Deputy.id, Deputy.photo, Deputy.id_number)
            .where(Deputy.deleted_at.is_(None), *_ids_filter(Deputy.id, ids))):
        if deputy_id in found:
            found[deputy_id].update(photo=photo, id=number or "")
    for deputy_id, level, term in session.execute(
            select(DeputyLevel.deputy_id, DeputyLevel.level, DeputyLevel.term)
            .where(DeputyLevel.status == SeatStatus.SERVING, *_ids_filter(DeputyLevel.deputy_id, ids))):
        if deputy_id in found:
            found[deputy_id]["seats"].append((level, term))
    for detail in found.values():
        seats = sorted(detail["seats"], key=lambda s: level_order(s[0]))
        detail["seat_text"] = "；".join(f"{level}级{term_text(term) or f'（{UNKNOWN_TERM}）'}"
                                       for level, term in seats)
        township_terms = [term for level, term in seats if level == Level.TOWNSHIP]
        detail["term"] = term_text(township_terms[0]) if township_terms else ""
    return found


def _basics(row, detail: dict) -> list[tuple[str, str]]:
    return [("姓　　名", row.name), ("性　　别", row.sex or "—"), ("民　　族", row.ethnicity or "—"),
            ("出生年月", row.birth or "—"), ("身份证号", mask_id(detail["id"]) if detail["id"] else "—"),
            ("政治面貌", row.political_status or "—"), ("学　　历", row.education or "—"),
            ("代表类别", row.category or "—"), ("工作单位及职务", row.work_unit_post or "—"),
            ("代表层级及届次", detail["seat_text"] or "—"),
            ("选　　区", "、".join(row.constituencies) or "—"), ("所在小组", row.group or "未编组"),
            ("联系电话", row.phone or "—"), ("代表证号", row.card_number or "—")]


def _photo(data_dir: Path | None, sha: str | None) -> Path | None:
    if not data_dir or not sha:
        return None
    folder = Path(data_dir) / "attachments" / sha[:2]
    for ext in IMAGE_EXTS:
        path = folder / f"{sha}{ext}"
        if path.exists():
            return path
    return None


def dossiers_for(store, *, deputy_ids: list[int], year: int | None, today: date | None = None) -> list[Dossier]:
    with store.read() as session:
        period = year_period(year) if year else term_period(session, today=today or date.today())
        return load_dossiers(session, deputy_ids=deputy_ids, period=period, data_dir=store.data_dir,
                             standing=lambda y: cached_standing(store, year=y))
