"""The face of app/roster/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.roster import DeputyId, RosterError
from app.roster.choices import EDUCATIONS, ETHNICITIES, POLITICAL_STATUSES, STATION_KINDS, categories
from app.roster.deputies import create_deputy, delete_deputy, load_form, update_deputy
from app.roster.export import export_roster
from app.roster.fields import DeputyFields
from app.roster.groups import (GroupInput, GroupRow, create_group, delete_group, group_id_by_name, groups,
                               update_group)
from app.roster.import_view import COLUMNS, item_view
from app.roster.importer import ImportPreview, SheetOptions, apply_import, preview_import
from app.roster.levels import SeatInput
from app.roster.listing import DeputyRow, RosterFilter, constituencies, counts, filter_rows, roster_rows
from app.roster.photo import photo_path, store_photo
from app.roster.seats import add_level, deputy_history, deputy_seats, set_status
from app.roster.stations import (NINE_HAVES, StationInput, StationRow, create_station, delete_station, stations,
                                 update_station)
from app.roster.term import change_term
from app.roster.warnings import group_mix, roster_view, warnings
