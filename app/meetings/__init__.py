"""Meetings seen from before they are held: who is invited to an activity or a congress session,
the notice (会议通知) that calls them and the sign-in sheet that follows from the same list."""
from __future__ import annotations


class MeetingError(ValueError):
    """A notice or sign-in sheet that cannot be made; str() is the Chinese reason."""
