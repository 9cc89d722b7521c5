"""The face of app/activities/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.activities.entry import create_activity, delete_activity, preview_warnings, update_activity
from app.activities.files import attach_files, remove_attachments
from app.activities.funding_export import export_funding
from app.activities.inputs import ActivityInput, AttendanceInput
from app.activities.kinds import KindInfo
from app.activities.plans import quarter_of
from app.activities.problems import register_problem
from app.activities.reading import AttachmentRow
from app.activities.views import (activities, activity, all_kinds, deputies, group_names_on, groups, kinds,
                                  lacking_groups, ledger, members, plans, save_kinds, save_plan, stations)
