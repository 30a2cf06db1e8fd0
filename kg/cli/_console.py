"""What the commands share: warnings printed once, progress bars, tables that fit.

The library logs; the CLI decides what reaches the terminal. :class:`WarningPrinter`
is the one logging handler: it prints each distinct message once per command run, so a
problem that is both logged and returned in a result is shown once.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer

__all__ = [
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_WARNINGS",
    "WarningPrinter",
    "fit_table",
    "progress_reporter",
    "warn",
]

#: Exit codes of every command (documented in the README and ``kg --help``).
EXIT_OK = 0
EXIT_WARNINGS = 1  # built, but with warnings, and --strict was given (or the command failed)
EXIT_USAGE = 2  # bad arguments: missing or mistyped input, unknown format, malformed file


class WarningPrinter(logging.Handler):
    """Prints ``warning: message`` on stderr, each distinct message once."""

    current: WarningPrinter | None = None

    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.seen: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call must not end the command
            self.handleError(record)
            return
        if record.levelno >= logging.WARNING:
            prefix = "error" if record.levelno >= logging.ERROR else "warning"
            if not record.name.startswith("kg"):
                message = f"{record.name}: {message}"
            self.once(f"{prefix}: {message}")
        else:
            typer.echo(f"{record.levelname.lower()} {record.name}: {message}", err=True)

    def once(self, line: str) -> None:
        if line not in self.seen:
            self.seen.add(line)
            typer.echo(line, err=True)

    @classmethod
    def install(cls, level: int) -> WarningPrinter:
        """Make a fresh printer the root logger's only handler (one per command run)."""
        root = logging.getLogger()
        for handler in list(root.handlers):
            if isinstance(handler, WarningPrinter) or getattr(handler, "_kg_default", False):
                root.removeHandler(handler)
        printer = cls(level)
        root.addHandler(printer)
        root.setLevel(level)
        cls.current = printer
        return printer


def warn(message: str) -> None:
    """Print ``warning: message`` unless it was printed already in this run."""
    line = f"warning: {message}"
    if WarningPrinter.current is None:
        typer.echo(line, err=True)
    else:
        WarningPrinter.current.once(line)


def _stderr_is_terminal() -> bool:
    stream = sys.stderr
    return bool(getattr(stream, "isatty", None) and stream.isatty())


def progress_reporter(quiet: bool) -> tuple[Callable[[str, int, int], None], Callable[[], None]]:
    """A ``progress(stage, done, total)`` callback and a ``close()`` for it.

    On a terminal: a rich progress bar per stage with count, rate and ETA. Not on a
    terminal: one line per finished stage. Nothing with ``quiet``.
    """
    if quiet:
        return (lambda stage, done, total: None), (lambda: None)
    if not _stderr_is_terminal():

        def plain(stage: str, done: int, total: int) -> None:
            if done == total:
                typer.echo(f"{stage}: {done}/{total} documents", err=True)

        return plain, lambda: None

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.1f}/s", style="progress.data.speed")

    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            if not tasks:
                bar.start()
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    def close() -> None:
        if tasks:
            bar.stop()

    return update, close


def terminal_width() -> int | None:
    """Columns to fit text tables into: the terminal's, or ``$COLUMNS``; ``None`` when
    stdout is not a terminal and ``COLUMNS`` is unset (pipes get full tables)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    stream = sys.stdout
    if getattr(stream, "isatty", None) and stream.isatty():
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError):
            return 80
    return None


def fit_table(
    columns: Sequence[str], rows: Sequence[Sequence[str]], width: int | None, gap: int = 2
) -> str:
    """An aligned text table whose lines fit ``width`` terminal cells (``None``: no limit).

    The widest columns are narrowed first; a cut cell ends in ``…``. Widths count CJK
    characters as two cells (``rich.cells``).

    Examples
    --------
    >>> print(fit_table(["名称", "post"], [["西安市总工会", "常务副主席"]], width=20), end="")
    名称      post
    --------  --------
    西安市…   常务副…
    (1 row)
    """
    from rich.cells import cell_len, set_cell_size

    header = list(columns)
    body = [[" ".join(str(c).split()) for c in row] for row in rows]
    widths = [cell_len(h) for h in header]
    for row in body:
        widths = [max(w, cell_len(c)) for w, c in zip(widths, row, strict=True)]
    if width is not None and widths:
        budget = max(width - gap * (len(widths) - 1), 4 * len(widths))
        while sum(widths) > budget:
            widest = max(range(len(widths)), key=lambda i: (widths[i], -i))
            widths[widest] -= 1

    def cell(text: str, w: int) -> str:
        if cell_len(text) <= w:
            return set_cell_size(text, w)
        return set_cell_size(set_cell_size(text, max(w - 1, 0)).rstrip() + "…", w)

    sep = " " * gap
    lines = [sep.join(cell(h, w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append(sep.join("-" * w for w in widths))
    lines += [sep.join(cell(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    n = len(body)
    lines.append(f"({n} row{'' if n == 1 else 's'})")
    return "\n".join(lines) + "\n"
