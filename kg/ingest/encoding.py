"""Turn the bytes of a file into text: BOMs, UTF-8, UTF-16, GB18030, then a guess.

Order: a byte-order mark decides; NUL bytes mean UTF-16 (if they sit at every other
byte and the text decodes cleanly) or a binary file; then strict UTF-8, strict
GB18030 (which covers GBK and GB2312) and finally charset-normalizer's best guess.
Decoded text with too many control or unassigned characters counts as binary; a guess
in a codepage without Chinese characters (cp1251, latin-1 …) that yields almost no
Chinese text counts as undecodable, since any bytes decode in such a codepage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from kg.errors import Errors, IngestError

__all__ = ["decode_bytes", "sniff_html_charset"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# share of characters that may be controls/unassigned/private before text counts as binary
_MAX_JUNK = 0.05
# share of 2-byte units that must hold a NUL (on one side only) to suspect BOM-less UTF-16
_MIN_UTF16_NULS = 0.02
_WHITESPACE_CONTROLS = frozenset("\t\n\r\f\v\x1b")
# C0 controls and DEL, except the whitespace ones (and ESC, seen in terminal captures)
_CONTROL_BYTES = bytes(b for b in [*range(0x20), 0x7F] if b not in b"\t\n\r\f\v\x1b")
_SPACE = re.compile(r"\s+")
# codecs that can hold Chinese text; a guess outside them must still yield some Chinese
_CJK_CODECS = re.compile(r"^(?:utf|gb|big5|cp9(?:32|36|49|50)|hz|euc|shift|iso2022|johab)", re.I)
# share of non-space characters that must be CJK when the guess is another codepage
_MIN_CJK_SHARE = 0.1
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_bytes(
    data: bytes, *, source: str = "<bytes>", declared: str | None = None
) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used.

    Parameters
    ----------
    data
        Raw file content.
    source
        File name for error messages.
    declared
        An encoding the file declares (e.g. an HTML ``<meta charset>``); used when it
        decodes the bytes cleanly and no BOM says otherwise.

    Returns
    -------
    tuple[str, str]
        The text (without BOM) and the encoding name (a Python codec name such as
        ``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``gb18030``).

    Raises
    ------
    IngestError
        E002 for binary content, E003 when no encoding fits.

    Examples
    --------
    >>> decode_bytes("工会".encode("gb18030"))
    ('工会', 'gb18030')
    >>> decode_bytes(codecs.BOM_UTF8 + "工会".encode())
    ('工会', 'utf-8-sig')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(name), name, source)
            except UnicodeDecodeError:
                raise IngestError(source, Errors.E003.format(source=source)) from None
    if b"\x00" in data:
        guess = _utf16_by_nuls(data)
        if guess is None:
            raise IngestError(source, Errors.E002.format(source=source))
        return _checked(guess[0], guess[1], source)
    if _control_byte_share(data) > _MAX_JUNK:
        raise IngestError(source, Errors.E002.format(source=source))
    candidates = ["utf-8", "gb18030"]
    if declared:
        name = _codec_name(declared)
        if name and name not in candidates:
            candidates.insert(0, name)
    for name in candidates:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if _junk_share(text) <= _MAX_JUNK:
            return text, name
    return _charset_normalizer(data, source)


def sniff_html_charset(data: bytes) -> str | None:
    """The charset an HTML file declares in a ``<meta>`` tag near its start, if any.

    Examples
    --------
    >>> sniff_html_charset(b'<html><head><meta charset="gbk"></head>')
    'gbk'
    """
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def _codec_name(name: str) -> str | None:
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # GB2312/GBK pages routinely hold characters only GB18030 (their superset) has
    return "gb18030" if info.name in {"gb2312", "gbk"} else info.name


def _checked(text: str, name: str, source: str) -> tuple[str, str]:
    if _junk_share(text) > _MAX_JUNK:
        raise IngestError(source, Errors.E002.format(source=source))
    return text, name


def _junk_share(text: str) -> float:
    if not text or _SPACE.sub("", text).isprintable():  # fast path for clean text
        return 0.0
    junk = 0
    for ch in text:
        if ch in _WHITESPACE_CONTROLS or ch.isprintable() or ch.isspace():
            continue
        if unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"}:
            junk += 1
    return junk / len(text)


def _control_byte_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls / len(data)


def _utf16_by_nuls(data: bytes) -> tuple[str, str] | None:
    """BOM-less UTF-16: NULs at odd offsets (LE) or even ones (BE), cleanly decoded."""
    if len(data) < 2 or len(data) % 2:
        return None
    units = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= even:
        name, many, few = "utf-16-le", odd, even
    else:
        name, many, few = "utf-16-be", even, odd
    # CJK code points like U+4E00 give the odd NUL on the "wrong" side; binary data
    # has NULs on both sides in similar numbers
    if many < units * _MIN_UTF16_NULS or few > many * 0.2:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or _junk_share(text) > _MAX_JUNK:
        return None
    return text, name


def _charset_normalizer(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError(source, Errors.E003.format(source=source))
    text = str(best)
    if _junk_share(text) > _MAX_JUNK:
        raise IngestError(source, Errors.E003.format(source=source))
    if not _CJK_CODECS.match(best.encoding) and _cjk_share(text) < _MIN_CJK_SHARE:
        # any byte string "decodes" in a single-byte codepage such as cp1251
        raise IngestError(source, Errors.E012.format(source=source, encoding=best.encoding))
    return text, best.encoding


def _cjk_share(text: str) -> float:
    visible = _SPACE.sub("", text)
    if not visible:
        return 0.0
    return len(_CJK_CHAR.findall(visible)) / len(visible)
