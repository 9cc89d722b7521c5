"""The refusal every check raises; its text is the Chinese message the user sees."""
from __future__ import annotations


class WorkbookRefused(ValueError):
    """The file is not read at all; str() says why and where, in Chinese."""
