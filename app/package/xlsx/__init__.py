"""The package's one door to xlsx files; the rest of app/package calls only this.

- writing (`write.py`, xlsxwriter in constant-memory mode: rows go straight to disk): `Book`, one
  `Sheet` at a time, each cell as the value's type asks (texts stay text, dates are dates);
- reading (`read.py`, python-calamine): `Book` gives a sheet's cells, or its rows one by one, a big
  sheet a slice at a time (`slices.py`) so memory stays bounded; formulas found in the sheets' XML;
- editing (`edit.py`, openpyxl): a few cells of one sheet changed and the workbook saved again.
"""
from app.package.xlsx.edit import rewrite_rows
from app.package.xlsx.read import Book as ReadBook
from app.package.xlsx.read import formula_cells
from app.package.xlsx.write import Book as WriteBook
from app.package.xlsx.write import ColumnLayout, display_width

__all__ = ["ColumnLayout", "ReadBook", "WriteBook", "display_width", "formula_cells", "rewrite_rows"]
