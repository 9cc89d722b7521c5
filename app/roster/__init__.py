"""Deputy roster services: deputies, levels and status, groups, stations, import and export.

Services take the store (or a unit of work) and return plain dataclasses or ids.
"""
from __future__ import annotations

from typing import NewType

DeputyId = NewType("DeputyId", int)
LevelId = NewType("LevelId", int)
GroupId = NewType("GroupId", int)
StationId = NewType("StationId", int)


class RosterError(ValueError):
    """A roster change that was refused; str() is the Chinese reason."""
