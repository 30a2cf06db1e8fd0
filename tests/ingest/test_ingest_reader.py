"""read_corpus / read_document: folders, bad files, ids, determinism."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kg.ingest
from kg.errors import IngestError
from kg.ingest import read_corpus, read_document
from kg.types import Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOOD = "## 合肥产投集团评出首届15名“产投匠星”\n\n本报讯(记者陈华 通讯员斯洁)日前,评选揭晓。\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_public_api() -> None:
    assert set(kg.ingest.__all__) == {"parse_text", "read_corpus", "read_document"}


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "E002"),
        ("undecodable.txt", bytes(range(128, 256)) * 4, "E003"),
        ("empty.txt", b"", "E004"),
        ("blank.md", "  \n\u3000\n", "E004"),
        ("script-only.html", "<html><script>alert(1)</script></html>", "E004"),
        ("big.txt", GOOD * 40, "E005"),
    ],
)
def test_bad_file_is_a_problem_and_the_rest_loads(
    tmp_path: Path, name: str, data: bytes | str, code: str
) -> None:
    write(tmp_path / "good.txt", GOOD)
    bad = write(tmp_path / name, data)
    docs, problems = read_corpus([tmp_path], max_bytes=1000)
    assert [d.id for d in docs] == ["good"]
    assert docs[0].articles[0].headline == "合肥产投集团评出首届15名“产投匠星”"
    [problem] = problems
    assert problem.reason.startswith(f"[{code}]")
    assert bad.as_posix() in problem.reason  # the message names the file
    assert problem.source == bad.as_posix()


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "good.txt", GOOD)
    locked = write(tmp_path / "locked.txt", GOOD)
    real_open = os.open

    def fake_open(path, *args, **kwargs):  # root may read any file: simulate EACCES
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    docs, problems = read_corpus([tmp_path])
    assert [d.id for d in docs] == ["good"]
    assert [p.reason for p in problems] == [
        f"[E007] {locked.as_posix()}: cannot read file: Permission denied"
    ]


def test_folder_walk(tmp_path: Path) -> None:
    write(tmp_path / "b" / "2.md", GOOD)
    write(tmp_path / "a.html", f"<h2>标题</h2><p>{GOOD}</p>")
    write(tmp_path / "b" / "1.TXT", GOOD)
    write(tmp_path / "b" / "c" / "0.htm", "<p>正文。</p>")
    csv = write(tmp_path / "notes.csv", "a,b\n")  # other suffixes: named, skipped
    png = write(tmp_path / "image.png", b"\x89PNG\x00\x00")
    write(tmp_path / ".hidden.txt", GOOD)  # hidden entries: skipped silently
    write(tmp_path / ".git" / "x.txt", GOOD)
    docs, problems = read_corpus([tmp_path])
    assert [p.reason for p in problems] == [
        f"[E016] {png.as_posix()}: not an input format kg reads ('.png'), skipped",
        f"[E016] {csv.as_posix()}: not an input format kg reads ('.csv'), skipped",
    ]
    # sorted relative paths: a.html, b/1.TXT, b/2.md, b/c/0.htm
    assert [d.id for d in docs] == ["a", "1", "2", "0"]
    assert [Path(d.source).name for d in docs] == ["a.html", "1.TXT", "2.md", "0.htm"]


def test_explicit_files(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", GOOD)
    rtf = write(tmp_path / "page.rtf", b"{\\rtf1 x}")
    missing = tmp_path / "missing.txt"
    docs, problems = read_corpus([good, rtf, missing, good])  # the repeat is read once
    assert [d.id for d in docs] == ["good"]
    assert [p.reason for p in problems] == [
        f"[E006] {rtf.as_posix()}: unsupported file type '.rtf' "
        "(use .txt, .md, .html/.htm, .pdf or .docx)",
        f"[E001] {missing.as_posix()}: file not found",
    ]


def test_single_path_argument(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD)
    docs, _ = read_corpus(tmp_path)
    assert [d.id for d in docs] == ["good"]


def test_nothing_to_read(tmp_path: Path) -> None:
    write(tmp_path / "notes.csv", "a,b\n")
    with pytest.raises(IngestError) as err:
        read_corpus([tmp_path])
    assert str(err.value).startswith("[E008]")


def test_shared_stems_get_stable_ids(tmp_path: Path) -> None:
    write(tmp_path / "a" / "page.txt", GOOD)
    write(tmp_path / "b" / "page.md", GOOD)
    write(tmp_path / "other.txt", GOOD)
    docs, _ = read_corpus([tmp_path])

    def expected(rel: str) -> str:
        return "page-" + hashlib.sha1(rel.encode()).hexdigest()[:8]

    assert [d.id for d in docs] == [expected("a/page.txt"), expected("b/page.md"), "other"]
    assert docs[0].articles[0].id == f"{expected('a/page.txt')}-a00"
    # the same relative name under two folders
    write(tmp_path / "c" / "x" / "page.txt", GOOD)
    write(tmp_path / "d" / "x" / "page.txt", GOOD)
    docs, _ = read_corpus([tmp_path / "c", tmp_path / "d"])
    assert [d.id for d in docs] == [expected("x/page.txt"), expected("x/page.txt") + "-2"]


def test_read_document(tmp_path: Path) -> None:
    path = write(tmp_path / "page.txt", GOOD)
    doc = read_document(path, document_id="custom")
    assert doc.id == "custom" and doc.articles[0].id == "custom-a00"
    assert doc.source == path.as_posix() and doc.encoding == "utf-8"
    with pytest.raises(IngestError, match=r"^\[E006\]"):
        read_document(tmp_path / "page.odt")
    with pytest.raises(IngestError, match=r"^\[E001\]"):
        read_document(tmp_path / "nope.txt")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(IngestError, match=r"^\[E009\].*directory"):
        read_document(folder)


def _digest(docs: list[Document]) -> str:
    rows = [
        [d.id, d.encoding, d.text, d.analysis_text]
        + [
            [a.id, a.headline, a.byline, a.start, a.end, [(s.start, s.end) for s in a.sentences]]
            for a in d.articles
        ]
        for d in docs
    ]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def test_seed_corpus_is_deterministic() -> None:
    docs, problems = read_corpus([SEEDS])
    assert problems == []
    assert [d.id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    again, _ = read_corpus([SEEDS])
    assert again == docs
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from test_ingest_reader import _digest; from kg.ingest import read_corpus;"
        "print(_digest(read_corpus([sys.argv[1]])[0]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(SEEDS), str(Path(__file__).parent)],
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == _digest(docs)
