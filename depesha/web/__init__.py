"""The web side: REST API (and HTML pages) over a store; needs the `web` extra."""
