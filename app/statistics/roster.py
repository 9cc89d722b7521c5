"""Who held a seat and who was in which group on a given day, read once as flat rows. A county
year asks this of some 300,000 (deputy, day) pairs, so an answer that cannot change within the
days counted is worked out once per deputy ("steady" deputies); the others are asked day by day."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.activities.subsidy import seat_held
from app.vocabulary import SeatStatus
from db.models.roster import Deputy, DeputyLevel, GroupMembership

Span = tuple[int, "date | None", "date | None"]      # (group id, joined on, left on)
_VARIES = object()


class DayRoster:
    """Seats and memberships for the days `start`..`end`; any other day is answered too."""

    def __init__(self, session: Session, *, start: date, end: date) -> None:
        conn = session.connection()
        self.start, self.end = start, end
        # Deputies not in the recycle bin, in the roster's order (pinyin, then id).
        self.deputies = list(conn.execute(
            select(Deputy.id, Deputy.name, Deputy.category).where(Deputy.deleted_at.is_(None))
            .order_by(Deputy.pinyin_full, Deputy.id)))
        self.live = {d.id for d in self.deputies}
        self.seats: dict[int, list] = {}
        for seat in conn.execute(select(DeputyLevel.deputy_id, DeputyLevel.elected_on,
                                        DeputyLevel.status, DeputyLevel.status_on)):
            self.seats.setdefault(seat.deputy_id, []).append(seat)
        self.spans: dict[int, list[Span]] = {}
        self.by_group: dict[int, set[int]] = {}
        for deputy_id, group_id, joined, left in conn.execute(select(
                GroupMembership.deputy_id, GroupMembership.group_id, GroupMembership.joined_on,
                GroupMembership.left_on).order_by(GroupMembership.id)):
            self.spans.setdefault(deputy_id, []).append((group_id, joined, left))
            self.by_group.setdefault(group_id, set()).add(deputy_id)
        self._serving_throughout = {d for d in self.live if self._seat_throughout(d, start, end)}
        self._fixed_group = {d: g for d in self.spans
                             if (g := self._group_throughout(d, start, end)) is not _VARIES}
        self._asked: dict[tuple[int, date], int | None] = {}
        # Within start..end: steady deputies serve on every day, always in the same group (or
        # none); away deputies serve on none; the others change and are asked day by day.
        self.steady = {d: self._fixed_group.get(d) for d in self._serving_throughout
                       if d not in self.spans or d in self._fixed_group}
        self.changing = {d for d in self.live if d not in self.steady and self._seat_some_day(d, start, end)}

    def serving(self, deputy_id: int, on: date) -> bool:
        if deputy_id in self._serving_throughout and self.start <= on <= self.end:
            return True
        if deputy_id not in self.live:
            return False
        # A deputy entered without any seat is treated as current, as the roster list does.
        seats = self.seats.get(deputy_id)
        return not seats or any(seat_held(s, on) for s in seats)

    def serving_during(self, deputy_id: int, *, start: date, end: date) -> bool:
        if deputy_id not in self.live:
            return False
        seats = self.seats.get(deputy_id)
        return not seats or any((s.elected_on is None or s.elected_on <= end)
                                and seat_held(s, max(start, s.elected_on or start)) for s in seats)

    def group_on(self, deputy_id: int, on: date) -> int | None:
        if self.start <= on <= self.end:
            fixed = self._fixed_group.get(deputy_id, _VARIES)
            if fixed is not _VARIES:
                return fixed
        key = (deputy_id, on)
        if key not in self._asked:
            self._asked[key] = _first_span(self.spans.get(deputy_id, ()), on)
        return self._asked[key]

    def last_group(self, deputy_id: int, *, start: date, end: date) -> int | None:
        """The group at the period's end, or at its start for someone who left during it."""
        return self.group_on(deputy_id, end) or self.group_on(deputy_id, start)

    def members_on(self, group_id: int, on: date) -> list[int]:
        # Only the deputies ever in this group are asked, not the whole county's roster.
        return [d for d in self.by_group.get(group_id, ())
                if d in self.live and self.group_on(d, on) == group_id]

    def changing_members(self) -> dict[int, list[int]]:
        """Group id → the changing deputies ever in it."""
        found: dict[int, list[int]] = {}
        for group_id, members in self.by_group.items():
            if changing := sorted(d for d in members if d in self.changing):
                found[group_id] = changing
        return found

    def _seat_throughout(self, deputy_id: int, start: date, end: date) -> bool:
        seats = self.seats.get(deputy_id)
        return not seats or any((s.elected_on is None or s.elected_on <= start)
                                and (s.status == SeatStatus.SERVING or (s.status_on is not None and end < s.status_on))
                                for s in seats)

    def _seat_some_day(self, deputy_id: int, start: date, end: date) -> bool:
        seats = self.seats.get(deputy_id)
        if not seats:
            return True
        for s in seats:
            first = max(start, s.elected_on or start)       # the first day it could be held
            if first <= end and (s.status == SeatStatus.SERVING or (s.status_on is not None and first < s.status_on)):
                return True
        return False

    def _group_throughout(self, deputy_id: int, start: date, end: date):
        """The group on every day from start to end, or _VARIES when it is not one answer."""
        for group_id, joined, left in self.spans[deputy_id]:
            if (joined is None or joined <= start) and (left is None or left > end):
                return group_id           # the first span holding on every day
            if not ((joined is not None and joined > end) or (left is not None and left <= start)):
                return _VARIES            # holds on some days only
        return None


def _first_span(spans, on: date) -> int | None:
    for group_id, joined, left in spans:
        if (joined is None or joined <= on) and (left is None or left > on):
            return group_id
    return None
