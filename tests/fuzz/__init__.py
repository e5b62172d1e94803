"""The fuzz suite: a generated corpus of bad inputs run through the CLI."""
