"""Interrupted builds: killed at every point of the output swap, OUT still holds one
whole set (the previous or the new one) and the next build works."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.ingest import parse_text
from kg.output import STOP_AT_ENV, current_run, write_outputs, writers
from kg.pipeline import BuildResult, build_documents

OLD = "昌平区总工会党组书记、常务副主席王冰说。北京市总工会在昌平区举办职工技能大赛。\n"
NEW = "西安市总工会主席薛振虎在会上讲话，陕西省总工会在西安市举行劳模表彰大会。\n"
OLD_FORMATS = ["turtle"]
NEW_FORMATS = ["turtle", "nt"]  # the new set has a file the old one lacks
# No Oxigraph store in these sets: the child is forked from a process whose pyoxigraph
# threads hold locks, and RocksDB deadlocks in a forked child (the store's own atomicity
# is the output swap's, tested with the real kg build below).

# Every point write_outputs passes, in order (kg.output._checkpoint).
POINTS = [
    "staged:graph.html",
    "staged:graph.nt",
    "staged:graph.ttl",
    "staged:report.json",
    "renamed",
    "linked",
    "swapped",
]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def observed_set(out: Path) -> dict[str, str]:
    """What a reader sees through the user-facing names, checked to be one whole set."""
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    seen = {name: _sha(out / name) for name in report["sha256"]}
    assert seen == report["sha256"], "a file differs from the set its report.json lists"
    listed = set(report["outputs"].values())
    for writer in writers().values():  # nothing readable outside the set
        if (out / writer.filename).exists():
            assert writer.filename in listed, writer.filename
    return seen


@pytest.fixture(scope="module")
def results() -> tuple[BuildResult, BuildResult]:
    old = build_documents([parse_text(OLD, source="old.txt", document_id="old")])
    new = build_documents([parse_text(NEW, source="new.txt", document_id="new")])
    return old, new


@pytest.fixture(scope="module")
def sets(tmp_path_factory, results) -> tuple[Path, dict, dict]:
    """OUT holding the old set, and the hashes of the old and the new set."""
    old, new = results
    base = tmp_path_factory.mktemp("interrupt")
    write_outputs(old, base / "old", formats=OLD_FORMATS, store=False)
    write_outputs(new, base / "new", formats=NEW_FORMATS, store=False)
    return base / "old", observed_set(base / "old"), observed_set(base / "new")


def _interrupted_child(out: Path, result: BuildResult, point: str, sig: int) -> int:
    """Fork a process that writes ``result`` into ``out`` and stops itself at ``point``;
    send it ``sig`` there. Returns the child's wait status."""
    pid = os.fork()
    if pid == 0:  # the child: a real process killed by a real signal
        code = 0
        try:
            os.environ[STOP_AT_ENV] = point
            write_outputs(result, out, formats=NEW_FORMATS, store=False)
        except KeyboardInterrupt:
            code = 130
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), f"the build never reached {point}"
    os.kill(pid, sig)
    os.kill(pid, signal.SIGCONT)
    _, status = os.waitpid(pid, 0)
    return status


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
@pytest.mark.parametrize("point", POINTS)
def test_killed_at_each_point_leaves_one_whole_set(
    tmp_path: Path, sets, results, point: str, sig: int
) -> None:
    template, old_set, new_set = sets
    out = tmp_path / "out"
    shutil.copytree(template, out, symlinks=True)
    status = _interrupted_child(out, results[1], point, sig)
    if sig == signal.SIGKILL:
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    else:
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 130
    seen = observed_set(out)
    assert seen in (old_set, new_set)
    # before the swap a reader sees the old set, from it on the new one
    assert seen == (new_set if point == "swapped" else old_set)
    if sig == signal.SIGINT and point.startswith("staged:"):
        assert not [p for p in (out / ".kg" / "runs").iterdir() if p.suffix == ".tmp"]
    write_outputs(results[1], out, formats=NEW_FORMATS, store=False)  # the next build works
    assert observed_set(out) == new_set
    assert [p.name for p in (out / ".kg" / "runs").iterdir()] == [current_run(out).name]


def _wait_stopped(pid: int, timeout: float = 240) -> None:
    """Wait until process ``pid`` is stopped (state T in /proc)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state in "Tt":
            return
        time.sleep(0.05)
    raise AssertionError("kg build never reached the stop point")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_interrupted_kg_build_keeps_the_old_set_and_made_no_network_call(
    tmp_path: Path, sets, results
) -> None:
    """A real ``kg build`` interrupted (Ctrl-C) mid-write: no traceback, the old set
    intact, the next build completes; and the whole analysis reached no network."""
    template, old_set, new_set = sets
    out = tmp_path / "out"
    shutil.copytree(template, out, symlinks=True)
    source = tmp_path / "new.txt"
    source.write_text(NEW, encoding="utf-8")
    log = tmp_path / "network.log"
    args = ["build", str(source), "-o", str(out), "-f", "ttl", "-f", "nt", "-q"]
    env = dict(os.environ, **{STOP_AT_ENV: "staged:graph.ttl"})
    proc = subprocess.Popen(
        [sys.executable, "-c", AUDITED, str(log), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_stopped(proc.pid)
        proc.send_signal(signal.SIGINT)
        os.kill(proc.pid, signal.SIGCONT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert observed_set(out) == old_set
    assert not log.exists(), log.read_text()
    write_outputs(results[1], out, formats=NEW_FORMATS, store=False)  # the next build works
    assert observed_set(out) == new_set


#: ``python -c AUDITED LOG ARGS...`` runs ``kg ARGS...`` and appends every network call
#: (an Internet-address connect, a name lookup, a URL opened) to LOG; the hook is
#: inherited by forked workers.
AUDITED = r"""
import os, sys
log = sys.argv.pop(1)
def hook(event, args):
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "urllib.Request") or (
        event in ("socket.connect", "socket.sendto") and isinstance(args[1], tuple)
    ):
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.write(fd, f"{event} {args[1:]!r}\n".encode())
        os.close(fd)
sys.addaudithook(hook)
sys.argv[0] = "kg"
from kg.cli import main
main()
"""
