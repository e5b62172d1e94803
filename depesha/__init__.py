"""depesha: Russian news about international relations -> structured, verifiable records."""

import logging

from .api import extract, extract_doc, make_pipeline
from .doc import Article, Doc, Entity, Event, Position
from .errors import DepeshaError, ReadError
from .pipeline import Pipeline

__version__ = "0.1.0"
SCHEMA = "depesha/1"

__all__ = [
    "SCHEMA",
    "Article",
    "DepeshaError",
    "Doc",
    "Entity",
    "Event",
    "Pipeline",
    "Position",
    "ReadError",
    "__version__",
    "extract",
    "extract_doc",
    "make_pipeline",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
