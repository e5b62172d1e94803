"""Evaluation against public gold standards: factRuEval-2016 and NEREL."""
