"""The suggestion ledger: registration, handling, replies, satisfaction, escalation, closure."""
