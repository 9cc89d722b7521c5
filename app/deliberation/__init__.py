"""人民议事厅: the topics deliberated, the matters raised and what was agreed and carried out."""
from __future__ import annotations


class DeliberationError(ValueError):
    """A topic that was refused; str() is the Chinese reason."""
