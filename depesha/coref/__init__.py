"""Coreference: mentions (names, descriptions, pronouns) and their chains over one Doc, by a model trained on RuCoCo."""
