"""The map/reduce build: the same bytes whatever the workers, the scheduler, the input
order or the cache; removing a document removes its facts; a killed build loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.cache import DocumentCache, decode_analysis
from kg.pipeline import build_corpus, write_outputs

# Three short pages; 西安 is the thread: page a names the city federation by its short
# form too (市总工会), page b by its full name only, page c is about another city.
PAGES = {
    "a": (
        "## 西安市总工会为一线职工送清凉\n\n"
        "本报讯 7月28日，西安市总工会在西安市雁塔区开展夏季送清凉活动。"
        "市总工会主席王冰带队走访慰问环卫工人和快递小哥，送去防暑物品。\n"
    ),
    "b": (
        "## 西安举办职工技能大赛\n\n"
        "本报讯 近日，由西安市总工会主办的2024年西安市职工职业技能大赛在西安开幕。"
        "陕西建工集团有限公司等30家企业的200余名职工参赛。\n"
    ),
    "c": (
        "## 襄阳市总工会建成司机之家\n\n"
        "本报讯 湖北省襄阳市总工会在襄阳市樊城区建成10个司机之家，"
        "为货车司机和网约车司机提供休息场所。襄阳市总工会副主席李明出席启用仪式。\n"
    ),
}


def _write_pages(folder: Path, names: str = "abc") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(PAGES[name], encoding="utf-8")
    return folder


def _output_bytes(result, out: Path) -> dict[str, bytes]:
    write_outputs(result, out, html=False)
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "report.json")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_pages(tmp_path_factory.mktemp("pages") / "corpus")


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The single-process build, no cache: what every other way must reproduce."""
    return _output_bytes(build_corpus([corpus]), tmp_path_factory.mktemp("clean"))


def test_the_reference_build_has_facts(clean: dict[str, bytes]) -> None:
    ttl = clean["graph.ttl"].decode("utf-8")
    assert "西安市总工会" in ttl and "襄阳市总工会" in ttl
    assert json.loads(clean["report.json"])["summary"]["documents"] == 3


def test_two_workers_give_the_same_bytes(corpus: Path, clean, tmp_path: Path) -> None:
    assert _output_bytes(build_corpus([corpus], jobs=2), tmp_path) == clean


def test_shuffled_input_order_gives_the_same_bytes(corpus: Path, clean, tmp_path: Path) -> None:
    files = [corpus / "c.txt", corpus / "a.txt", corpus / "b.txt"]
    assert _output_bytes(build_corpus(files), tmp_path) == clean


