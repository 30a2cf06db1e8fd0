"""Word documents (``.docx``, read with python-docx): paragraphs, headings and tables.

A ``Title`` or ``Heading 1`` paragraph becomes a ``## `` line (it starts an article),
deeper headings ``### `` lines (section heads, as on a text page); table cells are read
row by row. The core properties give the author. The old binary ``.doc``
format is refused with a message saying how to convert it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from kg.errors import Errors, IngestError
from kg.ingest.meta import Meta

__all__ = ["WordText", "read_docx"]

_HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.I)


@dataclass(frozen=True, slots=True)
class WordText:
    text: str
    meta: Meta


def read_docx(data: bytes, *, source: str) -> WordText:
    """The text of a ``.docx`` file's bytes.

    Raises
    ------
    IngestError
        E014 when the bytes are not a readable ``.docx`` (a renamed ``.doc``, a damaged
        zip).
    """
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        reason = f"{type(exc).__name__}: {exc}"
        raise IngestError(source, Errors.E014.format(source=source, reason=reason)) from None
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(_paragraph(docx.text.paragraph.Paragraph(child, document)))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells = dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip())
                blocks.append(" ".join(cells))
    props = document.core_properties  # "created" is the file's date, not the text's
    meta = Meta(title=(props.title or "").strip(), author=(props.author or "").strip())
    return WordText(text="\n\n".join(b for b in blocks if b), meta=meta)


def _paragraph(paragraph) -> str:  # docx.text.paragraph.Paragraph
    text = paragraph.text.strip()
    if not text:
        return ""
    style = paragraph.style.name if paragraph.style is not None else ""
    if style == "Title":
        return "## " + text
    if m := _HEADING_STYLE.match(style or ""):
        return ("## " if m.group(1) == "1" else "### ") + text
    return text
