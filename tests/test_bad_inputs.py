"""Runs every case of tests/bad_inputs/ through the real CLI in a workspace of its own."""

from __future__ import annotations

import fnmatch
import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.bad_inputs import CATEGORIES, Case, all_cases
from tests.conftest import CORPUS, ROOT
from vanban.cli import main as cli_main

CASES = all_cases()


def snapshot(ws: Path, allowed: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Every path under ws (not following links) with its kind and content digest or target."""
    out: dict[str, tuple[str, str]] = {}
    for dirpath, dirnames, filenames in os.walk(ws, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(ws).as_posix()
            if name.startswith(".coverage"):  # the test run's own coverage data, from forked writers
                continue
            if any(fnmatch.fnmatch(rel, pattern) for pattern in allowed):
                continue
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                out[rel] = ("dir", oct(path.stat().st_mode & 0o777))
            else:
                try:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                except OSError:
                    digest = "unreadable"
                out[rel] = ("file", digest)
    return out


def _run_in_process(case: Case, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    def timeout(*_: object) -> None:
        raise TimeoutError(f"case took longer than {case.timeout} s")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.setitimer(signal.ITIMER_REAL, case.timeout)
    stdin = sys.stdin
    try:
        if case.stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(case.stdin), encoding="utf-8")
        code = cli_main(args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        sys.stdin = stdin
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _run_child(case: Case, args: list[str], ws: Path) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "build_graph.py"), *args],
        input=case.stdin,
        capture_output=True,
        cwd=ws,
        timeout=case.timeout,
    )
    return proc.returncode, proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    ws = tmp_path / "ws"
    shutil.copytree(CORPUS, ws / "data", ignore=shutil.ignore_patterns("README.md"))
    if case.setup is not None:
        case.setup(ws)
    before = snapshot(ws, case.changes)
    args = [a.replace("{ws}", str(ws)).replace("{data}", str(ws / "data")) for a in case.args]
    if not case.subprocess and "--data" not in args and args and args[0] not in {"schema"}:
        args += ["--data", str(ws / "data")]
    monkeypatch.chdir(ws)
    if case.subprocess:
        code, output = _run_child(case, args, ws)
    else:
        code, output = _run_in_process(case, args, capsys)
    assert "Traceback (most recent call last)" not in output, output[-3000:]
    assert code == case.code, f"exit {code}, expected {case.code}; output:\n{output[-3000:]}"
    if case.message:
        assert re.search(case.message, output, re.DOTALL), f"/{case.message}/ not in:\n{output[-3000:]}"
    if case.location:
        assert re.search(case.location, output), f"location /{case.location}/ not in:\n{output[-3000:]}"
    assert len(output) < 200_000, f"{len(output)} characters printed"
    after = snapshot(ws, case.changes)
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"changed outside {case.changes}: {changed[:20]}"
    if case.check is not None:
        case.check(ws, output)


def test_the_suite_covers_every_category_with_over_100_cases():
    counts = Counter(c.category for c in CASES)
    assert set(counts) == set(CATEGORIES), counts
    assert sum(counts.values()) >= 100, counts
