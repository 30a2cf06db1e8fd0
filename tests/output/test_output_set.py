"""The output set (kg.output): staged, swapped whole, locked, and failing cleanly."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import OutputError
from kg.ingest import parse_text
from kg.output import CURRENT, current_run, register_writer, write_outputs, writers
from kg.pipeline import BuildResult, build_documents

runner = CliRunner()

TEXT = "昌平区总工会党组书记、常务副主席王冰说。北京市总工会在昌平区举办职工技能大赛。\n"
OTHER = "西安市总工会主席薛振虎在会上讲话，陕西省总工会在西安市举行劳模表彰大会。\n"


def _build(text: str) -> BuildResult:
    return build_documents([parse_text(text, source="t.txt", document_id="t")])


@pytest.fixture(scope="module")
def result() -> BuildResult:
    return _build(TEXT)


@pytest.fixture(scope="module")
def other() -> BuildResult:
    return _build(OTHER)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_consistent(out: Path) -> dict:
    """The user-facing files are the set report.json describes, byte for byte."""
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for name, digest in report["sha256"].items():
        assert _sha(out / name) == digest, name
    return report


def test_outputs_resolve_through_one_current_link(tmp_path: Path, result: BuildResult) -> None:
    written = write_outputs(result, tmp_path, formats=["turtle", "nt"])
    assert sorted(written) == ["html", "nt", "report", "store", "turtle"]
    run = current_run(tmp_path)
    assert run is not None and run.parent == tmp_path / ".kg" / "runs"
    for name in ("graph.ttl", "graph.nt", "graph.html", "report.json"):
        link = tmp_path / name
        assert link.is_symlink() and os.readlink(link) == f"{CURRENT}/{name}"
        assert link.resolve() == run / name
    report = _assert_consistent(tmp_path)
    assert set(report["sha256"]) == {"graph.ttl", "graph.nt", "graph.html"}
    assert "王冰" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")


def test_rebuild_swaps_the_set_and_removes_old_runs_and_links(
    tmp_path: Path, result: BuildResult, other: BuildResult
) -> None:
    write_outputs(result, tmp_path, formats=["turtle", "nt"])
    first = current_run(tmp_path)
    stale = tmp_path / ".kg" / "runs" / "20000101T000000Z-dead.tmp"  # a killed build's
    stale.mkdir()
    (stale / "graph.ttl").write_text("half", encoding="utf-8")
    write_outputs(other, tmp_path, formats=["turtle"], html=False)
    second = current_run(tmp_path)
    assert second != first
    assert [p.name for p in (tmp_path / ".kg" / "runs").iterdir()] == [second.name]
    assert not (tmp_path / "graph.nt").is_symlink() and not (tmp_path / "graph.html").exists()
    assert "薛振虎" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert _assert_consistent(tmp_path)["outputs"] == {"store": "store", "turtle": "graph.ttl"}


def test_same_result_gives_byte_identical_sets(tmp_path: Path, result: BuildResult) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write_outputs(result, a, formats=["turtle", "nt", "json-ld"])
    write_outputs(result, b, formats=["json-ld", "nt", "turtle"])
    write_outputs(result, b, formats=["json-ld", "nt", "turtle"])  # rebuilt in place
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.html", "report.json"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_files_of_an_older_kg_are_replaced_by_links(tmp_path: Path, result: BuildResult) -> None:
    (tmp_path / "graph.ttl").write_text("old", encoding="utf-8")
    (tmp_path / "report.json").write_text("{}", encoding="utf-8")
    write_outputs(result, tmp_path, html=False)
    assert (tmp_path / "graph.ttl").is_symlink()
    _assert_consistent(tmp_path)


def test_registered_writer_joins_the_set(tmp_path: Path, result: BuildResult, registry) -> None:
    import networkx as nx

    def write_graphml(res: BuildResult, path: Path) -> None:
        G = nx.MultiDiGraph()
        G.add_nodes_from(res.graph.nodes)
        G.add_edges_from((u, v) for u, v in res.graph.edges())
        nx.write_graphml(G, path)

    register_writer("test-graphml", "graph.test.graphml", write_graphml)
    written = write_outputs(result, tmp_path, formats=["turtle", "test-graphml"])
    assert written["test-graphml"] == tmp_path / "graph.test.graphml"
    G = nx.read_graphml(tmp_path / "graph.test.graphml")
    assert G.number_of_nodes() == result.graph.number_of_nodes() > 0
    assert "graph.test.graphml" in _assert_consistent(tmp_path)["sha256"]
    assert "test-graphml" in writers()


def test_lazy_directory_writer(tmp_path: Path, result: BuildResult, registry) -> None:
    register_writer("test-dir", "testdir", "tests_output_writer:write_dir")
    sys.path.insert(0, str(tmp_path))
    (tmp_path / "tests_output_writer.py").write_text(
        "def write_dir(result, path):\n"
        "    path.mkdir()\n"
        "    (path / 'n.txt').write_text(str(result.graph.number_of_nodes()))\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    try:
        write_outputs(result, out, formats=["test-dir"], html=False)
        assert (out / "testdir").is_symlink()
        assert (out / "testdir" / "n.txt").read_text() == str(result.graph.number_of_nodes())
    finally:
        sys.path.remove(str(tmp_path))


@pytest.mark.parametrize(
    "name, filename", [("x", "report.json"), ("x", "current"), ("x", ".kg"), ("x", "a/b")]
)
def test_reserved_file_names_are_refused(name: str, filename: str, registry) -> None:
    with pytest.raises(ValueError):
        register_writer(name, filename, lambda result, path: None)


def test_two_formats_cannot_share_a_file(registry) -> None:
    with pytest.raises(ValueError, match=r"graph\.ttl"):
        register_writer("turtle2", "graph.ttl", lambda result, path: None)


def test_unknown_format_is_a_coded_error(tmp_path: Path, result: BuildResult) -> None:
    with pytest.raises(OutputError, match=r"E203.*'rdfxml'"):
        write_outputs(result, tmp_path, formats=["rdfxml"])


def _hold_lock(out: Path) -> subprocess.Popen:
    """Another process holding OUT's build lock (the real flock, not a mock)."""
    (out / ".kg").mkdir(parents=True, exist_ok=True)
    code = (
        "import fcntl, sys\n"
        f"fd = open({str(out / '.kg' / 'lock')!r}, 'a')\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_concurrent_build_is_refused(tmp_path: Path, result: BuildResult) -> None:
    write_outputs(result, tmp_path, html=False)
    before = current_run(tmp_path)
    holder = _hold_lock(tmp_path)
    try:
        with pytest.raises(OutputError, match="E402") as info:
            write_outputs(result, tmp_path, html=False)
        assert str(tmp_path) in str(info.value)
        cli = runner.invoke(app, ["build", "-", "-o", str(tmp_path)])
        assert cli.exit_code == 1 and "E402" in cli.stderr
        assert "Traceback" not in cli.output
    finally:
        holder.communicate("")
    assert current_run(tmp_path) == before
    write_outputs(result, tmp_path, html=False)  # free again once the other build ends
    assert current_run(tmp_path) != before


def _limit_file_size(limit: int):
    """Make the kernel refuse writes past ``limit`` bytes (EFBIG), for this process."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))

    def restore() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)

    return restore


def test_a_failed_write_is_one_coded_error_and_keeps_the_old_set(
    tmp_path: Path, result: BuildResult, other: BuildResult
) -> None:
    write_outputs(result, tmp_path)
    before = {n: (tmp_path / n).read_bytes() for n in ("graph.ttl", "graph.html", "report.json")}
    restore = _limit_file_size(4096)  # graph.ttl fits nowhere near
    try:
        with pytest.raises(OutputError, match="E401") as info:
            write_outputs(other, tmp_path)
    finally:
        restore()
    assert os.strerror(errno.EFBIG) in str(info.value)
    assert info.value.path and Path(info.value.path).parent.name.endswith(".tmp")
    assert {n: (tmp_path / n).read_bytes() for n in before} == before
    assert [p.name for p in (tmp_path / ".kg" / "runs").iterdir()] == [current_run(tmp_path).name]


INNER_DISK_FULL = r"""
import json, os, pickle, sys
from kg.errors import OutputError
from kg.output import write_outputs
out, pickled = sys.argv[1], sys.argv[2]
with open(pickled, "rb") as fh:
    first, second = pickle.load(fh)
write_outputs(first, out)
before = {n: open(os.path.join(out, n), "rb").read() for n in ("graph.ttl", "report.json")}
filler = os.path.join(os.path.dirname(out), "filler")
try:  # fill the disk, then give back a few kilobytes
    with open(filler, "wb") as fh:
        while True:
            fh.write(b"\0" * 4096)
            fh.flush()
except OSError:
    pass
os.truncate(filler, os.path.getsize(filler) - 16384)
try:
    write_outputs(second, out)
    error = None
except OutputError as err:
    error = str(err)
kept = all(open(os.path.join(out, n), "rb").read() == b for n, b in before.items())
runs = os.listdir(os.path.join(out, ".kg", "runs"))
print(json.dumps({"error": error, "kept": kept, "runs": runs}))
"""


def test_disk_full_is_one_coded_error_naming_the_path(
    tmp_path: Path, result: BuildResult, other: BuildResult
) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("needs util-linux unshare to mount a small tmpfs")
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {tmp_path}"],
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip("cannot mount a private tmpfs here (no user namespaces)")
    disk = tmp_path / "disk"
    disk.mkdir()
    (tmp_path / "results.pickle").write_bytes(pickle.dumps((result, other)))
    (tmp_path / "inner.py").write_text(INNER_DISK_FULL, encoding="utf-8")
    mount = f'mount -t tmpfs -o size=8m tmpfs {disk} && "$@"'
    inner = [sys.executable, str(tmp_path / "inner.py"), str(disk / "out")]
    proc = subprocess.run(
        ["unshare", "-rm", "sh", "-c", mount, "sh", *inner, str(tmp_path / "results.pickle")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["error"] and got["error"].startswith("[E401]"), got
    assert "disk full" in got["error"] and str(disk / "out" / ".kg" / "runs") in got["error"]
    assert got["kept"] and len(got["runs"]) == 1, got
