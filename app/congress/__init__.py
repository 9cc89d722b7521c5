"""Township congress sessions: numbering within a term, attendance, motions and documents.
Services take the store (or a unit of work) and return plain dataclasses or ids."""
from __future__ import annotations

from typing import NewType

SessionId = NewType("SessionId", int)
MotionId = NewType("MotionId", int)


class CongressError(ValueError):
    """A congress change that was refused; str() is the Chinese reason."""
