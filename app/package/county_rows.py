"""Reading the county workspace back: a package's rows by sheet, or a township's newest row of
every record across all the periods it has sent."""
from __future__ import annotations

import json

from sqlalchemy import select

from db.models.county import CountyPackage, CountyRow


def package_rows(session, package_id: int, sheets: tuple[str, ...] | None = None) -> dict[str, list[dict]]:
    """sheet → its rows (only `sheets`, when given)."""
    out: dict[str, list[dict]] = {}
    q = select(CountyRow.sheet, CountyRow.data).where(CountyRow.package_id == package_id).order_by(CountyRow.id)
    if sheets is not None:
        q = q.where(CountyRow.sheet.in_(sheets))
    for sheet, data in session.execute(q):
        out.setdefault(sheet, []).append(json.loads(data))
    return out


def merged_rows(session, package_ids: list[int], sheets: tuple[str, ...]) -> dict[str, list[dict]]:
    """sheet → its rows across the packages, each record (uuid) once: a later package's row (in the
    order given) replacing an earlier one's."""
    out: dict[str, dict[str, dict]] = {}
    for pid in package_ids:
        for sheet, rows in package_rows(session, pid, sheets).items():
            out.setdefault(sheet, {}).update((row["uuid"], row) for row in rows)
    return {sheet: list(rows.values()) for sheet, rows in out.items()}


def latest_rows(session, township_code: str) -> dict[str, dict[str, dict]]:
    """sheet → uuid → row, a later package's row replacing an earlier one's."""
    packages = session.scalars(select(CountyPackage.id).where(CountyPackage.township_code == township_code)
                               .order_by(CountyPackage.period_to, CountyPackage.created_at)).all()
    out: dict[str, dict[str, dict]] = {}
    for pid in packages:
        for sheet, rows in package_rows(session, pid).items():
            for row in rows:
                out.setdefault(sheet, {})[row["uuid"]] = row
    return out
