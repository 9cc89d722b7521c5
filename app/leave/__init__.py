"""Leave requests (请假审批): a deputy's request to be excused from an activity or a congress
session, decided by the presidium; an approved request is the deputy's 请假 at that meeting."""
from __future__ import annotations

from typing import NewType

LeaveId = NewType("LeaveId", int)


class LeaveError(ValueError):
    """A leave request or decision that was refused; str() is the Chinese reason."""
