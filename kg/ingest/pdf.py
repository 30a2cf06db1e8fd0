"""PDF pages: the text layer of each page, in reading order.

pdfminer.six (maintained; pdfplumber is built on it) groups characters into text
boxes. Newspaper pages set text in columns, which pdfminer's own box order interleaves
(headline of column 1, headline of column 2, body of column 1 …), so boxes are put in
reading order here: boxes wider than half the page (mastheads, banner headlines) cut the
page into bands; inside a band, boxes whose horizontal extents overlap form a column;
columns are read left to right, each top to bottom. Inside a box, a line that runs to
the right edge goes on in the next line (the line-break repair then only sees the
breaks the layout leaves open). Boxes are separated by a blank
line, columns and pages by two (the article splitter's gap), so the line-break repair
and the article split that serve the text pages serve PDFs too.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from kg.errors import Errors, IngestError

__all__ = ["PAGE_GAP", "PdfText", "read_pdf"]

_WIDE = 0.5  # share of the page width above which a box spans the columns
_CID = re.compile(r"\(cid:\d+\)")
_BOX_GAP = "\n\n"
_COLUMN_GAP = "\n\n\n"
#: what separates pages in a document's text
PAGE_GAP = "\n\n\n"


@dataclass(frozen=True, slots=True)
class PdfText:
    """The text of each page of a PDF, in page order."""

    pages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Box:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def read_pdf(data: bytes, *, source: str) -> PdfText:
    """The text layer of a PDF file's bytes.

    Raises
    ------
    IngestError
        E013 when no page has a text layer (a scan: OCR it first), E014 when the file
        is not a readable PDF (damaged, or encrypted with a password).
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    pages: list[str] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
            boxes = [
                _Box(*el.bbox, text=_box_text(el))
                for el in layout
                if isinstance(el, LTTextContainer)
            ]
            pages.append(_page_text([b for b in boxes if b.text], layout.width))
    except (PDFSyntaxError, PSException, PDFPasswordIncorrect, PDFEncryptionError) as exc:
        reason = f"{type(exc).__name__}: {exc}".rstrip(": ")
        raise IngestError(source, Errors.E014.format(source=source, reason=reason)) from None
    if not any(p.strip() for p in pages):
        raise IngestError(source, Errors.E013.format(source=source, pages=len(pages)))
    return PdfText(pages=tuple(pages))


def _box_text(box) -> str:  # pdfminer LTTextContainer
    """A box's lines; a line that reaches the box's right edge goes on in the next one.

    A line ends its paragraph when it stops short of the right edge, or when the next
    line is indented (Chinese paragraphs open with an indent).
    """
    from pdfminer.layout import LTTextLine

    lines = [ln for ln in box if isinstance(ln, LTTextLine)]
    if not lines:
        return _CID.sub("", box.get_text()).strip()
    out: list[str] = []
    for i, line in enumerate(lines):
        text = _CID.sub("", line.get_text()).rstrip("\n").strip()
        tolerance = 1.5 * max(line.height, 1.0)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        full = line.x1 >= box.x1 - tolerance
        joins = nxt is not None and full and nxt.x0 <= box.x0 + tolerance / 2
        out.append(text + ("" if joins else "\n"))
    return "".join(out).strip()


def _page_text(boxes: list[_Box], width: float) -> str:
    """The boxes of one page in reading order."""
    columns_text: list[str] = []
    band: list[_Box] = []
    for box in sorted(boxes, key=lambda b: (-b.y1, b.x0)):
        if box.x1 - box.x0 > width * _WIDE:
            columns_text.extend(_band_text(band))
            band = []
            columns_text.append(box.text)
        else:
            band.append(box)
    columns_text.extend(_band_text(band))
    return _COLUMN_GAP.join(columns_text)


def _band_text(band: list[_Box]) -> list[str]:
    """The columns of a band, left to right, each read top to bottom."""
    columns: list[list[_Box]] = []
    extents: list[list[float]] = []
    for box in sorted(band, key=lambda b: b.x0):
        if extents and box.x0 < extents[-1][1]:  # overlaps the current column
            columns[-1].append(box)
            extents[-1][1] = max(extents[-1][1], box.x1)
        else:
            columns.append([box])
            extents.append([box.x0, box.x1])
    return [
        _BOX_GAP.join(b.text for b in sorted(column, key=lambda b: -b.y1)) for column in columns
    ]
