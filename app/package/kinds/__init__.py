"""The record kinds a package carries, in the order they are applied."""
from __future__ import annotations

from app.package.columns import SheetSpec
from app.package.kinds.activities import ActivityKind, AttendanceKind
from app.package.kinds.base import Kind, Scope
from app.package.kinds.calendar import CalendarKind
from app.package.kinds.congress import CongressAttendanceKind, CongressKind
from app.package.kinds.contacts import ContactKind
from app.package.kinds.deputies import DeputyKind
from app.package.kinds.groups import GroupKind
from app.package.kinds.memberships import MembershipKind
from app.package.kinds.motions import MotionKind
from app.package.kinds.notices import NoticeKind
from app.package.kinds.replies import ReplyKind
from app.package.kinds.seats import SeatKind
from app.package.kinds.stations import StationKind
from app.package.kinds.suggestions import AssignmentKind, SuggestionKind
from app.package.kinds.supervision import SupervisionKind
from app.package.kinds.voter_reports import VoterReportKind

__all__ = ["Kind", "Scope", "all_kinds", "specs"]


def all_kinds() -> list[Kind]:
    """Fresh instances (a kind may keep per-operation state such as the ID masking choice)."""
    kinds = [StationKind(), GroupKind(), DeputyKind(), MembershipKind(), SeatKind(), CongressKind(),
             CongressAttendanceKind(), MotionKind(), ActivityKind(), AttendanceKind(), ContactKind(), SupervisionKind(), VoterReportKind(),
             SuggestionKind(),
             AssignmentKind(), ReplyKind(), CalendarKind(), NoticeKind()]
    return sorted(kinds, key=lambda k: k.order)


def specs() -> dict[str, SheetSpec]:
    return {k.spec.name: k.spec for k in all_kinds()}
