"""A small real graph for the analysis tests (names from the seed corpus and gold)."""

from __future__ import annotations

import networkx as nx

from kg.graph import build_graph
from kg.types import Entity, EntityType, Provenance, Relation, RelationType

E = EntityType
R = RelationType

ENTITIES = [
    ("Union/中华全国总工会", E.UNION, "中华全国总工会"),
    ("Union/陕西省总工会", E.UNION, "陕西省总工会"),
    ("Union/西安市总工会", E.UNION, "西安市总工会"),
    ("Union/碑林区总工会", E.UNION, "碑林区总工会"),
    ("Union/吉林省总工会", E.UNION, "吉林省总工会"),
    ("Union/中铁十八局集团工会", E.UNION, "中铁十八局集团工会"),
    ("Enterprise/中铁十八局集团", E.ENTERPRISE, "中铁十八局集团"),
    ("GovernmentBody/抚远市信访局", E.GOVERNMENT_BODY, "抚远市信访局"),
    ("Organization/西安交通大学", E.ORGANIZATION, "西安交通大学"),
    ("Person/王雷", E.PERSON, "王雷"),
    ("Person/戴建平", E.PERSON, "戴建平"),
    ("Person/彭冰", E.PERSON, "彭冰"),
    ("Programme/春风行动", E.PROGRAMME, "春风行动"),
    ("Programme/吉林工匠学院", E.PROGRAMME, "吉林工匠学院"),
    ("Programme/职工创新工作室", E.PROGRAMME, "职工创新工作室"),
    ("Programme/司机之家", E.PROGRAMME, "司机之家"),
    ("Place/陕西省", E.PLACE, "陕西省"),
    ("Place/西安市", E.PLACE, "西安市"),
    ("Place/碑林区", E.PLACE, "碑林区"),
    ("Place/吉林省", E.PLACE, "吉林省"),
    ("Place/长春市", E.PLACE, "长春市"),
    ("Place/天津市", E.PLACE, "天津市"),
    ("Event/吉林省第二届职工职业技能大赛", E.EVENT, "吉林省第二届职工职业技能大赛"),
]

RELATIONS = [
    ("Union/陕西省总工会", R.SUB_ORGANIZATION_OF, "Union/中华全国总工会", None),
    ("Union/吉林省总工会", R.SUB_ORGANIZATION_OF, "Union/中华全国总工会", None),
    ("Union/西安市总工会", R.SUB_ORGANIZATION_OF, "Union/陕西省总工会", None),
    ("Union/碑林区总工会", R.SUB_ORGANIZATION_OF, "Union/西安市总工会", None),
    ("Union/中铁十八局集团工会", R.SUB_ORGANIZATION_OF, "Enterprise/中铁十八局集团", None),
    ("Union/陕西省总工会", R.LOCATED_IN, "Place/陕西省", None),
    ("Union/西安市总工会", R.LOCATED_IN, "Place/西安市", None),
    ("Union/碑林区总工会", R.LOCATED_IN, "Place/碑林区", None),
    ("Union/吉林省总工会", R.LOCATED_IN, "Place/吉林省", None),
    ("Enterprise/中铁十八局集团", R.LOCATED_IN, "Place/天津市", None),
    ("Place/碑林区", R.LOCATED_IN, "Place/西安市", None),
    ("Place/西安市", R.LOCATED_IN, "Place/陕西省", None),
    ("Place/长春市", R.LOCATED_IN, "Place/吉林省", None),
    ("Person/王雷", R.MEMBER_OF, "Union/西安市总工会", "党组书记、常务副主席"),
    ("Person/戴建平", R.MEMBER_OF, "Union/吉林省总工会", "主席"),
    ("Person/彭冰", R.MEMBER_OF, "Organization/西安交通大学", None),
    ("Union/西安市总工会", R.ESTABLISHES, "Programme/春风行动", None),
    ("Union/吉林省总工会", R.ESTABLISHES, "Programme/春风行动", None),
    ("Union/吉林省总工会", R.ESTABLISHES, "Programme/吉林工匠学院", None),
    ("Programme/吉林工匠学院", R.LOCATED_IN, "Place/长春市", None),
    ("Union/中铁十八局集团工会", R.ESTABLISHES, "Programme/职工创新工作室", None),
    ("Union/吉林省总工会", R.ORGANIZES, "Event/吉林省第二届职工职业技能大赛", None),
    ("Union/西安市总工会", R.PARTNER_OF, "Organization/西安交通大学", None),
]

SENTENCE = "西安市总工会党组书记、常务副主席王雷出席“春风行动”启动仪式。"


def analysis_graph() -> nx.MultiDiGraph:
    """The test graph, built through kg.types + kg.graph.build_graph."""
    prov = (Provenance("doc", "doc/a1", SENTENCE, 0, len(SENTENCE)),)
    entities = [Entity(i, t, n, (), prov) for i, t, n in ENTITIES]
    relations = [Relation(h, p, t, prov, role=role) for h, p, t, role in RELATIONS]
    return build_graph(entities, relations)


def reversed_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Same graph, nodes and edges inserted in reverse order."""
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    return H
