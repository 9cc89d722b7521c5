"""County → township reply packages (县级回传): the county's calendar days and notices, for one
township that has sent a package."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.package import DOWN, PackageError, keys
from app.package.county import require_county
from app.package.digest import file_sha256
from app.package.export import log_exchange, new_meta
from app.package.kinds import Scope, all_kinds
from app.package.kinds.base import as_list
from app.package.period import Period
from app.package.writer import write_package
from db.models.county import CountyPackage


def build_reply(store, *, township_code: str, period: Period, out: Path) -> Path:
    with store.read() as session:
        require_county(session)
        town = session.scalar(select(CountyPackage).where(CountyPackage.township_code == township_code)
                              .order_by(CountyPackage.imported_at.desc()).limit(1))
        if town is None:
            raise PackageError(f"区划代码 {township_code} 的乡镇还没有报送过数据包，无法生成回传数据包")
        key = keys.load(session).hmac_key
        scope = Scope(period)
        sheets = [(k.spec, [as_list(k, r) for r in k.rows(session, scope)])
                  for k in all_kinds() if k.down and k.spec.name != "代表层级"]
        name = town.township_name
    meta = write_package(Path(out), meta=new_meta(direction=DOWN, name=name, code=township_code, period=period),
                         sheets=sheets, key=key)
    with store.write(f"生成回传数据包（{name} {period.label}）") as uow:
        log_exchange(uow, way="out", meta=meta, file_name=Path(out).name, sha256=file_sha256(out),
                     summary="，".join(f"{s.name} {s.rows} 行" for s in meta.sheets))
        uow.record(action="export", entity="exchange_log", summary=f"回传 {name}：{Path(out).name}")
    return Path(out)
