"""The package settings section (the county-issued signing key), stored in the settings table."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from app.uow import UnitOfWork
from db.models.core import Setting

SECTION = "package"


@dataclass
class PackageSettings:
    hmac_key: str = ""       # issued by the county; empty = packages are not signed
    export_folder: str = ""  # last folder chosen for an export


def load(session: Session) -> PackageSettings:
    row = session.get(Setting, SECTION)
    data = json.loads(row.value) if row else {}
    return PackageSettings(**{k: v for k, v in data.items() if k in PackageSettings.__annotations__})


def save(uow: UnitOfWork, value: PackageSettings) -> None:
    before = load(uow.session)
    uow.session.merge(Setting(key=SECTION, value=json.dumps(asdict(value), ensure_ascii=False)))
    # The key itself never goes into the audit trail.
    uow.record(action="update", entity="setting", summary="数据包设置",
               before={"已设签名密钥": bool(before.hmac_key)}, after={"已设签名密钥": bool(value.hmac_key)})


def get(store) -> PackageSettings:
    with store.read() as session:
        return load(session)


def update(store, value: PackageSettings) -> None:
    with store.write("修改数据包设置") as uow:
        save(uow, value)
