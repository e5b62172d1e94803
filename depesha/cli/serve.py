"""`depesha serve`: the REST API (and web pages) over a store, on 127.0.0.1 by default."""

from __future__ import annotations

import argparse
import sys

EPILOG = """\
examples:
  depesha serve                               ./depesha.db on http://127.0.0.1:8000 (schema at /openapi.json)
  depesha serve --db postgresql://localhost/depesha --port 8080
  DEPESHA_API_TOKEN=secret depesha serve      also accept POST /api/articles with that token
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    from depesha.web.config import Settings

    settings = Settings()
    parser = subparsers.add_parser(
        "serve", help="serve the REST API over a store", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Start the web server: pages, REST API under /api, OpenAPI schema at /openapi.json. "
        "Reads (API and pages) are open unless DEPESHA_READ_TOKEN is set; POST needs DEPESHA_API_TOKEN.")
    parser.add_argument("--db", default=settings.db, help=f"database (default {settings.db}; env DEPESHA_DB)")
    parser.add_argument("--host", default=settings.host, help=f"address (default {settings.host}; env DEPESHA_HOST)")
    parser.add_argument("--port", type=int, default=settings.port, help=f"port (default {settings.port}; env DEPESHA_PORT)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from depesha.web.app import create_app
        from depesha.web.config import Settings
    except ImportError as error:
        print(f"error: {error.name} is missing: pip install 'depesha[web]'", file=sys.stderr)
        return 2
    from depesha.errors import StoreError
    from depesha.store import open_store

    try:
        open_store(args.db).close()  # fail here, with a clear message, rather than inside the server
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    settings = Settings(db=args.db, host=args.host, port=args.port)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0
