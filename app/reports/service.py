"""The face of app/reports/ for the screens and the command line: they import what they call
from here, so the modules behind it can move without touching them."""
from __future__ import annotations

# Re-exported for the screens and the command line, which call this capability only through here.
from app.reports.activity_record import activity_record
from app.reports.assessment import print_assessment
from app.reports.assignment_letter import assignment_letters
from app.reports.dossier_batch import print_dossiers
from app.reports.group_archive import print_group_archive
from app.reports.group_ranking import print_group_ranking
from app.reports.handling_report import check_period, handling_report_pdf
from app.reports.livelihood_year import print_livelihood_year
from app.reports.meeting_notice import NoticeDetails, meeting_notice, meeting_signin, notice_defaults
from app.reports.periodic import KINDS, check_kind, periodic_pdf
from app.reports.satisfaction_form import satisfaction_forms
from app.reports.session_record import print_session_record
from app.reports.signin import signin_sheet
from app.reports.statistics import statistics_pdf
from app.reports.suggestion_ledger import ledger_pdf
from app.reports.vote_result import print_vote_result
from app.reports.voter_evaluation_form import evaluation_form
