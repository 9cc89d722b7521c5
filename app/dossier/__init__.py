"""一人一档: a deputy's dossier for a year or the whole term, assembled for one deputy or a batch."""
from __future__ import annotations


class DossierError(ValueError):
    """A refusal with a Chinese message (unknown deputy, group, year …)."""
