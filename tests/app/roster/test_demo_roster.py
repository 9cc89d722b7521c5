import random

from app.demo import roster as demo_roster
from app.identity import check_id_number
from app.roster.deputies import load_form
from app.roster.groups import groups
from app.roster.listing import RosterFilter, filter_rows, roster_rows
from app.roster.stations import stations


def test_demo_township_roster(store):
    counts = demo_roster.fill(store, random.Random(7))
    assert counts == {"代表": 45, "代表小组": 3, "联络站": 2}
    rows = roster_rows(store)
    current = filter_rows(rows, RosterFilter())
    assert len(rows) == 45 and len(current) == 43
    assert sum(len(r.levels) > 1 for r in current) >= 5
    assert {level for r in current for level in r.levels} == {"市", "县", "乡镇"}
    # deputy n joins group n % 3; the two former (n = 7 and 31) both left the second group
    assert [g.members for g in groups(store)] == [15, 13, 15]
    assert len(stations(store)) == 2
    form = load_form(store, deputy_id=rows[0].id)
    assert check_id_number(form.fields.id_number).sex == rows[0].sex
