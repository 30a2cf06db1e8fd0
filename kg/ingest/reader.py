"""Read files and folders into :class:`~kg.types.Document` objects."""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import stat
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from kg.errors import Errors, IngestError
from kg.ingest.articles import split_articles
from kg.ingest.encoding import decode_bytes, sniff_html_charset
from kg.ingest.layout import load_layout, split_marker
from kg.ingest.linebreaks import repair_line_breaks
from kg.ingest.meta import Meta, credit_meta_line, meta_line, text_meta
from kg.ingest.normalize import to_analysis_text
from kg.ingest.pdf import PAGE_GAP, read_pdf
from kg.ingest.web import read_web_page
from kg.ingest.word import read_docx
from kg.types import Document, IngestProblem

__all__ = [
    "FORMATS",
    "corpus_document",
    "corpus_files",
    "parse_bytes",
    "parse_text",
    "read_bytes",
    "read_corpus",
    "read_document",
    "readable_path",
]

logger = logging.getLogger(__name__)

#: file suffix → text format
FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",  # refused with a message (E015)
}
_FMTS = frozenset({"txt", "md", "html"})  # formats of text in memory (parse_text)
DEFAULT_MAX_BYTES = 20_000_000


def parse_text(
    text: str,
    *,
    source: str,
    document_id: str,
    fmt: str = "txt",
    encoding: str = "",
    meta: Meta | None = None,
) -> Document:
    """Build a document from text already in memory.

    Parameters
    ----------
    text
        The file content (any line ends; a leading BOM is dropped).
    source
        Where the text comes from (a path), copied into the document and its articles.
    document_id
        The document id; article ids derive from it.
    fmt
        ``"txt"``, ``"md"`` or ``"html"`` (``"markdown"``/``"htm"`` are accepted too).
        Text and markdown keep their characters; of HTML only the main content is
        kept (:func:`kg.ingest.web.read_web_page`).
    encoding
        The encoding the text was decoded from, recorded on the document.
    meta
        Metadata known from elsewhere (a Word file's properties); the page's own
        (meta tags, meta lines, masthead) fills what it lacks.

    Returns
    -------
    Document
        With line breaks repaired, the analysis text and the articles.

    Raises
    ------
    IngestError
        E004 when there is no visible text, E006 for an unknown ``fmt``.

    Examples
    --------
    >>> doc = parse_text("## 标题\\n\\n本报讯(记者张三)今天\\n\\n开会。", source="x.txt",
    ...                  document_id="x")
    >>> doc.text
    '## 标题\\n\\n本报讯(记者张三)今天开会。'
    >>> [(a.id, a.headline) for a in doc.articles]
    [('x-a00', '标题')]
    """
    fmt = {"markdown": "md", "htm": "html"}.get(fmt.lower().lstrip("."), fmt.lower().lstrip("."))
    if fmt not in _FMTS:
        raise IngestError(source, Errors.E006.format(source=source, suffix=fmt))
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    meta = meta or Meta()
    if fmt == "html":
        page = read_web_page(text)
        text, meta = page.text, meta.fill(page.meta)
    text, found = _split_meta(repair_line_breaks(text))
    return _document(
        text,
        source=source,
        document_id=document_id,
        encoding=encoding,
        meta=meta.fill(found),
    )


def _split_meta(text: str) -> tuple[str, Meta]:
    """The text without its meta lines ("来源:… 编辑:…"), and what they and the masthead say.

    Masthead lines ("责任编辑:…" in a newspaper's furniture) stay: they are in no article.
    A meta line that is also a byline stays: it names people or the medium the article
    comes from ("来源:南方工报 记者:王艳", "来源:工人日报").
    """
    analysis = to_analysis_text(text)
    meta = text_meta(analysis)
    lines = text.split("\n")
    probes = analysis.split("\n")
    if len(probes) != len(lines):  # normalisation keeps line breaks; be safe anyway
        return text, meta
    layout = load_layout()
    kept = [
        line
        for line, probe in zip(lines, probes, strict=True)
        if (fields := meta_line(content := _unmark(probe))) is None
        or layout.is_masthead(content)
        or credit_meta_line(content, fields)
    ]
    return "\n".join(kept), meta


