"""jieba and its part-of-speech tagger, their dictionary tables read from one cache.

Both tables jieba builds from its dictionary file (``dict.txt``) cost a pipeline load
more than the rest of jieba: the prefix dictionary (every word with its frequency, and
every prefix of a word with 0), which jieba reads from its own marshal'd cache
(≈ 0.5 s), and ``jieba.posseg``'s word tags, which it reads from ``dict.txt`` line by
line when it is imported (≈ 0.4 s). :func:`load` keeps the two in one cache file beside
jieba's (``jieba.dt.tmp_dir`` or the temp folder), keyed by a sha256 of the dictionary
file and jieba's version, as a few long strings (the keys joined by newlines, the
frequencies packed) that read in a fraction of that time. The tables are equal to the
ones jieba makes, key for key and in the same order, so every cut and tag is too.

Only tables this process has just made itself go into the cache, before anything
(``jieba.add_word``, the lexicon's words) changed them; once jieba has been initialised
elsewhere in the process, :func:`load` leaves it as it is. The cache is trusted as much
as jieba's own (``marshal`` data in the temp folder, no code), and only when the file
belongs to this user and has the expected shape; anything else falls back to jieba's
own loading, which then writes the cache anew.

``pkg_resources`` (which jieba imports only to open its data files, ≈ 0.2 s of import
through setuptools) is kept out of jieba's import when nothing has imported it yet:
jieba then opens the same files by path.
"""

from __future__ import annotations

import array
import hashlib
import io
import logging
import marshal
import os
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["cache_path", "jieba", "load", "posseg"]

_FORMAT = "kg-jieba-tables-1"


def load() -> ModuleType:
    """``jieba.posseg``, imported (with ``jieba``) and initialised, the dictionary tables
    from the cache when it has them (see the module's docstring).

    Examples
    --------
    >>> posseg = load()
    >>> posseg.dt.tokenizer.initialized, posseg.dt.word_tag_tab["工会"]
    (True, 'n')
    """
    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    jieba = _import_jieba()
    tokenizer = jieba.dt
    if tokenizer.initialized:  # someone else's jieba: its tables may have changed
        import jieba.posseg as posseg

        return posseg
    with tokenizer.get_dict_file() as fh:
        key = _key(fh.read(), jieba)
    path = cache_path(tokenizer, key)
    tables = _read(path, key)
    if tables is None:
        level = jieba.default_logger.level
        jieba.setLogLevel(logging.WARNING)  # it logs its dictionary loading to stderr
        try:
            tokenizer.initialize()  # jieba's own prefix dictionary, then its word tags
        finally:
            jieba.setLogLevel(level)
        import jieba.posseg as posseg

        _write(path, key, tokenizer.FREQ, tokenizer.total, posseg.dt.word_tag_tab)
        return posseg
    tokenizer.FREQ, tokenizer.total, tags = tables
    tokenizer.initialized = True
    tokenizer.get_dict_file = io.BytesIO  # posseg's import reads no word tags …
    try:
        import jieba.posseg as posseg
    finally:
        del tokenizer.get_dict_file
    posseg.dt.word_tag_tab = tags  # … they come from the cache
    return posseg


def cache_path(tokenizer: Any, key: str) -> Path:
    """The cache file of the tables keyed ``key``, in the folder jieba keeps its own."""
    folder = tokenizer.tmp_dir or tempfile.gettempdir()
    return Path(folder) / f"kg-jieba.{key[:24]}.cache"


def _import_jieba() -> ModuleType:
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # ImportError
    try:
        import jieba
    finally:
        if hide and sys.modules.get("pkg_resources", "") is None:
            del sys.modules["pkg_resources"]
    return jieba


def _key(dictionary: bytes, jieba: ModuleType) -> str:
    digest = hashlib.sha256(f"{_FORMAT}\0{jieba.__version__}\0{sys.byteorder}\0".encode())
    digest.update(dictionary)
    return digest.hexdigest()


def _read(path: Path, key: str) -> tuple[dict[str, int], int, dict[str, str]] | None:
    """The tables in the cache file, or None when it is missing, someone else's, for
    another key or not of the expected shape."""
    try:
        with open(path, "rb") as fh:
            if os.fstat(fh.fileno()).st_uid != os.getuid():
                return None
            entry = marshal.load(fh)
        fmt, got, n_freq, words, freqs, total, n_tags, tagged, tags = entry
        if (fmt, got) != (_FORMAT, key) or type(total) is not int:
            return None
        counts = array.array("q")
        counts.frombytes(freqs)
        keys, tag_words, tag_values = words.split("\n"), tagged.split("\n"), tags.split("\n")
        if not (n_freq == len(keys) == len(counts) and n_tags == len(tag_words) == len(tag_values)):
            return None
        return (
            dict(zip(keys, counts.tolist(), strict=True)),
            total,
            dict(zip(tag_words, tag_values, strict=True)),
        )
    except (OSError, EOFError, ValueError, TypeError, AttributeError):
        return None


def _write(path: Path, key: str, freq: dict, total: int, tags: dict) -> None:
    """Write the cache file atomically; tables it cannot hold exactly are not cached."""
    strings = [*freq, *tags, *tags.values()]
    if any(type(s) is not str or "\n" in s for s in strings) or not (freq and tags):
        return
    try:
        counts = array.array("q", freq.values())
    except (OverflowError, TypeError):
        return
    entry = (_FORMAT, key, len(freq), "\n".join(freq), counts.tobytes(), total)
    entry += (len(tags), "\n".join(tags), "\n".join(tags.values()))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".kg-jieba.", dir=path.parent)
    except OSError:
        return  # a folder we cannot write to: no cache
    try:
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(entry, fh)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


posseg: ModuleType = load()
"""``jieba.posseg``, loaded by :func:`load` (import jieba's modules from here)."""
jieba: ModuleType = sys.modules["jieba"]
"""``jieba``, initialised by :func:`load`."""
