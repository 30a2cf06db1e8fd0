"""The dev set: every gold file paired with the text it annotates.

The shared folder holds ``gold/NAME.jsonl`` and the text either in ``dev/NAME.txt`` or,
for the seeds, in the repository's ``seeds/NAME.txt``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DevDocument", "dev_documents"]


@dataclass(frozen=True, slots=True)
class DevDocument:
    """One annotated document: its name, its text file and its gold file."""

    name: str
    text: Path
    gold: Path


def dev_documents(gold_dir: Path, text_dirs: Iterable[Path]) -> list[DevDocument]:
    """Every gold file in ``gold_dir`` whose text is found in one of ``text_dirs``.

    Parameters
    ----------
    gold_dir:
        Folder of ``*.jsonl`` gold files.
    text_dirs:
        Folders searched in order for ``NAME.txt``.

    Returns
    -------
    The documents sorted by name; gold files with no text are left out.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for p in ("gold/a.jsonl", "gold/b.jsonl", "dev/a.txt"):
    ...     (root / p).parent.mkdir(exist_ok=True)
    ...     _ = (root / p).write_text("", encoding="utf-8")
    >>> [d.name for d in dev_documents(root / "gold", [root / "dev"])]
    ['a']
    """
    dirs = list(text_dirs)
    found = []
    for gold in sorted(gold_dir.glob("*.jsonl")):
        for folder in dirs:
            text = folder / f"{gold.stem}.txt"
            if text.is_file():
                found.append(DevDocument(gold.stem, text, gold))
                break
    return found
