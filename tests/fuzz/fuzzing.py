"""Fuzzing support shared by the suite's fuzz test and ``make fuzz``: mutated real
sentences (from the seeds) and the checks every graph built from them must pass.

The number of examples comes from ``KG_FUZZ_EXAMPLES`` (default: a small, fixed,
derandomised run for the suite); ``KG_FUZZ_SEED`` picks another deterministic stream.
"""

from __future__ import annotations

import os
import re
import tempfile
import warnings
from datetime import timedelta
from functools import cache
from pathlib import Path

import pyoxigraph
import rdflib
from hypothesis import HealthCheck, seed, settings
from hypothesis import strategies as st

from kg.ingest import read_corpus
from kg.pipeline import BuildResult, build_documents
from kg.rdf import serialize, to_rdf, validate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

#: Characters that break line-oriented formats or that text processors treat specially:
#: the line separators of str.splitlines, other C0/C1 controls, BOM, zero-width space.
CONTROLS = [
    *"\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    *"\x00\x01\x07\x08\x1b\x1f\x7f\x9f\t\r\n",
    "\ufeff",
    "\u200b",
    "\u3000",
    "\ufffd",
]
FRAGMENTS = [
    "<p>",
    "</p>",
    "<p><p><p>",
    "<font color=red>",
    "</font>",
    "<br/>",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&nbsp;",
    "&amp;",
    "&lt;b&gt;",
    "&#0;",
    "&#x2028;",
    '"',
    "'",
    '"""',
    "\\",
    "\\u0000",
    "\\n",
    "<http://example.org/x>",
    "_:b0",
    "@prefix",
    "^^",
    "{{",
    "}}",
    "%s",
    "准印证号",
    "本报讯",
    "（记者 张三）",
    "\n\n",
    "## ",
]
PUNCTUATION = "，。、；：？！“”‘’（）《》【】…—·「」『』〈〉,.;:?!()[]<>/|~`*#@$%^&+=-_"
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ANY = st.characters(exclude_categories=["Cs"])  # any code point a decoder can produce

PIECES = st.one_of(
    st.sampled_from(CONTROLS),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(list(PUNCTUATION)),
    st.text(alphabet=CJK, min_size=1, max_size=6),
    st.text(alphabet=ANY, min_size=1, max_size=3),
)


@cache
def seed_sentences() -> tuple[str, ...]:
    """Real sentences of the seed pages (with at least eight CJK characters)."""
    found = set()
    for path in sorted(SEEDS.glob("*.txt")):
        for chunk in re.split(r"(?<=[。！？])|\n", path.read_text(encoding="utf-8")):
            chunk = chunk.strip()
            if len(re.findall(r"[\u4e00-\u9fff]", chunk)) >= 8:
                found.add(chunk)
    return tuple(sorted(found))


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    """One to three seed sentences, then up to eight insertions, deletions, duplications
    and truncations."""
    text = draw(st.sampled_from(["", "\n"])).join(
        draw(st.lists(st.sampled_from(seed_sentences()), min_size=1, max_size=3))
    )
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["insert", "insert", "insert", "delete", "dup", "truncate"]))
        at = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:at] + draw(PIECES) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 5)) :]
        elif op == "dup":
            text = text[:at] + text[at : at + draw(st.integers(1, 20))] * 2 + text[at + 20 :]
        else:
            text = text[:at]
    return text


FILES = st.tuples(
    mutated_texts(),
    st.sampled_from([".txt", ".txt", ".html", ".md"]),
    st.sampled_from(["utf-8", "utf-8", "gb18030", "utf-16"]),
)


def fuzzed(test):
    """Bounded and deterministic by default; ``KG_FUZZ_EXAMPLES`` asks for a campaign and
    ``KG_FUZZ_SEED`` for another (still reproducible) stream of examples."""
    examples = int(os.environ.get("KG_FUZZ_EXAMPLES", "0"))
    test = settings(
        max_examples=examples or 30,
        deadline=timedelta(seconds=60),  # a pathological input, not a slow machine
        derandomize="KG_FUZZ_SEED" not in os.environ,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )(test)
    if "KG_FUZZ_SEED" in os.environ:
        test = seed(int(os.environ["KG_FUZZ_SEED"]))(test)
    return test


RDF_FORMATS = {
    "turtle": ("turtle", pyoxigraph.RdfFormat.TURTLE),
    "nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
    "json-ld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD),
}


def build_file(text: str, suffix: str, encoding: str) -> tuple[BuildResult | None, list[str]]:
    """Write ``text`` as a real file and build it through the normal reader."""
    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(text.encode(encoding))
        documents, problems = read_corpus([path])
        reasons = [p.reason for p in problems]
        if not documents:
            return None, reasons
        return build_documents(documents, problems), reasons


def check_outputs(result: BuildResult) -> None:
    """The whole output set (every registered writer) is written, and the graph files
    of other tools read back with networkx to the same nodes."""
    import networkx as nx

    from kg.output import write_outputs, writer_names

    with tempfile.TemporaryDirectory(prefix="kg-fuzz-out-") as tmp:
        out = Path(tmp)
        written = write_outputs(result, out, formats=writer_names())
        assert all(path.exists() for path in written.values()), written
        readers = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}
        for name, read in readers.items():
            if name in written:
                G = read(written[name])
                assert G.number_of_nodes() == result.graph.number_of_nodes(), name


def check_graph(result: BuildResult) -> dict[str, int]:
    """Every RDF format parses with rdflib and pyoxigraph to the same triple count, and
    the graph conforms to the SHACL shapes. Returns the counts."""
    rdf = to_rdf(result.graph)
    counts = {}
    for fmt, (rdflib_fmt, oxigraph_fmt) in RDF_FORMATS.items():
        data = serialize(rdf, fmt)
        with warnings.catch_warnings():  # rdflib's JSON-LD parser uses ConjunctiveGraph
            warnings.simplefilter("ignore", DeprecationWarning)
            counts[f"rdflib {fmt}"] = len(rdflib.Graph().parse(data=data, format=rdflib_fmt))
        counts[f"oxigraph {fmt}"] = sum(1 for _ in pyoxigraph.parse(data, format=oxigraph_fmt))
    assert set(counts.values()) == {len(rdf)}, counts
    report = validate(rdf)
    assert report.conforms, report.text[:3000]
    return counts
