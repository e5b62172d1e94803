"""Output formats: the JSON record (the contract), PLOVER JSONL and flat CSV rows."""
