"""The reduce step reuses what the map step worked out per document (the resolver's
per-document names, kept in the cache) and gives the same bytes as working it out again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from scale_pages import PAGES

from kg.ingest import parse_text
from kg.pipeline import analyse_document, reduce_analyses, write_outputs
from kg.resolve import document_names
from kg.types import EntityType

# real sentences: a short form qualified by the article's place, an abbreviation
# declared in the text, a company's short name, and pages without any of them
TEXTS = {
    **PAGES,
    "d": "## 西安工会精准送岗\n\n近日,西安市总工会举办招聘会。市总工会常务副主席王雷介绍了情况。",
    "e": (
        "日前,合肥市产业投资控股集团(集团)有限公司(以下简称合肥产投集团)首届评选揭晓。"
        "合肥产投集团工会采取基层组织推荐等措施。"
    ),
}


@pytest.fixture(scope="module")
def analyses():
    return [
        analyse_document(parse_text(text, source=f"{name}.txt", document_id=name))
        for name, text in sorted(TEXTS.items())
    ]


def _ttl(result, out: Path) -> bytes:
    write_outputs(result, out, html=False, store=False)
    return (out / "graph.ttl").read_bytes()


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_map_step_keeps_the_per_document_names(analyses, name: str) -> None:
    (analysis,) = [a for a in analyses if a.document.id == name]
    assert analysis.mentions and len(analysis.names) == len(analysis.mentions)
    again = document_names(analysis.document, analysis.mentions)
    assert analysis.names == tuple(again[m.key] for m in analysis.mentions)


def test_the_short_form_is_resolved_in_the_map_step(analyses) -> None:
    (analysis,) = [a for a in analyses if a.document.id == "d"]
    short = [
        n for m, n in zip(analysis.mentions, analysis.names, strict=True) if m.text == "市总工会"
    ]
    assert short == [(EntityType.UNION, "西安市总工会")]


def test_reusing_the_names_gives_the_same_bytes(analyses, tmp_path: Path) -> None:
    without = [dataclasses.replace(a, names=()) for a in analyses]
    reused = _ttl(reduce_analyses(analyses), tmp_path / "reused")
    assert reused == _ttl(reduce_analyses(without), tmp_path / "again")
    assert "西安市总工会".encode() in reused


def test_the_names_are_used_not_worked_out_again(analyses) -> None:
    # a doctored name shows the reduce step took the map step's word for it
    (d,) = [a for a in analyses if a.document.id == "d"]
    names = tuple((t, "某某市总工会" if n == "西安市总工会" else n) for t, n in d.names)
    doctored = [dataclasses.replace(a, names=names) if a is d else a for a in analyses]
    entities = {e.name for e in reduce_analyses(doctored).entities}
    assert "某某市总工会" in entities
    assert "某某市总工会" not in {e.name for e in reduce_analyses(analyses).entities}


def test_a_document_id_shared_by_two_files_is_resolved_whole(analyses) -> None:
    # two files with one id: the resolver takes their mentions together, never the
    # names each file's analysis worked out alone
    (d,) = [a for a in analyses if a.document.id == "d"]
    twin = dataclasses.replace(
        d, document=dataclasses.replace(d.document, source="twin.txt"), names=()
    )
    doctored = dataclasses.replace(d, names=tuple((t, "某某") for t, _ in d.names))
    entities = {e.name for e in reduce_analyses([doctored, twin]).entities}
    assert "某某" not in entities and "西安市总工会" in entities
