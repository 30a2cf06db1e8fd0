"""``kg build`` at scale: -j, --dask, the cache in OUT/.kg-cache, --full, --no-cache; the
same bytes every way; a killed build leaves the cache and the previous outputs usable, and
no worker process behind."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_pages import PAGES, write_pages
from typer.testing import CliRunner

from kg.cache import DocumentCache
from kg.cli import app

runner = CliRunner()
OUTPUTS = ("graph.ttl", "report.json")


def kg_build(*args: str | Path) -> tuple[int, int]:
    """Run ``kg build ARGS --no-html``; return (analysed, from cache) as printed."""
    result = runner.invoke(app, ["build", *map(str, args), "--no-html"])
    assert result.exit_code == 0, result.output
    found = re.search(r"analysed: (\d+)  from cache: (\d+)", result.stdout)
    assert found, result.stdout
    return int(found[1]), int(found[2])


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pages(tmp_path_factory.mktemp("pages") / "corpus")


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """One process, no cache: what every other way must reproduce."""
    out = tmp_path_factory.mktemp("clean")
    assert kg_build(corpus, "-o", out, "-j", "1", "--no-cache") == (3, 0)
    assert not (out / ".kg-cache").exists()
    return outputs(out)


def test_the_reference_build_has_facts(clean: dict[str, bytes]) -> None:
    assert "襄阳市总工会" in clean["graph.ttl"].decode("utf-8")
    assert json.loads(clean["report.json"])["summary"]["documents"] == 3


@pytest.mark.parametrize(
    "way",
    [
        pytest.param(["-j", "2"], id="two-workers"),
        pytest.param([], id="default-every-core-with-cache"),
        pytest.param(["-j", "1", "--shuffled"], id="shuffled-input-order"),
    ],
)
def test_every_way_gives_the_same_bytes(
    way: list[str], corpus: Path, clean: dict[str, bytes], tmp_path: Path
) -> None:
    inputs: list[Path] = [corpus]
    if "--shuffled" in way:
        way = [w for w in way if w != "--shuffled"]
        inputs = [corpus / "c.txt", corpus / "a.txt", corpus / "b.txt"]
    assert kg_build(*inputs, "-o", tmp_path, *way) == (3, 0)
    assert outputs(tmp_path) == clean


def test_a_dask_local_cluster_gives_the_same_bytes(
    corpus: Path, clean: dict[str, bytes], tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    assert kg_build(corpus, "-o", tmp_path, "--dask", "local:2") == (3, 0)
    assert outputs(tmp_path) == clean
    # nothing new: the cache answers and no cluster is needed
    assert kg_build(corpus, "-o", tmp_path, "--dask", "local:2") == (0, 3)
    assert outputs(tmp_path) == clean


def test_incremental_builds_equal_clean_builds(tmp_path: Path) -> None:
    corpus = write_pages(tmp_path / "corpus", "ab")
    out = tmp_path / "out"
    assert kg_build(corpus, "-o", out, "-j", "1") == (2, 0)
    assert (out / ".kg-cache").is_dir()
    write_pages(corpus, "c")  # adding a document analyses only it
    assert kg_build(corpus, "-o", out, "-j", "1") == (1, 2)
    assert kg_build(corpus, "-o", tmp_path / "abc", "-j", "1", "--no-cache") == (3, 0)
    assert outputs(out) == outputs(tmp_path / "abc")
    (corpus / "a.txt").unlink()  # removing one analyses nothing and drops its facts
    assert kg_build(corpus, "-o", out, "-j", "1") == (0, 2)
    assert kg_build(corpus, "-o", tmp_path / "bc", "-j", "1", "--no-cache") == (2, 0)
    assert outputs(out) == outputs(tmp_path / "bc")
    assert "王冰" in PAGES["a"] and "王冰" not in (out / "graph.ttl").read_text(encoding="utf-8")
    assert kg_build(corpus, "-o", out, "-j", "1", "--full") == (2, 0)
    assert outputs(out) == outputs(tmp_path / "bc")


@pytest.mark.parametrize(
    ("option", "code"), [(["-j", "0"], "E514"), (["--dask", "local:many"], "E512")]
)
def test_bad_parallel_options_are_usage_errors(
    option: list[str], code: str, corpus: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path), *option])
    assert result.exit_code == 2, result.output
    assert code in result.stderr
    assert not (tmp_path / "report.json").exists()


def test_a_killed_build_leaves_cache_and_outputs_usable(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(24):  # enough pages that the kill lands mid-analysis
        name = "abc"[i % 3]
        (corpus / f"p{i:02d}.txt").write_text(
            PAGES[name].replace("7月", f"{i % 12 + 1}月"), encoding="utf-8"
        )
    out = tmp_path / "out"
    kg_build(corpus / "p00.txt", corpus / "p01.txt", "-o", out, "-j", "1")
    previous = outputs(out)
    entries = out / ".kg-cache"
    command = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "-j", "2", "-q"]
    with subprocess.Popen(command, start_new_session=True) as build:
        deadline = time.monotonic() + 120
        while len(list(entries.glob("v*/*/*.json"))) < 6 and time.monotonic() < deadline:
            if build.poll() is not None:
                break
            time.sleep(0.01)
        os.kill(build.pid, signal.SIGKILL)  # the build process only, not its workers
        assert build.wait(timeout=30) == -signal.SIGKILL, "the build ended before the kill"
        try:  # its worker processes notice and exit
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                os.killpg(build.pid, 0)
                time.sleep(0.1)
            raise AssertionError("worker processes outlived the killed build")
        except ProcessLookupError:
            pass
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(build.pid, signal.SIGKILL)
    # the previous outputs are untouched, every cache entry is whole
    assert outputs(out) == previous
    cache = DocumentCache(entries)
    keys = [json.loads(p.read_bytes())["key"] for p in entries.glob("v*/*/*.json")]
    assert len(keys) >= 6
    assert all(cache.get(key) is not None for key in keys)
    # the next build reuses them and gives what a clean build gives
    assert kg_build(corpus, "-o", out, "-j", "1") == (24 - len(keys), len(keys))
    assert kg_build(corpus, "-o", tmp_path / "ref", "-j", "1", "--no-cache") == (24, 0)
    assert outputs(out) == outputs(tmp_path / "ref")
