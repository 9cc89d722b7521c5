"""All mapped models. Every module in this package is imported here, so that each domain adds
its tables by adding a file, and Base.metadata always holds the whole schema."""
import importlib
import pkgutil

from db.base import Base

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    importlib.import_module(f"{__name__}.{_info.name}")

metadata = Base.metadata
