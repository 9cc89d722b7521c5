"""What the township keeps travels whole: liaison stations and a group's station, the dates deputies
joined and left groups, a session's agenda, presidium and motions. A package exported, imported into
an empty data folder and exported again is the same package cell for cell, apart from the time it
was made (and, for a masked package, the ID numbers the empty folder never had)."""
from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from app.congress.motions import HandedIn, hand_in_motion
from app.demo import fill_demo
from app.package.export import export_package
from app.package.importer import apply_import, preview_import
from app.package.period import date_range
from app.roster.membership import set_group
from app.store import Store
from db.models.congress import CongressSession, SessionMotion
from db.models.roster import Deputy, DeputyGroup, GroupMembership, Station
from tests.app.package.helpers import set_township

EVERYTHING = date_range(date(2000, 1, 1), date(2030, 12, 31))
MOVED_ON = date(2026, 6, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo township, with a motion handed in at its first session and a deputy who changed
    group in June (the demo has neither)."""
    with Store.open(tmp_path_factory.mktemp("演示") / "数据", today=date(2026, 11, 22)) as s:
        fill_demo(s)
        with s.read() as db:
            first = db.scalar(select(CongressSession.id).order_by(CongressSession.start_date))
            ids = db.scalars(select(Deputy.id).order_by(Deputy.id)).all()
            groups = db.scalars(select(DeputyGroup.id).order_by(DeputyGroup.id)).all()
        hand_in_motion(s, HandedIn(first, "关于修缮青山小学校舍的议案", ids[0], date(2026, 1, 10), content="校舍老旧",
                                   cosigner_ids=tuple(ids[1:5])))
        with s.write("调整小组") as uow:
            mover = uow.session.scalar(select(GroupMembership).where(GroupMembership.group_id == groups[0]))
            set_group(uow, deputy_id=mover.deputy_id, group_id=groups[1], on=MOVED_ON)
        yield s


def cells(path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def apart_from_generation_time(sheets: dict[str, list[list]]) -> dict[str, list[list]]:
    """The 说明 sheet without its 生成时间 row and the signature made over it."""
    info = [r for r in sheets["说明"] if r[0] not in ("生成时间", "签名（HMAC-SHA256）")]
    return {**sheets, "说明": info}


def round_trip(source, tmp_path, *, full_ids=True):
    first = export_package(source, out=tmp_path / "报送.xlsx", period=EVERYTHING, full_ids=full_ids)
    with Store.open(tmp_path / "空的 数据文件夹", today=date(2026, 11, 22)) as empty:
        set_township(empty)
        imported = apply_import(empty, first.path)
        second = export_package(empty, out=tmp_path / "再次报送.xlsx", period=EVERYTHING, full_ids=full_ids)
        again = preview_import(empty, first.path)
    return first, second, imported, again


def test_the_demo_round_trips_cell_for_cell(demo, tmp_path):
    first, second, imported, again = round_trip(demo, tmp_path)
    assert imported.preview.refusals == []
    assert all(first.sheets[s] > 0 for s in ("联络站", "小组成员", "人代会", "人代会议案")), first.sheets
    assert apart_from_generation_time(cells(second.path)) == apart_from_generation_time(cells(first.path))
    # and importing it again there finds nothing to change
    assert all(c["new"] == c["changed"] == c["conflicts"] == 0 for c in again.counts.values()), again.counts


def test_a_masked_demo_package_round_trips_but_for_the_id_numbers(demo, tmp_path):
    first, second, *_ = round_trip(demo, tmp_path, full_ids=False)
    sent, back = apart_from_generation_time(cells(first.path)), apart_from_generation_time(cells(second.path))
    roster_sent, roster_back = sent.pop("代表名册"), back.pop("代表名册")
    column = roster_sent[0].index("身份证号")
    assert any("*" in r[column] for r in roster_sent[1:])
    assert all(r[column] == "" for r in roster_back[1:])       # never had them: left blank, not made up
    assert [r[:column] + r[column + 1:] for r in roster_back] == [r[:column] + r[column + 1:] for r in roster_sent]
    # the sheet hashes in 说明 differ only for the roster
    info_sent = [r for r in sent.pop("说明") if r[0] != "代表名册"]
    assert [r for r in back.pop("说明") if r[0] != "代表名册"] == info_sent
    assert back == sent


def test_an_empty_install_round_trips(store, tmp_path):
    set_township(store)
    first, second, imported, _ = round_trip(store, tmp_path)
    assert imported.written == 0
    assert all(n == 0 for n in first.sheets.values())
    assert apart_from_generation_time(cells(second.path)) == apart_from_generation_time(cells(first.path))


def test_what_the_empty_folder_holds_after_the_import(demo, tmp_path):
    round_trip(demo, tmp_path)
    with demo.read() as here, Store.open(tmp_path / "空的 数据文件夹", today=date(2026, 11, 22)) as other, \
            other.read() as there:
        assert _stations(there) == _stations(here)
        assert _groups(there) == _groups(here)
        assert _stays(there) == _stays(here)
        assert any(left == MOVED_ON for *_, left in _stays(there))
        assert _sessions(there) == _sessions(here)
        assert _motions(there) == _motions(here) == [
            ("关于修缮青山小学校舍的议案", "校舍老旧", date(2026, 1, 10), _names(here, 1)[0], _names(here, 5)[1:5])]


def _stations(db):
    return [(s.uuid, s.name, s.kind, s.address, s.head, s.contact, s.stars, s.reception_day, s.notes)
            for s in db.scalars(select(Station).order_by(Station.uuid))]


def _uuid(db, model, id_):
    return db.scalar(select(model.uuid).where(model.id == id_)) if id_ else None


def _groups(db):
    return [(g.name, _uuid(db, Station, g.station_id), _uuid(db, Deputy, g.leader_id),
             _uuid(db, Deputy, g.deputy_leader_id)) for g in db.scalars(select(DeputyGroup).order_by(DeputyGroup.name))]


def _stays(db):
    return sorted((_uuid(db, Deputy, m.deputy_id), _uuid(db, DeputyGroup, m.group_id), m.joined_on, m.left_on)
                  for m in db.scalars(select(GroupMembership)))


def _sessions(db):
    return [(c.uuid, [(a.kind, a.title) for a in c.agenda], [_uuid(db, Deputy, p.deputy_id) for p in c.presidium],
             c.nonvoting_count, c.nonvoting_names, c.notes)
            for c in db.scalars(select(CongressSession).order_by(CongressSession.start_date))]


def _motions(db):
    return [(m.title, m.content, m.handed_in_on, db.get(Deputy, m.lead_deputy_id).name,
             [db.get(Deputy, s.deputy_id).name for s in m.signers]) for m in db.scalars(select(SessionMotion))]


def _names(db, n):
    return db.scalars(select(Deputy.name).order_by(Deputy.id).limit(n)).all()


# ---- a package from an older copy (format version 1) is still read ----

V2_SHEETS = ("联络站", "小组成员", "人代会议案")


def as_version_1(path, out):
    """The package as a copy of format version 1 wrote it: without the sheets and columns added since."""
    from app.package.columns import SheetSpec
    from app.package.kinds import specs
    from app.package.reader import read_package
    from app.package.writer import write_package
    meta = read_package(path, specs=specs()).meta
    meta.format_version, meta.signature = 1, ""
    sheets = []
    for name, rows in cells(path).items():
        if name == "说明" or name in V2_SHEETS:
            continue
        spec = specs()[name]
        old = SheetSpec(name, tuple(c for c in spec.columns if c.since == 1))
        keep = [rows[0].index(c.header) for c in old.columns]
        sheets.append((old, [[None if r[i] == "" else r[i] for i in keep] for r in rows[1:]]))
    write_package(out, meta=meta, sheets=sheets)
    return out


@pytest.fixture
def small(store):
    """青山镇 by hand: a station used by the group, a deputy leader, a session with its agenda."""
    from app.congress.sessions import AgendaInput, SessionInput, create_session
    from tests.app.package.helpers import township_with_roster
    township_with_roster(store)
    with store.write("联络站") as uow:
        station = Station(name="青山镇人大代表之家", kind="代表之家", stars=3)
        uow.session.add(station)
        uow.session.flush()
        group = uow.session.scalar(select(DeputyGroup))
        group.station_id = station.id
        group.deputy_leader_id = uow.session.scalar(select(Deputy.id).where(Deputy.name == "李四"))
    with store.read() as db:
        ids = tuple(db.scalars(select(Deputy.id).order_by(Deputy.id)).all())
    create_session(store, SessionInput(start_date=date(2026, 7, 20), presidium_ids=ids[:2],
                                       agenda=(AgendaInput("听取政府工作报告", "工作报告"),)))
    return store


def test_a_version_1_package_changes_nothing_it_does_not_carry(small, tmp_path):
    v1 = as_version_1(export_package(small, out=tmp_path / "二.xlsx", period=EVERYTHING).path, tmp_path / "一.xlsx")
    preview = preview_import(small, v1)
    assert preview.refusals == [] and preview.changed_sheets == []
    assert all(c["new"] == c["changed"] == c["conflicts"] == 0 for c in preview.counts.values()), preview.counts
    apply_import(small, v1)
    with small.read() as db:
        group = db.scalar(select(DeputyGroup))
        assert db.get(Station, group.station_id).name == "青山镇人大代表之家"
        assert db.get(Deputy, group.deputy_leader_id).name == "李四"
        meeting = db.scalar(select(CongressSession))
        assert [a.title for a in meeting.agenda] == ["听取政府工作报告"] and len(meeting.presidium) == 2


def test_a_version_1_package_fills_an_empty_folder_as_before(small, tmp_path):
    v1 = as_version_1(export_package(small, out=tmp_path / "二.xlsx", period=EVERYTHING).path, tmp_path / "一.xlsx")
    with Store.open(tmp_path / "空的", today=date(2026, 11, 22)) as empty:
        set_township(empty)
        result = apply_import(empty, v1)
        assert result.preview.refusals == []
        with empty.read() as db:
            # the roster's 所在小组 still puts each deputy in the group (joined on the import day)
            assert len(db.scalars(select(GroupMembership).where(GroupMembership.left_on.is_(None))).all()) == 3
            assert db.scalar(select(DeputyGroup.station_id)) is None


def test_an_agenda_typed_without_kinds_is_taken_and_settles(small, tmp_path):
    from tests.app.package.helpers import edit_cell
    pkg = export_package(small, out=tmp_path / "包.xlsx", period=EVERYTHING).path
    edit_cell(pkg, "人代会", row=2, header="议程（每行一项）", value="工作报告：听取政府工作报告\n审议 2027 年预算\n")
    # changed, or a conflict when the session was saved in the same second as the export
    [change] = [c for c in preview_import(small, pkg).changes if c.sheet == "人代会"]
    assert change.status in ("changed", "conflict")
    # the preview shows the cell as typed (its last line break included)
    assert [(d.header, d.incoming.rstrip("\n")) for d in change.diffs] == [
        ("议程（每行一项）", "工作报告：听取政府工作报告\n审议 2027 年预算")]
    apply_import(small, pkg, choices={("人代会", cells(pkg)["人代会"][1][0]): "package"})
    with small.read() as db:
        assert [(a.kind, a.title) for a in db.scalar(select(CongressSession)).agenda] == [
            ("工作报告", "听取政府工作报告"), ("其他", "审议 2027 年预算")]
    assert preview_import(small, pkg).counts["人代会"] == {"new": 0, "changed": 0, "unchanged": 1, "conflicts": 0}


def test_a_stay_that_ends_before_it_begins_is_refused_by_its_row(small, tmp_path):
    from app.package import PackageError
    from tests.app.package.helpers import edit_cell
    pkg = export_package(small, out=tmp_path / "包.xlsx", period=EVERYTHING).path
    edit_cell(pkg, "小组成员", row=3, header="离开日期", value=date(2025, 1, 1))
    with pytest.raises(PackageError, match="小组成员.*第 3 行.*离开日期 2025-01-01 早于加入日期 2026-01-01"):
        apply_import(small, pkg)
    with small.read() as db:
        assert db.scalars(select(GroupMembership.left_on)).all() == [None, None, None]
