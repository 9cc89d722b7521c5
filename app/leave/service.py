"""The face of app/leave/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.leave.requests import decide_leave, delete_leave, request_leave
from app.leave.views import approved_for, default_decider, leave_rows, meetings
