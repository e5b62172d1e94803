"""Dataclass-based value records with a JSON round-trip and a compact repr."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, TypeVar

T = TypeVar("T", bound="Record")


@dataclass
class Record:
    """Base of every value type: equality, JSON round-trip, short repr."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls: type[T], data: dict[str, Any]) -> T:
        names = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})

    def __repr__(self) -> str:
        parts = []
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, (list, tuple)) and len(value) > 3:
                value = f"[{len(value)} items]"
            elif isinstance(value, str) and len(value) > 60:
                value = repr(value[:57] + "...")
            else:
                value = repr(value)
            parts.append(f"{field.name}={value}")
        return f"{type(self).__name__}({', '.join(parts)})"
