"""Writers in forked processes (``write_outputs(..., jobs=2)``): the same bytes, and a
failure in a writer process is the build's error."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

import pytest

from kg.errors import OutputError
from kg.ingest import parse_text
from kg.output import current_run, register_writer, write_outputs
from kg.pipeline import BuildResult, build_documents
from kg.rdf.store import open_store

TEXTS = [
    "昌平区总工会党组书记、常务副主席王冰说。北京市总工会在昌平区举办职工技能大赛。\n",
    "西安市总工会主席薛振虎在会上讲话，陕西省总工会在西安市举行劳模表彰大会。\n",
]


@pytest.fixture(scope="module")
def result() -> BuildResult:
    documents = [
        parse_text(text, source=f"t{i}.txt", document_id=f"t{i}") for i, text in enumerate(TEXTS)
    ]
    return build_documents(documents)


def _files(out: Path) -> dict[str, str]:
    run = current_run(out)
    return {
        p.relative_to(run).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(run.rglob("*"))
        if p.is_file() and "store" not in p.parts
    }


def _quads(out: Path) -> list[str]:
    store = open_store(out / "store")
    return sorted(str(q) for q in store.quads_for_pattern(None, None, None, None))


def test_writer_processes_write_the_same_bytes(tmp_path: Path, result: BuildResult) -> None:
    formats = ["turtle", "nt", "json-ld", "graphml"]
    one = write_outputs(result, tmp_path / "one", formats=formats, jobs=1)
    three = write_outputs(result, tmp_path / "three", formats=formats, jobs=3)
    assert sorted(one) == sorted(three)
    assert _files(tmp_path / "one") == _files(tmp_path / "three")
    assert len(_files(tmp_path / "one")) >= 6
    assert _quads(tmp_path / "one") == _quads(tmp_path / "three") != []


@pytest.mark.parametrize(("jobs", "elsewhere"), [(1, False), (2, True)])
def test_a_forkable_writer_runs_in_another_process_only_with_jobs(
    tmp_path: Path, result: BuildResult, registry, jobs: int, elsewhere: bool
) -> None:
    def write_pid(r: BuildResult, path: Path) -> None:
        path.write_text(str(os.getpid()), encoding="utf-8")

    register_writer("pid", "pid.txt", write_pid, forkable=True)
    write_outputs(result, tmp_path, formats=["pid"], html=False, store=True, jobs=jobs)
    assert (int((tmp_path / "pid.txt").read_text()) != os.getpid()) is elsewhere
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert "pid.txt" in report["sha256"]


def _disk_full(result: BuildResult, path: Path) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


def _dies(result: BuildResult, path: Path) -> None:
    os._exit(3)


def _bad_value(result: BuildResult, path: Path) -> None:
    raise ValueError("no such layout")


@pytest.mark.parametrize(
    ("writer", "error", "match"),
    [
        (_disk_full, OutputError, r"\[E401\].*disk full"),
        (_dies, OutputError, r"\[E404\].*broken.*exit code 3"),
        (_bad_value, ValueError, "no such layout"),
    ],
)
def test_a_failing_writer_process_fails_the_build_and_keeps_the_old_set(
    tmp_path: Path, result: BuildResult, registry, writer, error, match
) -> None:
    write_outputs(result, tmp_path, jobs=2)
    before = _files(tmp_path)
    register_writer("broken", "broken.txt", writer, forkable=True)
    with pytest.raises(error, match=match) as info:
        write_outputs(result, tmp_path, formats=["turtle", "broken"], jobs=2)
    if writer is _disk_full:
        assert info.value.path and info.value.path.endswith("broken.txt")
    assert _files(tmp_path) == before
    assert len(list((tmp_path / ".kg" / "runs").iterdir())) == 1
