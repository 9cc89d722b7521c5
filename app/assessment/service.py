"""The face of app/assessment/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.assessment import AssessmentError
from app.assessment.rules import LABELS, AssessmentRules, get_rules
from app.assessment.scoring import Assessed, Assessment, fmt_points
from app.assessment.settlement import reopen_year, settle_year, year_assessment
from app.assessment.touched import WATCHED
