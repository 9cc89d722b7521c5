"""Every printout and every default export the app makes, rendered from a demo township with its
own ids, so the privacy scan can read each one back."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from app.activities.funding_export import export_funding
from app.package.export import export_package
from app.package.period import quarter
from app.reports.activity_record import activity_record
from app.reports.assessment import print_assessment
from app.reports.assignment_letter import assignment_letters
from app.reports.dossier_batch import print_dossiers
from app.reports.group_archive import print_group_archive
from app.reports.group_ranking import print_group_ranking
from app.reports.handling_report import handling_report_pdf
from app.reports.livelihood_year import print_livelihood_year
from app.reports.meeting_notice import meeting_notice, meeting_signin, notice_defaults
from app.reports.periodic import periodic_pdf
from app.reports.satisfaction_form import satisfaction_forms
from app.reports.session_record import print_session_record
from app.reports.signin import signin_sheet
from app.reports.statistics import statistics_pdf
from app.reports.suggestion_ledger import ledger_pdf
from app.reports.vote_result import print_vote_result
from app.reports.voter_evaluation_form import evaluation_form
from app.roster.export import export_roster
from app.selfreport.export import export_form
from app.statistics.periods import parse_period
from app.statistics.report import load_statistics
from app.statistics.workbook import export_statistics
from app.suggestions.export import export_ledger
from app.suggestions.views import list_ledger
from db.models.activity import Activity
from db.models.congress import CongressSession
from db.models.roster import Deputy, DeputyGroup
from db.models.suggestion import Suggestion
from db.models.voter_report import VoterReport

TODAY = date(2026, 11, 22)
YEAR = 2026


@dataclass(frozen=True)
class DemoIds:
    deputies: list[int]
    groups: list[tuple[int, str]]
    activities: list[int]
    suggestions: list[int]
    sessions: list[int]
    voter_reports: list[int]


def demo_ids(store) -> DemoIds:
    with store.read() as s:
        live = lambda model: s.query(model).filter(model.deleted_at.is_(None)).order_by(model.id)  # noqa: E731
        return DemoIds(deputies=[d.id for d in live(Deputy)],
                       groups=[(g.id, g.name) for g in live(DeputyGroup)],
                       activities=[a.id for a in live(Activity)],
                       suggestions=[x.id for x in live(Suggestion)],
                       sessions=[x.id for x in live(CongressSession)],
                       voter_reports=[x.id for x in live(VoterReport)])


Make = Callable[..., list[Path]]


def _each(items, make_one) -> Make:
    return lambda store, ids, folder: [make_one(store, ids, folder, item) for item in items(ids)]


def _notices(store, ids: DemoIds, folder: Path) -> list[Path]:
    """The notice and its sign-in sheet for a few activities and every session."""
    paths = []
    for key, items in (("activity_id", ids.activities[:3]), ("session_id", ids.sessions)):
        for item in items:
            which = {key: item}
            details = notice_defaults(store, today=TODAY, **which)
            paths.append(meeting_notice(store, details=details, path=folder / f"会议通知{key}{item}.pdf", **which))
            paths.append(meeting_signin(store, path=folder / f"会议签到表{key}{item}.pdf", **which))
    return paths


def _stats(store, code: str):
    return load_statistics(store, period=parse_period(code), today=TODAY)


# Report module → how it prints with the demo's ids. Each returns the PDFs it wrote.
PRINTOUTS: dict[str, Make] = {
    # Every third deputy keeps the batch fast; one alone and one file each take the other paths.
    "dossier_batch": lambda store, ids, folder: [
        *print_dossiers(store, deputy_ids=ids.deputies[::3], year=YEAR, target=folder / "档案汇编.pdf",
                        today=TODAY).paths,
        *print_dossiers(store, deputy_ids=ids.deputies[:1], year=None, target=folder / "一人.pdf",
                        today=TODAY).paths,
        *print_dossiers(store, deputy_ids=ids.deputies[1:3], year=None, target=folder / "每人一份",
                        per_file=True, today=TODAY).paths],
    "assessment": lambda store, ids, folder: [
        print_assessment(store, year=YEAR, path=folder / "考评表.pdf", made_on=TODAY)],
    "signin": _each(lambda ids: ids.groups, lambda store, ids, folder, g: signin_sheet(
        store, group_id=g[0], on=TODAY, path=folder / f"签到表{g[0]}.pdf", theme="视察", place="会议室")),
    "activity_record": _each(lambda ids: ids.activities, lambda store, ids, folder, a: activity_record(
        store, activity_id=a, path=folder / f"活动记录{a}.pdf")),
    "assignment_letter": lambda store, ids, folder: [assignment_letters(
        store, suggestion_ids=ids.suggestions, path=folder / "交办单.pdf", today=TODAY)],
    "satisfaction_form": lambda store, ids, folder: [satisfaction_forms(
        store, suggestion_ids=ids.suggestions, path=folder / "测评表.pdf", today=TODAY)],
    "suggestion_ledger": lambda store, ids, folder: [
        ledger_pdf(store, path=folder / "台账.pdf", today=TODAY),
        ledger_pdf(store, path=folder / "台账年度.pdf", today=TODAY, year=YEAR)],
    "session_record": _each(lambda ids: ids.sessions, lambda store, ids, folder, s: print_session_record(
        store, session_id=s, path=folder / f"会议记录{s}.pdf")),
    "vote_result": _each(lambda ids: ids.sessions, lambda store, ids, folder, s: print_vote_result(
        store, session_id=s, path=folder / f"票决结果{s}.pdf")),
    "livelihood_year": lambda store, ids, folder: [
        print_livelihood_year(store, year=YEAR, path=folder / "民生实事.pdf")],
    "group_archive": _each(lambda ids: ids.groups, lambda store, ids, folder, g: print_group_archive(
        store, group_name=g[1], year=YEAR, path=folder / f"小组档案{g[0]}.pdf", today=TODAY)),
    "statistics": lambda store, ids, folder: [
        statistics_pdf(_stats(store, "2026"), path=folder / "统计表2026.pdf"),
        statistics_pdf(_stats(store, "2026Q3"), path=folder / "统计表2026Q3.pdf")],
    "periodic": lambda store, ids, folder: [
        periodic_pdf(_stats(store, code), kind=kind, path=folder / f"{kind}.pdf")
        for kind, code in (("monthly", "2026-05"), ("quarterly", "2026Q3"), ("yearly", "2026"))],
    "handling_report": lambda store, ids, folder: [
        handling_report_pdf(store, period=parse_period(code), today=TODAY, path=folder / f"办理情况{code}.pdf")
        for code in ("2026", "2026H2")],
    "group_ranking": lambda store, ids, folder: [
        print_group_ranking(store, year=YEAR, path=folder / "小组考评.pdf", made_on=TODAY)],
    "meeting_notice": lambda store, ids, folder: _notices(store, ids, folder),
    "voter_evaluation_form": _each(lambda ids: ids.voter_reports, lambda store, ids, folder, r: evaluation_form(
        store, report_id=r, path=folder / f"述职测评表{r}.pdf")),
}
# Modules under app/reports that only help the printouts above (no print function of their own),
# and the face that forwards the printouts to the screens and the command line.
HELPERS = {"dossier", "duty_points", "service"}


def _suggestion_ledger_xlsx(store, path: Path) -> None:
    with store.read() as session:
        rows = list_ledger(session, today=TODAY)
    export_ledger(rows, path=path, title="意见建议台账")


# Default exports (no full-ID choice made): file name → writer.
EXPORTS: dict[str, Callable[..., object]] = {
    "代表名册.xlsx": lambda store, path: export_roster(store, path=path),
    "意见建议台账.xlsx": _suggestion_ledger_xlsx,
    "活动经费台账.xlsx": lambda store, path: export_funding(store, year=YEAR, path=path),
    "青山镇 2026 第三季度.xlsx": lambda store, path: export_package(store, out=path, period=quarter(YEAR, 3)),
    "统计表.xlsx": lambda store, path: export_statistics(_stats(store, "2026"), path=path),
    "履职填报表.xlsx": lambda store, path: export_form(store, deputy_ids=demo_ids(store).deputies,
                                                  period=parse_period("2026"), path=path),
}
