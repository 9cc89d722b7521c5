"""Column specs of the data sheets, and the one canonical text of a cell value used for hashing."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from operator import methodcaller

from app.text_rules import CONTROL, LONG_TEXT, SHORT_TEXT  # noqa: F401 (CONTROL: the package's readers use it)

TEXT, DATE, DATETIME, INT, CHOICE, NUM = "text", "date", "datetime", "int", "choice", "num"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = TEXT
    width: float = 14
    choices: tuple[str, ...] = ()
    required: bool = False
    since: int = 1          # the format version that added the column: an older package may lack it


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


# Texts longer than this are refused: a form field's worth for names, places, units and the like,
# and for every other text (contents, notes, lists of names) a limit well under the 32,767 characters
# an Excel cell holds, so what is imported can be exported again whole.
SHORT_KEYS = frozenset({"name", "ethnicity", "political_status", "education", "work_unit_post", "category",
                        "phone", "address", "group", "station", "leader", "deputy_leader", "head", "contact",
                        "constituency", "status_reason", "place", "kind", "theme", "campaign", "start_time",
                        "end_time", "way", "target_name", "number", "title", "county_reference",
                        "answered_by", "issuer", "session", "activity", "reason", "lead", "supervisors"})
# Characters no cell may hold (XML 1.0 forbids them; Excel writers refuse them): C0 controls but tab,
# line feed and carriage return.


def text_limit(col: Column) -> int:
    return SHORT_TEXT if col.key in SHORT_KEYS else LONG_TEXT


def is_code(col: Column) -> bool:
    """An identifier or a value from a list: read without the spaces around it. Every other text is
    read as it stands, so an untouched package is no change (its spaces are the record's own)."""
    return col.kind == CHOICE or col.key in ("uuid", "id_number", "township_code") or col.key.endswith("_uuid")


UUID_COL = Column("uuid", "编号", TEXT, 38, required=True)
UPDATED_COL = Column("updated_at", "最后修改", DATETIME, 20)
# Whether a dated record is the period's own or a correction of an earlier period's (app.package.scope).
IN_PERIOD, CORRECTION = "本期", "更正"
MARK_COL = Column("report", "报送类型", CHOICE, 10, (IN_PERIOD, CORRECTION), since=2)


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


_ISO_SECONDS = methodcaller("isoformat", " ", "seconds")
_CANONICAL_COLUMN = {int: str, date: date.isoformat, datetime: methodcaller("strftime", "%Y-%m-%d %H:%M:%S")}


def canonical_column(cells) -> list[str] | tuple:
    """`canonical` of every cell of a column, with C-level calls where the column is of one type."""
    types = set(map(type, cells))
    if types <= {str}:
        return cells
    if types <= {str, type(None)}:
        return ["" if v is None else v for v in cells]
    rest = types - {type(None)}
    text = _CANONICAL_COLUMN.get(next(iter(rest))) if len(rest) == 1 else None
    if rest == {datetime} and all(v.year >= 1000 and v.tzinfo is None for v in cells if v is not None):
        text = _ISO_SECONDS   # the same text as strftime here, and much faster
    if text is not None:
        return list(map(text, cells)) if len(types) == 1 else ["" if v is None else text(v) for v in cells]
    return list(map(canonical, cells))


# Texts that are numbers to Excel but never amounts: a column of them is formatted as text whole, so
# what is typed into it later stays text (a phone keeps its leading zero).
NUMBER_LIKE_KEYS = frozenset({"id_number", "phone", "contact", "number", "county_reference", "code",
                              "township_code"})


def is_uuid(col: Column) -> bool:
    """A record's uuid or a link to one: for the program, not for reading (hidden, never printed)."""
    return col.key == "uuid" or col.key.endswith(("_uuid", "_uuids"))


def keeps_text(col: Column) -> bool:
    return col.kind == TEXT and (is_uuid(col) or col.key in NUMBER_LIKE_KEYS)
