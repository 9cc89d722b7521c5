"""Awards and commendations (表彰奖励) and other duty records (其他履职情况) per deputy, for the
dossier. Services take the store and return plain dataclasses or ids."""
from __future__ import annotations


class AwardError(ValueError):
    """An award or duty record that was refused; str() is the Chinese reason."""
