"""Livelihood projects voted by deputies (seed 004): the six steps as a tracked process."""
from __future__ import annotations

from typing import NewType

ProjectId = NewType("ProjectId", int)


class LivelihoodError(ValueError):
    """A project step that was refused; str() is the Chinese reason."""
