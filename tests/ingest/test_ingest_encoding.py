"""Encoding detection: the same Chinese text in several encodings reads back the same."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from kg.errors import IngestError
from kg.ingest import parse_text, read_document
from kg.ingest.encoding import decode_bytes, sniff_html_charset

# seed 000, with half-width punctuation and digits (NUL bytes in UTF-16)
TEXT = (
    "## 合肥产投集团评出首届15名“产投匠星”\n\n"
    "本报讯(记者陈华 通讯员斯洁)日前,合肥市产业投资控股集团(集团)有限公司"
    "(以下简称合肥产投集团)首届“产投匠星”评选揭晓,此次认定的15名“产投匠星”中,"
    "年龄跨度从32岁至54岁。\n"
)

ENCODINGS = [
    # (how the bytes are made, encoding name recorded)
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
    (lambda t: t.encode("utf-16"), "utf-16-le"),  # Python writes a LE BOM
    (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
    (lambda t: t.encode("utf-16-le"), "utf-16-le"),  # no BOM: NULs at odd offsets
    (lambda t: t.encode("utf-16-be"), "utf-16-be"),  # no BOM: NULs at even offsets
    (lambda t: t.encode("gb18030"), "gb18030"),
    (lambda t: t.encode("gbk"), "gb18030"),
    (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
]


@pytest.mark.parametrize(
    ("encode", "name"),
    ENCODINGS,
    ids=["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-16-le", "utf-16-be",
         "gb18030", "gbk", "crlf"],
)  # fmt: skip
def test_same_text_in_every_encoding(tmp_path: Path, encode, name: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(encode(TEXT))
    doc = read_document(path)
    expected = parse_text(TEXT, source="x", document_id="x")
    assert doc.encoding == name
    assert doc.text == expected.text
    assert "\ufeff" not in doc.text and "\r" not in doc.text
    assert [a.headline for a in doc.articles] == ["合肥产投集团评出首届15名“产投匠星”"]


def test_gb18030_only_characters(tmp_path: Path) -> None:
    text = "㐀䶵 工会\n"  # CJK extension A: in GB18030, not in GBK
    path = tmp_path / "ext.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_document(path).text == text


def test_html_meta_charset(tmp_path: Path) -> None:
    html = '<html><head><meta charset="gbk"></head><body><p>工会新闻。</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("gbk"))
    doc = read_document(path)
    assert doc.encoding == "gb18030"
    assert doc.text == "工会新闻。"
    assert sniff_html_charset(html.encode("gbk")) == "gbk"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "[E002]"),
        (bytes(range(1, 9)) * 64, "[E002]"),  # control bytes, no NUL
        ("工会".encode() + b"\x00\x00\x01\x00" * 40, "[E002]"),  # NULs on both sides
        (bytes(range(128, 256)) * 4, "[E003]"),
    ],
    ids=["png", "controls", "nul-mix", "undecodable"],
)
def test_bad_bytes(data: bytes, code: str) -> None:
    with pytest.raises(IngestError) as err:
        decode_bytes(data, source="bad.txt")
    assert str(err.value).startswith(code)
    assert "bad.txt" in str(err.value)
    assert err.value.source == "bad.txt"


def test_charset_normalizer_fallback() -> None:
    # Big5 is neither UTF-8 nor GB18030-clean; charset-normalizer names it
    data = "中華全國總工會發佈通知,各級工會組織職工參加勞動競賽。".encode("big5") * 3
    text, name = decode_bytes(data)
    assert "總工會" in text
    assert name not in {"utf-8", "gb18030"}
