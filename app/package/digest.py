"""Per-sheet SHA-256 over cell values (survives a re-save that keeps values) and the HMAC seal."""
from __future__ import annotations

import hashlib
import hmac
from datetime import date, datetime
from operator import methodcaller

from app.package.columns import canonical


def _float(v: float) -> str:
    return str(int(v)) if v.is_integer() else str(v)


# The same texts as `canonical`, dispatched on the exact type: hashing is per cell, so it is hot.
_FAST = {str: lambda v: v, type(None): lambda v: "", int: str, float: _float,
         datetime: lambda v: v.isoformat(" ", "seconds"), date: date.isoformat,
         bool: lambda v: "1" if v else "0"}


# Whole-column texts with C-level callables, for a column whose cells are all of one type (or blank).
_COLUMN = {int: str, float: _float, datetime: methodcaller("isoformat", " ", "seconds"), date: date.isoformat}


def column_texts(cells) -> list[str] | tuple:
    """Each cell's hashed text, a column at a time: the same texts as `row_text` gives per cell."""
    types = set(map(type, cells))
    if types == {str}:
        return cells
    rest = types - {str, type(None)}
    if not rest:
        return ["" if v is None else v for v in cells]
    if len(rest) == 1 and str not in types and (text := _COLUMN.get(next(iter(rest)))) is not None:
        return list(map(text, cells)) if len(types) == 1 else ["" if v is None else text(v) for v in cells]
    fast = _FAST
    return [fast[type(v)](v) if type(v) in fast else canonical(v) for v in cells]


def row_text(row) -> str:
    """One row's hashed text: its cells' canonical values joined by the unit separator."""
    fast = _FAST
    return "\x1f".join([fast[type(v)](v) if type(v) in fast else canonical(v) for v in row])


class SheetHasher:
    """The sheet hash built row by row, so a writer can hash while it writes."""

    def __init__(self, headers: list[str]) -> None:
        self._h = hashlib.sha256("\x1f".join(headers).encode("utf-8"))

    def add(self, row) -> None:
        self._h.update(("\x1e" + row_text(row)).encode("utf-8"))

    def add_rows(self, rows: list) -> None:
        """The same as `add` for each row in turn, hashed a column at a time."""
        if rows:
            texts = [column_texts(cells) for cells in zip(*rows)]
            self._h.update(("\x1e" + "\x1e".join(map("\x1f".join, zip(*texts)))).encode("utf-8"))

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def sheet_hash(headers: list[str], rows: list[list]) -> str:
    h = SheetHasher(headers)
    for row in rows:
        h.add(row)
    return h.hexdigest()


def seal(key: str, fields: list[tuple[str, str]]) -> str:
    """HMAC-SHA256 of the 说明 facts and sheet hashes, in order."""
    text = "\n".join(f"{k}={v}" for k, v in fields)
    return hmac.new(key.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()


def seal_matches(key: str, fields: list[tuple[str, str]], signature: str) -> bool:
    return hmac.compare_digest(seal(key, fields), signature or "")


def file_sha256(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
