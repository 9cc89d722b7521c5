"""The refusal raised by every suggestion-ledger service (its message is Chinese)."""
from __future__ import annotations


class SuggestionError(ValueError):
    """A ledger step refused; the message names the suggestion and what is wrong."""
