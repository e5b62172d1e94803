"""A Pipeline of named stages, each `doc -> doc`, declaring what it reads and writes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .doc import Doc

log = logging.getLogger(__name__)

StageFn = Callable[[Doc], Doc]
ErrorHandler = Callable[[object, Exception], None]


@dataclass
class Stage:
    """One named step; `requires` and `assigns` name Doc fields."""

    name: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


@dataclass
class Pipeline:
    """Runs stages in order; `pipe` keeps going when one input fails if given a handler."""

    stages: list[Stage] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.check()

    def check(self) -> None:
        """Fail early when a stage requires a field no earlier stage assigns."""
        known = {"raw", "article"}
        for stage in self.stages:
            missing = [name for name in stage.requires if name not in known]
            if missing:
                raise ValueError(f"stage {stage.name!r} requires {missing}, assigned by no earlier stage")
            known.update(stage.assigns)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def __call__(self, doc: Doc) -> Doc:
        for stage in self.stages:
            doc = stage.fn(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], on_error: ErrorHandler | None = None) -> Iterator[Doc]:
        """Process many docs; with `on_error`, a failing doc is reported and skipped."""
        for doc in docs:
            try:
                yield self(doc)
            except Exception as error:  # noqa: BLE001 - handed to the caller's handler
                if on_error is None:
                    raise
                on_error(doc, error)
