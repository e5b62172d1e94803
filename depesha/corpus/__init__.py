"""Across articles: near-duplicates, event clusters, entity resolution, commitment follow-up."""
