"""The output set of a build, written whole or not at all.

Every output (``graph.ttl``, ``graph.html``, other formats, ``store/``, ``report.json``)
is written into a fresh staging directory ``OUT/.kg/runs/<id>.tmp``, renamed to
``OUT/.kg/runs/<id>`` when complete, and published by swapping one symlink,
``OUT/current``, with a single ``rename``. The user-facing names ``OUT/graph.ttl`` … are
symlinks through ``current``, so a reader sees either the previous set or the new one,
never a mix. An interrupted or failed build leaves the previous set in place.

Writers are a registry (after rdflib's plugin registry): a format name maps to the file
name it produces and to a function ``write(result, path)`` that writes that one file or
directory at ``path`` inside the staging directory. Register a new one with
:func:`register_writer`, eagerly (a function) or lazily (``"module:function"``).

A lock on ``OUT/.kg/lock`` (``fcntl.flock``) refuses a second concurrent build into the
same OUT with :class:`~kg.errors.OutputError` ``E402``; a failed write (disk full, …)
becomes ``E401`` naming the path.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import fcntl
import hashlib
import importlib
import json
import logging
import multiprocessing
import os
import secrets
import shutil
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import Errors, OutputError
from kg.io import atomic_write_text
from kg.memory import cyclic_gc_paused

if TYPE_CHECKING:
    from kg.pipeline import BuildResult

__all__ = [
    "CURRENT",
    "REPORT",
    "STATE_DIR",
    "Writer",
    "WriterFunc",
    "current_run",
    "output_lock",
    "previous_output",
    "register_writer",
    "write_outputs",
    "writer_jobs",
    "writer_names",
    "writers",
]

log = logging.getLogger(__name__)

WriterFunc = Callable[["BuildResult", Path], Any]
"""``write(result, path)``: write one file or directory at ``path`` (return value unused)."""

STATE_DIR = ".kg"
"""Hidden folder in OUT holding the lock and the runs (``.kg/runs/<id>``)."""
CURRENT = "current"
"""Symlink in OUT to the published run; every user-facing name resolves through it."""
REPORT = "report.json"
"""Written last in every run: summary, documents, problems, outputs and their sha256."""

#: Set to a point name (see ``_checkpoint``) to stop the process there with SIGSTOP, so
#: the interrupt test can kill a build at an exact point of the swap.
STOP_AT_ENV = "KG_OUTPUT_STOP_AT"


@dataclass(frozen=True)
class Writer:
    """One registered output: ``name`` (format), ``filename`` in OUT, and its function.

    ``forkable``: the writer runs only Python code and libraries that survive a
    ``fork`` (no Oxigraph or RocksDB threads), so with ``jobs > 1`` it may run in a forked
    process beside the others. ``reads_table``: it writes from the build's triple table
    (:mod:`kg.rdf.table`), which is then made once, before any fork.
    """

    name: str
    filename: str
    target: WriterFunc | str
    forkable: bool = False
    reads_table: bool = False

    def load(self) -> WriterFunc:
        """The writing function, importing ``"module:function"`` targets on first use."""
        if callable(self.target):
            return self.target
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


_WRITERS: dict[str, Writer] = {}


def register_writer(
    name: str,
    filename: str,
    target: WriterFunc | str | None = None,
    *,
    forkable: bool = False,
    reads_table: bool = False,
):
    """Register the writer of format ``name``, producing ``filename`` in OUT.

    Parameters
    ----------
    name
        Format name, as passed in ``write_outputs(formats=...)``.
    filename
        Name of the file or directory the writer creates (``"graph.graphml"``,
        ``"store"``); it becomes ``OUT/<filename>``, a symlink through ``OUT/current``.
    target
        ``write(result, path)``, or ``"module:function"`` imported on first use. When
        omitted, returns a decorator.
    forkable
        It may run in a forked process while other writers run (``write_outputs(...,
        jobs=2)``); only for a writer that starts no threads of a native library that
        a fork breaks (Oxigraph's RocksDB is one).
    reads_table
        It writes from the triple table (``_table_of(result)``), made once for every
        writer that reads it.

    Returns
    -------
    The target (or a decorator registering its function).

    Examples
    --------
    >>> @register_writer("example-count", "count.txt")
    ... def _write_count(result, path):
    ...     path.write_text(str(result.graph.number_of_nodes()), encoding="utf-8")
    >>> writers()["example-count"].filename
    'count.txt'
    >>> _ = _WRITERS.pop("example-count")
    """
    if filename in (REPORT, CURRENT, STATE_DIR) or "/" in filename or filename.startswith("."):
        raise ValueError(f"reserved or invalid output file name {filename!r}")
    if target is None:

        def decorator(func: WriterFunc) -> WriterFunc:
            register_writer(name, filename, func, forkable=forkable, reads_table=reads_table)
            return func

        return decorator
    taken = {w.filename: w.name for w in _WRITERS.values()}
    if taken.get(filename, name) != name:
        raise ValueError(f"{filename!r} is already written by format {taken[filename]!r}")
    _WRITERS[name] = Writer(name, filename, target, forkable, reads_table)
    return target


def writers() -> dict[str, Writer]:
    """The registered writers by format name (a copy)."""
    return dict(_WRITERS)


def writer_names() -> list[str]:
    """Sorted registered format names.

    Examples
    --------
    >>> {"turtle", "nt", "json-ld", "html"} <= set(writer_names())
    True
    """
    return sorted(_WRITERS)


#: While a run is staged: its RDF export (the triple table, and the rdflib graph if a
#: writer needs one), made once for every RDF writer (Turtle, the store, …) instead of
#: once per writer, and dropped when the run is staged.
_SHARED_RDF: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "kg_shared_rdf", default=None
)


def _shared(result: BuildResult, name: str, make: Callable[[Any], Any]) -> Any:
    """``make(result.graph)``, made once per run and ``name``."""
    memo = _SHARED_RDF.get()
    if memo is None:
        return make(result.graph)
    if memo.get("result") is not result:
        memo.clear()
        memo["result"] = result
    if name not in memo:
        memo[name] = make(result.graph)
    return memo[name]


def _table_of(result: BuildResult) -> Any:
    """The triples of ``result`` (:func:`kg.rdf.table.model_table`), shared within a run."""
    from kg.rdf.table import model_table

    return _shared(result, "table", model_table)


def _rdf_of(result: BuildResult) -> Any:
    """The rdflib graph of ``result`` (:func:`kg.rdf.to_rdf`), shared within one run."""
    from kg.rdf.export import to_rdf

    return _shared(result, "rdf", to_rdf)


def _rdf_chunks(result: BuildResult, fmt: str) -> Iterable[bytes]:
    """Turtle and N-Triples straight from the triple table (no rdflib graph; Turtle
    written as it is made), the rest (and Turtle the fast rules do not cover) through
    rdflib."""
    from kg.rdf import table
    from kg.rdf.export import serialize

    if fmt == "nt":
        return (table.ntriples(_table_of(result)),)
    if fmt == "turtle":
        chunks = table.turtle_chunks(_table_of(result))
        if chunks is not None:
            return chunks
    return (serialize(_rdf_of(result), fmt),)


def _rdf_writer(fmt: str) -> WriterFunc:
    def write(result: BuildResult, path: Path) -> None:
        from kg.io import atomic_write_chunks

        atomic_write_chunks(path, _rdf_chunks(result, fmt))

    write.__name__ = f"write_{fmt.replace('-', '_')}"
    return write


def _write_store(result: BuildResult, path: Path) -> None:
    from kg.rdf.store import write_store

    previous = previous_output(path.name)
    write_store(_table_of(result), path, previous=previous, jobs=writer_jobs())


#: While a run is staged: the run it replaces (``OUT/current``), if any.
_PREVIOUS_RUN: contextvars.ContextVar[Path | None] = contextvars.ContextVar(
    "kg_previous_run", default=None
)


#: While a run is staged: the processes its writers may use (``write_outputs(jobs=)``).
_JOBS: contextvars.ContextVar[int] = contextvars.ContextVar("kg_writer_jobs", default=1)


def writer_jobs() -> int:
    """In a writer: the processes or threads it may use (``write_outputs(..., jobs=N)``;
    1 outside a run)."""
    return _JOBS.get()


def previous_output(filename: str) -> Path | None:
    """In a writer: its output of the build being replaced (``OUT/current/<filename>``),
    if there is one, to start from (e.g. the store, updated where it changed)."""
    run = _PREVIOUS_RUN.get()
    if run is None or not (run / filename).exists():
        return None
    return run / filename


def _write_html(result: BuildResult, path: Path) -> None:
    from kg.views import write_html

    write_html(result.graph, path, title="kg — union news graph")


register_writer("turtle", "graph.ttl", _rdf_writer("turtle"), forkable=True, reads_table=True)
register_writer("nt", "graph.nt", _rdf_writer("nt"), forkable=True, reads_table=True)
register_writer("json-ld", "graph.jsonld", _rdf_writer("json-ld"), forkable=True)
register_writer("html", "graph.html", _write_html, forkable=True)
# kg.exports: GraphML (Gephi, yEd), GEXF (Gephi), CSV (neo4j-admin import)
register_writer("graphml", "graph.graphml", "kg.exports:graphml_writer", forkable=True)
register_writer("gexf", "graph.gexf", "kg.exports:gexf_writer", forkable=True)
register_writer("csv", "neo4j", "kg.exports:neo4j_writer", forkable=True)
# Oxigraph, RocksDB (kg.rdf.store)
register_writer("store", "store", _write_store, reads_table=True)


# -- lock ---------------------------------------------------------------------------

# realpath of a held lock file -> its descriptor / nesting depth (the lock is re-entrant
# within a process: the CLI holds it over the whole build, write_outputs takes it again).
_HELD: dict[str, int] = {}
_DEPTH: dict[str, int] = {}


@contextlib.contextmanager
def output_lock(out_dir: str | os.PathLike[str]) -> Iterator[Path]:
    """Hold the exclusive build lock of ``out_dir`` (re-entrant within a process).

    Raises :class:`~kg.errors.OutputError` ``E402`` at once if another process holds it.

    Examples
    --------
    >>> import tempfile
    >>> out = tempfile.mkdtemp()
    >>> with output_lock(out) as lock:
    ...     with output_lock(out):
    ...         lock.name
    'lock'
    """
    out = Path(out_dir)
    state = out / STATE_DIR
    try:
        state.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _write_error(err, state) from err
    lock = state / "lock"
    key = os.path.realpath(lock)
    if key in _HELD:
        _DEPTH[key] += 1
        try:
            yield lock
        finally:
            _DEPTH[key] -= 1
        return
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as err:
        raise _write_error(err, lock) from err
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputError(Errors.E402.format(out=out, lock=lock)) from None
    _HELD[key], _DEPTH[key] = fd, 1
    try:
        yield lock
    finally:
        del _HELD[key], _DEPTH[key]
        os.close(fd)  # closing the descriptor releases the lock


# -- writing ------------------------------------------------------------------------


def current_run(out_dir: str | os.PathLike[str]) -> Path | None:
    """The run directory ``OUT/current`` points to, or None before the first build."""
    current = Path(out_dir) / CURRENT
    if not current.is_symlink():
        return None
    return (Path(out_dir) / os.readlink(current)).resolve()


def write_outputs(
    result: BuildResult,
    out_dir: str | os.PathLike[str],
    *,
    formats: Iterable[str] = ("turtle",),
    html: bool = True,
    store: bool = True,
    jobs: int = 1,
) -> dict[str, Path]:
    """Write the output set of ``result`` into ``out_dir`` and publish it atomically.

    Parameters
    ----------
    result
        A finished build (:func:`kg.pipeline.build_corpus`).
    out_dir
        Output folder; created if missing.
    formats
        Registered format names (:func:`writer_names`), e.g. ``("turtle", "nt")``.
    html
        Also write the ``"html"`` view (``graph.html``).
    store
        Also write the ``"store"`` (``store/``, the Oxigraph store :mod:`kg.rdf.store`).
    jobs
        Processes to write with: above 1 (where ``fork`` exists), the forkable writers
        run in up to ``jobs - 1`` forked processes while this one writes the others
        (the store, loaded by ``jobs`` threads: :func:`writer_jobs`). The same bytes
        either way.

    Returns
    -------
    dict
        Format name (and ``"report"``) → user-facing path in ``out_dir``. The same result
        gives byte-identical files.

    Raises
    ------
    OutputError
        ``E401`` when a file cannot be written (the previous set stays), ``E402`` when
        another build holds the lock, ``E403`` when a writer wrote nothing, ``E203`` for
        an unknown format.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from kg.pipeline import build_documents
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> written = write_outputs(build_documents([]), out, html=False, store=False)
    >>> sorted(written), (out / "graph.ttl").is_symlink(), os.readlink(out / "graph.ttl")
    (['report', 'turtle'], True, 'current/graph.ttl')
    """
    names = sorted(set(formats) | ({"html"} if html else set()) | ({"store"} if store else set()))
    unknown = [n for n in names if n not in _WRITERS]
    if unknown:
        raise OutputError(Errors.E203.format(fmt=unknown[0], choices=writer_names()))
    selected = [_WRITERS[n] for n in names]
    out = Path(out_dir)
    with output_lock(out):
        runs = out / STATE_DIR / "runs"
        run_id = f"{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{secrets.token_hex(4)}"
        staging = runs / f"{run_id}.tmp"
        final = runs / run_id
        try:
            staging.mkdir(parents=True)
            previous = _PREVIOUS_RUN.set(current_run(out))
            processes = _JOBS.set(jobs)
            try:
                with cyclic_gc_paused():  # the writers make many small acyclic objects
                    report = _stage(result, selected, staging, jobs)
            finally:
                _JOBS.reset(processes)
                _PREVIOUS_RUN.reset(previous)
            atomic_write_text(staging / REPORT, report)
            _checkpoint(f"staged:{REPORT}")
            _fsync_dir(staging)
            os.rename(staging, final)
            _fsync_dir(runs)
            _checkpoint("renamed")
        except BaseException as err:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(err, OSError):
                raise _write_error(err, staging) from err
            raise
        try:
            filenames = [w.filename for w in selected] + [REPORT]
            _publish(out, final, filenames)
        except OSError as err:
            raise _write_error(err, out / CURRENT) from err
        _cleanup(runs, keep=final)
    return {w.name: out / w.filename for w in selected} | {"report": out / REPORT}


def _stage(result: BuildResult, selected: list[Writer], staging: Path, jobs: int = 1) -> str:
    """Run every writer into ``staging``; return the report text (written last)."""
    checksums: dict[str, str] = {}
    shared = _SHARED_RDF.set({})
    try:
        here, *away = _lanes(selected, jobs)
        if away and any(w.reads_table for w in selected):
            _table_of(result)  # made once, before the fork, for every writer of both sides
        lanes = [_ForkedLane(lane, result, staging) for lane in away]
        try:
            for writer in here:
                _run_writer(writer, result, staging)
        except BaseException:
            for lane in lanes:
                lane.cancel()
            raise
        failures = []
        for lane in lanes:  # every one waited for, the first failure raised
            try:
                lane.wait()
            except BaseException as err:
                failures.append(err)
        if failures:
            raise failures[0]
        for writer in selected:
            target = staging / writer.filename
            if not target.exists():
                error = Errors.E403.format(name=writer.name, path=target)
                raise OutputError(error, path=str(target))
            if target.is_file():
                checksums[writer.filename] = _sha256(target)
            _checkpoint(f"staged:{writer.filename}")
    finally:
        _SHARED_RDF.reset(shared)
    report = {
        "summary": result.summary(),
        "documents": [
            {"id": d.id, "source": d.source, "encoding": d.encoding, "articles": len(d.articles)}
            for d in result.documents
        ],
        "problems": [{"source": p.source, "reason": p.reason} for p in result.problems],
        "outputs": {w.name: w.filename for w in selected},
        "sha256": checksums,
    }
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _publish(out: Path, final: Path, filenames: list[str]) -> None:
    """Swap ``OUT/current`` to ``final`` and make the user-facing names resolve through it.

    Links for new names are made before the swap (dangling until it, so the old set is
    unchanged); links for names the new set lacks are removed after it.
    """
    target = os.path.relpath(final, out)
    legacy = []
    for name in filenames:
        link = out / name
        want = f"{CURRENT}/{name}"
        if link.is_symlink():
            if os.readlink(link) != want:
                _symlink_replace(want, link)
        elif link.exists():
            legacy.append(name)  # a file from an older kg: replaced after the swap
        else:
            _symlink_replace(want, link)
    _checkpoint("linked")
    _symlink_replace(target, out / CURRENT)
    _fsync_dir(out)
    _checkpoint("swapped")
    for name in legacy:
        link = out / name
        if link.is_dir() and not link.is_symlink():
            shutil.rmtree(link)
        _symlink_replace(f"{CURRENT}/{name}", link)
    managed = {w.filename for w in _WRITERS.values()} | {REPORT}
    for name in sorted(managed - set(filenames)):
        link = out / name
        if link.is_symlink() and os.readlink(link) == f"{CURRENT}/{name}":
            link.unlink()
    _fsync_dir(out)


def _cleanup(runs: Path, keep: Path) -> None:
    """Remove every run but ``keep`` (including staging dirs of killed builds)."""
    for entry in runs.iterdir():
        if entry != keep:
            shutil.rmtree(entry, ignore_errors=True)


def _symlink_replace(target: str, link: Path) -> None:
    tmp = link.with_name(f".{link.name}.{secrets.token_hex(4)}.link")
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _run_writer(writer: Writer, result: BuildResult, staging: Path) -> None:
    target = staging / writer.filename
    try:
        writer.load()(result, target)
    except OSError as err:
        raise _write_error(err, target) from err


def _lanes(selected: list[Writer], jobs: int) -> list[list[Writer]]:
    """The writers of this process first, then those of each forked process.

    Examples
    --------
    >>> ttl, html, store = (Writer(n, n, "m:f", n != "store") for n in ("ttl", "html", "store"))
    >>> [[w.name for w in lane] for lane in _lanes([html, store, ttl], 2)]
    [['store'], ['html', 'ttl']]
    >>> [[w.name for w in lane] for lane in _lanes([html, ttl], 3)]
    [['html'], ['ttl']]
    >>> [[w.name for w in lane] for lane in _lanes([html, store, ttl], 1)]
    [['html', 'store', 'ttl']]
    """
    pinned = [w for w in selected if not w.forkable]
    free = [w for w in selected if w.forkable]
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [selected]
    if not pinned:
        pinned, free = free[:1], free[1:]
    if not free:
        return [pinned]
    n = min(jobs - 1, len(free))
    return [pinned] + [free[i::n] for i in range(n)]


class _ForkedLane:
    """Writers run one after the other in a forked process (it shares this one's
    memory: the graph and the triple table are not copied or pickled)."""

    def __init__(self, writers: list[Writer], result: BuildResult, staging: Path) -> None:
        context = multiprocessing.get_context("fork")
        self.names = ", ".join(w.name for w in writers)
        self._reader, writer_end = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_lane_main,
            args=(writers, result, staging, writer_end),
            name=f"kg-write-{self.names}",
            daemon=True,
        )
        self._process.start()
        writer_end.close()

    def wait(self) -> None:
        """Return when the writers are done; raise what one of them raised."""
        try:
            outcome = self._reader.recv()
        except EOFError:
            outcome = None
        self._process.join()
        if outcome == "done":
            return
        if isinstance(outcome, BaseException):
            raise outcome
        code = self._process.exitcode
        raise OutputError(Errors.E404.format(names=self.names, code=code))

    def cancel(self) -> None:
        self._process.terminate()
        self._process.join()


def _lane_main(writers: list[Writer], result: BuildResult, staging: Path, channel: Any) -> None:
    """A forked process's work: run ``writers``, then send ``"done"`` or the error."""
    try:
        for writer in writers:
            _run_writer(writer, result, staging)
        outcome: Any = "done"
    except BaseException as err:  # sent to the parent, which raises it
        outcome = err
    try:
        channel.send(outcome)
    except Exception:  # an error that cannot be pickled: its text
        channel.send(OutputError(f"{type(outcome).__name__}: {outcome}"))


def _write_error(err: OSError, path: Path) -> OutputError:
    where = err.filename or path
    reason = os.strerror(err.errno) if err.errno else str(err)
    if err.errno == errno.ENOSPC:
        reason += " (disk full)"
    return OutputError(Errors.E401.format(path=where, reason=reason), path=str(where))


def _checkpoint(point: str) -> None:
    if os.environ.get(STOP_AT_ENV) == point:
        log.debug("stopping at output point %s", point)
        os.kill(os.getpid(), signal.SIGSTOP)
