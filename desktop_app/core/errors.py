"""Errors the core raises with a message meant for a person."""

from __future__ import annotations


class FuqingError(Exception):
    """Base: ``str(error)`` is a complete, translated message."""


class UsageError(FuqingError):
    pass


class NotFound(FuqingError):
    pass


class SchemaTooNew(FuqingError):
    pass


class NotADatabase(FuqingError):
    pass


class ValidationFailed(FuqingError):
    """One or more fields are wrong; ``errors`` maps field name to message.

    ``kind``, the record type, lets a message name each field by its label."""

    def __init__(self, errors: dict[str, str], kind: str | None = None):
        self.errors = errors
        self.kind = kind
        super().__init__("；".join(errors.values()))


class DuplicateRecord(FuqingError):
    """The record looks like one already registered (the same ID number)."""

    def __init__(self, message: str, existing_id: str, name: str = "", masked: str = ""):
        self.existing_id = existing_id
        self.name = name  # the woman already registered
        self.masked = masked  # the number, masked as screens show it
        super().__init__(message)
