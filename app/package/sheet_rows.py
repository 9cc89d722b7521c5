"""One sheet's read rows, held compactly: a column of values per key and an array of row numbers
instead of a dict per row (a county's 441,000 rows as dicts took ~250 MB). Iterating gives the
(row number, dict) pairs a list of them would, each dict made when it is reached."""
from __future__ import annotations

from array import array
from itertools import islice, repeat


class SheetRows:
    __slots__ = ("names", "numbers", "columns")
    __hash__ = None

    def __init__(self, keys) -> None:
        self.names = tuple(keys)
        self.numbers = array("q")
        self.columns: list[list] = [[] for _ in self.names]

    @classmethod
    def of(cls, pairs) -> "SheetRows":
        """From (row number, dict) pairs whose dicts all have the same keys (a test's rows)."""
        pairs = list(pairs)
        out = cls(pairs[0][1] if pairs else ())
        for number, values in pairs:
            out.append(number, [values[k] for k in out.names])
        return out

    def append(self, number: int, values) -> None:
        self.numbers.append(number)
        for column, value in zip(self.columns, values):
            column.append(value)

    def extend(self, numbers, columns) -> None:
        """Rows given column by column: `columns[i]` holds key i's values, in the order of `numbers`."""
        self.numbers.extend(numbers)
        for mine, values in zip(self.columns, columns):
            mine.extend(values)

    def column(self, key: str) -> list:
        return self.columns[self.names.index(key)]

    def __len__(self) -> int:
        return len(self.numbers)

    def __iter__(self):
        return zip(self.numbers, map(dict, map(zip, repeat(self.names), zip(*self.columns))))

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(islice(self, *i.indices(len(self))))
        number = self.numbers[i]
        return number, dict(zip(self.names, (column[i] for column in self.columns)))

    def batches(self, size: int):
        """The rows as lists of (row number, dict) pairs, at most `size` to a list."""
        rows = iter(self)
        while batch := list(islice(rows, size)):
            yield batch

    def __eq__(self, other) -> bool:
        if isinstance(other, (SheetRows, list)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))
