"""The face of app/contacts/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.contacts.reception import MatterInput, ReceptionInput, record_reception, set_outcome
from app.contacts.to_suggestion import matter_to_suggestion
from app.contacts.views import (committee, contacts, link_member, new_household, new_meeting, new_member,
                                new_visit, new_voter, reception_days, shortfalls)
from app.contacts.voter_requests import (delete_request, record_meeting,
                                         request_meeting, voter_requests)
