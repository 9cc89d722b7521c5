"""Contact ledgers (联系台账): fixed voters, helped households, visits, standing-committee
contacts and voter-reception days. Services take the store (or a unit of work)."""
from __future__ import annotations


class ContactError(ValueError):
    """A ledger change that was refused; str() is the Chinese reason."""
