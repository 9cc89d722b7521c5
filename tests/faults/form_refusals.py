"""Cases for the bad-input catalogue from the forms that landed later — suggestions, activities,
congress motions, password rules and the data package's settings — each run against a real store
and returning the refusal's message."""
from __future__ import annotations

from datetime import date

import pytest

from app import access, settings
from app.activities import ActivityError
from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.congress import CongressError
from app.congress.motions import HandedIn, hand_in_motion
from app.congress.sessions import SessionInput, create_session
from app.package import PackageError
from app.package.export import export_package
from app.package.importer import preview_import as preview_package
from app.package.period import parse_quarter, quarter
from app.roster.importer import apply_import
from app.suggestions import actions as suggestion_actions
from app.suggestions.errors import SuggestionError
from db.models.roster import Deputy
from tests.faults.rosters import configure_township, rows, write_roster

MARCH = date(2026, 3, 5)


def refused(action, kind=Exception) -> str:
    with pytest.raises(kind) as caught:
        action()
    return str(caught.value)


def deputies(store, tmp_path) -> dict[str, int]:
    """The township with three deputies from a clean roster: 赵伟伟 is its first row."""
    configure_township(store)
    apply_import(store, path=write_roster(tmp_path / "名册.xlsx", rows(3)), on=date(2026, 1, 5))
    with store.read() as session:
        return {d.name: d.id for d in session.query(Deputy)}


# -- suggestions ---------------------------------------------------------------------------------
def register(store, **changes):
    values = dict(title="修缮村道", content="", lead_deputy_id=None, received_on=MARCH, category="交通")
    return suggestion_actions.register(store, **{**values, **changes})


def suggestion_title(store, tmp_path, **_):
    lead = deputies(store, tmp_path)["赵伟伟"]
    return refused(lambda: register(store, title="   ", lead_deputy_id=lead), SuggestionError)


def suggestion_lead(store, **_):
    return refused(lambda: register(store), SuggestionError)


def suggestion_unassigned_close(store, tmp_path, **_):
    suggestion_id = register(store, lead_deputy_id=deputies(store, tmp_path)["赵伟伟"])
    return refused(lambda: suggestion_actions.close(
        store, suggestion_id=suggestion_id, number="2026-001", closed_on=MARCH, result="解决",
        explanation=""),
        SuggestionError)


# -- activities ------------------------------------------------------------------------------------
def activity(**changes):
    def run(store, **_):
        data = ActivityInput(**{"kind": "视察", "start_date": MARCH, "organiser": "presidium", **changes})
        return refused(lambda: create_activity(store, data), ActivityError)
    return run


def activity_leave(store, tmp_path, **_):
    zhao = deputies(store, tmp_path)["赵伟伟"]
    return activity(attendance=(AttendanceInput(zhao, "请假"),))(store)


# -- congress --------------------------------------------------------------------------------------
def motion_signers(store, tmp_path, **_):
    ids = list(deputies(store, tmp_path).values())
    session_id = create_session(store, SessionInput(start_date=date(2026, 1, 10)))
    motion = HandedIn(session_id, "关于修建石桥的议案", ids[0], date(2026, 1, 10), cosigner_ids=(ids[1],))
    return refused(lambda: hand_in_motion(store, motion), CongressError)


# -- password --------------------------------------------------------------------------------------
def password(new, repeat):
    return lambda store, **_: refused(
        lambda: access.set_password(store, current="", new=new, repeat=repeat), access.AccessError)


def password_wrong(store, **_):
    access.set_password(store, current="", new="青山镇2026", repeat="青山镇2026")
    return refused(lambda: access.set_password(store, current="qingshan", new="abcdef1", repeat="abcdef1"),
                   access.AccessError)


# -- data package ----------------------------------------------------------------------------------
def package_no_township(store, tmp_path, **_):
    return refused(lambda: export_package(store, out=tmp_path / "包.xlsx", period=quarter(2026, 1)),
                   PackageError)


def package_other_township(store, tmp_path, **_):
    configure_township(store)
    export_package(store, out=tmp_path / "青山镇.xlsx", period=quarter(2026, 1))
    with store.write("设置乡镇信息") as uow:
        settings.save(uow, "township", settings.Township(
            name="石门镇", code="421281104000", county="崇阳县", term=18))
    return refused(lambda: preview_package(store, tmp_path / "青山镇.xlsx"), PackageError)


FORM_CASES = {
    "suggestion-title": suggestion_title,
    "suggestion-lead": suggestion_lead,
    "suggestion-close": suggestion_unassigned_close,
    "activity-group": activity(organiser="group"),
    "activity-dates": activity(end_date=date(2026, 3, 1)),
    "activity-time": activity(start_time="8点"),
    "activity-hours": activity(duration_hours=0),
    "activity-leave": activity_leave,
    "motion-signers": motion_signers,
    "password-repeat": password("abcdef", "abcdeg"),
    "password-space": password(" abcdef", " abcdef"),
    "password-wrong": password_wrong,
    "package-period": lambda **_: refused(lambda: parse_quarter("2026Q5"), PackageError),
    "package-township": package_no_township,
    "package-other": package_other_township,
}
