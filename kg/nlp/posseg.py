"""jieba's part-of-speech tagger with a faster, exact Viterbi for the words it does not
know. jieba's own loops over every pair of states in Python; this one takes, per
character, the pairs of the states jieba would consider as one NumPy array, adds the
same three log probabilities in the same order, and breaks ties as jieba does (the
larger state), so it returns jieba's probability and states exactly."""

from __future__ import annotations

from functools import cache

import numpy as np

from kg.nlp.jieba_tables import posseg

__all__ = ["POSTagger", "pos_tagger", "viterbi"]

char_state_tab_P, emit_P, pair = posseg.char_state_tab_P, posseg.emit_P, posseg.pair
start_P, trans_P = posseg.start_P, posseg.trans_P

_MIN_FLOAT = -3.14e100  # jieba's log probability of an emission its model lacks
_STATES = tuple(sorted(trans_P))  # index order is state order, so ties go to the last
_INDEX = {state: i for i, state in enumerate(_STATES)}
_EMIT = [emit_P[state] for state in _STATES]
_START = np.array([start_P[state] for state in _STATES])
_TRANS = np.full((len(_STATES), len(_STATES)), -np.inf)  # jieba's missing pair: -inf
for _state, _following in trans_P.items():
    for _next, _logp in _following.items():
        _TRANS[_INDEX[_state], _INDEX[_next]] = _logp
_REACHES = np.isfinite(_TRANS)
_HAS_NEXT = np.array([bool(trans_P[state]) for state in _STATES])
_ALL = np.arange(len(_STATES))


@cache
def _char_states(char: str) -> np.ndarray:
    """The indices of the states the model allows for ``char`` (all for an unknown one)."""
    allowed = char_state_tab_P.get(char)
    return _ALL if allowed is None else np.array(sorted(_INDEX[s] for s in allowed))


def _emissions(states: np.ndarray, char: str) -> np.ndarray:
    return np.array([_EMIT[i].get(char, _MIN_FLOAT) for i in states.tolist()])


def viterbi(obs: str) -> tuple[float, list[tuple[str, str]]]:
    """Best (probability, state per character) for ``obs``: what
    ``jieba.posseg.viterbi.viterbi`` returns with jieba's model, computed the same way.

    Examples
    --------
    >>> viterbi("易梅森")[1]  # a person's name (nr) of three characters: Begin, Middle, End
    [('B', 'nr'), ('M', 'nr'), ('E', 'nr')]
    """
    states = _char_states(obs[0])
    probs = _START[states] + _emissions(states, obs[0])
    backs: list[np.ndarray] = []
    for char in obs[1:]:
        live = _HAS_NEXT[states]  # jieba drops states that lead nowhere
        before, probs = states[live], probs[live]
        reachable = _REACHES[before].any(axis=0)
        allowed = _char_states(char)
        states = allowed[reachable[allowed]]
        if not states.size:  # jieba: the reachable states, else all of them
            states = np.flatnonzero(reachable) if reachable.any() else _ALL
        paths = (probs[:, None] + _TRANS[np.ix_(before, states)]) + _emissions(states, char)
        best = len(before) - 1 - paths[::-1].argmax(axis=0)  # ties: the larger state
        probs = paths[best, np.arange(len(states))]
        back = np.empty(len(_STATES), dtype=np.intp)
        back[states] = before[best]
        backs.append(back)
    last = len(states) - 1 - int(probs[::-1].argmax())
    state = int(states[last])
    route = [_STATES[state]]
    for back in reversed(backs):
        state = int(back[state])
        route.append(_STATES[state])
    route.reverse()
    return float(probs[last]), route


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
