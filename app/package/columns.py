"""Column specs of the data sheets, and the one canonical text of a cell value used for hashing."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

TEXT, DATE, DATETIME, INT, CHOICE, NUM = "text", "date", "datetime", "int", "choice", "num"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = TEXT
    width: float = 14
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


UUID_COL = Column("uuid", "编号", TEXT, 38, required=True)
UPDATED_COL = Column("updated_at", "最后修改", DATETIME, 20)


def canonical(value) -> str:
    """The same text for the same value however the workbook was re-saved."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
