"""The fast look-ups that replaced whole-article scans (issue 9: one 5 MB article must cost about what its 5 KB
pieces cost) give exactly the answers of the scans they replaced."""

from __future__ import annotations

import random
import re

from tidynews.extract.actors.references import (
    TakenSpans,
    acronym_defined_after,
    defined_acronyms,
    forms_by_first_word,
    forms_that_may_occur,
)


def test_taken_spans_overlap_is_the_same_as_testing_every_span() -> None:
    rng = random.Random(7)
    spans: list[tuple[int, int]] = []
    taken = TakenSpans()
    for _ in range(3000):
        start = rng.randrange(0, 20_000)
        length = rng.choice([0, 1, 3, 9, 40, 700])  # some longer than a bucket, some empty
        if rng.random() < 0.5:
            spans.append((start, start + length))
            taken.append((start, start + length))
        s = rng.randrange(0, 20_000)
        e = s + rng.choice([0, 1, 5, 300])
        assert taken.overlaps(s, e) == any(s < te and ts < e for ts, te in spans), (s, e)
    assert TakenSpans(spans).overlaps(spans[0][0], spans[0][0] + 1) == any(
        spans[0][0] < te and ts < spans[0][0] + 1 for ts, te in spans
    )


TEXT = (
    "The Kestrel Wildlife Service (KWS) counted birds. A Kestrel Wildlife Service (KWFS) van and the Service "
    "(SVC) came; the Port Authority (PA) and the port authority (p.a.) spoke. (X) Z (ZQ)"
)


def test_acronym_after_a_name_is_the_first_one_the_whole_text_search_finds() -> None:
    acronyms = defined_acronyms(TEXT)
    names = ["Kestrel Wildlife Service", "Service", "Port Authority", "port authority", "Z", "", "Nowhere", "e"]
    for name in names:
        m = re.search(re.escape(name) + r" \(([A-Z][A-Za-z.]{1,7})\)", TEXT)
        assert acronym_defined_after(name, TEXT, acronyms) == (m.group(1) if m else None), name
    assert acronym_defined_after("Kestrel Wildlife Service", TEXT, acronyms) == "KWS"  # read from the text
    assert acronym_defined_after("Port Authority", TEXT, acronyms) == "PA"


def test_forms_that_cannot_occur_at_word_boundaries_are_left_out_and_the_order_is_kept() -> None:
    forms = [("Ruiz Hale", 1), ("al-Haddad", 2), ("Hale", 3), ("Ruiz", 4), ("Okafor", 5), ("Haddad", 6)]
    text = "Ruiz Hale met al-Haddad; Okaforo and Halevi did not."
    kept = forms_that_may_occur(forms, forms_by_first_word(forms, str), text)
    # "Okafor" is only part of "Okaforo"; "Haddad" is a word of the text (after "al-"), so it is still tried
    assert kept == [("Ruiz Hale", 1), ("al-Haddad", 2), ("Hale", 3), ("Ruiz", 4), ("Haddad", 6)]
    # every form left out has no match at word boundaries in the text
    for v, _ in set(forms) - set(kept):
        assert not re.search(r"(?<![\w\-‑])" + re.escape(v) + r"(?![\w\-‑])", text), v
    shouted = forms_that_may_occur(forms, forms_by_first_word(forms, str.upper), "RUIZ HALE AND OKAFOR")
    assert shouted == [("Ruiz Hale", 1), ("Hale", 3), ("Ruiz", 4), ("Okafor", 5)]


FLOOD = (
    "River bursts its banks in Marlow Creek\n\n"
    "MARLOW CREEK — Three people were killed and 12 injured when the river burst its banks on Sunday, the regional "
    "fire chief, Maria Okonkwo, said.\n\n"
    '"We have never seen the water this high," Okonkwo told reporters in Nairobi, adding that 400 homes were '
    "flooded.\n\n"
    "The mayor, Tom Brandt, said the town would ask the Kenya Red Cross for tents and blankets."
)


def test_parsed_blocks_hold_no_tok2vec_tensor_and_extraction_does_not_need_it() -> None:
    """A long article's memory is mostly the batch tensors spaCy leaves on each doc: the parse releases them, and
    the extraction is the same as on docs that keep them (as the evaluation's cached parses never had them)."""
    from tidynews.extract import extract_article
    from tidynews.nlp import ParsedArticle, ParsedBlock, load_nlp, parse_articles
    from tidynews.sources import article_from_text

    article = article_from_text(FLOOD, "flood", "flood.txt", "utf-8")
    nlp = load_nlp()
    (parsed,) = parse_articles([article], nlp)
    assert len(parsed.blocks) == 4
    assert all(block.doc.tensor.size == 0 for block in parsed.blocks)

    kept = list(nlp.pipe(article.text[b.start : b.end] for b in article.blocks))
    assert all(doc.tensor.size > 0 for doc in kept)  # spaCy's own docs do carry one
    with_tensor = ParsedArticle(article, [ParsedBlock(b, d) for b, d in zip(article.blocks, kept, strict=True)])
    released, whole = extract_article(parsed), extract_article(with_tensor)
    assert released.statements and released.figures and released.actor_mentions and released.place_mentions
    assert released == whole
