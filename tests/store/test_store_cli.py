"""The store commands end to end: ingest, db, export and the query commands with every format."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from depesha.cli.main import main
from depesha.store.fixtures import PEOPLE, make_record

ROOT = Path(__file__).resolve().parents[2]
RECORDS = [
    make_record(PEOPLE[0], PEOPLE[3], date="2025-11-28"),
    make_record(PEOPLE[1], PEOPLE[3], date="2026-02-03", proposal=False, visit=True),
    make_record(PEOPLE[5], PEOPLE[6], date="2024-01-15"),
]


@pytest.fixture
def db(tmp_path: Path, capsys) -> str:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS) + "{broken\n")
    url = str(tmp_path / "cli.db")
    assert main(["ingest", "--records", str(path), "--db", url]) == 1   # the broken line fails the run
    err = capsys.readouterr().err
    assert f"error: {path}:4: not JSON" in err
    assert "3 stored, 0 skipped (already stored), 0 near-duplicates linked, 1 failed" in err
    return url


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_store_cli_ingest_again_skips(db, capsys, tmp_path):
    path = tmp_path / "again.jsonl"
    path.write_text(json.dumps(RECORDS[0], ensure_ascii=False) + "\n")
    code, _, err = run(capsys, "ingest", "--records", str(path), "--db", db)
    assert code == 0 and "0 stored, 1 skipped" in err


@pytest.mark.parametrize("argv, check", [
    (["relations", "KZ", "MX", "--format", "jsonl"],
     lambda out: [json.loads(line)["kind"] for line in out.splitlines()] == ["meeting", "proposal", "meeting", "visit"]),
    (["relations", "kz", "mx", "--since", "2026", "--format", "json"],
     lambda out: [item["date"] for item in json.loads(out)] == ["2026-02-03", "2026-02-03"]),
    (["events", "--country", "RU", "--format", "csv"],
     lambda out: [row["kind"] for row in csv.DictReader(io.StringIO(out))] == ["meeting", "proposal"]),
    (["events", "--person", "Лавров", "--format", "table"],
     lambda out: out.splitlines()[0].split()[:4] == ["ID", "DATE", "CATEGORY", "KIND"] and len(out.splitlines()) == 3),
    (["commitments", "--open", "--format", "jsonl"],
     lambda out: [json.loads(line)["date"] for line in out.splitlines()] == ["2024-01-15"]),
    (["commitments", "--format", "jsonl"],
     lambda out: [len(json.loads(line)["followups"]) for line in out.splitlines()] == [0, 1]),
    (["people", "Koshanov", "--format", "json"],
     lambda out: [(p["name"], p["title"]) for p in json.loads(out)] == [("Ерлан Кошанов", "председатель")]),
    (["stats", "--format", "json"],
     lambda out: {row["what"]: row["count"] for row in json.loads(out)}["articles"] == 3),
    (["search", "визиты", "--format", "jsonl"],
     lambda out: len(out.splitlines()) == 3),
    (["db", "version"], lambda out: "schema version 3 (latest 3)" in out),
])
def test_store_cli_queries(db, capsys, argv, check):
    code, out, err = run(capsys, *argv, "--db", db)
    assert code == 0, err
    assert check(out), out


@pytest.mark.parametrize("argv, message", [
    (["events", "--country", "XX"], "unknown country code 'XX'"),
    (["relations", "KZ", "MX", "--since", "2025-02-30"], "bad date"),
    (["events", "--limit", "100000"], "page size 100000 out of range"),
    (["events", "--category", "MEET"], "unknown category"),
])
def test_store_cli_bad_parameters(db, capsys, argv, message):
    code, _, err = run(capsys, *argv, "--db", db)
    assert code == 2 and message in err


def test_store_cli_missing_store(tmp_path, capsys):
    code, _, err = run(capsys, "stats", "--db", str(tmp_path / "absent" / "x.db"))
    assert code == 2 and "no store at" in err


@pytest.mark.parametrize("fmt, check", [
    ("jsonl", lambda out: [json.loads(line)["article"]["id"] for line in out.splitlines()]
     == [r["article"]["id"] for r in RECORDS]),
    ("plover", lambda out: {json.loads(line)["event"][0] for line in out.splitlines()} == {"CONSULT", "AGREE"}),
    ("csv", lambda out: len(list(csv.DictReader(io.StringIO(out)))) == 2 + 2 + 2),
])
def test_store_cli_export(db, capsys, fmt, check):
    code, out, err = run(capsys, "export", "--format", fmt, "--db", db)
    assert code == 0 and "3 articles" in err
    assert check(out), out


def test_store_cli_export_filtered(db, capsys, tmp_path):
    out_path = tmp_path / "kz.jsonl"
    code, _, err = run(capsys, "export", "--country", "KZ", "--since", "2026", "-o", str(out_path), "--db", db)
    records = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert code == 0 and [r["article"]["id"] for r in records] == [RECORDS[1]["article"]["id"]]
    assert records[0]["article"]["text"] == RECORDS[1]["article"]["text"]


@pytest.mark.slow
def test_store_cli_ingest_paths(tmp_path, capsys):
    """Real inputs through the core's readers and extractor; bad ones are named, skipped and counted."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    samples = sorted((ROOT / "samples").glob("*.txt"))
    for sample in samples:
        shutil.copy(sample, inputs)
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    url = str(tmp_path / "paths.db")
    code, _, err = run(capsys, "ingest", str(inputs), "--db", url)
    assert code == 1
    assert "empty.txt" in err and "binary.txt" in err
    assert f"{len(samples)} stored, 0 skipped (already stored), 0 near-duplicates linked, 2 failed" in err
    code, _, err = run(capsys, "ingest", str(inputs / "01-kz-tr-minister-visit.txt"), "--db", url)
    assert code == 0 and "0 stored, 1 skipped" in err
    code, out, _ = run(capsys, "relations", "KZ", "TR", "--format", "jsonl", "--db", url)
    assert code == 0 and out.strip()


