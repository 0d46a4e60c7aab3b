"""The process that writes the data files (site.build.DataWriter) shares its parts with the build's own process:
every part written once, whichever process took it, and counted in the report."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from vanban.site import build
from vanban.site.build import DataWriter

Part = Callable[[], Iterator[tuple[str, str]]]


def _parts(count: int) -> list[Part]:
    def part(number: int) -> Part:
        return lambda: iter([(f"parts/{number}.js", f"part {number}")])

    return [part(n) for n in range(count)]


def _written(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text() for p in site.rglob("*.js")}


def _expected(count: int) -> dict[str, str]:
    return {"own.js": "own", **{f"parts/{n}.js": f"part {n}" for n in range(count)}}


@pytest.mark.parametrize("fork", [True, False])
def test_every_part_is_written_once_and_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool) -> None:
    if not fork:
        monkeypatch.setattr(build.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    site = tmp_path / "site"
    site.mkdir()
    writer = DataWriter(lambda: iter([("own.js", "own")]), tmp_path, _parts(40))
    assert (writer.process is not None) == fork
    report = writer.finish_into(site)
    assert _written(site) == _expected(40)
    assert report.files == 41
    assert sorted(report.digests) == sorted(_expected(40))
    assert not list(tmp_path.glob(".vanban-data-*"))  # its folder is gone


def test_the_build_takes_the_parts_left_while_the_writer_is_busy(tmp_path: Path) -> None:
    """The writer's own files wait here until a part's file exists, which only the build's process can have
    written by then: without its help, the writer gives up and the build fails."""
    site = tmp_path / "site"
    site.mkdir()

    def own() -> Iterator[tuple[str, str]]:
        deadline = time.monotonic() + 20
        while not list(tmp_path.glob(".vanban-data-*/parts/*.js")):
            if time.monotonic() > deadline:
                raise TimeoutError("no part written by the build's process")
            time.sleep(0.02)
        yield "own.js", "own"

    writer = DataWriter(own, tmp_path, _parts(40))
    report = writer.finish_into(site)
    assert _written(site) == _expected(40)
    assert report.files == 41
