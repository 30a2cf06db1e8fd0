"""kg's pipeline as a spaCy package: entry points, to_disk / spacy.load, nlp.pipe."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import kg.nlp

SENTENCES = [
    "西安市总工会主席薛振虎在会上讲话。",
    "杭州市总工会在萧山区举行工匠学院揭牌仪式，市总工会副主席出席。",
    "大庆市众惠人力资源有限公司（以下简称众惠公司）成立了工会联合会。",
]


def spans(doc: Doc) -> list[tuple[int, int, str, str]]:
    return [(s.start_char, s.end_char, s.label_, s._.kg_name) for s in doc.spans["kg"]]


def run_fresh(code: str) -> str:
    """Run ``code`` in a new interpreter (no ``import kg`` unless the code does it)."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return kg.nlp.load()


@pytest.fixture(scope="module")
def seed_text(seeds_dir: Path) -> str:
    path = sorted(seeds_dir.glob("*.txt"))[0]
    return path.read_text(encoding="utf-8")[:3000]


def test_entry_point_registers_a_component_without_importing_kg() -> None:
    out = run_fresh(
        "import json, spacy\n"
        "nlp = spacy.blank('zh')\n"
        "nlp.add_pipe('kg_words')\n"
        "nlp.add_pipe('kg_organisations')\n"
        "doc = nlp('西安市总工会主席薛振虎在会上讲话。')\n"
        "names = [c.name for c in doc._.kg_candidates or []]\n"
        "print(json.dumps([nlp.pipe_names, names]))\n"
    )
    names, candidates = json.loads(out)  # the code above never imports kg: spaCy does
    assert names == ["kg_words", "kg_organisations"]
    assert "西安市总工会" in candidates


def test_load_returns_the_configured_pipeline(nlp: spacy.Language) -> None:
    assert tuple(nlp.pipe_names) == kg.nlp.COMPONENTS
    assert nlp.config["nlp"]["tokenizer"]["segmenter"] == "jieba"


def test_to_disk_and_spacy_load_give_the_same_spans(
    nlp: spacy.Language, seed_text: str, tmp_path: Path
) -> None:
    expected = spans(nlp(seed_text))
    assert len(expected) > 20
    nlp.to_disk(tmp_path / "kg-zh")
    assert spans(kg.nlp.load(tmp_path / "kg-zh")(seed_text)) == expected
    out = run_fresh(
        "import json, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'kg-zh')!r})\n"
        f"doc = nlp({seed_text!r})\n"
        "print(json.dumps([[s.start_char, s.end_char, s.label_, s._.kg_name]"
        " for s in doc.spans['kg']], ensure_ascii=False))\n"
    )
    assert [tuple(s) for s in json.loads(out)] == expected


def test_pipe_with_two_processes_matches_one(nlp: spacy.Language) -> None:
    texts = SENTENCES * 2
    one = [(spans(d), d._.kg_words) for d in nlp.pipe(texts)]
    two = [(spans(d), d._.kg_words) for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert two == one
    assert all(s for s, _ in one)


def test_extensions_survive_docbin(nlp: spacy.Language) -> None:
    docs = list(nlp.pipe(SENTENCES))
    store = DocBin(store_user_data=True, docs=docs)
    back = list(DocBin().from_bytes(store.to_bytes()).get_docs(nlp.vocab))
    assert [spans(d) for d in back] == [spans(d) for d in docs]
    assert [list(d._.kg_words) for d in back] == [d._.kg_words for d in docs]
    assert [list(d._.kg_candidates) for d in back] == [d._.kg_candidates for d in docs]
