"""The face of app/package/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.package import PackageError
from app.package.county import MergeOutcome, is_county, merge_packages, preview_merge
from app.package.county_summary import MISSING, sum_totals, summary_periods, township_totals, write_summary
from app.package.defaults import default_export, file_name, period_dates
from app.package.export import export_package
from app.package.importer import PACKAGE, Preview, apply_import, preview_import
from app.package.keys import get as package_settings, update as save_package_settings
from app.package.kinds import all_kinds
from app.package.log import list_exchanges
from app.package.notices import add_notice, list_notices
from app.package.period import Period, date_range, parse_quarter, quarter
from app.package.reply import build_reply
from app.package.sign import sign_package
from app.package.summary_period import parse_summary_period, summary_label
