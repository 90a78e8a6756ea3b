"""Rendered entry pages, kept in each worker's memory (ADR 0001: a published entry is a snapshot).

A page is stored under its slug and the log's version (publication.LogVersion), which the database raises
on every write to an entry, its files or the earlier answers it points to, whoever makes it (triggers of
migration 0006): publishing, withdrawing, republishing, indexing an entry's files. Every request reads the
version first (one primary-key read), so a withdrawn entry is never served, in any worker, from the moment
its withdrawal commits; a republished one is rendered again, and so is a page whose linked entry was
withdrawn. Writes to the log are rare (a few a day) and each empties every worker's pages; nothing is
invalidated by hand.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

ENTRY_PAGES = 2_000  # pages kept per worker, least recently used dropped first
ENTRY_PAGE_BYTES = 64 * 1024 * 1024  # and at most this much of them


class PageCache:
    """A least-recently-used store of rendered pages, bounded by count and by size."""

    def __init__(self, pages: int = ENTRY_PAGES, size: int = ENTRY_PAGE_BYTES) -> None:
        self._pages: OrderedDict[Hashable, bytes] = OrderedDict()
        self._limit, self._size_limit, self._size = pages, size, 0
        self._lock = threading.Lock()
        self._version: int | None = None

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: Hashable, page: bytes, *, version: int | None = None) -> None:
        """Keep ``page`` under ``key``; another log ``version`` than the last one drops every page kept
        under that one first (they can no longer be asked for)."""
        if len(page) > self._size_limit:
            return
        with self._lock:
            if version is not None and version != self._version:
                self._pages.clear()
                self._size = 0
                self._version = version
            old = self._pages.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._pages[key] = page
            self._size += len(page)
            while len(self._pages) > self._limit or self._size > self._size_limit:
                _, dropped = self._pages.popitem(last=False)
                self._size -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self._size = 0
            self._version = None

    def __len__(self) -> int:
        return len(self._pages)


entry_pages = PageCache()
