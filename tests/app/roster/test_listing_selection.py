"""Roster rows for chosen deputies, the ids of current deputies, and the row texts read from
the stored values (birth as 1990.01 or 1990.01.15, ID masked to its first and last four)."""
from datetime import date

from app.roster import listing
from app.roster.listing import current_ids, list_rows
from db.models.roster import Deputy, DeputyLevel
from tests.app.roster.helpers import add, make_id


def test_chosen_rows_are_the_whole_lists_rows(store):
    a = add(store, "张三", id_number=make_id("19900115"), birth_date=date(1990, 1, 15))
    b = add(store, "李四", levels=("县", "乡镇"), birth_date=date(1975, 3, 1), birth_precision="month")
    c = add(store, "王五")
    with store.read() as s:
        whole = list_rows(s)
        chosen = list_rows(s, ids=[c, a])
    assert [r.id for r in chosen] == [a, c]
    assert chosen == [whole[0], whole[2]]
    assert whole[0].birth == "1990.01.15" and whole[1].birth == "1975.03"
    assert whole[0].id_masked == "4212**********" + make_id("19900115")[-4:]
    assert whole[1].levels == ("县", "乡镇") and whole[2].birth == ""


def test_many_chosen_ids_read_the_whole_roster_once(store, monkeypatch):
    ids = [add(store, n) for n in ("甲", "乙", "丙")]
    monkeypatch.setattr(listing, "IN_LIMIT", 1)
    with store.read() as s:
        assert [r.name for r in list_rows(s, ids=ids[1:])] == ["乙", "丙"]


def test_unnormalised_id_still_masked(store):
    with store.write("测试") as uow:
        uow.session.add(Deputy(name="赵六", id_number="４２１２８１１９９００１１５１２３x"))
    with store.read() as s:
        assert list_rows(s)[0].id_masked == "4212**********123X"


def test_current_ids_follow_the_rows_status(store):
    serving = add(store, "张三")
    former = add(store, "李四")
    with store.write("测试") as uow:
        uow.session.query(DeputyLevel).filter_by(deputy_id=former).update({"status": "调离"})
        no_seat = Deputy(name="王五")
        uow.session.add(no_seat)
        uow.session.flush()
        no_seat_id = no_seat.id
    with store.read() as s:
        rows = {r.id: r for r in list_rows(s)}
        assert current_ids(s) == [serving, no_seat_id]
    assert (rows[serving].status, rows[former].status, rows[no_seat_id].status) == ("在任", "调离", "未设层级")
