"""Township → county export (季度报送): the period's records (see app.package.scope) plus the current
roster, written to a temporary file and renamed when complete; logged in the exchange log and the
audit trail."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import __version__, settings
from app.package import FORMAT_VERSION, UP, PackageError, keys
from app.package.digest import file_sha256
from app.package.info import PackageMeta
from app.package.kinds import Scope, all_kinds
from app.package.period import Period
from app.package.scope import last_sent
from app.package.writer import write_package
from app.progress import Progress, check
from db.base import utcnow
from db.models.exchange import ExchangeLog


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    period: str
    direction: str
    sheets: dict[str, int]


def export_package(store, *, out: Path, period: Period, full_ids: bool = False,
                   progress: Progress | None = None) -> ExportResult:
    out = Path(out)
    if not out.parent.is_dir():
        raise PackageError(f"保存位置 {out.parent} 不存在")
    with store.read() as session:
        town = settings.load(session, "township")
        if not (town.name and town.code):
            raise PackageError("请先在“设置”中填写本乡镇的名称和区划代码，再导出数据包")
        key = keys.load(session).hmac_key
        meta = new_meta(direction=UP, name=town.name, code=town.code, period=period)
        # Rows go from the query straight into the workbook: a county-scale export never holds them all.
        scope = Scope(period, full_ids, since=last_sent(session))
        meta = write_package(out, meta=meta, sheets=_collect(session, scope, up=True, progress=progress), key=key)
    sha = file_sha256(out)
    counts = {s.name: s.rows for s in meta.sheets}
    with store.write(f"导出数据包（{period.label}）") as uow:
        log_exchange(uow, way="out", meta=meta, file_name=out.name, sha256=sha, summary=_counts_text(counts))
        uow.record(action="export", entity="exchange_log", summary=f"{out.name}，{_counts_text(counts)}",
                   after={"期间": period.label, "身份证号": "完整号码" if full_ids else "已遮蔽",
                          "文件": out.name, "SHA-256": sha})
    return ExportResult(out, sha, period.label, UP, counts)


def new_meta(*, direction: str, name: str, code: str, period: Period) -> PackageMeta:
    return PackageMeta(format_version=FORMAT_VERSION, direction=direction, township_name=name,
                       township_code=code, period_label=period.label, period_from=period.start,
                       period_to=period.end, created_at=utcnow(), app_version=__version__)


def _collect(session, scope: Scope, *, up: bool, progress: Progress | None):
    """Each kind's sheet and its rows, both lazily: a sheet's rows are read while it is written."""
    kinds = [k for k in all_kinds() if (k.up if up else k.down)]
    for i, kind in enumerate(kinds):
        check(progress)
        if progress is not None:
            progress.step(i, len(kinds), f"正在整理“{kind.spec.name}”")
        yield kind.spec, kind.sheet_rows(session, scope)


def log_exchange(uow, *, way: str, meta: PackageMeta, file_name: str, sha256: str, summary: str) -> None:
    uow.session.add(ExchangeLog(
        way=way, direction=meta.direction, township_code=meta.township_code,
        township_name=meta.township_name, period=meta.period_label, file_name=file_name,
        sha256=sha256, package_created_at=meta.created_at, summary=summary))


def _counts_text(counts: dict[str, int]) -> str:
    return "，".join(f"{k} {v} 行" for k, v in counts.items())

