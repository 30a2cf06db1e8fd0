"""The graph built from the seeds, checked by independent tools."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import rdflib
from typer.testing import CliRunner

from kg.cli import app
from kg.query import run_query
from kg.rdf import validate

runner = CliRunner()

ENTITY_CLASSES = {
    "Union",
    "Enterprise",
    "GovernmentBody",
    "Organization",
    "Person",
    "Programme",
    "Place",
    "Event",
}


def test_graph_parses_with_rdflib_and_oxigraph(built_seeds: Path) -> None:
    ttl = built_seeds / "graph.ttl"
    g = rdflib.Graph().parse(ttl, format="turtle")
    store = pyoxigraph.Store()
    store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g) > 1000


def test_graph_passes_shacl(built_seeds: Path) -> None:
    g = rdflib.Graph().parse(built_seeds / "graph.ttl", format="turtle")
    result = validate(g)
    assert result.conforms, result.text[:2000]


def test_every_entity_has_one_zh_label(built_seeds: Path) -> None:
    rows = run_query(
        built_seeds / "graph.ttl",
        """SELECT ?e (COUNT(?l) AS ?n) WHERE {
             ?e a ?c . FILTER(STRSTARTS(STR(?c), STR(kg:)))
             ?e rdfs:label ?l . FILTER(LANG(?l) = "zh")
           } GROUP BY ?e HAVING (COUNT(?l) != 1)""",
    ).rows
    assert rows == ()


def test_sparql_reaches_sentence_and_article_from_a_relation(built_seeds: Path) -> None:
    result = run_query(
        built_seeds / "graph.ttl",
        """SELECT ?post ?sentence ?headline WHERE {
             ?m a org:Membership ; org:member ?p ; kg:post ?post ; prov:wasDerivedFrom ?s .
             ?p rdfs:label ?name .
             ?s kg:text ?sentence ; kg:inArticle ?a .
             ?a dcterms:title ?headline .
           }""",
        bindings={"name": rdflib.Literal("王冰", lang="zh")},
    )
    assert result.rows, "no provenance for 王冰's post"
    post, sentence, headline = result.rows[0]
    assert post == "党组书记、常务副主席"
    assert "王冰" in sentence
    assert headline


def test_query_view_and_eval_commands_on_the_build(
    built_seeds: Path, gold_dir: Path, tmp_path: Path
) -> None:
    ttl = str(built_seeds / "graph.ttl")
    result = runner.invoke(app, ["query", ttl, "people_and_posts", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "王冰" in result.stdout
    html = tmp_path / "view.html"
    result = runner.invoke(app, ["view", ttl, "-o", str(html)])
    assert result.exit_code == 0, result.output
    assert html.stat().st_size > 0
    result = runner.invoke(app, ["eval", ttl, str(gold_dir / "000_94a1c972eb8362e8.jsonl")])
    assert result.exit_code == 0, result.output
    assert "entities (typed)" in result.stdout
