"""The map/reduce build: the same bytes whatever the workers, the input order or the
cache; removing a document removes its facts; a bad cache entry is never used. (Dask, and
a killed build, through ``kg build``: tests/cli/test_build_scale_cli.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scale_pages import PAGES
from scale_pages import write_pages as _write_pages

from kg.cache import DocumentCache, decode_analysis, encode_entry, read_entry
from kg.pipeline import build_corpus, write_outputs


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


def test_a_build_without_its_mentions_writes_the_same_bytes(
    corpus: Path, clean, tmp_path: Path
) -> None:
    # kg build drops the mention lists after the reduce step: the graph has their provenance
    result = build_corpus([corpus], keep_mentions=False)
    assert result.mentions == [] and result.relation_mentions == []
    assert result.entities and result.relations
    assert _output_bytes(result, tmp_path) == clean


def test_worker_processes_write_the_cache_entries_the_build_process_writes(
    corpus: Path, clean, tmp_path: Path
) -> None:
    # two workers hand their analyses back as cache entries (bytes), not pickled
    built = {}
    for jobs in (1, 2):
        cache = tmp_path / f"j{jobs}" / ".kg-cache"
        result = build_corpus([corpus], jobs=jobs, cache_dir=cache)
        assert result.analysed == 3
        assert _output_bytes(result, tmp_path / f"j{jobs}") == clean
        built[jobs] = {p.name: p.read_bytes() for p in sorted(cache.glob("v*/*/*.json"))}
    assert len(built[1]) == 3 and built[2] == built[1]


@pytest.mark.parametrize("cached", [True, False], ids=["cache", "no cache"])
def test_a_worker_entry_is_kept_with_its_equal_strings_as_one(
    corpus: Path, cached: bool, tmp_path: Path
) -> None:
    result = build_corpus([corpus], jobs=2, cache_dir=tmp_path / "c" if cached else None)
    assert result.analysed == 3
    for document in result.documents:
        mentions = [m for m in result.mentions if m.article_id.startswith(document.id)]
        assert mentions
        assert len({id(m.article_id) for m in mentions}) == len({m.article_id for m in mentions})


def test_an_entry_reads_back_only_under_its_own_key(corpus: Path, tmp_path: Path) -> None:
    build_corpus([corpus / "a.txt"], cache_dir=tmp_path / "c")
    (path,) = (tmp_path / "c").glob("v*/*/*.json")
    analysis = decode_analysis(json.loads(path.read_bytes())["analysis"])
    entry = encode_entry("k1", analysis)
    assert read_entry(entry, "k1") == analysis
    with pytest.raises(ValueError):
        read_entry(entry, "k2")
    with pytest.raises(ValueError):
        read_entry(entry[: len(entry) // 2], "k1")  # a cut entry
    cache = DocumentCache(tmp_path / "other")
    with pytest.raises(ValueError):
        cache.put_entry("k1", entry[:-1])
    assert not list((tmp_path / "other").glob("**/*.json"))  # nothing written
    assert cache.put_entry("k1", entry) == analysis
    assert cache.get("k1") == analysis and cache.get("k2") is None


def test_shuffled_input_order_gives_the_same_bytes(corpus: Path, clean, tmp_path: Path) -> None:
    files = [corpus / "c.txt", corpus / "a.txt", corpus / "b.txt"]
    assert _output_bytes(build_corpus(files), tmp_path) == clean


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


def _drop_last_field(analysis: dict) -> None:
    analysis["mentions"][0].pop()  # as written by a Mention with one field fewer


def _unknown_label(analysis: dict) -> None:
    analysis["mentions"][0][1] = "NoSuchType"


def _mention_out_of_range(analysis: dict) -> None:
    analysis["relation_mentions"][0][0] = len(analysis["mentions"])


def _object_for_array(analysis: dict) -> None:
    analysis["mentions"][0] = {"text": analysis["mentions"][0][0]}


@pytest.mark.parametrize(
    "corrupt", [_drop_last_field, _unknown_label, _mention_out_of_range, _object_for_array]
)
def test_an_entry_that_does_not_fit_the_types_is_ignored(
    corpus: Path, tmp_path: Path, corrupt, caplog: pytest.LogCaptureFixture
) -> None:
    cache_dir = tmp_path / ".kg-cache"
    build_corpus([corpus / "a.txt"], cache_dir=cache_dir)
    (entry,) = cache_dir.glob("v*/*/*.json")
    data = json.loads(entry.read_bytes())
    assert data["analysis"]["relation_mentions"], "the page must give a relation"
    corrupt(data["analysis"])
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert DocumentCache(cache_dir).get(data["key"]) is None
    assert "bad cache entry" in caplog.text
    assert build_corpus([corpus / "a.txt"], cache_dir=cache_dir).analysed == 1


def test_cache_entries_round_trip(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / ".kg-cache"
    fresh = build_corpus([corpus / "a.txt"], cache_dir=cache_dir)
    (entry,) = cache_dir.glob("v*/*/*.json")
    decoded = decode_analysis(json.loads(entry.read_bytes())["analysis"])
    assert decoded.mentions == tuple(fresh.mentions)
    assert decoded.relation_mentions == tuple(fresh.relation_mentions)
    assert decoded.document == fresh.documents[0]
    assert decoded.names and len(decoded.names) == len(decoded.mentions)


@pytest.mark.parametrize("cached", [True, False], ids=["cache", "no cache"])
def test_a_fresh_analysis_is_kept_with_its_equal_strings_as_one(
    corpus: Path, cached: bool, tmp_path: Path
) -> None:
    # what the reduce step holds of an analysed document is what a cache entry reads back
    result = build_corpus([corpus / "a.txt"], cache_dir=tmp_path / "c" if cached else None)
    assert result.analysed == 1
    evidence = [r.evidence for r in result.relation_mentions]
    sentences = {s.text: s for a in result.documents[0].articles for s in a.sentences}
    assert evidence and all(e.sentence in sentences for e in evidence)
    assert all(e.sentence is sentences[e.sentence].text for e in evidence)
    articles = {m.article_id for m in result.mentions}
    assert len({id(m.article_id) for m in result.mentions}) == len(articles)


def test_the_graph_holds_the_resolved_provenance_itself(corpus: Path, tmp_path: Path) -> None:
    from kg.rdf import read_graph
    from kg.types import Provenance

    result = build_corpus([corpus / "a.txt"])
    entities = {e.id: e for e in result.entities}
    node, data = next((n, d) for n, d in result.graph.nodes(data=True) if d["provenance"])
    first = data["provenance"][0]
    assert isinstance(first, Provenance)
    assert any(first is p for p in entities[node].provenance)  # the same object, no copy
    assert first["sentence"] == first.sentence and dict(first)["end"] == first.end
    write_outputs(result, tmp_path, html=False)
    again = read_graph(tmp_path / "graph.ttl")  # read back: the same values, the same type
    assert again.nodes[node]["provenance"] == data["provenance"]


def test_a_build_from_the_cache_loads_no_nlp(corpus: Path, clean, tmp_path: Path) -> None:
    import subprocess
    import sys

    first = build_corpus([corpus], cache_dir=tmp_path / "cache")
    assert first.analysed == 3
    code = (
        "import json, sys\n"
        "from kg.pipeline import build_corpus, write_outputs\n"
        f"result = build_corpus([{str(corpus)!r}], cache_dir={str(tmp_path / 'cache')!r})\n"
        f"write_outputs(result, {str(tmp_path / 'out')!r}, html=False)\n"
        "print(json.dumps([result.cached, sorted({'spacy', 'jieba'} & set(sys.modules))]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    cached, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert cached == 3 and loaded == []  # every document from the cache: no spaCy, no jieba
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == clean["graph.ttl"]
