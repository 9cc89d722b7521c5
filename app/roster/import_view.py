"""What the import preview shows of each deputy: the values as they will be stored, in Chinese."""
from __future__ import annotations

from dataclasses import dataclass

from app.cn import date_cn, seat_term_text
from app.roster.import_plan import ImportItem


@dataclass(frozen=True)
class ItemView:
    row: str
    person: str        # 张三（4212**********123X）
    sex: str
    birth: str         # 1985年3月 (only the month known) or 1985年3月12日
    levels: str        # 县（届次未填）、乡镇（第十八届）
    group: str
    phone: str
    note: str          # the changes to a known deputy, then what became of unreadable cells
    detail: str        # the same with each warning's full reason


COLUMNS = ("行", "代表", "性别", "出生年月", "代表层级", "代表小组", "联系电话", "变化与提示")


def item_view(item: ImportItem) -> ItemView:
    f = item.fields
    # In the row, a warning says only what became of the cell (联系电话已留空); the full reason
    # is in the detail and in the preview's list of warnings.
    short = [f"{w.field}{w.reason.rpartition('；')[2]}" for w in item.warnings]
    return ItemView(str(item.row), item.person or item.name, f.sex,
                    birth_shown(f.birth_date, f.birth_precision), levels_shown(item.levels),
                    item.group, f.phone, "；".join([*item.changes, *short]),
                    "\n".join([*item.changes, *(w.reason for w in item.warnings)]))


def birth_shown(born, precision: str) -> str:
    if born is None:
        return ""
    return f"{born.year}年{born.month}月" if precision == "month" else date_cn(born)


def levels_shown(levels: list[tuple[str, int | None]]) -> str:
    return "、".join(f"{level}（{seat_term_text(term)}）" for level, term in levels)
