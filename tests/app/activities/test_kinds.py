"""The kinds list: the defaults until edited; a new kind joins, a kind switched off leaves the
choices but keeps its half-day rule for old records."""
from app.activities.kinds import DEFAULT_KINDS, kind_needs_half_day, list_kinds, save_kind


def test_defaults_then_edits(store):
    with store.read() as session:
        assert [k.name for k in list_kinds(session)] == list(DEFAULT_KINDS)
        assert kind_needs_half_day(session, "视察") and not kind_needs_half_day(session, "走访选民")
    with store.write("活动类型") as uow:
        save_kind(uow, name="乡村振兴观摩", half_day=False)
        save_kind(uow, name="工作评议", active=False)
    with store.read() as session:
        names = [k.name for k in list_kinds(session)]
        assert names[-1] == "乡村振兴观摩" and "工作评议" not in names and len(names) == 14
        assert not kind_needs_half_day(session, "乡村振兴观摩")
        assert kind_needs_half_day(session, "工作评议")
