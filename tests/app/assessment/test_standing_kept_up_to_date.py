"""The year's standing kept by the store is brought up to date after every kind of save, and
always equals one counted from scratch; small saves refresh it (only their deputies counted
again) rather than count the whole year, so the first dossier after a save stays fast."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, select, update

from app import backup
from app.activities.entry import create_activity, delete_activity, update_activity
from app.activities.inputs import ActivityInput, AttendanceInput
from app.assessment import scoring
from app.assessment.rules import get_rules, update_rules
from app.assessment.touched import WATCHED
from app.congress.sessions import (SessionAttendanceInput, SessionInput, create_session,
                                   delete_session, update_session)
from app.contacts.views import new_visit, new_voter
from app.package.export import export_package
from app.package.importer import apply_import, preview_import
from app.package.period import parse_quarter
from app.paths import DB_FILE
from app.recycle import empty, restore_item
from app.roster.deputies import create_deputy, delete_deputy, update_deputy
from app.roster.fields import DeputyFields
from app.roster.levels import SeatInput, change_status
from app.store import Store, restore_from_backup
from app.suggestions import actions
from db.base import Base
from db.models.activity import Activity, Attendance
from db.models.congress import CongressSession, SessionAttendance
from db.models.contact import ContactVisit
from db.models.roster import Deputy, DeputyGroup, DeputyLevel
from db.models.suggestion import Suggestion, SuggestionCosigner
from tests.app.dossier.sample import build

YEARS = (2025, 2026)


@pytest.fixture
def sample(store):
    ids = build(store)
    with store.read() as session:
        ids["group"] = session.scalar(select(DeputyGroup.id))     # activities' forms need one
    return ids


@pytest.fixture
def full_counts(monkeypatch):
    """How many times the whole year was counted (by the first reader or a refresh giving up)."""
    calls = []
    whole_year = scoring.year_standing

    def counting(session, *, year):
        calls.append(year)
        return whole_year(session, year=year)
    monkeypatch.setattr(scoring, "year_standing", counting)
    return calls


_ORIGINAL_YEAR_STANDING = scoring.year_standing


def _whole_year(session, year: int) -> scoring.YearStanding:
    # Counted from scratch by the original function, whatever full_counts did to the module's name.
    return _ORIGINAL_YEAR_STANDING(session, year=year)


def _fresh(store, year: int) -> scoring.YearStanding:
    with store.read() as session:
        return _whole_year(session, year)


def _activity_id(store, theme: str) -> int:
    with store.read() as session:
        return session.scalar(select(Activity.id).where(Activity.theme == theme))


def _activity_input(store, activity_id: int, **changes) -> ActivityInput:
    """The activity as its form would show it, with `changes` made (attendance as {id: status})."""
    with store.read() as session:
        row = session.get(Activity, activity_id)
        group = session.scalar(select(DeputyGroup.id))
        attendance = {a.deputy_id: (a.status, a.reason) for a in row.attendance}
        data = dict(kind=row.kind, start_date=row.start_date, theme=row.theme, group_id=group)
    for deputy_id, status in changes.pop("attendance", {}).items():
        if status is None:
            attendance.pop(deputy_id)
        else:
            attendance[deputy_id] = (status, "事假" if status == "请假" else "")
    data.update(changes)
    return ActivityInput(**data, attendance=tuple(AttendanceInput(d, s, r) for d, (s, r) in attendance.items()))


def _suggestion_id(store, number: str) -> int:
    with store.read() as session:
        return session.scalar(select(Suggestion.id).where(Suggestion.number == number))


def _session_id(store) -> int:
    with store.read() as session:
        return session.scalar(select(CongressSession.id))


def _seat_id(store, deputy_id: int) -> int:
    with store.read() as session:
        return session.scalar(select(DeputyLevel.id).where(DeputyLevel.deputy_id == deputy_id))


# -- the saves: (name, save(store, sample), how the kept standing is brought up to date) -------
# "refresh": only the deputies it touched are counted again; "full": the whole year is counted
# again (a save the store cannot follow deputy by deputy).

def record_activity(store, s):
    create_activity(store, ActivityInput(
        kind="向选民述职", start_date=date(2026, 10, 9), theme="新的述职", group_id=s["group"],
        attendance=(AttendanceInput(s["王五"]), AttendanceInput(s["李四"], "缺席"))))


def change_a_status(store, s):
    act = _activity_id(store, "集镇道路建设")
    update_activity(store, activity_id=act, data=_activity_input(store, act, attendance={s["李四"]: "缺席"}))


def add_and_remove_attendees(store, s):
    act = _activity_id(store, "农村人居环境整治")
    update_activity(store, activity_id=act, data=_activity_input(
        store, act, attendance={s["李四"]: None, s["王五"]: "出席"}))


def correct_attendance_rows(store, s):
    # Rows changed on their own, their activity untouched: a status, and a row moved to another deputy.
    with store.write("更正出勤") as uow:
        rows = {(a.activity.theme, a.deputy_id): a for a in uow.session.scalars(select(Attendance))}
        rows["集镇道路建设", s["李四"]].status = "出席"
        rows["年度履职报告", s["张三"]].deputy_id = s["王五"]


def move_across_the_year(store, s):
    act = _activity_id(store, "代表履职能力培训")
    update_activity(store, activity_id=act, data=_activity_input(store, act, start_date=date(2025, 12, 30)))


def move_into_the_year(store, s):
    act = _activity_id(store, "上年度活动")
    update_activity(store, activity_id=act, data=_activity_input(store, act, start_date=date(2026, 1, 2)))


def change_the_kind(store, s):
    act = _activity_id(store, "集镇道路建设")
    update_activity(store, activity_id=act, data=_activity_input(store, act, kind="向选民述职"))


def delete_an_activity(store, s):
    delete_activity(store, activity_id=_activity_id(store, "代表履职能力培训"))


def restore_an_activity(store, s):
    restore_item(store, table="activity", id=_activity_id(store, "已删除的活动"), label="活动")


def register_a_suggestion(store, s):
    actions.register(store, title="新建议", content="", lead_deputy_id=s["王五"],
                     cosigner_ids=[s["李四"], s["张三"]], received_on=date(2026, 10, 1), category="其他")


def correct_the_received_date(store, s):
    sid = _suggestion_id(store, "2026-003")
    actions.correct(store, number="2026-003", step="registration", record_id=sid,
                    changes={"received_on": date(2025, 12, 1)}, reason="登记日期有误", on=date(2026, 11, 1))


def delete_a_suggestion(store, s):
    with store.write("删除意见建议") as uow:
        uow.session.get(Suggestion, _suggestion_id(store, "2026-001")).deleted_at = date(2026, 11, 1)


def restore_a_suggestion(store, s):
    restore_item(store, table="suggestion", id=_suggestion_id(store, "2026-001"), label="意见建议")


def change_the_lead(store, s):
    with store.write("更换领衔代表") as uow:
        uow.session.get(Suggestion, _suggestion_id(store, "2026-003")).lead_deputy_id = s["王五"]


def lead_becomes_a_cosigner(store, s):
    # 2026-003 is led by 李四 and co-signed by 张三: 张三 leading it no longer counts as co-signing.
    with store.write("更换领衔代表") as uow:
        uow.session.get(Suggestion, _suggestion_id(store, "2026-003")).lead_deputy_id = s["张三"]


def change_the_cosigners(store, s):
    with store.write("更换附议代表") as uow:
        row = uow.session.scalar(select(SuggestionCosigner).where(
            SuggestionCosigner.suggestion_id == _suggestion_id(store, "2026-001")))
        row.deputy_id = s["王五"]
        uow.session.add(SuggestionCosigner(suggestion_id=_suggestion_id(store, "2026-002"),
                                           deputy_id=s["李四"], position=0))


def remove_a_cosigner(store, s):
    with store.write("删除附议代表") as uow:
        uow.session.delete(uow.session.scalar(select(SuggestionCosigner).where(
            SuggestionCosigner.suggestion_id == _suggestion_id(store, "2026-003"))))


def delete_a_lone_suggestion(store, s):
    with store.write("删除意见建议") as uow:
        uow.session.get(Suggestion, _suggestion_id(store, "2026-003")).deleted_at = date(2026, 11, 1)


def purge_a_suggestion(store, s):
    # Deleted (before the standing is read), then the recycle bin emptied: the row and its
    # co-signers are gone for good; the standing no longer counted it already.
    purged, kept = empty(store)
    assert (purged, kept) == (2, [])       # with the sample's deleted activity


def purge_fails_for_one(store, s):
    # A suggestion still referenced by its handling stays in the bin: a flush that failed inside
    # a savepoint, which the store cannot follow row by row.
    purged, kept = empty(store)
    assert (purged, len(kept)) == (2, 1)


def _visit(store, deputy_id: int, on: date) -> None:
    voter = new_voter(store, deputy_id=deputy_id, name="联系选民")
    new_visit(store, deputy_id=deputy_id, visited_on=on, voter_id=voter, content="走访")


def record_a_visit(store, s):
    _visit(store, s["李四"], date(2026, 9, 9))


def move_a_visit_to_another_deputy(store, s):
    with store.write("更正走访记录") as uow:
        visit = uow.session.scalar(select(ContactVisit).where(ContactVisit.visited_on == date(2026, 2, 1)))
        visit.deputy_id = s["王五"]


def change_session_attendance(store, s):
    update_session(store, session_id=_session_id(store), data=SessionInput(
        start_date=date(2026, 1, 10), term=18, number=5, attendance=(
            SessionAttendanceInput(s["李四"], "出席"), SessionAttendanceInput(s["王五"], "缺席"))))


def correct_a_session_attendance_row(store, s):
    with store.write("更正人代会出勤") as uow:
        row = uow.session.scalar(select(SessionAttendance).where(SessionAttendance.deputy_id == s["李四"]))
        row.status, row.reason = "请假", "住院"


def move_a_session_out_of_the_year(store, s):
    update_session(store, session_id=_session_id(store), data=SessionInput(
        start_date=date(2025, 12, 28), term=18, number=5, attendance=(
            SessionAttendanceInput(s["张三"], "出席"), SessionAttendanceInput(s["李四"], "缺席"))))


def add_a_session(store, s):
    create_session(store, SessionInput(start_date=date(2026, 6, 20), term=18, attendance=(
        SessionAttendanceInput(s["王五"], "出席"),)))


def delete_a_session(store, s):
    delete_session(store, session_id=_session_id(store))


def deputy_leaves(store, s):
    with store.write("终止代表资格") as uow:
        change_status(uow, level_id=_seat_id(store, s["张三"]), status="终止", on=date(2026, 10, 1))


def deputy_returns(store, s):
    with store.write("恢复代表资格") as uow:
        change_status(uow, level_id=_seat_id(store, s["张三"]), status="在任", on=date(2026, 10, 2))


def deputy_deleted(store, s):
    delete_deputy(store, deputy_id=s["李四"])


def deputy_restored(store, s):
    restore_item(store, table="deputy", id=s["李四"], label="代表")


def new_deputy_with_a_seat(store, s):
    create_deputy(store, data=DeputyFields(name="赵六", sex="男"),
                  seats=[SeatInput("乡镇", 18, "第二选区", date(2021, 12, 20))])


def new_deputy_without_a_seat(store, s):
    with store.write("新增代表") as uow:
        uow.session.add(Deputy(name="孙七", sex="女"))      # no seat at all: counted as serving


def second_seat_ends(store, s):
    # 李四 also holds a county seat that ends: still a current township deputy.
    with store.write("县级代表") as uow:
        uow.session.add(DeputyLevel(deputy_id=s["李四"], level="县", term=18, status="调离"))


def edit_a_deputy(store, s):
    update_deputy(store, deputy_id=s["王五"], data=DeputyFields(name="王五", sex="男", phone="13700001111"),
                  group_id=s["group"], on=date(2026, 11, 1))


def two_saves_in_a_row(store, s):
    record_a_visit(store, s)
    change_a_status(store, s)


def change_the_rules(store, s):
    rules = get_rules(store)
    rules.activity, rules.training_kinds = 3, ["学习培训", "视察"]
    update_rules(store, rules=rules)


def core_update(store, s):
    # A statement outside the ORM's flush: the store cannot tell whom it touched.
    with store.write("批量更正") as uow:
        uow.session.execute(update(Attendance).where(Attendance.status == "请假").values(status="出席"))


def raw_sql_on_the_connection(store, s):
    with store.write("批量更正") as uow:
        uow.session.connection().exec_driver_sql("UPDATE contact_visit SET deputy_id = ? WHERE deputy_id = ?",
                                                 (s["李四"], s["张三"]))


def core_insert(store, s):
    act = _activity_id(store, "年度履职报告")
    with store.write("批量录入") as uow:
        uow.session.connection().execute(Attendance.__table__.insert(), [
            {"uuid": "批量-1", "activity_id": act, "deputy_id": s["王五"], "status": "出席", "reason": "",
             "created_at": date(2026, 9, 20), "updated_at": date(2026, 9, 20)}])


def take_a_backup_then_save(store, s):
    s["backup"] = store.take_backup("manual")
    record_activity(store, s)
    delete_activity(store, activity_id=_activity_id(store, "集镇道路建设"))


def restore_a_backup(store, s):
    restore_from_backup(store, s["backup"])


# Saves made before the standing is first read, to set the scene for the save under test.
def delete_two_suggestions(store, s):
    delete_a_suggestion(store, s)
    delete_a_lone_suggestion(store, s)


PREPARE = {restore_a_suggestion: delete_a_suggestion, purge_a_suggestion: delete_a_lone_suggestion,
           purge_fails_for_one: delete_two_suggestions,
           deputy_returns: deputy_leaves, deputy_restored: deputy_deleted,
           restore_a_backup: take_a_backup_then_save}


SAVES = [
    (record_activity, "refresh"), (change_a_status, "refresh"), (add_and_remove_attendees, "refresh"),
    (correct_attendance_rows, "refresh"),
    (move_across_the_year, "refresh"), (move_into_the_year, "refresh"), (change_the_kind, "refresh"),
    (delete_an_activity, "refresh"), (restore_an_activity, "refresh"),
    (register_a_suggestion, "refresh"), (correct_the_received_date, "refresh"),
    (delete_a_suggestion, "refresh"), (restore_a_suggestion, "refresh"), (change_the_lead, "refresh"),
    (lead_becomes_a_cosigner, "refresh"), (change_the_cosigners, "refresh"),
    (remove_a_cosigner, "refresh"),
    (record_a_visit, "refresh"), (move_a_visit_to_another_deputy, "refresh"),
    (change_session_attendance, "refresh"), (correct_a_session_attendance_row, "refresh"),
    (move_a_session_out_of_the_year, "refresh"), (add_a_session, "refresh"), (delete_a_session, "refresh"),
    (deputy_leaves, "refresh"), (deputy_returns, "refresh"), (deputy_deleted, "refresh"),
    (deputy_restored, "refresh"), (new_deputy_with_a_seat, "refresh"),
    (new_deputy_without_a_seat, "refresh"),
    (two_saves_in_a_row, "refresh"),
    (change_the_rules, "full"), (core_update, "full"), (raw_sql_on_the_connection, "full"),
    (core_insert, "full"), (restore_a_backup, "full"),
]
# Saves that change no year's standing: (save, how).
UNCHANGED = [(edit_a_deputy, "refresh"), (second_seat_ends, "refresh"), (purge_a_suggestion, "refresh"),
             (purge_fails_for_one, "full")]


@pytest.mark.parametrize(("save", "how"), SAVES, ids=[f.__name__ for f, _ in SAVES])
def test_the_kept_standing_equals_one_counted_afresh_after_each_save(store, sample, full_counts, save, how):
    if save in PREPARE:
        PREPARE[save](store, sample)
    before = {y: scoring.cached_standing(store, year=y) for y in YEARS}
    assert full_counts == list(YEARS)
    full_counts.clear()
    save(store, sample)
    for year in YEARS:
        kept = scoring.cached_standing(store, year=year)
        assert kept == _fresh(store, year), f"{year}: the kept standing is stale after {save.__name__}"
        # Asked again, the kept value is returned as it is.
        assert scoring.cached_standing(store, year=year) is kept
    changed = [y for y in YEARS if _fresh(store, y) != before[y]]
    assert changed, f"{save.__name__} should change a standing: the test would prove nothing"
    if how == "refresh":
        assert full_counts == [], f"{save.__name__} counted the whole year instead of refreshing"
    else:
        assert sorted(full_counts) == list(YEARS)


@pytest.mark.parametrize(("save", "how"), UNCHANGED, ids=[f.__name__ for f, _ in UNCHANGED])
def test_a_save_changing_no_standing_leaves_it_equal(store, sample, full_counts, save, how):
    if save in PREPARE:
        PREPARE[save](store, sample)
    before = scoring.cached_standing(store, year=2026)
    save(store, sample)
    assert scoring.cached_standing(store, year=2026) == before == _fresh(store, 2026)
    assert full_counts == ([2026] if how == "refresh" else [2026, 2026])


def test_a_save_touching_no_deputy_keeps_the_same_object(store, sample, full_counts):
    before = scoring.cached_standing(store, year=2026)
    actions.add_unit(store, name="县交通运输局", kind="县直")      # no table the standing reads
    assert scoring.cached_standing(store, year=2026) is before
    assert full_counts == [2026]


def test_a_refresh_builds_a_new_value_and_leaves_the_shared_one_alone(store, sample, full_counts):
    before = scoring.cached_standing(store, year=2026)
    counts, totals = dict(before.counts), before.totals
    record_a_visit(store, sample)
    after = scoring.cached_standing(store, year=2026)
    assert after is not before and after == _fresh(store, 2026)
    assert dict(before.counts) == counts and before.totals == totals     # a reader may still hold it
    assert after.counts[sample["李四"]].voter_visits == counts[sample["李四"]].voter_visits + 1
    assert full_counts == [2026]


def test_the_dossier_after_a_save_shows_the_new_score_and_rank(store, sample, full_counts):
    from app.dossier.loader import dossiers_for
    from app.roster.listing import list_rows

    def kept_rank() -> int:
        standing = scoring.cached_standing(store, year=2026)
        with store.read() as session:
            rows = list_rows(session, ids=[sample["王五"]])
            return scoring.assessed_rows(session, year=2026, rows=rows, standing=standing)[sample["王五"]].rank

    (first,) = dossiers_for(store, deputy_ids=[sample["王五"]], year=2026)
    assert (first.assessments[0][1].score.total, kept_rank()) == (0, 3)
    register_a_suggestion(store, sample)            # 王五 leads one: 3 points, above 李四's 1
    (again,) = dossiers_for(store, deputy_ids=[sample["王五"]], year=2026)
    assert (again.assessments[0][1].score.total, kept_rank()) == (3, 2)
    # The year is not settled: the dossier carries neither a rank nor a grade.
    assert (again.assessments[0][1].rank, again.assessments[0][1].grade) == (None, None)
    assert full_counts == [2026]


def test_many_saves_between_two_readers(store, sample, full_counts):
    scoring.cached_standing(store, year=2026)
    for save, how in SAVES:
        if how == "refresh":
            try:
                save(store, sample)
            except Exception:     # a save that no longer applies after the earlier ones
                continue
    assert scoring.cached_standing(store, year=2026) == _fresh(store, 2026)
    assert full_counts == [2026]


def test_too_many_deputies_touched_counts_the_year_afresh(store, sample, full_counts):
    with store.write("新增代表") as uow:
        uow.session.add_all(Deputy(name=f"代表{i}") for i in range(70))
    kept = scoring.cached_standing(store, year=2026)
    assert kept == _fresh(store, 2026) and len(kept.counts) == 73
    full_counts.clear()
    with store.write("新增代表") as uow:             # 70 deputies touched: more than a refresh handles
        for row in uow.session.scalars(select(Deputy).where(Deputy.name.like("代表%"))):
            row.phone = "1"
    assert scoring.cached_standing(store, year=2026) == _fresh(store, 2026)
    assert full_counts == [2026]


def test_an_import_from_another_computer(store, sample, full_counts, tmp_path):
    # The Q3 package has been sent; the other computer starts from a copy of these data, records an
    # activity in Q4 and changes a status of an earlier quarter; its Q4 package (the quarter's
    # records, and that change as a correction) comes back here.
    export_package(store, out=tmp_path / "第三季度.xlsx", period=parse_quarter("2026Q3"))
    other_dir = tmp_path / "另一台"
    other_dir.mkdir()
    backup.copy_database(store.take_backup("manual"), other_dir / DB_FILE)
    with Store.open(other_dir, daily_backup=False) as other:
        create_activity(other, ActivityInput(
            kind="视察", start_date=date(2026, 11, 15), theme="另一台电脑录入", group_id=sample["group"],
            attendance=(AttendanceInput(sample["王五"]), AttendanceInput(sample["李四"], "缺席"))))
        change_a_status(other, sample)
        pkg = export_package(other, out=tmp_path / "数据包.xlsx", period=parse_quarter("2026Q4"), full_ids=True)
    before = scoring.cached_standing(store, year=2026)
    full_counts.clear()
    conflicts = preview_import(store, pkg.path).conflicts        # the package's version taken
    result = apply_import(store, pkg.path, choices={(c.sheet, c.uuid): "package" for c in conflicts})
    assert result.written >= 3
    kept = scoring.cached_standing(store, year=2026)
    assert kept == _fresh(store, 2026) != before
    assert kept.counts[sample["王五"]].activities == 1
    assert (kept.counts[sample["李四"]].absences, kept.counts[sample["李四"]].leaves) == (3, 0)


def test_a_failed_save_leaves_a_correct_standing(store, sample, full_counts):
    before = scoring.cached_standing(store, year=2026)
    with pytest.raises(RuntimeError):
        with store.write("失败") as uow:
            uow.session.add(ContactVisit(deputy_id=sample["王五"], visited_on=date(2026, 3, 3)))
            uow.session.flush()
            raise RuntimeError("中途出错")
    assert scoring.cached_standing(store, year=2026) == before == _fresh(store, 2026)


def test_a_save_landing_while_refreshing_is_not_lost(store, sample, full_counts, monkeypatch):
    scoring.cached_standing(store, year=2026)
    record_a_visit(store, sample)
    refresh = scoring.refreshed_standing
    landed = []

    def refresh_then_someone_saves(session, kept, touched, *, year):
        value = refresh(session, kept, touched, year=year)
        if not landed:
            landed.append(1)
            _visit(store, sample["王五"], date(2026, 9, 10))   # another thread's save
        return value
    monkeypatch.setattr(scoring, "refreshed_standing", refresh_then_someone_saves)
    scoring.cached_standing(store, year=2026)
    kept = scoring.cached_standing(store, year=2026)
    assert kept == _fresh(store, 2026)
    assert kept.counts[sample["王五"]].voter_visits == 1
    assert full_counts == [2026]


def test_the_standing_reads_only_the_tables_the_store_watches(store, sample):
    """If counting ever reads another table, writes to it must be followed too (touched.py)."""
    read: set[str] = set()
    tables = {t.name for t in Base.metadata.sorted_tables}

    def note(_conn, _cursor, statement, *_):
        read.update(t for t in tables if f'"{t}"' in statement or f" {t} " in f" {statement} "
                    or f" {t}." in statement or f"\n{t} " in statement)
    event.listen(store.engine, "before_cursor_execute", note)
    try:
        with store.read() as session:
            for year in YEARS:
                _whole_year(session, year)
                scoring.refreshed_standing(session, _whole_year(session, year), [sample["李四"]], year=year)
    finally:
        event.remove(store.engine, "before_cursor_execute", note)
    # The refresh reads roster rows of the touched deputies to tell whether they are current;
    # their groups come along but are not kept in the standing.
    assert read and read <= WATCHED | {"deputy_group", "group_membership"}, read - WATCHED
    assert {"attendance", "activity", "suggestion", "deputy", "deputy_level", "setting"} <= read
