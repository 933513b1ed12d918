"""Speakers of statements: a speaker's noun phrase resolved to an actor of the same article, and pronouns to what
they point back to.

Owns `SpeakerResolver`: actor mentions covering the speaker's words, names, aliases, surnames and role descriptions
("the defense minister"), "his office", "the company", "the 52-year-old", and he/she/they/it by the last referent of
that kind. Every lookup is indexed once per article (sorted offsets and bisection), so resolving n speakers costs
O(n log n), not a scan of every mention per speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Token

from tidynews.extract.common import ArticleExtraction, Entity
from tidynews.extract.datelines import read_dateline
from tidynews.extract.rules import register_rule
from tidynews.extract.statements.lexicon import (
    BODY_DESCRIPTION,
    BUSINESS_WORDS,
    CLAIM_MAKING_VERBS,
    DESCRIBES_A_PERSON,
    HONORIFICS,
    INDEFINITE,
    ISSUING_VERBS,
    OWN_CLAIM_PREPOSITIONS,
    PERSON_NOUNS,
    PRONOUNS,
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    SPEAKER_NOUNS,
    STANDS_FOR_POSSESSOR,
)
from tidynews.extract.statements.nouns import DOCUMENT_NOUNS
from tidynews.extract.statements.referents import (
    is_subject_before_quotation,
    person_set_off_after,
    possessor_name_of_subject,
)
from tidynews.extract.statements.syntax import is_speaker_like, name_of_owner, noun_phrase
from tidynews.nlp import ParsedArticle, ParsedBlock


class Speaker(NamedTuple):
    """A resolved speaker: the words that name it at the reporting clause, the actor, and what a pronoun stands for."""

    text: str  # as written: a name, a noun phrase, a pronoun ("she") or a relative pronoun ("who")
    key: str  # the actor it is, or ""
    category: str  # person | group | thing
    refers_to: str = ""  # for a pronoun: the phrase it points back to ("the union's leaders"), else ""
    rule: str = ""  # the speaker rule that decided who it is, when one did (for the trace)


@dataclass
class Referent:
    """Someone a pronoun may point back to: a speaker or the subject of a main clause."""

    offset: int
    text: str
    key: str
    category: str  # person | group | thing
    gender: str = ""  # m | f | "" (not known): what "he" and "she" may point back to
    rule: str = ""  # the rule that made it a referent, when it is not a speaker or the subject of a main clause


MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
MALE_HONORIFICS = {"mr", "mr."}
FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "miss"}
# Nouns that say a speaker's sex ("the spokeswoman", "his wife"): the head of a speaker's noun phrase.
MALE_NOUNS = {
    "man",
    "spokesman",
    "congressman",
    "chairman",
    "businessman",
    "father",
    "husband",
    "son",
    "brother",
    "boy",
    "king",
    "actor",
    "grandfather",
    "uncle",
    "councilman",
    "assemblyman",
    "gentleman",
}
FEMALE_NOUNS = {
    "woman",
    "spokeswoman",
    "congresswoman",
    "chairwoman",
    "businesswoman",
    "mother",
    "wife",
    "daughter",
    "sister",
    "girl",
    "queen",
    "actress",
    "grandmother",
    "aunt",
    "councilwoman",
    "assemblywoman",
    "lady",
}
# The personal pronoun a possessive stands for: "his criticism of …" is said by whoever "he" would be.
POSSESSIVE_OF = {"his": "he", "her": "she", "their": "they", "its": "it"}
# The rest of a hyphenated word glued to the end of a speaker's phrase ("ex" + "-wife").
HYPHENATED_REST = re.compile(r"[-‐](?=[^\W\d_])\w+")
# How many people back a "he" or "she" may skip to find one of its sex.
PRONOUN_LOOKBACK = 4


class _Timeline:
    """Referents in text order (ties in the order they were added), for "the last one before offset"."""

    def __init__(self) -> None:
        self.offsets: list[int] = []
        self.items: list[tuple[int, Referent]] = []  # (sequence number, referent)

    def add(self, seq: int, ref: Referent) -> None:
        k = bisect.bisect_right(self.offsets, ref.offset)
        self.offsets.insert(k, ref.offset)
        self.items.insert(k, (seq, ref))

    def last_before(self, offset: int) -> tuple[int, Referent] | None:
        """The referent with the greatest offset below `offset`, the last added among equals."""
        k = bisect.bisect_left(self.offsets, offset)
        return self.items[k - 1] if k else None

    def recent_before(self, offset: int, limit: int) -> list[tuple[int, Referent]]:
        """Up to `limit` referents before `offset`, latest first (the last added first among equals)."""
        k = bisect.bisect_left(self.offsets, offset)
        return self.items[max(0, k - limit) : k][::-1]

    def first_of_last_before(self, offset: int) -> Referent | None:
        """The referent with the greatest offset below `offset`, the first added among equals."""
        k = bisect.bisect_left(self.offsets, offset)
        if not k:
            return None
        j = k - 1
        while j > 0 and self.offsets[j - 1] == self.offsets[k - 1]:
            j -= 1
        return self.items[j][1]


class SpeakerResolver:
    """Resolves speaker noun phrases to actors of the article, and pronouns to what they point back to."""

    def __init__(self, parsed: ParsedArticle, result: ArticleExtraction):
        self.text = parsed.text
        self.entities: dict[str, Entity] = {e.key: e for e in result.actors}
        self.mentions = sorted(result.actor_mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.roles = self._roles(parsed)
        self.subject_offsets: list[int] = []  # article offsets of the heads of all subjects, sorted
        self._referents = 0
        self._by_category: dict[str, _Timeline] = {"person": _Timeline(), "group": _Timeline(), "thing": _Timeline()}
        self._by_surname: dict[str, _Timeline] = {}  # last word of a referent of several words
        # indexes of the actors, built once
        self._by_norm_name: dict[str, str] = {}
        self._people_by_last_word: dict[str, list[str]] = {}
        for key, ent in self.entities.items():
            for name in [ent.name, *ent.aliases]:
                self._by_norm_name.setdefault(_norm(name), key)
            if ent.type == "person":
                last = _norm(ent.name).split()[-1:]
                if last:
                    self._people_by_last_word.setdefault(last[0], []).append(key)
        self._roles_by_last_word: dict[str, list[tuple[str, set[str]]]] = {}
        for key, roles in self.roles.items():
            for role in roles:
                role_words = role.split()
                if role_words:
                    self._roles_by_last_word.setdefault(role_words[-1], []).append((key, set(role_words)))
        self._mention_starts_of: dict[str, list[int]] = {}
        for m in self.mentions:
            self._mention_starts_of.setdefault(m.key, []).append(m.start)
        self._full_names: dict[str, str] = {}
        self._bodies: dict[str, tuple[list, list[int]]] = {}
        self.genders: dict[str, str] = {}  # actor key -> m | f, from honorifics and the pronouns used of them

    def add_referent(self, ref: Referent) -> None:
        """Someone later pronouns may point back to."""
        self._referents += 1
        if ref.category == "person" and not ref.gender:
            ref.gender = self.gender_of(ref.key, ref.text)
        self._by_category.setdefault(ref.category, _Timeline()).add(self._referents, ref)
        words = ref.text.split()
        if len(words) > 1:
            self._by_surname.setdefault(words[-1], _Timeline()).add(self._referents, ref)

    def _roles(self, parsed: ParsedArticle) -> dict[str, set[str]]:
        """Each person's roles: the actor's role, and the title words written before a mention of them
        ("Defense Minister Yoav Gallant" -> "defense minister")."""
        roles: dict[str, set[str]] = {}
        for key, ent in self.entities.items():
            if ent.role:
                roles.setdefault(key, set()).add(_norm(ent.role))
        starts = [b.offset for b in parsed.blocks]
        for m in self.mentions:
            ent = self.entities.get(m.key)
            if ent is None or ent.type != "person":
                continue
            bi = bisect.bisect_right(starts, m.start) - 1
            if bi < 0:
                continue
            block = parsed.blocks[bi]
            span = block.doc.char_span(m.start - block.offset, m.end - block.offset, alignment_mode="expand")
            if span is None:
                continue
            words: list[str] = []
            i = span.start - 1
            while i >= 0 and block.doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and len(words) < 5:
                if block.doc[i].ent_type_ == "PERSON":
                    break
                words.insert(0, block.doc[i].text)
                i -= 1
            if words:
                roles.setdefault(m.key, set()).add(_norm(" ".join(words)))
        return roles

    def key_for_span(self, start: int, end: int, head_start: int, head_end: int) -> str:
        """The actor whose mention covers the head of a speaker's noun phrase."""
        best = ""
        lo, hi = bisect.bisect_left(self.mention_starts, start), bisect.bisect_right(self.mention_starts, head_start)
        for m in self.mentions[lo:hi]:
            if head_end <= m.end and m.end <= end + 2:
                best = m.key
        if best:
            return self._full_name(best)
        return ""

    def _full_name(self, key: str) -> str:
        """A surname-only person actor stands for the one full name ending in it, if there is exactly one."""
        if key in self._full_names:
            return self._full_names[key]
        ent = self.entities.get(key)
        if ent is None or ent.type != "person" or len(ent.name.split()) > 1:
            return key
        fulls = [
            k
            for k, e in self.entities.items()
            if k != key and e.type == "person" and len(e.name.split()) > 1 and e.name.split()[-1] == ent.name
        ]
        self._full_names[key] = fulls[0] if len(fulls) == 1 else key
        return self._full_names[key]

    def key_for_text(self, phrase: str, offset: int) -> str:
        """An actor named by the words of a phrase: a name or alias, a surname, or a role description
        ("the defense minister" -> the actor with role Defense Minister mentioned last before it).
        """
        norm = _norm(re.sub(r"^(the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE))
        if not norm:
            return ""
        if norm in self._by_norm_name:
            return self._full_name(self._by_norm_name[norm])
        if INDEFINITE.match(phrase.strip()):
            return ""  # "a senior official", "two officials": someone not named, whatever their role
        words = norm.split()
        if words and words[0] in HONORIFICS:
            words = words[1:]
        if not words:
            return ""  # an honorific alone ("Mr."): nobody in particular
        if len(words) == 1:
            people = self._people_by_last_word.get(words[0], [])
            if len(people) == 1:
                return people[0]
        # a role description: every word of the phrase is in the role, and the last words agree
        fits: list[str] = []
        for key, role_words in self._roles_by_last_word.get(words[-1], []):
            if key not in fits and set(words) <= role_words:
                fits.append(key)
        if len(fits) == 1:
            return fits[0]
        if fits:
            last_seen = {k: self._last_mention_before(k, offset) for k in fits}
            best = max(fits, key=lambda k: last_seen[k])
            return best if last_seen[best] >= 0 else ""
        return ""

    def _last_mention_before(self, key: str, offset: int) -> int:
        starts = self._mention_starts_of.get(key, [])
        k = bisect.bisect_left(starts, offset)
        return starts[k - 1] if k else -1

    def _is_subject(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.subject_offsets, start)
        return k < len(self.subject_offsets) and self.subject_offsets[k] < end

    def last_body(self, noun: str, offset: int) -> str:
        """The organisation last named before `offset` that "the <noun>" can stand for
        ("Volkswagen will cut 2,000 jobs, the company said." -> Volkswagen); one that was the subject of a clause
        comes before one only mentioned in passing.
        """
        if noun not in self._bodies:
            fits = []
            for m in self.mentions:
                ent = self.entities.get(m.key)
                if ent is None or ent.type == "person":
                    continue
                if noun in ent.name.lower() or (noun in BUSINESS_WORDS and ent.type == "organization"):
                    fits.append(m)
            self._bodies[noun] = (fits, [m.start for m in fits])
        fits, starts = self._bodies[noun]
        k = bisect.bisect_left(starts, offset)
        if not k:
            return ""
        # latest first; among mentions that start together the first listed (the order a stable sort by -start gives)
        latest = None
        j = k - 1
        while j >= 0:
            i = j
            while i > 0 and starts[i - 1] == starts[j]:
                i -= 1
            for m in fits[i : j + 1]:
                latest = latest or m
                if self._is_subject(m.start, m.end):
                    return m.key
            j = i - 1
        return latest.key

    def gender_of(self, key: str, text: str) -> str:
        """A person's sex as the text gives it: the pronouns used of the actor, else a word of the phrase
        ("Mrs. Ortiz", "the spokeswoman"); "" when nothing says."""
        if key and key in self.genders:
            return self.genders[key]
        words = text.lower().split()
        if not words:
            return ""
        if words[0] in MALE_HONORIFICS or words[-1] in MALE_NOUNS:
            return "m"
        if words[0] in FEMALE_HONORIFICS or words[-1] in FEMALE_NOUNS:
            return "f"
        return ""

    def _person_of_sex(self, word: str, offset: int) -> Referent | None:
        """A "she" points back to the last person not known to be a man, a "he" to the last not known to be a woman.

        Example: Sofia Marquez met Daniel Okafor on Monday. “It is finished,” she said.
        """
        gender = "m" if word in MALE_PRONOUNS else "f"
        recent = self._by_category["person"].recent_before(offset, PRONOUN_LOOKBACK)
        for _, ref in recent:
            if ref.gender in ("", gender):
                return ref
        return None  # only people of the other sex before it: leave it unresolved rather than guess

    def pronoun(self, word: str, offset: int) -> Referent | None:
        """What a pronoun points back to: he/she -> the last person of that sex, they -> the last group,
        it -> the last body."""
        word = word.lower()
        wanted = "person" if word in PRONOUNS_PERSON else "group" if word in PRONOUNS_PLURAL else "thing"
        if wanted == "person":
            return self._person_of_sex(word, offset)
        found = self._by_category[wanted].last_before(offset)
        if found is not None:
            return found[1]
        fallbacks = {"group": ("thing", "person"), "thing": ("group",), "person": ()}[wanted]
        candidates = [c for c in (self._by_category[f].last_before(offset) for f in fallbacks) if c is not None]
        if not candidates:
            return None
        return max(candidates, key=lambda c: (c[1].offset, c[0]))[1]

    def category(self, key: str, head: Token, span_has_conj: bool) -> str:
        if span_has_conj:
            return "group"
        ent = self.entities.get(key)
        if ent is not None:
            return "person" if ent.type == "person" or head.ent_type_ == "PERSON" else "thing"
        if head.ent_type_ == "PERSON" or head.lemma_.lower() in PERSON_NOUNS and head.tag_ == "NN":
            return "person"
        if head.lower_ in PRONOUNS_PLURAL or (
            head.tag_ in ("NNS", "NNPS") and (head.lower_ in SPEAKER_NOUNS or head.lemma_.lower() in SPEAKER_NOUNS)
        ):
            return "group"  # "critics", "the judges" (but "data from Moneyfacts" is a thing)
        return "thing"

    def resolve(self, block: ParsedBlock, head: Token, span: tuple[int, int]) -> Speaker:
        """The speaker named by the noun phrase `span` headed by `head`: its words as written and the actor it is.

        A pronoun stays as written ("she"); speaker_id says who it is when that is an actor, and `refers_to` keeps
        the phrase it points back to ("a US official ... he added" -> he, refers to "a US official").
        """
        doc = block.doc
        head, (lo, hi) = speaker_after_dateline(block, head, span)
        phrase = doc[lo:hi]
        start, end = block.span_offsets(phrase)
        glued = HYPHENATED_REST.match(self.text, end)
        if glued is not None:
            end = glued.end()  # "His ex-wife": the parse may end the phrase at the hyphen
        text = self.text[start:end]
        possessive = possessive_speaker(head) if hi - lo == 1 else None
        if (head.lower_ in PRONOUNS or possessive) and hi - lo == 1:
            word = possessive or head.lower_
            ref = self.pronoun(word, block.offset + head.idx)
            if ref is None:
                return Speaker(text, "", "person" if word in PRONOUNS_PERSON else "group")
            if not ref.key and names_several(ref.text):
                # "they" for "Judge Rix and Judge Forbes": no one actor can say who, so the names stand in for it
                return Speaker(ref.text, "", ref.category, ref.text)
            rule = possessive_speaker.rule_id if possessive and ref.key else ref.rule if ref.key or ref.rule else ""
            return Speaker(text, ref.key, ref.category, ref.text, rule)
        has_conj = any(c.dep_ == "conj" for c in head.children)
        hs, he = block.span_offsets(head)
        key = "" if has_conj else self.key_for_span(start, end, hs, he)
        if not key and not has_conj and head.lemma_.lower() in STANDS_FOR_POSSESSOR:
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                if owner.lower_ in ("his", "her"):
                    ref = self.pronoun(POSSESSIVE_OF[owner.lower_], block.offset + owner.idx)
                    key = ref.key if ref is not None else ""
                else:
                    olo, ohi = noun_phrase(owner)
                    os_, oe = block.span_offsets(doc[olo:ohi])
                    hs2, he2 = block.span_offsets(owner)
                    key = self.key_for_span(os_, oe, hs2, he2) or self.key_for_text(
                        re.sub(r"[’']s$", "", self.text[os_:oe]), start
                    )
                return Speaker(text, key, "person" if key else "thing")
        if not key and not has_conj and (head.pos_ in ("NOUN", "PROPN")):
            key = self.key_for_text(text, start)
        if not key and not has_conj and head.pos_ == "PROPN" and hi - lo <= 2:
            # "Ionescu shrugs." after "Vasile Ionescu …": the surname of someone named before
            timeline = self._by_surname.get(head.text)
            ref = timeline.first_of_last_before(start) if timeline is not None else None
            if ref is not None:
                return Speaker(text, ref.key, ref.category)
        if not key and not has_conj:
            # "His lawyer, Tomasz Zielinski, said": the name in apposition
            for appos in (c for c in head.children if c.dep_ == "appos"):
                alo, ahi = noun_phrase(appos)
                a_start, a_end = block.span_offsets(doc[alo:ahi])
                h_start, h_end = block.span_offsets(appos)
                key = self.key_for_span(a_start, a_end, h_start, h_end)
                if key:
                    break
        if not key and not has_conj and head.pos_ == "NOUN":
            named = person_set_off_after(self.text, end, self.mentions, self.mention_starts)
            ent = self.entities.get(named.key) if named is not None else None
            if ent is not None and ent.type == "person":  # "The director of the centre, Ina Kirsch, said"
                return Speaker(text, self._full_name(ent.key), "person", rule=person_set_off_after.rule_id)
        body = BODY_DESCRIPTION.match(text)
        if not key and not has_conj and body:
            key = self.last_body(body.group(1).lower(), start)
        if not key and not has_conj and DESCRIBES_A_PERSON.match(text):
            # "the 52-year-old said", "the Dutchman said": the person last spoken of
            ref = self.pronoun("he", start)
            if ref is not None and ref.key:
                return Speaker(text, ref.key, "person")
        category = self.category(key, head, has_conj)
        if category == "thing" and not key and not has_conj and name_taken_up_by_pronoun(head):
            # a surname several people of the article share: the one named last before it
            named = [(self._last_mention_before(k, start), k) for k in self._people_by_last_word.get(_norm(text), [])]
            key = max(named)[1] if named and max(named)[0] >= 0 else ""
            return Speaker(text, key, "person", rule=name_taken_up_by_pronoun.rule_id)
        return Speaker(text, key, category)

    @staticmethod
    def _has_personal_possessive(subject: Token) -> bool:
        """Whether the clause of a subject says "his"/"her"/"himself"/"herself" (so the subject is a person)."""
        return any(t.lower_ in ("his", "her", "himself", "herself") for t in subject.head.subtree)

    def note_genders(self, blocks: list[ParsedBlock], quoted: list[list[bool]]) -> None:
        """Each person's sex as the text gives it: an honorific before a mention ("Mrs. Ortiz"), or the pronouns of
        the rest of a sentence whose subject the person is, up to the next person named ("Ortiz said she would ...").
        The votes of the whole article decide; a tie or no vote leaves the sex unknown."""
        votes: dict[str, list[int]] = {}
        people = [m for m in self.mentions if (e := self.entities.get(m.key)) is not None and e.type == "person"]
        starts = [m.start for m in people]
        for block, mask in zip(blocks, quoted, strict=True):
            for sent in block.doc.sents:
                s_start, s_end = block.span_offsets(sent)
                lo, hi = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
                for n, m in enumerate(people[lo:hi]):
                    key = self._full_name(m.key)
                    tally = votes.setdefault(key, [0, 0])
                    # the word right before the mention ("Mr. Robert Fowler") or its own first word
                    before = self.text[max(0, m.start - 6) : m.start].lower().split()[-1:]
                    first = before + self.text[m.start : m.end].lower().split()[:1]
                    if any(w in MALE_HONORIFICS for w in first):
                        tally[0] += 3
                    elif any(w in FEMALE_HONORIFICS for w in first):
                        tally[1] += 3
                    span = block.doc.char_span(m.start - block.offset, m.end - block.offset, alignment_mode="expand")
                    if span is None or not any(t.dep_ in ("nsubj", "nsubjpass") for t in span):
                        continue
                    until = people[lo + n + 1].start if lo + n + 1 < hi else s_end
                    words = {t.lower_ for t in sent if m.end <= block.offset + t.idx < until and not mask[t.i]}
                    male, female = bool(words & MALE_PRONOUNS), bool(words & FEMALE_PRONOUNS)
                    if male != female:
                        tally[0 if male else 1] += 1
        for key, (male, female) in votes.items():
            if male != female:
                self.genders[key] = "m" if male > female else "f"

    def _add_person(self, block: ParsedBlock, head: Token, rule: str, actor_only: bool = False) -> None:
        """A named person a later pronoun may point back to, though no speaker nor the subject of a main clause
        (`actor_only`: only when the name is a person actor of the article)."""
        text, key, _, _, _ = self.resolve(block, head, name_of_owner(head))
        ent = self.entities.get(key)
        if actor_only and (ent is None or ent.type != "person"):
            return
        self.add_referent(Referent(block.offset + head.idx, text, key, "person", rule=rule))

    def note_subjects(self, blocks: list[ParsedBlock], quoted: list[list[bool]]) -> None:
        """Record the subjects of main clauses (people and bodies) outside quotations, for pronouns to point back to."""
        self.note_genders(blocks, quoted)
        for block, mask in zip(blocks, quoted, strict=True):
            for tok in block.doc:
                if mask[tok.i]:
                    continue
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    bisect.insort(self.subject_offsets, block.offset + tok.idx)
                if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ in PRONOUNS:
                    continue
                main = tok.head.dep_ == "ROOT" or (tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT")
                owner = possessor_of_subject(tok) if main else None
                if owner is not None:
                    self._add_person(block, owner, possessor_of_subject.rule_id)
                named = possessor_name_of_subject(tok) if main and owner is None else None
                if named is not None:
                    self._add_person(block, named, possessor_name_of_subject.rule_id, actor_only=True)
                if not main and is_leading_clause_subject(tok):
                    self._add_person(block, tok, is_leading_clause_subject.rule_id)
                if not main and is_subject_before_quotation(tok, mask):
                    self._add_person(block, tok, is_subject_before_quotation.rule_id)
                if not main or not is_speaker_like(tok):
                    continue
                text, key, category, _, rule = self.resolve(block, tok, noun_phrase(tok))
                if tok.ent_type_ in ("GPE", "NORP") and not key and not rule:
                    category = "thing"
                if category == "thing" and tok.pos_ == "PROPN" and self._has_personal_possessive(tok):
                    category = "person"  # "Vasile Ionescu unties his boat": a person, whatever the tagger said
                self.add_referent(Referent(block.offset + tok.idx, text, key, category, rule=rule))


@register_rule("statements.possessive_speaker")
def possessive_speaker(head: Token) -> str | None:
    """A possessive that names the speaker ("his criticism of …") points back as its personal pronoun does: the
    speaker column keeps "His", speaker_id names the one "he" would be.

    Example: Mayor Dana Whitlow opened the ferry hearing. His criticism of the new toll was sharp.
    """
    if head.tag_ != "PRP$":
        return None
    return POSSESSIVE_OF.get(head.lower_)


def _is_person_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"


@register_rule("statements.referent_possessor_of_subject")
def possessor_of_subject(subject: Token) -> Token | None:
    """The person whose thing is the subject of a main clause ("Maria Lopez's lawsuit demands …"): a later "she"
    points back to her, not to the one named before, since a lawsuit is no "she".

    Example: Maria Lopez's lawsuit demands her old job back. She said the port was unfair.
    """
    if _is_person_name(subject) or subject.lower_ in PRONOUNS:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    return owner if owner is not None and _is_person_name(owner) else None


@register_rule("statements.referent_subject_of_leading_clause")
def is_leading_clause_subject(subject: Token) -> bool:
    """A person named as the subject of a clause that opens the sentence ("When Robert Fowler was asked …, he
    laughed"): a pronoun after it points back to that person.

    Example: When Robert Fowler was asked about the strike, he said the port would close.
    """
    clause = subject.head
    return (
        _is_person_name(subject)
        and clause.dep_ == "advcl"
        and clause.head.dep_ == "ROOT"
        and clause.i < clause.head.i
        and subject.i < clause.i
    )


# Words of a body's name, so "Acme Holdings said he …" stays a body whatever pronoun follows.
BODY_NAME_WORDS = {"inc", "corp", "co", "ltd", "llc", "group", "party", "department", "committee", "bank", "university"}


@register_rule("statements.referent_name_taken_up_by_pronoun")
def name_taken_up_by_pronoun(subject: Token) -> bool:
    """A name no actor and no person entity covers is a person when the next person word of its own clause is
    he or she ("Okwuosa said he would appeal"): later pronouns may point back to it.

    Example: Okwuosa sat in the hall where he met the imam. He said the board had not been told of the vote.
    """
    if subject.pos_ != "PROPN" or subject.ent_type_ == "PERSON" or not subject.dep_.startswith("nsubj"):
        return False
    lo, hi = noun_phrase(subject)
    name = [t for t in subject.doc[lo:hi] if t.pos_ == "PROPN"]
    if not name or len(name) > 3 or any(not t.text[:1].isupper() or t.text.isupper() for t in name):
        return False  # not written as a person's name ("FBI", "the Justice Department")
    if any(t.lower_.rstrip(".") in BODY_NAME_WORDS for t in subject.doc[lo:hi]):
        return False
    for tok in subject.head.subtree:
        if tok.i < hi:
            continue
        if tok.lower_ in MALE_PRONOUNS or tok.lower_ in FEMALE_PRONOUNS:
            # after the subject's verb: in "Jordan, he said, was …" the pronoun is the one who speaks of it
            return tok.i > subject.head.i
        if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or tok.lemma_.lower() in PERSON_NOUNS:
            return False  # someone else named first: the pronoun may be theirs
    return False


SEVERAL_NAMES = re.compile(r"\b[A-Z][\w.'’-]*\b.*\s(?:and|&)\s+(?:\S+\s+){0,3}?[A-Z][\w.'’-]*")


def names_several(phrase: str) -> bool:
    """Whether a phrase names several people or bodies joined by "and" ("Mr. Vance and Ms. Oduya")."""
    return bool(SEVERAL_NAMES.search(phrase))


def speaker_after_dateline(block: ParsedBlock, head: Token, span: tuple[int, int]) -> tuple[Token, tuple[int, int]]:
    """A speaker's noun phrase never includes the dateline before the story ("BERLIN (Reuters) - "): when the parser
    took the dateline's city as the subject, the speaker is the noun phrase the story starts with.

    Example: BERLIN (Reuters) - Chancellor Ida Lang said taxes would rise. -> Chancellor Ida Lang
    """
    lo, hi = span
    doc = block.doc
    if not doc[0].is_upper:
        return head, span  # no dateline: the paragraph does not open with capitals
    dateline = read_dateline(block.text[:120])
    if dateline is None or doc[lo].idx >= dateline.end:
        return head, span
    first = next((t.i for t in doc if t.idx >= dateline.end), None)
    if first is None:
        return head, span
    if head.idx >= dateline.end:
        return head, (first, hi)  # "Reuters) - Ida Lang": the name without the dateline
    last = first
    while last < len(doc) and (
        doc[last].pos_ in ("PROPN", "NOUN", "ADJ", "DET") or doc[last].text in (".", "'s", "’s")
    ):
        last += 1
    if last == first or doc[last - 1].pos_ not in ("PROPN", "NOUN"):
        return head, span
    return doc[last - 1], (first, last)


def speaking_subject(subject: Token | None) -> Token | None:
    """A verb's subject that can be a speaker: a noun, a name or a personal pronoun; not a relative ("who", "which")."""
    if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON") or subject.tag_ in ("WP", "WDT"):
        return None
    return subject if subject.pos_ != "PRON" or subject.lower_ in PRONOUNS else None


def issuer_of_document(head: Token) -> Token | None:
    """The one who put out a document that speaks: the subject of "issued/released/sent … a statement (letter, post)",
    so that the speaker is who the text says issued it, not the paper.

    Example: She released a letter from her doctor that says she is in good health. -> She
    """
    if not (head.lemma_.lower() in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS) or head.dep_ != "dobj":
        return None
    verb = head.head
    if verb.lemma_.lower() not in ISSUING_VERBS:
        return None
    return speaking_subject(next((c for c in verb.children if c.dep_ == "nsubj"), None))


@register_rule("statements.quote_according_to")
def according_to_source(block: ParsedBlock, quoted: list[bool], start: int, end: int) -> Token | None:
    """A quotation with no reporting verb of its own whose sentence says whose words they are with "according to X"
    (before the opening mark or after the closing one): X is the speaker, not the last one who spoke.

    Example: According to the harbour master, “the pier will not open before May because the storm broke it.”
    """
    doc = block.doc
    lo, hi = max(0, start - block.offset), min(len(block.text), end - block.offset)
    span = doc.char_span(lo, hi, alignment_mode="expand") if hi > lo else None
    if span is None or not len(span):
        return None
    first, last = span[0], span[-1]
    frame = list(range(first.sent.start, first.i)) + list(range(last.i + 1, last.sent.end))
    for i in frame:
        tok = doc[i]
        if tok.lower_ != "according" or quoted[i] or i + 1 >= len(doc) or doc[i + 1].lower_ != "to":
            continue
        source = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
        if source is not None and not quoted[source.i] and source.pos_ in ("NOUN", "PROPN", "PRON"):
            return source
    return None


@register_rule("statements.quote_after_name_and_colon")
def name_before_colon(block: ParsedBlock, quoted: list[bool], start: int) -> Token | None:
    """A quotation opened right after a name and a colon, with no reporting verb ("Economist Lena Holt: “…”", as in
    round-ups and transcripts, or "From the report: “…”"): the name (or the document) is the speaker.

    Example: The last word went to the economist Lena Holt: “Nobody in this town will pay the new toll.”
    """
    doc = block.doc
    lo = start - block.offset
    if lo <= 0:
        return None
    i = next((t.i for t in doc if t.idx >= lo), len(doc)) - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in ("“", '"', "‘", "'", "''", "``")):
        i -= 1
    if i < 1 or doc[i].text != ":" or quoted[i]:
        return None
    head = doc[i - 1]
    if quoted[head.i]:
        return None
    while head.dep_ in ("compound", "flat") and head.head.i > head.i and head.head.i < i:
        head = head.head
    if head.pos_ == "PROPN" and head.is_title and head.ent_type_ in ("PERSON", "ORG"):
        return head
    if head.pos_ == "NOUN" and (head.lemma_.lower() in DOCUMENT_NOUNS or head.lemma_.lower() in SPEAKER_NOUNS):
        return head
    return None


def relative_pronoun(antecedent: Token, cue: Token | None) -> Token | None:
    """The relative pronoun that is the subject of the reporting verb when the speaker is named before it: the
    speaker column keeps "who" as the text has it, speaker_id the antecedent's actor.

    Example: The strike was led by Ana Ruiz, who said the port would close. -> who (Ana Ruiz)
    """
    if cue is None:
        return None
    for clause in antecedent.children:
        if clause.dep_ != "relcl" or not clause.left_edge.i <= cue.i <= clause.right_edge.i:
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.tag_ in ("WP", "WDT") and child.i < clause.i:
                return child
    return None


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace(".", "").lower()
    s = re.sub(r"[^\w\s'-]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@register_rule("statements.speech_noun_of_subject")
def maker_of_claim(noun: Token) -> Token | None:
    """The one who makes a claim whose owner the noun phrase does not name: the subject of the verb that has the claim
    as its object ("repeated accusations that …") or makes it with or in it ("persisted in arguments that …"), or a
    name compounded with it ("Lopez claims that …" read as a noun).

    Example: The senator made accusations that the ferry company had hidden its losses.
    """
    if noun.dep_ == "ROOT":  # a verb read as a noun: "Lopez claims that …", "Lopez repeated accusations that …"
        name = next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1), None)
        if name is not None and name.pos_ == "PROPN" and noun.tag_ == "NNS":
            return name
        made = next((c for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() in CLAIM_MAKING_VERBS), None)
        verb = made if made is not None and made.tag_ in ("VBD", "VBN") else noun
    elif noun.dep_ == "dobj" and noun.head.dep_ == "ROOT" and noun.head.is_title and noun.head.i == noun.i - 1:
        return noun.head  # "Lopez charges that …" read as a name with an object
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in CLAIM_MAKING_VERBS:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in OWN_CLAIM_PREPOSITIONS and noun.head.head.pos_ == "VERB":
        verb = noun.head.head
    else:
        return None
    return speaking_subject(next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None))


@register_rule("statements.speech_noun_of_actor")
def actor_behind_owner(owner: Token) -> Token | None:
    """The subject of the verb whose object is a speaker's own words ("Lopez stepped up her attacks on the toll"): the
    one named there, not the possessive "her", when the possessive can be that subject (same person and number).

    Example: The mayor stepped up his criticism of the new toll on Monday.
    """
    pronoun = POSSESSIVE_OF.get(owner.lower_)
    noun = owner.head
    if pronoun is None or owner.dep_ != "poss" or noun.dep_ != "dobj":
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.head.i), None)
    if subject is None or subject.tag_ in ("WP", "WDT"):
        return None
    if subject.pos_ == "PRON":
        return subject if subject.lower_ == pronoun else None
    plural = subject.tag_ in ("NNS", "NNPS")
    agrees = (pronoun == "they") == plural or pronoun == "it"
    return subject if subject.pos_ in ("NOUN", "PROPN") and agrees else None
