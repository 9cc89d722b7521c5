"""Activities (活动记录): entry with attendance, kinds, subsidies and the funding ledger, group
plans against what was done. Services take the store (or a unit of work) and return plain data."""
from __future__ import annotations

from typing import NewType

ActivityId = NewType("ActivityId", int)


class ActivityError(ValueError):
    """An activity change that was refused; str() is the Chinese reason."""
