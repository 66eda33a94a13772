"""How right the analysis is on real stories with a hand-written answer key (gold.yaml).

    python benchmarks/eval_stories.py                 # every story in ../shared/dev-stories
    python benchmarks/eval_stories.py DIR [DIR ...]   # story folders, or folders of story folders
    python benchmarks/eval_stories.py --show          # also list what was missed and what was wrong

It runs the same analysis as the command line (`load_corpus` + `analyse` + the documented JSON of
`kato-tui matches --json` and `kato-tui disputes --json`) and scores it against the key, whose
format ../shared/dev-stories/README.md defines. A passage "covers" a gold snippet when their
character spans in the same article overlap.

Disputes
  found        gold disputes for which one listed conflict covers the versions of two or more
               articles of the gold dispute
  precision    listed conflicts that cover two or more articles' versions of some gold dispute
  agreements   gold agreements (the traps) that one listed conflict covers in two or more articles,
               unless that conflict is itself a gold dispute (a name's two spellings may stand in the
               same words as an agreement about the person's title)
  uncorroborated   each listed claim is right when it covers a gold uncorroborated snippet, wrong
               when it covers a passage the key says another source also has (a shared passage or
               a dispute's version; not an agreement's, which may pair two different things),
               unjudged otherwise; precision is
               right / (right + wrong), strict precision right / listed
Matches
  recall       gold links found, by kind and wording: a link is two articles of one shared item,
               found when one matched group has a member covering the item's snippet in each
  precision    links the analysis makes (two members of one group) that join two articles'
               snippets of one shared item
  copy families  the families `matches --json` lists (articles that are copies of one text), by
               file name, with their shared share and agency; printed, not scored (the key has no
               families, so a claim only one family's copies make counts as corroborated by it)

It prints numbers and never fails: the exit status is 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core import report  # noqa: E402
from tui.core.analysis import analyse  # noqa: E402
from tui.core.corpus import load_corpus  # noqa: E402

DEV_STORIES = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-stories"
Spans = dict[str, list[tuple[int, int]]]  # article id -> (start, end) of each snippet


@dataclass
class Score:
    """The counts of one story, or of several added up."""

    gold_disputes: int = 0
    found: int = 0
    found_by_kind: Counter[str] = field(default_factory=Counter)
    gold_by_kind: Counter[str] = field(default_factory=Counter)
    conflicts: int = 0
    real_conflicts: int = 0
    agreements: int = 0
    agreements_flagged: int = 0
    flagged_per_story: list[int] = field(default_factory=list)
    uncorroborated: int = 0
    unc_right: int = 0
    unc_wrong: int = 0
    gold_links: Counter[str] = field(default_factory=Counter)
    links_found: Counter[str] = field(default_factory=Counter)
    links: int = 0
    links_right: int = 0

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            mine = getattr(self, name)
            if isinstance(value, Counter):
                mine.update(value)
            elif isinstance(value, list):
                mine.extend(value)
            else:
                setattr(self, name, mine + value)


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.0%}" if whole else f"{part}/0"


def story_folders(paths: list[Path]) -> list[Path]:
    """Every folder with a gold.yaml at or one level under the given paths."""
    found = []
    for path in paths:
        if (path / "gold.yaml").exists():
            found.append(path)
        else:
            found.extend(sorted(gold.parent for gold in path.glob("*/gold.yaml")))
    return found


def snippet_spans(bodies: dict[str, str], mapping: dict[str, list[str]], ids: dict[str, str]) -> Spans:
    """Where each snippet stands in its article (every occurrence), by article id."""
    spans: Spans = defaultdict(list)
    for stem, texts in (mapping or {}).items():
        article = ids[stem]
        for text in texts:
            at = bodies[article].find(text)
            while at >= 0:
                spans[article].append((at, at + len(text)))
                at = bodies[article].find(text, at + 1)
    return spans


def covers(passage: dict, spans: Spans) -> bool:
    return any(passage["start"] < end and start < passage["end"] for start, end in spans.get(passage["source"], ()))


def articles_covered(passages: list[dict], spans: Spans) -> set[str]:
    return {passage["source"] for passage in passages if covers(passage, spans)}


def evaluate(folder: Path, show: bool) -> Score:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    corpus = load_corpus(folder)
    analysis = analyse(corpus)
    matches, disputes = report.matches(analysis), report.disputes(analysis)
    ids = {Path(article.path).stem: article.id for article in corpus.articles if article.path}
    bodies = {article.id: article.body for article in corpus.articles}
    outlet = {article.id: article.outlet for article in corpus.articles}

    def spans_of(items: list[dict], key: str) -> list[tuple[dict, Spans]]:
        return [(item, snippet_spans(bodies, item.get(key) or {}, ids)) for item in items or []]

    shared = spans_of(gold.get("shared"), "members")
    gold_disputes = spans_of(gold.get("disputes"), "versions")
    agreements = spans_of(gold.get("agreements"), "versions")
    lonely = spans_of(gold.get("uncorroborated"), "versions")

    conflicts, claims = disputes["disputes"], disputes["uncorroborated"]

    score = Score()
    lines: list[str] = []
    say = lines.append
    # Disputes -------------------------------------------------------------------------------
    score.gold_disputes = len(gold_disputes)
    real = set()
    for item, spans in gold_disputes:
        score.gold_by_kind[item["kind"]] += 1
        hits = [i for i, c in enumerate(conflicts) if len(articles_covered(c["versions"], spans)) >= 2]
        real.update(hits)
        if hits:
            score.found += 1
            score.found_by_kind[item["kind"]] += 1
        elif show:
            say(f"  missed {item['id']} ({item['kind']}): {item['about']}")
    score.conflicts, score.real_conflicts = len(conflicts), len(real)
    if show:
        for i, conflict in enumerate(conflicts):
            if i not in real:
                say(f"  false {conflict['id']} ({conflict['kind']}): {conflict['summary'][:150]}")
    score.agreements = len(agreements)
    flagged = 0
    for item, spans in agreements:
        bad = [c for i, c in enumerate(conflicts) if i not in real and len(articles_covered(c["versions"], spans)) >= 2]
        if bad:
            flagged += 1
            if show:
                say(f"  trap {item['id']} flagged by {bad[0]['id']}: {item['about']}")
    score.agreements_flagged = flagged
    score.flagged_per_story = [flagged]
    # Uncorroborated claims ---------------------------------------------------------------------
    corroborated = [spans for _, spans in shared + gold_disputes]  # agreements may pair different things
    gold_lonely = [spans for _, spans in lonely]
    score.uncorroborated = len(claims)
    for claim in claims:
        passage = claim["versions"][0]
        if any(covers(passage, spans) for spans in gold_lonely):
            score.unc_right += 1
        elif any(covers(passage, spans) for spans in corroborated):
            score.unc_wrong += 1
            if show:
                say(f"  corroborated elsewhere {claim['id']}: {claim['summary'][:150]}")
        elif show:
            say(f"  unjudged {claim['id']}: {claim['summary'][:150]}")
    # Matches ----------------------------------------------------------------------------------
    members_of = [group["members"] for group in matches["groups"]]
    for item, spans in shared:
        label = f"{item['kind']}/{item['wording']}"
        for first, second in combinations(sorted(spans), 2):
            score.gold_links[label] += 1
            if any(articles_covered(members, spans) >= {first, second} for members in members_of):
                score.links_found[label] += 1
            elif show:
                say(f"  unlinked {item['id']} {label} {outlet[first]} ~ {outlet[second]}: {item['about'][:90]}")
    for group in matches["groups"]:
        for one, other in combinations(group["members"], 2):
            if one["source"] == other["source"]:
                continue
            score.links += 1
            if any(covers(one, spans) and covers(other, spans) for _, spans in shared):
                score.links_right += 1
            elif show:
                say(f"  wrong link {group['id']}: {one['text'][:70]!r} ~ {other['text'][:70]!r}")
    print(f"== {folder.name}: {len(corpus.articles)} articles, {len(conflicts)} conflicts, "
          f"{len(claims)} uncorroborated, {len(matches['groups'])} groups")
    print_score(score, indent="   ")
    stems = {article_id: stem for stem, article_id in ids.items()}
    families = [f"{'+'.join(stems.get(source, source) for source in family['sources'])} ({family['shared']:.2f}"
                f"{', ' + family['wire'] if family['wire'] else ''})" for family in matches["families"]]
    print(f"   copy families: {', '.join(families) or 'none'}")
    for line in lines:
        print(line)
    return score


def print_score(score: Score, indent: str) -> None:
    kinds = ", ".join(f"{k} {score.found_by_kind[k]}/{n}" for k, n in sorted(score.gold_by_kind.items()))
    judged = score.unc_right + score.unc_wrong
    print(f"{indent}disputes found: {ratio(score.found, score.gold_disputes)} ({kinds})")
    print(f"{indent}conflict precision: {ratio(score.real_conflicts, score.conflicts)}")
    print(f"{indent}agreements flagged: {score.agreements_flagged} of {score.agreements}"
          f" (per story: {', '.join(map(str, score.flagged_per_story))})")
    print(f"{indent}uncorroborated precision: {ratio(score.unc_right, judged)}"
          f" (strict {ratio(score.unc_right, score.uncorroborated)}; {score.unc_wrong} corroborated elsewhere)")
    total_gold, total_found = sum(score.gold_links.values()), sum(score.links_found.values())
    recall = ", ".join(f"{label} {ratio(score.links_found[label], n)}" for label, n in sorted(score.gold_links.items()))
    print(f"{indent}link recall: {ratio(total_found, total_gold)}")
    print(f"{indent}  by kind/wording: {recall}")
    print(f"{indent}link precision: {ratio(score.links_right, score.links)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help=f"story folders (default: {DEV_STORIES})")
    parser.add_argument("--show", action="store_true", help="list the misses and the false findings")
    args = parser.parse_args()
    folders = story_folders(args.folders or [DEV_STORIES])
    if not folders:
        print("no story with a gold.yaml found", file=sys.stderr)
        return 0
    total = Score()
    for folder in folders:
        total.add(evaluate(folder, args.show))
    print(f"== total: {len(folders)} stories")
    print_score(total, indent="   ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
