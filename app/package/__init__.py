"""The quarterly data package (数据包) exchanged with the county: format, export, import, merge.

Every refusal is a `PackageError` whose message says in Chinese what is wrong and where.
"""
from __future__ import annotations

FORMAT_VERSION = 2
UP = "乡镇→县"
DOWN = "县→乡镇"
INFO_SHEET = "说明"


class PackageError(ValueError):
    """A package that cannot be read or applied; nothing was written."""
