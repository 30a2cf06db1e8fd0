"""jieba's part-of-speech tagger with a faster, exact Viterbi for the words it does not
know (jieba's own builds a tuple per state pair; this one skips the pairs without a
transition, which can only lose, and breaks ties as jieba does: the larger state)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from kg.nlp.jieba_tables import posseg

__all__ = ["POSTagger", "pos_tagger", "viterbi"]

char_state_tab_P, emit_P, pair = posseg.char_state_tab_P, posseg.emit_P, posseg.pair
start_P, trans_P = posseg.start_P, posseg.trans_P

_MIN_FLOAT = -3.14e100
_MIN_INF = float("-inf")
_ALL_STATES = tuple(trans_P)
_NEXT = {state: frozenset(following) for state, following in trans_P.items()}


def viterbi(obs: str) -> tuple[float, list[tuple[str, str]]]:
    """Best (probability, state per character) for ``obs``: what
    ``jieba.posseg.viterbi.viterbi`` returns with jieba's model, computed the same way."""
    V: list[dict] = [{}]
    path: list[dict] = [{}]
    first = obs[0]
    for y in char_state_tab_P.get(first, _ALL_STATES):
        V[0][y] = start_P[y] + emit_P[y].get(first, _MIN_FLOAT)
        path[0][y] = ""
    for t in range(1, len(obs)):
        before = V[t - 1]
        ch = obs[t]
        prev_states: Sequence = [x for x in path[t - 1] if trans_P[x]]
        expected = frozenset().union(*(_NEXT[x] for x in prev_states))
        states = expected.intersection(char_state_tab_P.get(ch, _ALL_STATES))
        if not states:
            states = expected or _ALL_STATES
        now, back = {}, {}
        for y in states:
            emit = emit_P[y].get(ch, _MIN_FLOAT)
            best_p, best_s = _MIN_INF, None
            for y0 in prev_states:
                step = trans_P[y0].get(y)
                if step is None:
                    continue  # jieba's -inf: loses to any finite path
                p = before[y0] + step + emit
                if p > best_p or (p == best_p and best_s is not None and y0 > best_s):
                    best_p, best_s = p, y0
            if best_s is None or best_p == _MIN_INF:
                best_p, best_s = _MIN_INF, max(prev_states)  # every path -inf: jieba's tie
            now[y], back[y] = best_p, best_s
        V.append(now)
        path.append(back)
    prob, state = max((V[-1][y], y) for y in path[-1])
    route: list = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = path[i][state]
    return prob, route


class POSTagger(posseg.POSTokenizer):
    """``posseg.dt`` (its dictionary and word tags, shared) with :func:`viterbi`."""

    def __init__(self) -> None:  # no super().__init__: it would read the dictionary again
        self.tokenizer = posseg.dt.tokenizer
        self.word_tag_tab = posseg.dt.word_tag_tab

    def _POSTokenizer__cut(self, sentence: str):  # jieba's private hook (name-mangled __cut)
        _, pos_list = viterbi(sentence)
        begin, nexti = 0, 0
        for i, char in enumerate(sentence):
            pos = pos_list[i][0]
            if pos == "B":
                begin = i
            elif pos == "E":
                yield pair(sentence[begin : i + 1], pos_list[i][1])
                nexti = i + 1
            elif pos == "S":
                yield pair(char, pos_list[i][1])
                nexti = i + 1
        if nexti < len(sentence):
            yield pair(sentence[nexti:], pos_list[nexti][1])


@cache
def pos_tagger() -> POSTagger:
    """The process's tagger (a module-level one keeps the pipeline's components picklable)."""
    return POSTagger()
