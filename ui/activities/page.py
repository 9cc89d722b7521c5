"""活动记录: the activity list, plans against done, the funding ledger, contact ledgers and
voter-reception days, each a tab; a tab is refreshed when what it shows changes, once it is seen."""
from __future__ import annotations

from datetime import date

from ui.contacts.tab import ContactsTab
from ui.activities.deliberation_tab import DeliberationTab
from ui.activities.leave_tab import LeaveTab
from ui.activities.list_tab import ActivityListTab
from ui.activities.plans_tab import FundingTab, PlansTab
from ui.activities.reception_tab import ReceptionTab
from ui.activities.voter_reports_tab import VoterReportsTab
from ui.activities.voter_requests_tab import VoterRequestsTab
from ui.congress.panel import CongressPanel
from ui.qt import QTabWidget, QTimer, QVBoxLayout, QWidget
from ui.refresh import refresh_when_seen

TABS = ("list", "plans", "funding", "contacts", "reception", "requests", "deliberation", "leave", "reports", "congress")
WATCH = {   # the tables each tab reads (tests/ui/core/test_pages_declare_reads.py checks it)
    "list": {"activity", "attendance", "deputy", "deputy_group", "group_membership", "station"},
    "plans": {"activity", "deputy_group", "group_plan"},
    "funding": {"activity", "attendance", "deputy", "deputy_level", "setting"},
    "contacts": {"contact_visit", "deputy", "deputy_level", "fixed_voter", "helped_household",
                 "setting"},
    "reception": {"deputy", "reception_day", "reception_deputy", "reception_matter", "station",
                  "suggestion"},
    "requests": {"deputy", "voter_request"},
    "deliberation": {"deliberation_topic"},
    "leave": {"activity", "congress_session", "deputy", "leave_request"},
    "reports": {"deputy", "deputy_group", "deputy_level", "group_membership", "setting",
                "voter_report"},
}


class Page(QWidget):
    def __init__(self, ctx, *, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.list = ActivityListTab(ctx, today=today)
        # The hidden tabs read their data when first shown (at county scale they took 1.3 s).
        self.plans = PlansTab(ctx, today=today, load=False)
        self.funding = FundingTab(ctx, today=today, load=False)
        self.contacts = ContactsTab(ctx, today=today, load=False)
        self.reception = ReceptionTab(ctx, today=today, load=False)
        self.requests = VoterRequestsTab(ctx, today=today, load=False)
        self.deliberation = DeliberationTab(ctx, today=today, load=False)
        self.leave = LeaveTab(ctx, today=today, load=False)
        self.reports = VoterReportsTab(ctx, today=today, load=False)
        self.congress = CongressPanel(ctx)
        self.tabs = QTabWidget()
        for widget, title in ((self.list, "活动记录"), (self.plans, "活动计划与完成"), (self.funding, "补助台账"),
                              (self.contacts, "联系台账"), (self.reception, "接待选民日"), (self.requests, "选民约见"),
                              (self.deliberation, "人民议事厅"),
                              (self.leave, "请假审批"), (self.reports, "述职评议"),
                              (self.congress, "人代会与票决")):
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        for key in WATCH:   # each tab on its own: only the current one reloads at once
            tab = getattr(self, key)
            refresher = refresh_when_seen(tab, ctx, tab.refresh, shows=WATCH[key])
            refresher.stale = key != "list"    # not read yet: read when first shown

    def show_with(self, **kwargs) -> None:
        """tab= one of TABS; deputy_id= opens that deputy's contact ledger; kind/group/quarter filter the list."""
        if "deputy_id" in kwargs:
            self.contacts.show_deputy(kwargs["deputy_id"])
            kwargs.setdefault("tab", "contacts")
        if kwargs.get("action") == "new":            # from getting started: the first activity
            kwargs.setdefault("tab", TABS[0])
            QTimer.singleShot(0, self.list.new)
        if kwargs.get("tab") in TABS:
            self.tabs.setCurrentIndex(TABS.index(kwargs["tab"]))
        filters = {k: kwargs[k] for k in ("kind", "group", "quarter") if k in kwargs}
        if filters:
            self.list.set_filter(**filters)
