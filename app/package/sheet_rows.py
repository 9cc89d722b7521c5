"""One sheet's read rows, held compactly: a column of values per key and an array of row numbers
instead of a dict per row (a county's rows as dicts cost more memory than the package itself), a column of repeated
values as each distinct value once and a small number per row. Iterating gives the (row number,
dict) pairs a list of them would, each dict made when it is reached."""
from __future__ import annotations

from array import array
from itertools import islice, repeat
from operator import ne


class SheetRows:
    __slots__ = ("names", "numbers", "columns")
    __hash__ = None

    def __init__(self, keys, coded=()) -> None:
        """coded: the keys whose columns are likely to repeat values (see `Coded`)."""
        self.names = tuple(keys)
        self.numbers = array("q")
        self.columns: list = [Coded() if k in coded else [] for k in self.names]

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
        for i, (mine, values) in enumerate(zip(self.columns, columns)):
            mine.extend(values)
            if type(mine) is Coded and mine.hardly_repeats():
                self.columns[i] = list(mine)

    def column(self, key: str) -> list:
        column = self.columns[self.names.index(key)]
        return list(column) if type(column) is Coded else column

    def __len__(self) -> int:
        return len(self.numbers)

    def __iter__(self):
        return zip(self.numbers, map(dict, map(zip, repeat(self.names), zip(*self.columns))))

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(islice(self, *i.indices(len(self))))
        number = self.numbers[i]
        return number, dict(zip(self.names, (column[i] for column in self.columns)))

    def without(self, numbers: set[int]) -> "SheetRows":
        """The same rows but those at the given row numbers."""
        out = SheetRows(self.names)
        for number, values in self:
            if number not in numbers:
                out.append(number, [values[k] for k in self.names])
        return out

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


class Coded:
    """A column held as its distinct values and, per row, the number of its value (one byte while
    there are at most 256 of them, two up to 65,536): at county scale 400,000 attendance rows name
    40,000 activities, 7,000 deputies and 3 statuses. Only for values that equal only values of
    their own type (texts, dates, times; not 1 and 1.0)."""

    __slots__ = ("values", "index", "codes")
    WIDER = {"B": "H", "H": "I", "I": "Q"}

    def __init__(self) -> None:
        self.values: list = []
        self.index = _Numbering(self.values)
        self.codes = array("B")

    def extend(self, cells) -> None:
        """cells: a list or tuple."""
        before = len(self.codes)
        try:
            self.codes.extend(map(self.index.__getitem__, cells))   # a new value is numbered on the way
        except OverflowError:          # a number too big for the array's items: the rest in wider ones
            self.codes = array(self.WIDER[self.codes.typecode], self.codes)
            self.extend(cells[len(self.codes) - before:])

    def append(self, value) -> None:
        self.extend((value,))

    def hardly_repeats(self) -> bool:
        """Mostly distinct values (and many): a plain list costs less."""
        return len(self.values) > max(len(self.codes) // 2, 50_000)

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self):
        return map(self.values.__getitem__, self.codes)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(map(self.values.__getitem__, self.codes[i]))
        return self.values[self.codes[i]]


class _Numbering(dict):
    """value → its number in `values`; a value not seen before gets the next number when looked up."""

    __slots__ = ("values",)

    def __init__(self, values: list) -> None:
        super().__init__()
        self.values = values

    def __missing__(self, value) -> int:
        number = self[value] = len(self.values)
        self.values.append(value)
        return number


def all_distinct(values: list) -> bool:
    """No value twice. Sorted rather than put in a set: a set of a county's 400,000 uuids, while it
    grows, holds several times the memory of the list itself."""
    try:
        ordered = sorted(values)
    except TypeError:            # values that do not compare (a text beside a blank): the set, then
        return len(set(values)) == len(values)
    return all(map(ne, ordered, islice(ordered, 1, None)))
