"""The face of app/congress/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.congress.config import CongressRules, get_rules, update_assessment_and_congress
from app.congress.motions import (HandedIn, attach_document, hand_in_motion, hand_in_suggestion,
                                  set_motion_outcome)
from app.congress.reading import SessionView, list_sessions
from app.congress.sessions import (AgendaInput, SessionAttendanceInput, SessionInput, create_session,
                                   delete_session, update_session)
from app.congress.views import (activity_kinds, deputy_awards, deputy_choices, document_file,
                                expected_attendees, group_choices, group_members, session_rows, session_view,
                                year_activities)
