"""九有: the secretary ticks which of the nine things a station has; the list says how many and
which are missing. The stars stay what the county awarded, whatever the ticks say."""
import pytest

from app import audit
from app.roster import RosterError
from app.roster.stations import NINE_HAVES, StationInput, create_station, stations, update_station


def test_the_nine_are_the_seeds_requirements_in_order():
    assert NINE_HAVES == ("有场所和牌子", "有信息公示栏", "有制度上墙", "有一人一档", "有站长、副站长和联络员",
                          "有年初活动计划", "有活动记录", "有群众反映问题的回音", "有代表进站")


def test_ticks_are_kept_in_the_lists_order_and_the_list_names_what_is_missing(store):
    station = create_station(store, data=StationInput("青山镇人大代表之家", stars=3,
                                                      nine_haves=("有活动记录", "有场所和牌子")))
    [row] = stations(store)
    assert row.nine_haves == ("有场所和牌子", "有活动记录")
    assert row.nine_haves_text == ("2/9（缺：有信息公示栏、有制度上墙、有一人一档、有站长、副站长和联络员、"
                                   "有年初活动计划、有群众反映问题的回音、有代表进站）")
    assert row.stars == 3                       # the county's award, not worked out from the ticks
    update_station(store, station_id=station, data=StationInput("青山镇人大代表之家", stars=3, nine_haves=NINE_HAVES))
    [row] = stations(store)
    assert row.nine_haves_text == "9/9"
    [entry] = [e for e in audit.entries(store) if e.label == "修改联络站（青山镇人大代表之家）"]
    assert entry.change.startswith("九有：有场所和牌子；有活动记录 → 有场所和牌子；有信息公示栏")


def test_a_word_not_among_the_nine_is_refused_and_nothing_saved(store):
    with pytest.raises(RosterError, match="“九有”中没有“有食堂”"):
        create_station(store, data=StationInput("青山镇人大代表之家", nine_haves=("有食堂",)))
    assert stations(store) == []


def test_the_demo_stations_show_their_checklists(store):
    import random

    from app.demo import roster as demo_roster
    demo_roster.fill(store, random.Random(7))
    rows = {r.name: r.nine_haves_text for r in stations(store)}
    assert rows == {"青山镇人大代表之家": "9/9", "石桥村代表联络站": "8/9（缺：有代表进站）"}
