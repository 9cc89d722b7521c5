"""The presidium's supervision of the deputy groups (督导检查): visits and inspections recorded as
such, which 督导工作全覆盖 is counted from. Services take the store and return plain rows or ids."""
from __future__ import annotations


class SupervisionError(ValueError):
    """A supervision record that was refused; str() is the Chinese reason."""
