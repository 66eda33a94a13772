"""Alignment: find the passages that several sources share and say why each pair was joined.

1. Units (units.py): every sentence and direct quote that is story text, not page furniture, a
   long quote's sentences, and the clauses of long sentences, with their folded words.
2. Candidates (candidates.py): an inverted index from pairs of nearby content words to units;
   two units of different articles that share keys are a candidate pair.
3. Rules (rules.py): a short list of named rules, each with its bar as a documented constant;
   the first rule a pair passes makes an edge that records the rule and its evidence.
4. Groups (groups.py): each passage keeps its best edge into each other article (mutual best),
   and pairs join into groups by average linkage, one passage per article.
"""

from __future__ import annotations

from tui.core.model import Corpus, MatchGroup, Segment

from .candidates import candidate_pairs
from .groups import cluster, groups, mutual_best, overlapping_units, wholes_first
from .rules import Edge, score_pair, similarity, weights
from .units import Unit, build_units, clauses

__all__ = ["Edge", "Unit", "align", "build_units", "candidate_pairs", "clauses", "score_pair", "weights"]


def align(corpus: Corpus, segments: dict[str, tuple[Segment, ...]]) -> tuple[MatchGroup, ...]:
    """The groups of passages that several sources share, in reading order."""
    units = build_units(corpus, segments)
    table = weights(units)
    edges = [edge for left, right in candidate_pairs(units) if (edge := score_pair(units[left], units[right], table))]
    by_pair = {(min(e.left, e.right), max(e.left, e.right)): e for e in edges}
    kept = mutual_best(units, wholes_first(units, edges))
    overlapping = overlapping_units(units)  # a quote and its sentence, a clause and its sentence
    clusters = cluster(units, kept, lambda a, b: similarity(units[a], units[b], table, by_pair), overlapping)
    return groups(units, clusters, kept, overlapping)
