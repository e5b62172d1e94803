"""Exceptions raised by depesha; the CLI, store and Spark catch them per input."""


class DepeshaError(Exception):
    """Base of every error depesha raises on purpose."""


class ReadError(DepeshaError):
    """An input could not be read: unreadable, undecodable, empty, binary or too large."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(DepeshaError):
    """The store refused an operation (bad URL, schema too old, integrity problem)."""
