"""Smoke test of `depesha serve` on a real port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_api_serve_smoke(db):
    pytest.importorskip("uvicorn")
    port = free_port()
    env = dict(os.environ, DEPESHA_API_TOKEN="")
    server = subprocess.Popen([sys.executable, "-m", "depesha.cli.main", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
    try:
        base, deadline = f"http://127.0.0.1:{port}", time.time() + 60
        while True:
            try:
                response = httpx.get(f"{base}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.time() < deadline, "depesha serve did not start"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["articles"] == 3
        assert len(httpx.get(f"{base}/api/relations/KZ/MX").json()["items"]) == 4
        assert httpx.get(f"{base}/api/events?country=XX").status_code == 400
        assert httpx.post(f"{base}/api/articles", json={}).status_code == 403
        assert "/api/events" in httpx.get(f"{base}/openapi.json").json()["paths"]
    finally:
        server.terminate()
        server.wait(timeout=30)
