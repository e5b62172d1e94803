"""A throw-away PostgreSQL cluster for tests: initdb in a temp dir, a free local port, removed after."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
                  reverse=True)  # Debian's versioned directories, newest first


def find_bin() -> Path | None:
    """The directory holding initdb and pg_ctl, from PATH or Debian's versioned directories."""
    if shutil.which("initdb") and shutil.which("pg_ctl"):
        return Path(shutil.which("initdb")).parent  # type: ignore[arg-type]
    return next((path for path in BIN_DIRS if (path / "initdb").exists()), None)


def bin_or_skip() -> Path:
    """Skip only outside CI; in CI a missing server is a failure (.ci/run installs it)."""
    path = find_bin()
    if path is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) not found"
        if os.environ.get("CI"):
            pytest.fail(message + " -- CI must install the postgresql package")
        pytest.skip(message)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_user() -> list[str]:
    """postgres refuses to run as root: run its programs as the `postgres` (or `nobody`) user then."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    pytest.fail("running as root and no postgres/nobody user to run the server as")


@contextmanager
def make_cluster() -> Iterator[str]:
    """Start a server; yields a postgresql:// URL of database `postgres` with trust authentication."""
    bindir, prefix = bin_or_skip(), as_user()
    root = Path(tempfile.mkdtemp(prefix="depesha-pg-"))
    data, port = root / "data", free_port()
    if prefix:
        shutil.chown(root, user=prefix[2])
        os.chmod(root, 0o700)
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    run = lambda *args: subprocess.run(prefix + [str(a) for a in args], check=True, env=env,  # noqa: E731
                                      capture_output=True, cwd=root)
    try:
        run(bindir / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8")
        run(bindir / "pg_ctl", "-D", data, "-l", root / "log", "-w", "-t", "60", "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env, cwd=root)
        shutil.rmtree(root, ignore_errors=True)


def create_database(url: str, name: str) -> str:
    """A fresh database on the cluster; returns its URL."""
    import psycopg

    with psycopg.connect(url.replace("postgresql://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name
