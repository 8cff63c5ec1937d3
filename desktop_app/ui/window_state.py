"""The main window where she left it: its geometry, the record pages'
splitters and the section she was on saved in QSettings on close and restored
on start, always on a screen that is there now (a window saved on a projector or a second monitor
comes back on the laptop's own screen)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

GEOMETRY_KEY = "window/geometry"
SPLITTER_KEY = "window/splitter/{name}"
SECTION_KEY = "window/section"
TITLE_HEIGHT = 30  # px at the top of the frame a person drags the window by
MIN_VISIBLE = 120  # px of that strip's width that must be on a screen


def placed_on_screen(frame: QRect, screens: list[QRect]) -> QRect:
    """``frame`` as it is when a person can reach its title bar on one of ``screens``
    (available areas, the primary first); else moved onto the screen it overlaps
    most (or the primary), shrunk to fit it."""
    if not screens:
        return QRect(frame)
    title = QRect(frame.left(), frame.top(), frame.width(), TITLE_HEIGHT)
    for area in screens:
        seen = title.intersected(area)
        if (
            seen.width() >= min(MIN_VISIBLE, frame.width())
            and area.top() <= frame.top() <= area.bottom() - TITLE_HEIGHT
        ):
            return QRect(frame)

    def overlap(area: QRect) -> int:
        part = frame.intersected(area)
        return part.width() * part.height() if not part.isEmpty() else 0

    target = max(screens, key=overlap) if any(overlap(a) for a in screens) else screens[0]
    width, height = min(frame.width(), target.width()), min(frame.height(), target.height())
    left = min(max(frame.left(), target.left()), target.left() + target.width() - width)
    top = min(max(frame.top(), target.top()), target.top() + target.height() - height)
    return QRect(left, top, width, height)


def available_screens() -> list[QRect]:
    primary = QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not primary]
    return [s.availableGeometry() for s in ([primary] if primary else []) + others]


FRAME_ALLOWANCE = 40  # points: a title bar and borders the window manager adds around the window


def first_size(wanted: QSize, available: QRect) -> QSize:
    """The size a window opens at when none was saved: ``wanted``, no bigger than the
    screen's free area less the frame (a 1366×768 laptop cut off its status bar)."""
    return QSize(
        min(wanted.width(), available.width() - FRAME_ALLOWANCE // 2),
        min(wanted.height(), available.height() - FRAME_ALLOWANCE),
    )


def keep_on_screen(window: QWidget) -> None:
    if window.isMaximized() or window.isFullScreen():
        return
    frame, inner = window.frameGeometry(), window.geometry()
    placed = placed_on_screen(frame, available_screens())
    if placed != frame:
        # The frame (title bar, borders) around the client area stays as it was.
        left, top = inner.left() - frame.left(), inner.top() - frame.top()
        right, bottom = frame.right() - inner.right(), frame.bottom() - inner.bottom()
        window.setGeometry(placed.adjusted(left, top, -right, -bottom))


def restore_geometry(window: QWidget) -> bool:
    """The saved geometry, on a screen; False (and nothing changed) when none was saved."""
    saved = QSettings().value(GEOMETRY_KEY)
    if not isinstance(saved, QByteArray) or saved.isEmpty() or not window.restoreGeometry(saved):
        return False
    keep_on_screen(window)
    return True


def save_geometry(window: QWidget) -> None:
    QSettings().setValue(GEOMETRY_KEY, window.saveGeometry())


def restore_splitter(name: str, splitter: QSplitter) -> None:
    saved = QSettings().value(SPLITTER_KEY.format(name=name))
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        splitter.restoreState(saved)


def save_splitter(name: str, splitter: QSplitter) -> None:
    QSettings().setValue(SPLITTER_KEY.format(name=name), splitter.saveState())


def restore_section(keys: list[str]) -> str | None:
    """The section the window was left on, if it is still one of ``keys``."""
    saved = QSettings().value(SECTION_KEY)
    return saved if isinstance(saved, str) and saved in keys else None


def save_section(key: str) -> None:
    QSettings().setValue(SECTION_KEY, key)
