"""Events: triggers, dates, topics and participants assembled into PLOVER-coded records."""
