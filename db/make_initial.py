"""Regenerate the initial migration from the models (only until the first release ships).

Run: python -m db.make_initial
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from db import migrate
from db.engine import make_engine

TARGET = migrate.SCRIPTS / "versions" / "0001_initial.py"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "empty.db")
        cfg = migrate.config()
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
        engine.dispose()
    produced = next((migrate.SCRIPTS / "versions").glob("0001_*.py"))
    produced.rename(TARGET)
    print(f"written {TARGET}")


if __name__ == "__main__":
    main()
