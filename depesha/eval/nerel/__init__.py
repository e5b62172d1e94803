"""NEREL 1.1: BRAT reader, predictor of entities and relations, and the relaxed and strict scorers."""
