"""人民议事厅: the topics deliberated, the matters raised and what was agreed and carried out."""
from __future__ import annotations

from db.models.deliberation import TOPIC_PROGRESS  # noqa: F401  (re-exported for screens)


class DeliberationError(ValueError):
    """A topic that was refused; str() is the Chinese reason."""
