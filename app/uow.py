"""The unit of work of one user action: its session, its label, and the audit entries it leaves."""
from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.identity import mask_ids_in
from db.models.core import AuditEntry, Setting

ACTIONS = {"create": "新增", "update": "修改", "delete": "删除", "restore": "恢复",
           "purge": "彻底删除", "import": "导入", "export": "导出", "view": "查看",
           "backup": "备份", "write": "写入"}


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "未知用户"


@dataclass
class UnitOfWork:
    session: Session
    label: str
    _recorded: bool = False
    _user: str | None = None

    def record(self, *, action: str, entity: str | None = None, entity_uuid: str | None = None,
               summary: str = "", before: dict | None = None, after: dict | None = None) -> None:
        """Add one audit entry under this action's label (what changed, before and after)."""
        self.session.add(AuditEntry(
            user=self.operator(), label=mask_ids_in(self.label), action=action, entity=entity,
            entity_uuid=entity_uuid, summary=mask_ids_in(summary),
            before=_dump(before), after=_dump(after),
        ))
        self._recorded = True

    def operator(self) -> str:
        """Who does the work (the 经办人): the secretary named in the township's settings, else
        the computer's login name."""
        if self._user is None:
            row = self.session.get(Setting, "township")
            secretary = str(json.loads(row.value).get("secretary") or "") if row else ""
            self._user = secretary.strip() or current_user()
        return self._user

    def finish(self) -> None:
        # A write that recorded nothing specific still leaves its label in the trail.
        if not self._recorded:
            self.record(action="write")
        self.session.flush()


def _dump(data: dict | None) -> str | None:
    # The trail keeps what changed, never a full ID number (see app/identity.py).
    if data is None:
        return None
    return mask_ids_in(json.dumps(data, ensure_ascii=False, default=_plain, sort_keys=True))


def _plain(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
