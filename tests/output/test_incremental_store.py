"""A rebuild updates the previous build's store where it changed (kg.rdf.store) and gets
the very quads of a store written from nothing; a store written to since is not reused."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from scale_pages import PAGES
from scale_pages import write_pages as _write_pages

import kg.rdf.store as store_module
from kg.pipeline import build_corpus, write_outputs
from kg.rdf.store import DERIVED_GRAPH, MANIFEST, SHARED_LINES, load_into


def _quads(out: Path) -> set[str]:
    store = pyoxigraph.Store.read_only(str(out / "store"))
    return {str(q) for q in store}


def _exported(quads: set[str]) -> set[str]:
    """The quads of ``graph.ttl``: without the store's derived graph (kg.rdf.store.derive)."""
    return {q for q in quads if not q.endswith(f"<{DERIVED_GRAPH}>")}


def _graphs(out: Path) -> set[str]:
    store = pyoxigraph.Store.read_only(str(out / "store"))
    return {g.value for g in store.named_graphs()}


def _build(corpus: Path, out: Path, *, fresh: bool) -> None:
    """A build with the cache in ``out``; ``fresh``: whether the store is written from
    nothing (else it must be the previous one, updated)."""
    calls: list[Path] = []
    write_fresh = store_module._write_fresh

    def spy(folder: Path, triples: object, threads: int = 1) -> dict[str, str]:
        calls.append(folder)
        return write_fresh(folder, triples, threads)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(store_module, "_write_fresh", spy)
        write_outputs(build_corpus([corpus], cache_dir=out / ".kg-cache"), out, html=False)
    assert bool(calls) == fresh


def _clean(corpus: Path, out: Path) -> set[str]:
    write_outputs(build_corpus([corpus]), out, html=False)
    return _quads(out)


def test_adding_a_document_updates_the_store_to_the_clean_quads(tmp_path: Path) -> None:
    corpus = _write_pages(tmp_path / "corpus", "ab")
    out = tmp_path / "out"
    _build(corpus, out, fresh=True)
    before = _quads(out)
    assert (out / "store" / MANIFEST).is_file()
    _write_pages(corpus, "c")
    _build(corpus, out, fresh=False)
    after = _quads(out)
    assert after == _clean(corpus, tmp_path / "clean")
    # the documents' quads only grow (the derived review list may rank other facts)
    before, grown = _exported(before), _exported(after)
    assert before < grown and any("/id/document/c>" in q for q in grown - before)
    _build(corpus, out, fresh=False)  # nothing changed: the same quads again
    assert _quads(out) == after


def test_removing_and_editing_documents_update_the_store(tmp_path: Path) -> None:
    corpus = _write_pages(tmp_path / "corpus")
    out = tmp_path / "out"
    _build(corpus, out, fresh=True)
    assert any(g.endswith("/id/document/a") for g in _graphs(out))
    (corpus / "a.txt").unlink()
    (corpus / "b.txt").write_text(PAGES["b"].replace("西安", "宝鸡"), encoding="utf-8")
    _build(corpus, out, fresh=False)
    quads = _quads(out)
    assert quads == _clean(corpus, tmp_path / "clean")
    assert not any(g.endswith("/id/document/a") for g in _graphs(out))
    assert not any("西安市总工会" in q for q in quads) and any("宝鸡市总工会" in q for q in quads)


def test_a_store_written_to_since_is_written_anew(tmp_path: Path) -> None:
    corpus = _write_pages(tmp_path / "corpus", "ab")
    out = tmp_path / "out"
    _build(corpus, out, fresh=True)
    extra = tmp_path / "extra.ttl"
    extra.write_text("<urn:x> <urn:p> <urn:y> .\n", encoding="utf-8")
    name, count = load_into(extra, out)
    assert count == 1 and str(name) in _graphs(out)
    _build(corpus, out, fresh=True)  # a clean build's store: the loaded graph is gone
    assert str(name) not in _graphs(out)
    assert _quads(out) == _clean(corpus, tmp_path / "clean")


def test_a_store_changed_behind_the_manifest_is_not_reused(tmp_path: Path) -> None:
    corpus = _write_pages(tmp_path / "corpus", "ab")
    out = tmp_path / "out"
    _build(corpus, out, fresh=True)
    store = pyoxigraph.Store(str(out / "store"))  # a writer that keeps the manifest
    store.add(
        pyoxigraph.Quad(
            pyoxigraph.NamedNode("urn:x"),
            pyoxigraph.NamedNode("urn:p"),
            pyoxigraph.NamedNode("urn:y"),
            pyoxigraph.NamedNode("urn:g"),
        )
    )
    store.flush()
    del store
    _build(corpus, out, fresh=True)
    assert "urn:g" not in _graphs(out)
    assert _quads(out) == _clean(corpus, tmp_path / "clean")


def _kept_lines_calls(mp: pytest.MonkeyPatch) -> list[bool]:
    """Spy on the use of the previous store's shared lines: one bool (used) per call."""
    kept_lines = store_module._kept_lines
    calls: list[bool] = []

    def spy(previous: Path, digest: str) -> set[str] | None:
        lines = kept_lines(previous, digest)
        calls.append(lines is not None)
        return lines

    mp.setattr(store_module, "_kept_lines", spy)
    return calls


def _add_reprint(corpus: Path) -> Path:
    """Page a again under another name and date: more support for the facts of the shared
    graph (page a and b's city federation), so that graph changes."""
    path = corpus / "d.txt"
    path.write_text(PAGES["a"].replace("7月28日", "7月29日"), encoding="utf-8")
    return path


def test_the_shared_graph_is_updated_from_the_lines_kept_beside_the_store(
    tmp_path: Path,
) -> None:
    corpus = _write_pages(tmp_path / "corpus", "ab")
    out = tmp_path / "out"
    _build(corpus, out, fresh=True)
    kept = out / "store" / SHARED_LINES
    before = set(kept.read_text(encoding="utf-8").splitlines())
    assert any("西安市总工会" in line for line in before)
    reprint = _add_reprint(corpus)
    with pytest.MonkeyPatch.context() as mp:
        calls = _kept_lines_calls(mp)
        _build(corpus, out, fresh=False)
        assert calls == [True]
        assert _quads(out) == _clean(corpus, tmp_path / "clean")
        grown = set(kept.read_text(encoding="utf-8").splitlines())
        assert grown != before
        reprint.unlink()  # the lines it brought are gone again
        _build(corpus, out, fresh=False)
        assert calls == [True, True]
    assert set(kept.read_text(encoding="utf-8").splitlines()) == before
    assert _quads(out) == _clean(corpus, tmp_path / "clean2")


def test_kept_lines_that_do_not_match_the_manifest_are_not_used(tmp_path: Path) -> None:
    corpus = _write_pages(tmp_path / "corpus", "ab")
    out = tmp_path / "out"
    _build(corpus, out, fresh=True)
    kept = (out / "store" / SHARED_LINES).resolve()
    text = kept.read_text(encoding="utf-8")
    assert "西安" in text
    # the same size (the manifest's file list still matches), other quads
    kept.write_text(text.replace("西安", "宝鸡"), encoding="utf-8")
    _add_reprint(corpus)
    with pytest.MonkeyPatch.context() as mp:
        calls = _kept_lines_calls(mp)
        _build(corpus, out, fresh=False)
    assert calls == [False]  # the shared graph was read back from the store instead
    assert _quads(out) == _clean(corpus, tmp_path / "clean")
