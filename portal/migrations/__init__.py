"""Alembic revisions of the portal schema, run programmatically (portal.database.upgrade).

No alembic.ini is needed at run time: `admin init` and `serve` upgrade the database to the
newest revision themselves. Revisions are written by hand, one file per change in
versions/ (vNNNN_<what>.py); tests/portal/test_migrations.py fails when portal/tables.py
and the revisions disagree.
"""
