"""The face of app/statistics/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.statistics import StatisticsError
from app.statistics.periods import StatPeriod, parse_period, quarter_of
from app.statistics.report import Statistics, load_statistics
from app.statistics.tables import StatTable, all_tables
from app.statistics.workbook import export_statistics
