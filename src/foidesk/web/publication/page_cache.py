"""Rendered entry pages, kept in each worker's memory (ADR 0001: a published entry is a snapshot).

A page is stored under its entry's id and version (``updated_at``, which publishing again or withdrawing
changes) and the versions of the published entries it links to (related entries, earlier answers under
s.21). Every request first reads those from the database, so a withdrawn entry is never served (it is
no longer among the published), a republished one is rendered again, and a page whose linked entry was
withdrawn is rendered again without it. Nothing is invalidated by hand, so it holds with several workers.
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

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: Hashable, page: bytes) -> None:
        if len(page) > self._size_limit:
            return
        with self._lock:
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

    def __len__(self) -> int:
        return len(self._pages)


entry_pages = PageCache()
