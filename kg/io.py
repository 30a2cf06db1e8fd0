"""Atomic file output (write to a temporary file beside the target, then rename), and
the YAML reader of kg's data files."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["atomic_write_bytes", "atomic_write_chunks", "atomic_write_text", "load_yaml"]


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half.

    ``durable=False`` skips the ``fsync``: after a crash of the machine (not of the
    program) the file may then be empty or cut, so only for files whose reader checks
    them whole (a cache entry).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> atomic_write_bytes(p, b"hi").read_bytes()
    b'hi'
    """
    return atomic_write_chunks(path, (data,), durable=durable)


def atomic_write_chunks(
    path: str | os.PathLike[str], chunks: Iterable[bytes], *, durable: bool = True
) -> Path:
    """Write the ``chunks`` one after the other to ``path``, atomically (as
    :func:`atomic_write_bytes`): a big file is never held whole in memory.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> atomic_write_chunks(p, iter([b"h", b"i"])).read_bytes()
    b'hi'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 ``text`` atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def load_yaml(text: str) -> Any:
    """``yaml.safe_load(text)``, through libyaml's parser when PyYAML has it (the same
    values, several times faster: the lexicon is read on every pipeline load).

    Examples
    --------
    >>> load_yaml("a: [1, 二]")
    {'a': [1, '二']}
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    return yaml.load(text, Loader=loader)
