"""The face of app/dossier/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.dossier import DossierError
from app.dossier.files import save_copy, scratch_pdf
from app.dossier.loader import choose_deputies
