"""factRuEval's LocOrg is the core's `organization` role of a place mention (depesha.extractors.locorg)."""

from ...extractors.locorg import is_locorg, place_role

__all__ = ["is_locorg", "place_role"]
