"""Station roles: 站长、副站长 and 联络员 are kept on the station, as typed, and shown in its list."""
import pytest

from app.roster import RosterError
from app.roster.stations import StationInput, create_station, stations, update_station


def test_the_three_roles_are_kept_and_changed(store):
    station = create_station(store, data=StationInput("青山镇人大代表之家", head=" 李建国 ", deputy_head="王秀英",
                                                      liaison="张丽、刘军"))
    [row] = stations(store)
    assert (row.head, row.deputy_head, row.liaison) == ("李建国", "王秀英", "张丽、刘军")
    update_station(store, station_id=station, data=StationInput("青山镇人大代表之家", head="李建国", liaison="张丽"))
    [row] = stations(store)
    assert (row.head, row.deputy_head, row.liaison) == ("李建国", "", "张丽")


@pytest.mark.parametrize("roles, message", [
    (dict(head="李建国", deputy_head="李建国"), "站长和副站长不能是同一人"),
    (dict(liaison="张" * 101), "联络员"),
])
def test_bad_roles_are_refused(store, roles, message):
    with pytest.raises(RosterError, match=message):
        create_station(store, data=StationInput("青山镇人大代表之家", **roles))
    assert stations(store) == []
