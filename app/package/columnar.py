"""Cell conversion one column at a time: the common cell of each column kind is converted inline in
a list comprehension (no Python call per cell); anything else goes through the column's per-cell
rule, and a cell that rule cannot decide comes back as SLOW for the full, located conversion."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable

from app.package.cells import FIELD_CHECKS, passes
from app.package.columns import CHOICE, CONTROL, DATE, DATETIME, INT, TEXT, Column, is_code, text_limit

SLOW = object()           # a cell the fast rules leave to the full conversion (cells.convert)
_HALF = timedelta(microseconds=500_000)

ColumnRule = Callable[[tuple | list], list]


def column_rule(col: Column) -> ColumnRule:
    """Converts a whole column of raw cells; each result equals `cell_rule(col)` of that cell."""
    cell = cell_rule(col)
    blank = SLOW if col.required else None
    if col.kind in (TEXT, CHOICE):
        choices = frozenset(col.choices) if col.kind == CHOICE and col.choices else None
        strip, required, limit = is_code(col), col.required, text_limit(col)
        field = FIELD_CHECKS.get(col.key)
        if not strip:
            mixed = lambda cells: [(blank if v == "" else (v if not required or v.strip() else SLOW))
                                   if type(v) is str else cell(v) for v in cells]
        elif choices is None:
            mixed = lambda cells: [(blank if v == "" else (v.strip() or SLOW)) if type(v) is str else cell(v)
                                   for v in cells]
        else:
            mixed = lambda cells: [(blank if v == "" else (s if (s := v.strip()) and s in choices else SLOW))
                                   if type(v) is str else cell(v) for v in cells]

        def rule(cells):
            out = _texts(cells, choices, strip, required)
            if out is None:
                out = mixed(cells)
                texts = [v for v in out if type(v) is str]
            else:
                texts = out
            if field is None and _fit(texts, limit):
                return out
            # The odd cell out (too long, a control character, a field that fails its check) goes to
            # the full conversion, which says what is wrong.
            return [SLOW if type(v) is str and not passes(col, v) else v for v in out]
        return rule
    if col.kind == DATETIME:
        # A re-save can leave a float's last digit off: round to the second (as cells.convert does).
        return lambda cells: [((v + _HALF).replace(microsecond=0) if v.microsecond else v)
                              if type(v) is datetime else cell(v) for v in cells]
    if col.kind == DATE:
        return lambda cells: [v if type(v) is date else cell(v) for v in cells]
    return lambda cells: [v if type(v) is int else cell(v) for v in cells]   # INT and NUM


def _texts(cells, choices: frozenset | None, strip: bool, required: bool) -> list | None:
    """The usual column of texts, none blank (nor, for a choice, off the list), stripped if codes,
    with C-level calls only; None where any cell is otherwise (the per-cell rule decides)."""
    if not cells or set(map(type, cells)) != {str}:
        return None
    if not strip:
        if "" in cells or required and not all(map(str.strip, cells)):
            return None
        return list(cells)
    stripped = list(map(str.strip, cells))
    if "" in stripped or choices is not None and not choices.issuperset(stripped):
        return None
    return stripped


def _fit(texts: list[str], limit: int) -> bool:
    """Every text within the length limit and free of control characters."""
    if not texts or max(map(len, texts)) > limit:
        return not texts
    joined = " ".join(texts)
    # Most columns have nothing but printable characters, which one C-level pass tells (3-4 times
    # faster than the pattern on Chinese text); line breaks, tabs or wide spaces need the pattern.
    return joined.isprintable() or not CONTROL.search(joined)


def cell_rule(col: Column) -> Callable:
    """The common case of one cell of the column, or SLOW where the full conversion must decide."""
    blank = SLOW if col.required else None
    if col.kind in (TEXT, CHOICE):
        return _text(col, frozenset(col.choices) if col.kind == CHOICE and col.choices else None, blank)
    typed = _typed(col)
    return lambda v: blank if v == "" or v is None else typed(v)


def _text(col: Column, choices: frozenset | None, blank):
    strip, required = is_code(col), col.required

    def text(v):
        if type(v) is str:
            if v == "":
                return blank
            if strip:
                v = v.strip()
                ok = v and (choices is None or v in choices)
            else:
                ok = not required or v.strip()
            return v if ok and passes(col, v) else SLOW
        return blank if v is None else SLOW
    return text


def _typed(col: Column):
    if col.kind == DATETIME:
        return lambda v: (v + _HALF).replace(microsecond=0) if type(v) is datetime else SLOW
    if col.kind == DATE:
        return lambda v: v if type(v) is date else (v.date() if type(v) is datetime else SLOW)
    if col.kind == INT:
        return lambda v: v if type(v) is int else (int(v) if type(v) is float and v.is_integer() else SLOW)
    return lambda v: (int(v) if v.is_integer() else v) if type(v) is float else (v if type(v) is int else SLOW)


def slow_positions(columns: list[list]) -> list[int]:
    """Row positions (0-based, ascending) where any converted column holds SLOW."""
    found: set[int] = set()
    for cells in columns:
        if SLOW in cells:
            found.update(j for j, v in enumerate(cells) if v is SLOW)
    return sorted(found)
