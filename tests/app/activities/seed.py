"""A small hand-made roster written straight into the tables, so these tests do not depend on
the roster services' forms: two groups, five deputies, one of them also a county deputy."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.models.roster import Deputy, DeputyGroup, DeputyLevel, GroupMembership, Station


@dataclass(frozen=True)
class Township:
    station: int
    east: int          # 东片小组
    west: int          # 西片小组
    ids: dict[str, int]


MEMBERS = {"张三": "east", "李四": "east", "王五": "east", "赵六": "west", "钱七": "west"}


def make_township(store) -> Township:
    with store.write("测试名册") as uow:
        s = uow.session
        station = Station(name="青山镇代表联络站")
        east, west = DeputyGroup(name="东片小组"), DeputyGroup(name="西片小组")
        s.add_all([station, east, west])
        s.flush()
        ids = {}
        for name, group in MEMBERS.items():
            deputy = Deputy(name=name, pinyin_full=name)
            s.add(deputy)
            s.flush()
            ids[name] = deputy.id
            s.add(DeputyLevel(deputy_id=deputy.id, level="乡镇", term=18, elected_on=date(2021, 12, 1)))
            gid = east.id if group == "east" else west.id
            s.add(GroupMembership(group_id=gid, deputy_id=deputy.id, joined_on=date(2022, 1, 1)))
        # 张三 also sits in the county congress: paid at the county/city rate.
        s.add(DeputyLevel(deputy_id=ids["张三"], level="县", term=18, elected_on=date(2021, 10, 1)))
        s.flush()
        return Township(station.id, east.id, west.id, ids)
