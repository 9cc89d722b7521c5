"""The handling units (承办单位) and the editable category list."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.recycle import move_to_bin
from app.suggestions.errors import SuggestionError
from app.uow import UnitOfWork
from app.vocabulary import UnitKind
from db.models.suggestion import HandlingUnit, SuggestionCategory

DEFAULT_CATEGORIES = ("产业发展", "基础设施", "教育", "医疗卫生", "社会保障", "生态环境",
                      "社会治理", "营商环境", "其他")


# The offices and stations most townships have (乡镇 kind); edited freely afterwards.
TOWNSHIP_UNITS = ("党政综合办公室", "经济发展办公室", "社会事务办公室", "平安建设办公室",
                  "财政所", "农业农村服务中心", "自然资源和规划所", "村镇建设服务中心",
                  "社会保障服务中心", "退役军人服务站", "卫生院", "中心学校")


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    kind: str
    contact: str
    phone: str


def county_unit_warning(named: list[UnitInfo]) -> str:
    """Why a 交办 naming a county department should be a 转办: a township assigns only to its own
    units; a matter for a county department is passed up to the county (seed 000: 超出职权范围的，
    转上一级人大常委会). Empty when every named unit is the township's own."""
    county = list(dict.fromkeys(u.name for u in named if u.kind == UnitKind.COUNTY))
    if not county:
        return ""
    return (f"{'、'.join(county)}是县直部门：乡镇人大主席团只能向本镇单位交办，"
            "需要县直部门办理的事项应当转办，报县人大常委会交有关部门办理。")


def add_unit(uow: UnitOfWork, *, name: str, kind: str = UnitKind.TOWNSHIP, contact: str = "",
             phone: str = "") -> int:
    name = (name or "").strip()
    if not name:
        raise SuggestionError("承办单位名称不能为空")
    if kind not in UnitKind.values():
        raise SuggestionError(f"承办单位“{name}”的类别“{kind}”无效，应为 {'、'.join(UnitKind.values())} 之一")
    if uow.session.scalar(select(HandlingUnit.id).where(HandlingUnit.name == name)):
        raise SuggestionError(f"承办单位“{name}”已在列表中")
    unit = HandlingUnit(name=name, kind=kind, contact=contact.strip(), phone=phone.strip())
    uow.session.add(unit)
    uow.session.flush()
    uow.record(action="create", entity="handling_unit", entity_uuid=unit.uuid,
               summary=f"新增承办单位 {name}", after={"name": name, "kind": kind})
    return unit.id


def seed_township_units(uow: UnitOfWork) -> None:
    """The usual township units, once, into an empty list."""
    if uow.session.scalar(select(HandlingUnit.id).limit(1)) is None:
        for name in TOWNSHIP_UNITS:
            add_unit(uow, name=name)


def list_units(session: Session) -> list[UnitInfo]:
    rows = session.scalars(select(HandlingUnit).where(HandlingUnit.deleted_at.is_(None))
                           .order_by(HandlingUnit.kind.desc(), HandlingUnit.id))
    return [UnitInfo(u.id, u.name, u.kind, u.contact, u.phone) for u in rows]


def list_categories(session: Session) -> list[str]:
    names = session.scalars(select(SuggestionCategory.name).order_by(SuggestionCategory.position))
    return list(names) or list(DEFAULT_CATEGORIES)


def set_categories(uow: UnitOfWork, names: list[str]) -> None:
    cleaned = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    if not cleaned:
        raise SuggestionError("意见建议类别列表不能为空")
    before = list_categories(uow.session)
    for row in uow.session.scalars(select(SuggestionCategory)):
        uow.session.delete(row)
    uow.session.flush()
    uow.session.add_all(SuggestionCategory(name=n, position=i) for i, n in enumerate(cleaned))
    uow.record(action="update", entity="suggestion_category", summary="修改意见建议类别",
               before={"categories": before}, after={"categories": cleaned})


def remove_unit(uow: UnitOfWork, *, unit_id: int) -> None:
    """To the recycle bin: past assignments keep naming the unit, new ones cannot pick it."""
    unit = uow.session.get(HandlingUnit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise SuggestionError(f"承办单位（编号 {unit_id}）不存在或已删除")
    move_to_bin(uow, unit, what=f"承办单位 {unit.name}")
