"""A long job's bar and its cancel button, in the section of the screen that
started it: the bar moves with the job's progress (thousandths from the core),
the button stops it where stopping is safe."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from ..jobs import Job


class JobProgress(QWidget):
    def __init__(self, name: str, cancel_text: str | None, parent: QWidget | None = None):
        """Shown only while a job runs: between jobs an empty bar would look like a text box."""
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{name}_progress")
        self.cancel_button = QPushButton(cancel_text or "")
        self.cancel_button.setObjectName(f"{name}_cancel")
        self.cancel_button.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self._job: Job | None = None
        self.cancel_button.clicked.connect(lambda: self._job.cancel() if self._job else None)
        self.bar.hide()
        self.cancel_button.hide()
        self._cancellable = cancel_text is not None

    def follow(self, job: Job) -> None:
        """Show ``job`` moving until it has finished or failed."""
        self._job = job
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setFormat("%p%")
        self.bar.show()
        self.cancel_button.setVisible(self._cancellable)
        self.cancel_button.setEnabled(self._cancellable)
        job.progress.connect(self._moved)
        job.finished.connect(self._over)
        job.failed.connect(self._over)

    def _moved(self, done: int, total: int, name: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(f"%p% {name}" if name else "%p%")

    def _over(self, *_args: object) -> None:
        self._job = None
        self.cancel_button.setEnabled(False)
        self.bar.hide()
        self.cancel_button.hide()
