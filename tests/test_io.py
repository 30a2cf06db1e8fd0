"""kg.io: the YAML reader of kg's data files gives what yaml.safe_load gives."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import yaml

from kg.io import load_yaml


def _data_files() -> list[str]:
    root = resources.files("kg")
    found = []

    def walk(node, prefix: str) -> None:
        for child in node.iterdir():
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith((".yaml", ".yml")):
                found.append(f"{prefix}{child.name}")

    walk(root, "")
    return sorted(found)


def test_every_data_file_is_found() -> None:
    assert {"nlp/data/lexicon.yaml", "views/data/style.yaml"} <= set(_data_files())


@pytest.mark.parametrize("name", _data_files())
def test_a_data_file_reads_as_with_safe_load(name: str) -> None:
    text = resources.files("kg").joinpath(*name.split("/")).read_text(encoding="utf-8")
    fast, safe = load_yaml(text), yaml.safe_load(text)
    assert fast == safe
    # the same keys in the same order (rules are tried in the order written)
    assert json.dumps(fast, ensure_ascii=False, default=str) == json.dumps(
        safe, ensure_ascii=False, default=str
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [("a: [1, 二]", {"a": [1, "二"]}), ("- 总工会\n- '1'\n", ["总工会", "1"]), ("", None)],
)
def test_small_documents(text: str, value: object) -> None:
    assert load_yaml(text) == value


def test_no_python_objects_are_built() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")
