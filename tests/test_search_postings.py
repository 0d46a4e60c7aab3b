"""serve keeps the search postings up to date document by document: the files it writes after any series of
edits are those a build from scratch writes."""

from __future__ import annotations

import random

from vanban.site.search_index import _Postings


def _edited(scores: dict[str, int], vocabulary: list[str], rng: random.Random) -> dict[str, int]:
    """A document edited as a title edit does: a word goes, a word comes, a word counts more."""
    out = dict(scores)
    if out:
        del out[rng.choice(sorted(out))]
    out[rng.choice(vocabulary)] = rng.randint(1, 60)
    if out:
        word = rng.choice(sorted(out))
        out[word] += 1
    return out


def test_postings_kept_up_to_date_write_the_files_made_from_scratch():
    rng = random.Random(20261202)
    vocabulary = [f"tu{i}" for i in range(400)]
    order = [f"vb-{i}" for i in range(300)]
    scores = [{t: rng.randint(1, 60) for t in rng.sample(vocabulary, 25)} for _ in order]
    kept = _Postings.of(order, scores)
    for _ in range(40):
        scores = list(scores)
        for i in rng.sample(range(len(order)), rng.randint(1, 3)):
            scores[i] = _edited(scores[i], vocabulary, rng)
        kept.update(scores)
        fresh = _Postings.of(order, scores)
        assert kept.buckets == fresh.buckets
        assert kept.files == fresh.files
