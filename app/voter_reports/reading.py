"""Reports to voters as plain rows for the screens, the dossier and the statistics, and who has
not reported within the cycle the settings give (每年: this year; 每届: this term so far)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.cn import sort_key
from app.roster.listing import list_rows
from db.models.roster import Deputy, DeputyLevel
from db.models.voter_report import VoterReport

PER_TERM = "每届"


@dataclass(frozen=True)
class ReportRow:
    id: int
    deputy_id: int
    deputy: str
    reported_on: date
    place: str
    voters_present: int
    text: str
    scan_name: str
    scan_sha256: str
    scan_ext: str
    satisfied: int | None
    basically: int | None
    unsatisfied: int | None

    @property
    def evaluated(self) -> bool:
        return self.satisfied is not None

    @property
    def evaluation(self) -> str:
        if not self.evaluated:
            return "未测评"
        return f"满意 {self.satisfied}，基本满意 {self.basically}，不满意 {self.unsatisfied}"

    @property
    def approval_rate(self) -> float | None:
        """满意 and 基本满意 over the forms returned, as the county's 满意率 counts an answer."""
        if not self.evaluated:
            return None
        total = self.satisfied + self.basically + self.unsatisfied
        return (self.satisfied + self.basically) / total if total else None


def reports_in(db: Session, *, start: date, end: date, deputy_ids=None) -> list[ReportRow]:
    query = (select(VoterReport, Deputy.name).join(Deputy, Deputy.id == VoterReport.deputy_id)
             .where(VoterReport.deleted_at.is_(None), VoterReport.reported_on >= start,
                    VoterReport.reported_on <= end))
    if deputy_ids is not None:
        query = query.where(VoterReport.deputy_id.in_(list(deputy_ids)))
    rows = db.execute(query.order_by(VoterReport.reported_on, VoterReport.id)).all()
    return [ReportRow(r.id, r.deputy_id, name, r.reported_on, r.place, r.voters_present, r.text, r.scan_name,
                      r.scan_sha256, r.scan_ext, r.satisfied, r.basically, r.unsatisfied) for r, name in rows]


def cycle_start(db: Session, *, year: int) -> date:
    """Where the cycle that `year` ends began: 1 January, or the current term's first election."""
    if settings.load(db, "rules").voter_report_cycle.strip() != PER_TERM:
        return date(year, 1, 1)
    term = settings.load(db, "township").term
    first = db.scalar(select(DeputyLevel.elected_on).where(DeputyLevel.level == "乡镇", DeputyLevel.term == term,
                                                          DeputyLevel.elected_on.is_not(None))
                      .order_by(DeputyLevel.elected_on))
    return first if first and first.year <= year else date(year, 1, 1)


def not_reported(db: Session, *, year: int) -> list[tuple[int, str]]:
    """Current deputies with no report to voters from the cycle's start to the end of `year`."""
    start = cycle_start(db, year=year)
    done = {r.deputy_id for r in reports_in(db, start=start, end=date(year, 12, 31))}
    current = [r for r in list_rows(db) if r.current and r.id not in done]
    return [(r.id, r.name) for r in sorted(current, key=lambda r: sort_key(r.name))]


# -- store level, for the screens ----------------------------------------------------------------
def year_reports(store, *, year: int) -> list[ReportRow]:
    with store.read() as db:
        return reports_in(db, start=date(year, 1, 1), end=date(year, 12, 31))


def missing(store, *, year: int) -> list[tuple[int, str]]:
    with store.read() as db:
        return not_reported(db, year=year)


def cycle_text(store) -> str:
    with store.read() as db:
        return "本届任期内" if settings.load(db, "rules").voter_report_cycle.strip() == PER_TERM else "本年度"
