"""述职评议: each deputy reports to voters once a year (or once a term, a setting) and the voters
present evaluate the report (满意 / 基本满意 / 不满意)."""
from __future__ import annotations


class VoterReportError(ValueError):
    """A report or evaluation that was refused; str() is the Chinese reason."""
