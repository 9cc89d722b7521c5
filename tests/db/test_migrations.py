"""Migrations are one transaction; a database from a newer version is refused untouched."""
import hashlib
import shutil
import sqlite3
import textwrap

import pytest

from app.paths import DB_FILE
from app.store import Store
from db import migrate
from db.engine import make_engine
from db.models import metadata


def tables(path):
    conn = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"))
    finally:
        conn.close()


def version(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_fresh_folder_is_migrated_to_head_with_every_model_table(store):
    names = tables(store.db_path)
    for table in metadata.tables:
        assert table in names
    assert version(store.db_path) == migrate.head_revision()


def test_migrations_match_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_failing_migration_leaves_schema_and_version_as_before(tmp_path, data_dir):
    Store.open(data_dir).close()
    db_path = data_dir / "deputydesk.db"
    before_tables, before_version = tables(db_path), version(db_path)
    scripts = tmp_path / "scripts"
    shutil.copytree(migrate.SCRIPTS, scripts)
    (scripts / "versions" / "0002_broken.py").write_text(textwrap.dedent(f'''
        from alembic import op
        import sqlalchemy as sa
        revision = "0002"
        down_revision = "{before_version}"
        branch_labels = None
        depends_on = None
        def upgrade():
            op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
            op.add_column("setting", sa.Column("extra", sa.Text))
            raise RuntimeError("injected failure after the first DDL")
        def downgrade():
            pass
    '''), encoding="utf-8")
    engine = make_engine(db_path)
    with pytest.raises(RuntimeError, match="injected"):
        migrate.upgrade(engine, scripts)
    engine.dispose()
    assert tables(db_path) == before_tables
    assert version(db_path) == before_version
    conn = sqlite3.connect(db_path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(setting)")]
    conn.close()
    assert "extra" not in columns


def test_newer_database_is_refused_and_left_byte_for_byte_unchanged(data_dir):
    Store.open(data_dir).close()
    db_path = data_dir / "deputydesk.db"
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(migrate.NewerDatabaseError) as refused:
        Store.open(data_dir)
    assert "9999" in str(refused.value) and migrate.head_revision() in str(refused.value)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest
    # The lock was released: a second attempt is refused for the same reason, not as "already open".
    with pytest.raises(migrate.NewerDatabaseError):
        Store.open(data_dir)


def test_a_backup_is_taken_before_migrating_an_existing_database(tmp_path, data_dir):
    Store.open(data_dir, daily_backup=False).close()
    db_path = data_dir / "deputydesk.db"
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TABLE alembic_version")
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.commit()
    conn.close()
    # Pretend the file is at an older revision by pointing at a scripts folder with one more step.
    scripts = tmp_path / "scripts"
    shutil.copytree(migrate.SCRIPTS, scripts)
    head = migrate.head_revision()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO alembic_version VALUES (?)", (head,))
    conn.commit()
    conn.close()
    (scripts / "versions" / "0002_next.py").write_text(textwrap.dedent(f'''
        from alembic import op
        import sqlalchemy as sa
        revision = "0002"
        down_revision = "{head}"
        branch_labels = None
        depends_on = None
        def upgrade():
            op.create_table("next_thing", sa.Column("id", sa.Integer, primary_key=True))
        def downgrade():
            op.drop_table("next_thing")
    '''), encoding="utf-8")
    Store.open(data_dir, daily_backup=False, scripts=scripts).close()
    backups = list((data_dir / "backups").glob("*before-migration*.db"))
    assert len(backups) == 1
    assert "next_thing" not in tables(backups[0])
    assert "next_thing" in tables(db_path)


def test_a_store_from_the_tests_template_has_the_schema_a_migration_gives(store, tmp_path):
    # The `store` fixture copies a file migrated once per test run: it must be the same database
    # as a folder migrated on its own (tables, indexes, triggers and the revision).
    Store.open(tmp_path / "新", daily_backup=False).close()

    def schema(path):
        conn = sqlite3.connect(path)
        try:
            return (conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall(),
                    conn.execute("SELECT version_num FROM alembic_version").fetchall(),
                    conn.execute("PRAGMA journal_mode").fetchone())
        finally:
            conn.close()
    copied, migrated = schema(store.db_path), schema(tmp_path / "新" / DB_FILE)
    assert copied == migrated and copied[1] == [(migrate.head_revision(),)] and copied[2] == ("wal",)
