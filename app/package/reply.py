"""County → township reply packages (县级回传): the county's calendar days and notices, and one
答复与测评 row for every suggestion the township passed up (转办), for the county to fill in
(县里编号, reply, result) or already answered in the township's own later packages."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from app.package import DOWN, PackageError, keys
from app.package.county import require_county
from app.package.county_rows import latest_rows
from app.package.digest import file_sha256
from app.package.export import log_exchange, new_meta
from app.package.kinds import Scope, all_kinds
from app.package.kinds.base import as_list
from app.package.kinds.replies import ReplyKind, reply_uuid_for
from app.package.period import Period
from app.package.writer import write_package
from app.vocabulary import Mode
from db.models.county import CountyPackage

TYPED = {"replied_on": date, "voted_on": date, "updated_at": datetime, "round": int}


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
                  for k in all_kinds() if k.down and k.spec.name not in ("代表层级", ReplyKind.spec.name)]
        kind = ReplyKind()
        sheets.append((kind.spec, [as_list(kind, r) for r in passed_up_rows(session, township_code)]))
        name = town.township_name
    meta = write_package(Path(out), meta=new_meta(direction=DOWN, name=name, code=township_code, period=period),
                         sheets=sheets, key=key)
    with store.write(f"生成回传数据包（{name} {period.label}）") as uow:
        log_exchange(uow, way="out", meta=meta, file_name=Path(out).name, sha256=file_sha256(out),
                     summary="，".join(f"{s.name} {s.rows} 行" for s in meta.sheets))
        uow.record(action="export", entity="exchange_log", summary=f"回传 {name}：{Path(out).name}")
    return Path(out)


def passed_up_rows(session, township_code: str) -> list[dict]:
    """One row per 转办 round: its reply as last reported by the township, or a blank to fill in."""
    rows = latest_rows(session, township_code)
    suggestions = rows.get("意见建议", {})
    replies = {r["assignment_uuid"]: r for r in rows.get("答复与测评", {}).values()}
    out = []
    for a in sorted(rows.get("办理情况", {}).values(), key=lambda r: (r.get("number") or "", r.get("round") or "")):
        if a.get("mode") != Mode.PASSED_UP or a["suggestion_uuid"] not in suggestions:
            continue
        s = suggestions[a["suggestion_uuid"]]
        base = {"suggestion_uuid": s["uuid"], "number": s.get("number"), "title": s.get("title"),
                "assignment_uuid": a["uuid"], "round": a.get("round"), "county_reference": a.get("county_reference")}
        reply = replies.get(a["uuid"])
        if reply is not None:
            base |= {k: reply.get(k) for k in ("uuid", "replied_on", "form", "answered_by", "content", "result",
                                                 "voted_on", "updated_at")}
        else:
            base |= {"uuid": reply_uuid_for(a["uuid"]), "updated_at": a.get("updated_at")}
        out.append({k: _typed(k, v) for k, v in base.items()})
    return out


def _typed(key: str, value):
    if value in ("", None):
        return None
    kind = TYPED.get(key)
    if kind is date:
        return date.fromisoformat(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is int:
        return int(value)
    return value
