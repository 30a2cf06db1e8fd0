"""Run the build's map step: in this process, in local worker processes, or on Dask.

Each runner takes an iterable of tasks and a picklable function and yields results as
they complete (in any order: the reduce step sorts). At most a few tasks per worker are
in flight, so the inputs are read as the workers need them, not all at once. Worker
processes load the NLP pipeline once each (the pool's initializer; on Dask, the first
task a worker runs).

Dask is optional (``pip install 'kg[dask]'``): ``--dask local:4`` starts a
``distributed.LocalCluster`` of 4 single-threaded worker processes; ``--dask
tcp://host:8786`` connects to a running scheduler whose workers have ``kg`` installed.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

from kg.errors import Errors, KGError

__all__ = ["available_cores", "run_dask", "run_local", "run_serial"]

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

_IN_FLIGHT_PER_WORKER = 4


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def run_serial(
    func: Callable[[T], R], tasks: Iterable[T], *, initializer: Callable[[], Any] | None = None
) -> Iterator[R]:
    """One task after the other in this process."""
    if initializer is not None:
        initializer()
    for task in tasks:
        yield func(task)


def _context(preload: Iterable[str]) -> multiprocessing.context.BaseContext:
    """``forkserver`` where available (no lock or thread of the caller is copied into the
    workers), its server importing ``preload`` once for all of them; else ``spawn``."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(preload))
        return context
    return multiprocessing.get_context("spawn")


def run_local(
    func: Callable[[T], R],
    tasks: Iterable[T],
    *,
    jobs: int,
    initializer: Callable[[], Any] | None = None,
    preload: Iterable[str] = (),
) -> Iterator[R]:
    """``jobs`` worker processes (``concurrent.futures``). A worker whose build process
    is gone (killed) exits instead of waiting for work forever."""
    context = _context(preload)
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(), initializer),
    ) as pool:
        yield from _windowed(pool.submit, func, tasks, jobs * _IN_FLIGHT_PER_WORKER)


def _start_worker(parent: int, initializer: Callable[[], Any] | None) -> None:
    threading.Thread(target=_exit_with, args=(parent,), name="kg-parent-watch", daemon=True).start()
    if initializer is not None:
        initializer()


def _exit_with(parent: int, interval: float = 1.0) -> None:
    """Exit this worker once the process ``parent`` has ended."""
    while True:
        time.sleep(interval)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # a pid reused by another user's process: it is gone
            os._exit(1)


def _windowed(
    submit: Callable[..., Future], func: Callable[[T], R], tasks: Iterable[T], window: int
) -> Iterator[R]:
    pending: set[Future] = set()
    iterator = iter(tasks)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            try:
                pending.add(submit(func, next(iterator)))
            except StopIteration:
                exhausted = True
        if not pending:
            return
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield future.result()


def run_dask(
    func: Callable[[T], R],
    tasks: Iterable[T],
    *,
    address: str,
    initializer: Callable[[], Any] | None = None,
    preload: Iterable[str] = (),
) -> Iterator[R]:
    """Map over a Dask cluster: ``local:N`` (a ``LocalCluster`` of N worker processes, one
    thread each) or a scheduler address such as ``tcp://host:8786``."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as err:
        raise KGError(Errors.E511.format(address=address)) from err
    cluster = None
    if address.startswith("local"):
        _, _, count = address.partition(":")
        try:
            workers = int(count) if count else available_cores()
        except ValueError:
            raise KGError(Errors.E512.format(address=address)) from None
        if workers < 1:
            raise KGError(Errors.E512.format(address=address))
        import dask

        method = _context(preload).get_start_method()
        with dask.config.set({"distributed.worker.multiprocessing-method": method}):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                scheduler_port=0,
            )
        client = Client(cluster)
    else:
        try:
            client = Client(address, timeout="30s")
        except OSError as err:
            raise KGError(Errors.E513.format(address=address, reason=err)) from err
    try:
        if initializer is not None:
            client.run(initializer)  # every worker loads the pipeline once, now
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = workers * _IN_FLIGHT_PER_WORKER
        iterator = iter(tasks)
        queue = as_completed()
        for task in iterator:
            queue.add(client.submit(func, task, pure=False))
            if queue.count() >= window:
                break
        for future in queue:
            result = future.result()
            future.release()
            yield result
            for task in iterator:
                queue.add(client.submit(func, task, pure=False))
                break
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