def test_store_cli_postgresql(pg_cluster, tmp_path, capsys):
    """The same commands against a PostgreSQL URL."""
    from .pg import create_database

    url = create_database(pg_cluster, "depesha_cli")
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS))
    assert run(capsys, "ingest", "--records", str(path), "--db", url)[0] == 0
    code, out, _ = run(capsys, "relations", "KZ", "MX", "--format", "jsonl", "--db", url)
    assert code == 0 and [json.loads(line)["kind"] for line in out.splitlines()] == ["meeting", "proposal", "meeting", "visit"]
    code, out, _ = run(capsys, "search", "визитами", "--format", "jsonl", "--db", url)
    assert code == 0 and len(out.splitlines()) == 3
    code, out, _ = run(capsys, "db", "version", "--db", url)
    assert code == 0 and "schema version 3" in out


def test_store_cli_ingest_bulk(tmp_path, capsys):
    """--bulk: the same counts, failures named, and the same events as a plain ingest."""
    bad = json.loads(json.dumps(RECORDS[1], ensure_ascii=False))
    bad["article"]["id"], bad["article"]["source"] = "a-bad", "feed/bad"
    bad["positions"][0]["person"] = "e99"
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [*RECORDS, bad]) + "{broken\n")
    url = str(tmp_path / "bulk.db")
    code, _, err = run(capsys, "ingest", "--records", "--bulk", str(path), "--db", url)
    assert code == 1
    assert f"error: {path}:5: not JSON" in err and "error: feed/bad: position of unknown person 'e99'" in err
    assert "3 stored, 0 skipped (already stored), 0 near-duplicates linked, 2 failed" in err
    code, out, _ = run(capsys, "relations", "KZ", "MX", "--format", "jsonl", "--db", url)
    assert [json.loads(line)["kind"] for line in out.splitlines()] == ["meeting", "proposal", "meeting", "visit"]


@pytest.mark.parametrize("bulk", [(), ("--bulk",)], ids=["per-article", "bulk"])
def test_store_cli_records_in_another_encoding_are_refused_line_by_line(tmp_path: Path, capsys, bulk):
    """A JSONL file saved as cp1251 is named line by line as not UTF-8; the next file is still stored."""
    legacy = tmp_path / "legacy.jsonl"
    legacy.write_bytes(json.dumps(RECORDS[0], ensure_ascii=False).encode("cp1251") + b"\n")
    good = tmp_path / "good.jsonl"
    good.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS[1:]))
    code, _, err = run(capsys, "ingest", "--records", str(legacy), str(good), "--db", str(tmp_path / "e.db"), *bulk)
    assert code == 1
    assert f"error: {legacy}:1: not UTF-8 (byte " in err
    assert "2 stored, 0 skipped (already stored), 0 near-duplicates linked, 1 failed" in err


def test_store_cli_records_compressed_and_damaged_archives(tmp_path: Path, capsys):
    """Records in .gz and .bz2 are read; a damaged archive is named and the other inputs are stored."""
    import bz2
    import gzip

    lines = [json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in RECORDS]
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(lines[0]))
    (tmp_path / "b.jsonl.bz2").write_bytes(bz2.compress(lines[1]))
    (tmp_path / "c.jsonl.gz").write_bytes(b"not gzip at all")
    inputs = [str(tmp_path / name) for name in ("a.jsonl.gz", "b.jsonl.bz2", "c.jsonl.gz")]
    code, _, err = run(capsys, "ingest", "--records", *inputs, "--db", str(tmp_path / "z.db"))
    assert code == 1
    assert f"error: {inputs[2]}: unreadable: Not a gzipped file" in err
    assert "2 stored, 0 skipped (already stored), 0 near-duplicates linked, 1 failed" in err


def test_store_cli_export_to_unwritable_path(db: str, tmp_path: Path, capsys):
    """An output file that cannot be written is named, without a traceback (exit 2)."""
    code, _, err = run(capsys, "export", "--format", "csv", "--db", db, "-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert code == 2
    assert err.startswith(f"error: {tmp_path / 'no' / 'such' / 'x.csv'}: No such file or directory")
    assert "Traceback" not in err
