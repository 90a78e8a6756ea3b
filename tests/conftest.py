"""Shared test set-up: the database comes from DATABASE_URL (SQLite by default, PostgreSQL in CI)."""

from __future__ import annotations

import os

os.environ.setdefault("FOIDESK_VAR_DIR", os.path.join(os.path.dirname(__file__), "..", "var", "test"))