def test_dask_local_cluster_gives_the_same_bytes(corpus: Path, clean, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    result = build_corpus([corpus], dask="local:2")
    assert result.analysed == 3
    assert _output_bytes(result, tmp_path) == clean


def test_adding_a_document_analyses_only_it(tmp_path: Path) -> None:
    corpus = _write_pages(tmp_path / "corpus", "ab")
    cache = tmp_path / "out" / ".kg-cache"
    assert build_corpus([corpus], cache_dir=cache).analysed == 2
    _write_pages(corpus, "c")
    result = build_corpus([corpus], cache_dir=cache)
    assert result.analysed == 1
    clean = _output_bytes(build_corpus([corpus]), tmp_path / "clean")
    assert _output_bytes(result, tmp_path / "out") == clean
    again = build_corpus([corpus], cache_dir=cache)
    assert again.analysed == 0
    assert build_corpus([corpus], cache_dir=cache, full=True).analysed == 3


def test_removing_a_document_removes_its_facts(tmp_path: Path) -> None:
    corpus = _write_pages(tmp_path / "corpus")
    cache = tmp_path / "out" / ".kg-cache"
    before = build_corpus([corpus], cache_dir=cache).graph
    (corpus / "a.txt").unlink()
    after = build_corpus([corpus], cache_dir=cache)
    assert after.analysed == 0
    clean_without = build_corpus([corpus])
    assert _output_bytes(after, tmp_path / "inc") == _output_bytes(clean_without, tmp_path / "ref")
    graph = after.graph
    # an entity only page a named is gone (王冰, the person)
    only_a = [
        n
        for n, d in before.nodes(data=True)
        if {p["document_id"] for p in d["provenance"]} == {"a"}
    ]
    assert only_a and not any(n in graph for n in only_a)
    # the federation page b names too stays, without page a's short form as an alias
    union = "Union/西安市总工会"
    assert "市总工会" in before.nodes[union]["aliases"]
    assert union in graph and "市总工会" not in graph.nodes[union]["aliases"]
    assert {p["document_id"] for p in graph.nodes[union]["provenance"]} == {"b"}
    # an edited document loses its old facts and gains the new ones
    (corpus / "b.txt").write_text(PAGES["b"].replace("西安", "宝鸡"), encoding="utf-8")
    edited = build_corpus([corpus], cache_dir=cache)
    assert edited.analysed == 1
    assert union not in edited.graph and "Union/宝鸡市总工会" in edited.graph


def test_a_partial_or_foreign_cache_entry_is_not_used(tmp_path: Path) -> None:
    corpus = _write_pages(tmp_path / "corpus")
    cache_dir = tmp_path / "out" / ".kg-cache"
    build_corpus([corpus], cache_dir=cache_dir)
    entries = sorted(cache_dir.glob("v*/*/*.json"))
    assert len(entries) == 3
    entries[0].write_bytes(entries[0].read_bytes()[:50])  # cut short
    entries[1].write_text('{"format": 1, "key": "another", "analysis": {}}', encoding="utf-8")
    result = build_corpus([corpus], cache_dir=cache_dir)
    assert result.analysed == 2
    clean = _output_bytes(build_corpus([corpus]), tmp_path / "clean")
    assert _output_bytes(result, tmp_path / "out") == clean
    for entry in sorted(cache_dir.glob("v*/*/*.json")):
        data = json.loads(entry.read_bytes())
        assert DocumentCache(cache_dir).get(data["key"]) is not None


def test_a_killed_build_leaves_cache_and_outputs_usable(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(24):  # enough pages that the kill lands mid-analysis
        name = "abc"[i % 3]
        (corpus / f"p{i:02d}.txt").write_text(
            PAGES[name].replace("7月", f"{i % 12 + 1}月"), encoding="utf-8"
        )
    out = tmp_path / "out"
    script = (
        "import sys; from pathlib import Path; from kg.pipeline import build_corpus, write_outputs;"
        " out = Path(sys.argv[1]);"
        " write_outputs(build_corpus([sys.argv[2]], cache_dir=out / '.kg-cache'), out, html=False)"
    )
    kg = [sys.executable, "-c", script, str(out)]
    write_outputs(build_corpus([corpus / "p00.txt", corpus / "p01.txt"]), out, html=False)
    previous = {n: (out / n).read_bytes() for n in ("graph.ttl", "report.json")}
    entries = out / ".kg-cache"
    with subprocess.Popen([*kg, str(corpus)], start_new_session=True) as build:
        deadline = time.monotonic() + 120
        while len(list(entries.glob("v*/*/*.json"))) < 5 and time.monotonic() < deadline:
            if build.poll() is not None:
                break
            time.sleep(0.01)
        os.killpg(build.pid, signal.SIGKILL)
        assert build.wait(timeout=30) == -signal.SIGKILL, "the build ended before the kill"
    # the previous outputs are untouched, every cache entry is whole
    assert {n: (out / n).read_bytes() for n in previous} == previous
    cache = DocumentCache(entries)
    keys = [json.loads(p.read_bytes())["key"] for p in entries.glob("v*/*/*.json")]
    assert len(keys) >= 5
    assert all(cache.get(key) is not None for key in keys)
    # the next build reuses them and gives what a clean build gives
    resumed = build_corpus([corpus], cache_dir=entries)
    assert resumed.analysed == 24 - len(keys) > 0
    assert _output_bytes(resumed, tmp_path / "a") == _output_bytes(
        build_corpus([corpus]), tmp_path / "b"
    )


def test_cache_entries_round_trip(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / ".kg-cache"
    fresh = build_corpus([corpus / "a.txt"], cache_dir=cache_dir)
    (entry,) = cache_dir.glob("v*/*/*.json")
    decoded = decode_analysis(json.loads(entry.read_bytes())["analysis"])
    assert decoded.mentions == tuple(fresh.mentions)
    assert decoded.relation_mentions == tuple(fresh.relation_mentions)
    assert decoded.document == fresh.documents[0]
