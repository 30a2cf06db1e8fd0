"""Issue #7, items 1–5: bad input is named and skipped, never fatal, never silent.

Each case builds its own minimal input.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path

import pytest

from kg.errors import IngestError
from kg.ingest import parse_text, read_corpus, read_document
from kg.ingest.html_text import html_to_text

GOOD = "## 合肥产投集团评出首届15名“产投匠星”\n\n本报讯(记者陈华 通讯员斯洁)日前,评选揭晓。\n"
SENTENCE = "西安市总工会主席薛振虎在会上讲话，陕西省总工会在西安市举行劳模表彰大会。"


@pytest.mark.parametrize(
    ("name", "html"),
    [
        ("unclosed-p", "<p>西安市总工会举行大会。" * 1000),
        ("unclosed-font", "<font>西安市总工会举行大会。" * 1000),
        ("deep-div", "<div>" * 5000 + "西安市总工会举行大会。" + "</div>" * 5000),
    ],
)
def test_deep_or_unclosed_html_reads(tmp_path: Path, name: str, html: str) -> None:
    text = html_to_text(html)
    assert text.count("西安市总工会举行大会。") >= 1
    (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    docs, problems = read_corpus([tmp_path])
    assert problems == []
    assert sorted(d.id for d in docs) == sorted(["good", name])


def test_any_per_file_exception_is_a_named_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.ingest.reader as reader

    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD.replace("合肥", "芜湖"), encoding="utf-8")
    real = reader.parse_text

    def explode(text: str, **kwargs):  # a bug anywhere in a stage must not end the build
        if "芜湖" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, **kwargs)

    monkeypatch.setattr(reader, "parse_text", explode)
    docs, problems = read_corpus([tmp_path])
    assert [d.id for d in docs] == ["good"]
    [problem] = problems
    assert problem.source == bad.as_posix()
    assert problem.reason.startswith(f"[E011] {bad.as_posix()}: cannot be read (RecursionError")


@pytest.fixture
def gbk_folder(tmp_path: Path) -> Path:
    if os.fsencode("工") == "工".encode():  # surrogate escapes need a bytes file system
        folder = tmp_path / "in"
        folder.mkdir()
        name = os.fsdecode("工会新闻.txt".encode("gbk"))
        try:
            (folder / name).write_text(SENTENCE, encoding="utf-8")
        except (OSError, UnicodeEncodeError):
            pytest.skip("this file system refuses non-UTF-8 names")
        return folder
    pytest.skip("file names are not bytes here")


def test_gbk_file_name_reads_with_a_readable_name(gbk_folder: Path) -> None:
    docs, problems = read_corpus([gbk_folder])
    assert problems == []
    [doc] = docs
    assert doc.id == "工会新闻"
    assert doc.source == f"{gbk_folder.as_posix()}/工会新闻.txt"
    assert doc.articles[0].source.encode("utf-8")  # printable everywhere


def test_gbk_file_name_exports(gbk_folder: Path, tmp_path: Path) -> None:
    from rdflib import Graph

    from kg.graph import build_graph
    from kg.pipeline import BuildResult, write_outputs

    docs, problems = read_corpus([gbk_folder])
    articles = [a for d in docs for a in d.articles]
    result = BuildResult(docs, problems, [], [], [], [], build_graph([], [], articles))
    out = tmp_path / "out"
    write_outputs(result, out, formats=("turtle", "nt"), html=False)
    graph = Graph().parse(out / "graph.ttl")
    sources = {str(o) for o in graph.objects(None, None) if str(o).endswith(".txt")}
    assert any(s.endswith("工会新闻.txt") for s in sources)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["documents"][0]["source"].endswith("/工会新闻.txt")


def test_iris_accept_surrogate_escapes() -> None:
    from kg.rdf.iri import article_iri, document_iri

    stem = os.fsdecode("工会新闻".encode("gbk"))
    assert str(document_iri(stem)).endswith("/document/%B9%A4%BB%E1%D0%C2%CE%C5")
    assert str(article_iri(stem + "-a00")).endswith("%C5-a00")


def test_fifo_in_a_folder_is_named_not_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    done = threading.Event()
    guard = threading.Thread(target=_unblock, args=(fifo, done), daemon=True)
    guard.start()
    try:
        docs, problems = read_corpus([tmp_path])
        with pytest.raises(IngestError, match=r"^\[E009\].*a FIFO"):
            read_document(fifo)
    finally:
        done.set()
    assert [d.id for d in docs] == ["good"]
    assert [p.reason for p in problems] == [
        f"[E009] {fifo.as_posix()}: not a regular file (a FIFO), skipped"
    ]


def _unblock(fifo: Path, done: threading.Event) -> None:
    """Should a reader open the FIFO and hang, let it go on (and fail the test)."""
    while not done.wait(2):
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:  # no reader yet
            continue


def test_socket_in_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        docs, problems = read_corpus([tmp_path])
    assert [d.id for d in docs] == ["good"]
    assert [p.reason for p in problems] == [
        f"[E009] {path.as_posix()}: not a regular file (a socket), skipped"
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_not_a_regular_file(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    docs, problems = read_corpus(["/dev/zero", link])
    assert docs == []
    assert [p.reason for p in problems] == [
        "[E009] /dev/zero: not a regular file (a character device), skipped",
        f"[E009] {link.as_posix()}: not a regular file (a character device), skipped",
    ]
    assert not any("bytes" in p.reason for p in problems)


def test_cp1251_garbage_is_undecodable(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "garbage.txt"
    bad.write_bytes(bytes.fromhex("80fffe8120") * 2000)
    docs, problems = read_corpus([tmp_path])
    assert [d.id for d in docs] == ["good"]
    [problem] = problems
    assert problem.reason.startswith(f"[E012] {bad.as_posix()}: decodes only as ")
    assert "undecodable" in problem.reason


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("gb18030", SENTENCE), ("big5", "西安市總工會主席在會上講話。"), ("utf-16", SENTENCE)],
)
def test_chinese_encodings_still_decode(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(((text + "\n") * 20).encode(encoding))
    assert text in read_document(path).text


def test_masthead_words_inside_a_sentence_keep_the_text(tmp_path: Path) -> None:
    line = SENTENCE + "本刊准印证号：陕A001号。"
    doc = parse_text(line, source="one.txt", document_id="one")
    [article] = doc.articles
    assert article.text == line
    # on a short line of its own it is still furniture
    page = f"准印证号：陕A001号\n\n{SENTENCE}"
    assert [a.text for a in parse_text(page, source="p.txt", document_id="p").articles] == [
        SENTENCE
    ]


def test_document_without_articles_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    furniture = tmp_path / "masthead.txt"
    furniture.write_text("工人日报\n\n准印证号：陕A001号\n\n第3版\n", encoding="utf-8")
    docs, problems = read_corpus([tmp_path])
    assert [d.id for d in docs] == ["good"]
    assert [p.reason for p in problems] == [
        f"[E010] {furniture.as_posix()}: no article text found (only page furniture), skipped"
    ]
