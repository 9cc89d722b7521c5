"""Liaison stations (代表联络站 / 代表之家 / 村联络室) and the groups that use them."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cn import sort_key
from app.identity import PhoneError, check_phone
from app.recycle import move_to_bin
from app.roster import RosterError, StationId
from app.roster.choices import STATION_KINDS
from app.store import Store
from app.text_rules import text_problem
from app.uow import UnitOfWork
from db.models.roster import DeputyGroup, Station


# 九有: the nine things a station has before the county rates it with stars (seed 003: “以‘九有’为
# 核心”, creating 星级代表联络站; its next paragraphs name them: the sign, the notice board, the rules
# on the wall, a file per deputy, 站长/副站长/联络员, the year's plan, a record of each activity,
# an answer to what the people raise, deputies coming in to the station). The stars stay the
# county's award; the checklist is what the secretary keeps behind it.
NINE_HAVES = ("有场所和牌子", "有信息公示栏", "有制度上墙", "有一人一档", "有站长、副站长和联络员",
              "有年初活动计划", "有活动记录", "有群众反映问题的回音", "有代表进站")


@dataclass(frozen=True)
class StationInput:
    name: str
    kind: str = "代表联络站"
    address: str = ""
    head: str = ""
    contact: str = ""
    stars: int = 0
    reception_day: int = 15
    notes: str = ""
    deputy_head: str = ""        # 副站长
    liaison: str = ""            # 联络员 (one or more names)
    nine_haves: tuple[str, ...] = ()     # the 九有 it has, words of NINE_HAVES


@dataclass(frozen=True)
class StationRow:
    id: StationId
    name: str
    kind: str
    address: str
    head: str
    contact: str
    stars: int
    reception_day: int
    groups: tuple[str, ...]
    notes: str
    deputy_head: str = ""
    liaison: str = ""
    nine_haves: tuple[str, ...] = ()

    @property
    def nine_haves_text(self) -> str:
        """“9/9”, or how many and what is missing: “7/9（缺：有信息公示栏、有代表进站）”."""
        missing = [item for item in NINE_HAVES if item not in self.nine_haves]
        count = f"{len(NINE_HAVES) - len(missing)}/{len(NINE_HAVES)}"
        return f"{count}（缺：{'、'.join(missing)}）" if missing else count


def validate_station(data: StationInput) -> StationInput:
    if not data.name.strip():
        raise RosterError("联络站名称不能为空")
    if data.kind not in STATION_KINDS:
        raise RosterError(f"联络站类型“{data.kind}”无效：应为 {'、'.join(STATION_KINDS)} 之一")
    if not 0 <= data.stars <= 5:
        raise RosterError(f"星级应在 0～5 之间，实为 {data.stars}")
    if not 1 <= data.reception_day <= 28:
        # 29–31 would skip February; the county plans fix a day every month has.
        raise RosterError(f"接待日应为每月 1～28 日，实为 {data.reception_day} 日")
    contact = data.contact.strip()
    if contact:
        try:
            contact = check_phone(contact)
        except PhoneError as exc:
            raise RosterError(f"联系电话：{exc}") from None
    roles = {"站长": data.head.strip(), "副站长": data.deputy_head.strip(), "联络员": data.liaison.strip()}
    for label, name in roles.items():
        problem = text_problem(name, label=label, limit=100 if label == "联络员" else 40)
        if problem:
            raise RosterError(problem)
    if roles["站长"] and roles["站长"] == roles["副站长"]:
        raise RosterError("站长和副站长不能是同一人")
    unknown = [item for item in data.nine_haves if item not in NINE_HAVES]
    if unknown:
        raise RosterError(f"“九有”中没有“{unknown[0]}”：应为 {'、'.join(NINE_HAVES)} 之中的")
    haves = tuple(item for item in NINE_HAVES if item in data.nine_haves)    # the list's own order
    return StationInput(data.name.strip(), data.kind, data.address.strip(), roles["站长"],
                        contact, data.stars, data.reception_day, data.notes.strip(), roles["副站长"], roles["联络员"],
                        haves)


def _stored(data: StationInput) -> dict:
    """The station's columns as stored: the 九有 as one text, joined by ；(an item holds a 、)."""
    return {**asdict(data), "nine_haves": "；".join(data.nine_haves)}


def add_station(uow: UnitOfWork, data: StationInput) -> StationId:
    data = validate_station(data)
    station = Station(**_stored(data))
    uow.session.add(station)
    uow.session.flush()
    uow.record(action="create", entity="station", entity_uuid=station.uuid,
               summary=f"{data.kind} {data.name}", after=_stored(data))
    return StationId(station.id)


def create_station(store: Store, *, data: StationInput) -> StationId:
    with store.write(f"新增联络站（{data.name.strip()}）") as uow:
        return add_station(uow, data)


def update_station(store: Store, *, station_id: StationId, data: StationInput) -> None:
    data = validate_station(data)
    with store.write(f"修改联络站（{data.name}）") as uow:
        station = _live(uow.session, station_id)
        after = _stored(data)
        before = {k: getattr(station, k) for k in after}
        changed = {k: v for k, v in after.items() if before[k] != v}
        for key, value in changed.items():
            setattr(station, key, value)
        uow.record(action="update", entity="station", entity_uuid=station.uuid,
                   summary=f"{data.kind} {data.name}", before={k: before[k] for k in changed},
                   after=changed)


def delete_station(store: Store, *, station_id: StationId) -> None:
    with store.write("删除联络站") as uow:
        station = _live(uow.session, station_id)
        users = _groups_by_station(uow.session).get(station.id, ())
        if users:
            raise RosterError(f"联络站“{station.name}”仍由 {'、'.join(users)} 使用，请先为这些小组另选联络站")
        uow.label = f"删除联络站（{station.name}）"
        move_to_bin(uow, station, what=f"{station.kind} {station.name}")


def _live(session: Session, station_id: StationId) -> Station:
    station = session.get(Station, station_id)
    if station is None or station.deleted_at is not None:
        raise RosterError("找不到这个联络站")
    return station


def _groups_by_station(session: Session) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    for station_id, name in session.execute(
            select(DeputyGroup.station_id, DeputyGroup.name)
            .where(DeputyGroup.deleted_at.is_(None), DeputyGroup.station_id.is_not(None))
):
        found.setdefault(station_id, []).append(name)
    return {k: tuple(sorted(v, key=sort_key)) for k, v in found.items()}


def list_stations(session: Session) -> list[StationRow]:
    users = _groups_by_station(session)
    rows = session.scalars(select(Station).where(Station.deleted_at.is_(None)).order_by(Station.id))
    return [StationRow(StationId(s.id), s.name, s.kind, s.address, s.head, s.contact, s.stars,
                       s.reception_day, users.get(s.id, ()), s.notes, s.deputy_head, s.liaison,
                       tuple(item for item in s.nine_haves.split("；") if item)) for s in rows]


def stations(store: Store) -> list[StationRow]:
    with store.read() as session:
        return list_stations(session)
