"""履职考评: the township's points rules, each deputy's yearly score with its breakdown, ranking and grade."""
from __future__ import annotations


class AssessmentError(ValueError):
    """A refusal with a Chinese message (bad rules, unknown year …)."""
