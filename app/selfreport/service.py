"""The face of app/selfreport/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.selfreport import SelfReportError
from app.selfreport.export import export_form, form_scopes
from app.selfreport.review import decide, import_returned, list_entries
