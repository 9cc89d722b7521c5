"""All mapped models; importing this module registers every table on Base.metadata."""
from db.base import Base  # noqa: F401