def _unmark(line: str) -> str:
    start, length, _level = split_marker(line)
    return line[start : start + length]


def _document(
    text: str,
    *,
    source: str,
    document_id: str,
    encoding: str,
    meta: Meta,
    page_starts: tuple[int, ...] = (),
) -> Document:
    """The document of a repaired text: its metadata and articles."""
    if not text.strip():
        raise IngestError(source, Errors.E004.format(source=source))
    analysis = to_analysis_text(text)
    articles = split_articles(
        text,
        analysis,
        document_id=document_id,
        source=source,
        meta=meta,
        page_starts=page_starts,
    )
    logger.debug("%s: %d characters, %d articles", source, len(text), len(articles))
    return Document(
        id=document_id,
        source=source,
        encoding=encoding,
        text=text,
        analysis_text=analysis,
        articles=articles,
    )


def read_document(
    path: str | os.PathLike[str],
    *,
    document_id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one file.

    Parameters
    ----------
    path
        A ``.txt``, ``.md``/``.markdown`` or ``.html``/``.htm`` file.
    document_id
        Defaults to the file stem.
    max_bytes
        Larger files are refused.

    Raises
    ------
    IngestError
        E001 missing, E002 binary, E003 undecodable, E004 empty, E005 too large,
        E006 unsupported suffix, E007 unreadable. The message names the file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "page.txt"
    >>> _ = p.write_text("## 标题\\n\\n本报讯(记者张三)今天开会。", encoding="gb18030")
    >>> doc = read_document(p)
    >>> doc.id, doc.encoding, doc.articles[0].headline
    ('page', 'gb18030', '标题')
    """
    data, fmt = read_bytes(path, max_bytes=max_bytes)
    p = Path(path)
    return parse_bytes(data, source=readable_path(p), document_id=document_id or _stem(p), fmt=fmt)


def read_bytes(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[bytes, str]:
    """A file's bytes and format, with the checks of :func:`read_document` that need the
    file (E001 missing, E005 too large, E006 unsupported suffix, E007 unreadable)."""
    p = Path(path)
    source = readable_path(p)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise IngestError(source, Errors.E006.format(source=source, suffix=p.suffix))
    return _read_regular(p, source, max_bytes), fmt


def parse_bytes(data: bytes, *, source: str, document_id: str, fmt: str) -> Document:
    """The document of a file's bytes (the checks of :func:`read_document` on content)."""
    if not data.strip():
        raise IngestError(source, Errors.E004.format(source=source))
    if fmt == "doc":
        raise IngestError(source, Errors.E015.format(source=source))
    if fmt == "pdf":
        pdf = read_pdf(data, source=source)
        split = [_split_meta(repair_line_breaks(page)) for page in pdf.pages]
        pages = [page for page, _ in split]
        page_meta = Meta()
        for _, found in split:
            page_meta = page_meta.fill(found)
        starts = tuple(
            itertools.accumulate((len(pg) + len(PAGE_GAP) for pg in pages[:-1]), initial=0)
        )
        return _document(
            PAGE_GAP.join(pages),
            source=source,
            document_id=document_id,
            encoding="pdf",
            meta=page_meta,
            page_starts=starts,
        )
    if fmt == "docx":
        word = read_docx(data, source=source)
        return parse_text(
            word.text,
            source=source,
            document_id=document_id,
            fmt="md",
            encoding="docx",
            meta=word.meta,
        )
    declared = sniff_html_charset(data) if fmt == "html" else None
    text, encoding = decode_bytes(data, source=source, declared=declared)
    return parse_text(
        text,
        source=source,
        document_id=document_id,
        fmt=fmt,
        encoding=encoding,
    )


def read_corpus(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[Document], list[IngestProblem]]:
    """Read files and folders (recursively) into documents; bad files become problems.

    Folders are walked in sorted order of relative paths; files with other suffixes
    (E016) and files that are not regular (E009) are named as problems, hidden entries
    (names starting with ``.``) are skipped silently. A file
    named explicitly must have a supported suffix (E006). Document ids are file stems;
    files that share a stem get ``-`` plus 8 hex digits of the SHA-1 of their path
    relative to the folder given (the file name for a file given), which is the same on
    every machine; should that still repeat, ``-2``, ``-3``… in input order.

    Parameters
    ----------
    paths
        Files and folders, in the order wanted (a single path is accepted too).
    max_bytes
        Per-file size limit.

    Returns
    -------
    tuple[list[Document], list[IngestProblem]]
        Documents in input order; one problem per file that could not be read,
        its ``reason`` the full error message.

    Raises
    ------
    IngestError
        E008 when the paths hold no candidate file at all.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("## 标题\\n\\n正文。", encoding="utf-8")
    >>> _ = (d / "b.txt").write_bytes(b"")
    >>> docs, problems = read_corpus([d])
    >>> [doc.id for doc in docs], [p.reason[:6] for p in problems]
    (['a'], ['[E004]'])
    """
    files, problems = corpus_files(paths)
    documents: list[Document] = []
    for path, doc_id in files:
        try:
            data, fmt = read_bytes(path, max_bytes=max_bytes)
            documents.append(
                corpus_document(data, source=readable_path(path), document_id=doc_id, fmt=fmt)
            )
        except IngestError as exc:
            problems.append(_problem(exc))
    logger.info("read %d documents, %d problems", len(documents), len(problems))
    return documents, problems


def corpus_files(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
) -> tuple[list[tuple[Path, str]], list[IngestProblem]]:
    """The files :func:`read_corpus` reads, as ``(path, document id)`` in input order, and
    the problems found without reading them.

    Raises
    ------
    IngestError
        E008 when the paths hold no candidate file at all.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    paths = list(paths)
    problems: list[IngestProblem] = []
    candidates: list[tuple[Path, str]] = []  # (path, relative name for ids)
    seen: set[str] = set()
    for arg in paths:
        root = Path(arg)
        source = readable_path(root)
        if root.is_dir():
            found = _walk(root, problems)
        elif root.exists() or root.is_symlink():
            kind = _file_kind(root.stat().st_mode) if root.exists() else None
            if kind is not None:  # /dev/zero, a FIFO, a socket
                message = Errors.E009.format(source=source, kind=kind)
                problems.append(_problem(IngestError(source, message)))
                continue
            if root.suffix.lower() not in FORMATS:
                message = Errors.E006.format(source=source, suffix=root.suffix)
                problems.append(_problem(IngestError(source, message)))
                continue
            found = [(root, root.name)]
        else:
            problems.append(_problem(IngestError(source, Errors.E001.format(source=source))))
            continue
        for path, rel in found:
            key = os.path.normcase(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                candidates.append((path, rel))
    if not candidates and all(p.reason.startswith("[E016]") for p in problems):
        shown = ", ".join(Path(p).as_posix() for p in paths) or "(no paths)"
        raise IngestError(shown, Errors.E008.format(paths=shown))
    ids = _document_ids(candidates)
    return [(path, doc_id) for (path, _), doc_id in zip(candidates, ids, strict=True)], problems


def corpus_document(data: bytes, *, source: str, document_id: str, fmt: str) -> Document:
    """:func:`parse_bytes` as :func:`read_corpus` uses it: any failure is an
    :class:`IngestError` naming the file (E011 for an unexpected one), and a document
    without articles is refused (E010)."""
    try:
        doc = parse_bytes(data, source=source, document_id=document_id, fmt=fmt)
    except IngestError:
        raise
    except Exception as exc:  # one bad file never aborts the build
        reason = f"{type(exc).__name__}: {exc}"[:200]
        raise IngestError(source, Errors.E011.format(source=source, reason=reason)) from exc
    if not doc.articles:
        raise IngestError(doc.source, Errors.E010.format(source=doc.source))
    return doc


def readable_path(path: str | os.PathLike[str]) -> str:
    """A path as printable text, for reports, ids and IRIs.

    File names that are not UTF-8 (zips made on Chinese Windows hold GBK names) reach
    Python as surrogate escapes, which no UTF-8 file can hold: each such path component
    is decoded as GB18030 when its bytes fit, else shown with ``\\xNN`` escapes.

    Examples
    --------
    >>> import os
    >>> readable_path(os.fsdecode("新闻/工会新闻.txt".encode("gbk")))
    '新闻/工会新闻.txt'
    >>> readable_path(os.fsdecode(b"a\\xff.txt"))
    'a\\\\xff.txt'
    """
    text = Path(path).as_posix()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "/".join(_readable_part(part) for part in text.split("/"))
    return text


def _readable_part(part: str) -> str:
    raw = os.fsencode(part)
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


def _file_kind(mode: int) -> str | None:
    """What a non-regular file is (``None`` for a regular file)."""
    for test, kind in (
        (stat.S_ISREG, None),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def _read_regular(p: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of a regular file; FIFOs, sockets and devices are refused unopened."""
    try:
        st = p.stat()
        if (kind := _file_kind(st.st_mode)) is not None:
            raise IngestError(source, Errors.E009.format(source=source, kind=kind))
        if st.st_size > max_bytes:
            raise IngestError(
                source, Errors.E005.format(source=source, size=st.st_size, limit=max_bytes)
            )
        # O_NONBLOCK: should the path have become a FIFO since stat, open does not block
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if (kind := _file_kind(os.fstat(fh.fileno()).st_mode)) is not None:
                raise IngestError(source, Errors.E009.format(source=source, kind=kind))
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise IngestError(source, Errors.E001.format(source=source)) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise IngestError(source, Errors.E007.format(source=source, reason=reason)) from None
    if len(data) > max_bytes:  # grew since stat
        size = f"more than {max_bytes}"
        raise IngestError(source, Errors.E005.format(source=source, size=size, limit=max_bytes))
    return data


def _problem(exc: IngestError) -> IngestProblem:
    logger.warning("%s", exc)
    return IngestProblem(source=exc.source, reason=str(exc))


def _walk(root: Path, problems: list[IngestProblem]) -> list[tuple[Path, str]]:
    """Regular files with a known suffix under ``root``, in sorted order of relative paths.

    Other files (another suffix, a FIFO, a socket, a device) become problems, in the
    same order; hidden entries are skipped silently.
    """
    found: list[tuple[Path, str]] = []
    skipped: list[tuple[str, str, str]] = []  # (relative name, source, message)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        base = Path(dirpath)
        for name in filenames:
            if name.startswith("."):
                continue
            path = base / name
            rel, source = readable_path(path.relative_to(root)), readable_path(path)
            if path.suffix.lower() not in FORMATS:
                message = Errors.E016.format(source=source, suffix=path.suffix)
                skipped.append((rel, source, message))
                continue
            try:
                kind = _file_kind(path.stat().st_mode)
            except OSError:
                kind = None  # a dangling link: read_document names the error
            if kind is not None:
                skipped.append((rel, source, Errors.E009.format(source=source, kind=kind)))
                continue
            found.append((path, rel))
    for _rel, source, message in sorted(skipped):
        problems.append(_problem(IngestError(source, message)))
    found.sort(key=lambda item: item[1])
    return found


def _document_ids(candidates: list[tuple[Path, str]]) -> list[str]:
    stems = Counter(_stem(path) for path, _ in candidates)
    ids = []
    for path, rel in candidates:
        stem = _stem(path)
        if stems[stem] > 1:
            digest = hashlib.sha1(rel.encode("utf-8"), usedforsecurity=False).hexdigest()
            stem = f"{stem}-{digest[:8]}"
        ids.append(stem)
    # the same relative name under two roots: number the repeats in input order
    taken: Counter[str] = Counter()
    unique = []
    for doc_id in ids:
        taken[doc_id] += 1
        unique.append(doc_id if taken[doc_id] == 1 else f"{doc_id}-{taken[doc_id]}")
    return unique


def _stem(path: Path) -> str:
    return Path(readable_path(Path(path.name))).stem
