"""One Qt signal that carries what every write changed.

The store calls its listeners after each commit; ``ChangeBus`` turns that into
``changed(Changes)`` on the UI thread. Background jobs write through their own
store and hand their changes over when they end. Pages connect once and
refresh only what they show; no page refreshes another.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from ..core.changes import NOTHING, Changes
from ..core.store import Store

_buses: weakref.WeakKeyDictionary[Store, ChangeBus] = weakref.WeakKeyDictionary()


class ChangeBus(QObject):
    changed = Signal(object)  # Changes

    def __init__(self, store: Store):
        super().__init__()
        self._held = 0
        self._pending = NOTHING
        self._unsubscribe = store.subscribe(self.publish)

    @classmethod
    def of(cls, store: Store) -> ChangeBus:
        """The bus of a store (made on first use): every page of one window shares it."""
        bus = _buses.get(store)
        if bus is None:
            bus = _buses[store] = cls(store)
        return bus

    def publish(self, changes: Changes) -> None:
        if not changes:
            return
        if self._held:
            self._pending = self._pending | changes
        else:
            self.changed.emit(changes)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Collect changes until the block ends, then announce them once: an
        operation's screens refresh after it has finished, not halfway."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held and self._pending:
                pending, self._pending = self._pending, NOTHING
                self.changed.emit(pending)


class _Follower(QObject):
    """Refreshes a widget when changes touch what it shows. A ``lazy`` widget
    (one whose refresh costs real work) refreshes at once only while visible,
    else the next time it is shown."""

    def __init__(self, widget: QWidget, kinds: frozenset[str] | None, refresh: Callable[[], None], lazy: bool):
        super().__init__(widget)
        self._widget = widget
        self._kinds = kinds
        self._refresh = refresh
        self._lazy = lazy
        self._stale = lazy
        if lazy:
            widget.installEventFilter(self)

    def on_changes(self, changes: Changes) -> None:
        if self._kinds is not None and not changes.touches(*self._kinds):
            return
        if not self._lazy or self._widget.isVisible():
            self._refresh()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._refresh()
        return False


def follow(
    widget: QWidget, store: Store, kinds: Iterable[str] | None, refresh: Callable[[], None], lazy: bool = False
) -> None:
    """Call ``refresh`` whenever a write touches ``kinds`` (None: anything).

    ``lazy``: the widget is filled when first shown and refreshed only while
    shown (dashboards and summaries that sum a year of records)."""
    follower = _Follower(widget, frozenset(kinds) if kinds is not None else None, refresh, lazy)
    ChangeBus.of(store).changed.connect(follower.on_changes)
