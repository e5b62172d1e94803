"""Stage `positions`: posts held by people ("посол Казахстана в Мексике Алмурат Турганбеков")."""

from __future__ import annotations

from functools import lru_cache

from ..doc import Doc, Entity, Position, Token
from .chain import chain_end
from .countries import dateline_country
from .gazetteer import positions
from .match import Matcher
from .orgs import token_lemma
from .position_link import PersonFinder, Post, link_posts
from .position_predicate import plural_title

GENERIC_HEADS = {"глава", "председатель", "руководитель", "член", "заместитель", "секретарь", "сопредседатель",
                 "директор", "начальник", "президент", "вице-президент", "спикер", "лидер"}
EXTEND_TYPES = {"group", "other", "party"}
NATIONAL_TITLES = {"президент", "вице-президент", "премьер-министр", "премьер", "глава государства",
                   "глава правительства", "председатель правительства", "канцлер", "федеральный канцлер",
                   "вице-премьер", "король", "королева", "госсекретарь", "государственный секретарь", "спикер"}
MINISTERS = {"министр", "замминистра", "вице-министр"}
DASHES = {"–", "—", "-"}


def find_posts(tokens: list[Token], skips: dict[int, int] | None = None) -> list[Post]:
    """Lexicon titles ("экс-председатель" as "председатель") and the chain each one heads."""
    matcher = position_matcher()
    lemmas = [post_lemma(token) for token in tokens]
    posts, index = [], 0
    while index < len(tokens):
        hit = None
        for size, (title, sector) in matcher.at(lemmas, index):
            if title_pos(tokens[index]) and not idiom(tokens, index):
                end = chain_end(tokens, governed(tokens, index, index + size), skips=skips)
                hit = Post(index, index + size, index + size, end, title, sector)
                break
        if hit:
            posts.append(hit)
            index = hit.head_last
        else:
            index += 1
    return merge_nested(posts, tokens)


def governed(tokens: list[Token], first: int, end: int) -> int:
    """Where the chain after a title starts: past the instrumental a participle governs ("управляющий компанией")."""
    if tokens[first].feats.get("VerbForm") == "Part" and end < len(tokens) and tokens[end].pos == "NOUN" \
            and tokens[end].feats.get("Case") == "Ins":
        return end + 1
    return end


def post_lemma(token: Token) -> str:
    lemma = token_lemma(token)
    if lemma.startswith("экс-") and len(lemma) > 6:
        return lemma[4:]
    head = lemma.split("-")[0]
    if "-" in lemma and (lemma,) not in position_matcher_keys() and (head,) in position_matcher_keys():
        return head       # "сенатор-демократ", "президента-диктатора": the title before the hyphen
    return lemma


@lru_cache(maxsize=1)
def position_matcher_keys() -> frozenset[tuple[str, ...]]:
    return frozenset(positions())


def title_pos(token: Token) -> bool:
    """Nouns and adjectives, and participles used as titles ("исполняющий обязанности", "управляющий")."""
    return token.pos in ("NOUN", "ADJ", "PROPN", "X") or token.feats.get("VerbForm") == "Part"


@lru_cache(maxsize=1)
def position_matcher() -> Matcher[tuple[str, str]]:
    return Matcher(positions())


def idiom(tokens: list[Token], index: int) -> bool:
    """"во главе с", "на главе": the word is not a post here."""
    before = tokens[index - 1].text.lower() if index else ""
    after = tokens[index + 1].text.lower() if index + 1 < len(tokens) else ""
    return before == "во" and after in ("с", "со")


def merge_nested(posts: list[Post], tokens: list[Token] | None = None) -> list[Post]:
    """A post inside another's chain ("заместитель министра") is part of it, not a post of its own; so is a
    title the parser hangs on the previous one as a genitive ("полпреда | президента РФ", "помощник |
    заместителя госсекретаря"), unlike a stacked apposition ("представитель армии | полковник Имя")."""
    kept: list[Post] = []
    for post in posts:
        if kept and post.first < kept[-1].end and (kept[-1].title in GENERIC_HEADS | {"заместитель"}
                                                   or governed_title(tokens or [], kept[-1], post)):
            continue
        kept.append(post)
    return kept


def governed_title(tokens: list[Token], outer: Post, post: Post) -> bool:
    """The parser hangs the post's first word on a word of the outer post, as a genitive noun modifier."""
    if not tokens:
        return False
    root = tokens[post.first]
    inside = {tokens[index].id for index in range(outer.first, post.first)}
    return root.rel == "nmod" and root.head_id in inside and root.feats.get("Case") == "Gen"


def title_text(doc: Doc, tokens: list[Token], post: Post) -> str:
    """The lexicon's title, extended for generic heads over what they head ("глава группы дружбы")."""
    if post.title.split()[0] not in GENERIC_HEADS:
        return post.title
    stops = {mention.start for mention in doc.geo if mention.kind != "adj"}
    stops |= {body.start for body in doc.bodies if body.body.type not in EXTEND_TYPES}
    adjectives = {mention.start for mention in doc.geo if mention.kind == "adj"}
    words = [post.title]
    for index in range(post.head_last, post.end):
        token = tokens[index]
        if token.start in stops or token.text.lower() in ("в", "во", "при", "(", "«") or token.text[:1].isupper() \
                or doc_person_at(doc, token):
            break
        post.title_last = index + 1
        if token.start not in adjectives:
            words.append(token.text)
    while len(words) > 1 and words[-1].lower() in ("по", "и", "на"):
        words.pop()
    return " ".join(words).lower() if len(words) > 1 else post.title


def doc_person_at(doc: Doc, token: Token) -> bool:
    return any(entity.type == "person" and [token.start, token.stop] in entity.mentions or
               any(start == token.start for start, _ in entity.mentions)
               for entity in doc.entities if entity.type == "person")


def post_country(doc: Doc, tokens: list[Token], post: Post) -> str | None:
    """The first country named in the phrase or by an adjective right before the title."""
    start = tokens[max(post.first - 2, 0)].start
    stop = tokens[post.end - 1].stop
    for mention in doc.geo:
        if start <= mention.start and mention.stop <= stop:
            if mention.stop <= tokens[post.first].start and mention.kind != "adj":
                continue
            return mention.iso
    return None


def post_org(doc: Doc, tokens: list[Token], post: Post) -> Entity | None:
    """The body named in the phrase after the title (the group a "глава" heads is part of the title)."""
    if post.title_last < post.end:
        start = tokens[post.title_last].start
    else:
        start = tokens[post.first].start
    stop = tokens[post.end - 1].stop
    candidates = [entity for entity in doc.entities if entity.type == "organization"
                  for mention in entity.mentions if start <= mention[0] and mention[1] <= stop]
    ranked = sorted(candidates, key=lambda entity: entity.sector is None)
    return ranked[0] if ranked else None


def extract_positions(doc: Doc) -> Doc:
    """Stage `positions`: fills doc.positions and gives people their country."""
    finder = PersonFinder(doc)
    org_spans = sorted([(start, stop) for entity in doc.entities if entity.type in ("organization", "location")
                        for start, stop in entity.mentions] +
                       [(mention.start, mention.stop) for mention in doc.geo if mention.kind != "adj"])
    found: list[Position] = []
    national: set[int] = set()
    holders = chain_holders(doc)
    pending: list[Position] = []
    for sent in doc.sents:
        tokens = sent.tokens
        posts = find_posts(tokens, name_skips(tokens, org_spans))
        link_posts(tokens, posts, finder)
        for post in posts:
            by_chain = post.person is None
            if by_chain:
                post.person = holders.get(tokens[post.first].start)     # "Иванов ... Министр заявил"
            if post.person is None or plural_title(tokens, post.first, post.head_last):
                continue
            title = title_text(doc, tokens, post)
            org = post_org(doc, tokens, post)
            country = post_country(doc, tokens, post) or (org.country if org else None)
            start, stop = tokens[post.first].start, tokens[post.end - 1].stop
            if org is None and country is None and national_title(post, title):
                national.add(len(found))
            position = Position(person=post.person.id, title=title, organization=org.id if org else None,
                                country=country, evidence=[start, stop], text=doc.text[start:stop])
            (pending if by_chain else found).append(position)
    found += agreeing(found, pending)
    doc.positions = found
    assign_described_countries(doc, national)
    assign_person_countries(doc)
    assign_main_country(doc, national)
    return doc


def chain_holders(doc: Doc) -> dict[int, Entity]:
    """Start of a chain mention -> the one person entity named in that coreference chain: "Иванов ... Министр
    заявил" gives the post in the second sentence to Иванов. A name counts when it is a mention of the chain or
    ends one in the same case as its first word ("министр ... Таро Коно", not "адвокат Маркевича")."""
    people = [entity for entity in doc.entities if entity.type == "person"]
    at = {token.start: token for token in doc.tokens}

    def names(start: int, stop: int, a: int, b: int) -> bool:
        if (a, b) == (start, stop):
            return True
        first, name = at.get(start), at.get(a)
        return b == stop and first is not None and name is not None and \
            first.feats.get("Case") == name.feats.get("Case") is not None

    ending: dict[int, list[tuple[int, Entity]]] = {}     # a name must end where the chain mention ends
    for entity in people:
        for a, b in entity.mentions:
            ending.setdefault(b, []).append((a, entity))
    holders: dict[int, Entity] = {}
    for chain in doc.coref:
        named = {entity.id: entity for start, stop in chain for a, entity in ending.get(stop, ())
                 if names(start, stop, a, stop)}
        if len(named) == 1:
            person = next(iter(named.values()))
            for start, _ in chain:
                holders.setdefault(start, person)
    return holders


def agreeing(found: list[Position], pending: list[Position]) -> list[Position]:
    """Posts reached through a chain whose country does not contradict the person's own posts (a chain that
    joins "президенту Турции" to the president of Ukraine is wrong somewhere)."""
    countries: dict[str, set[str]] = {}
    for position in found:
        if position.country:
            countries.setdefault(position.person, set()).add(position.country)
    return [position for position in pending
            if not position.country or not countries.get(position.person) or position.country in countries[position.person]]


def assign_described_countries(doc: Doc, national: set[int]) -> None:
    """A bare national title ("принят министром иностранных дел Айгерим Сатпаевой") takes the country of a
    description of the same post elsewhere in the text ("казахстанский министр высоко оценила"), when one
    country's adjective describes that title word and no other person holds it."""
    adjectives = [mention for mention in doc.geo if mention.kind == "adj" and mention.iso]
    if not adjectives or not national:
        return
    heads: dict[str, list[int]] = {}
    for number, position in enumerate(doc.positions):
        heads.setdefault(position.title.split()[0], []).append(number)
    described: dict[str, set[str]] = {}
    tokens = doc.tokens
    ending = {token.stop: index for index, token in enumerate(tokens)}
    for mention in adjectives:
        index = ending.get(mention.stop)
        if index is not None and index + 1 < len(tokens) and tokens[index + 1].start - mention.stop <= 1:
            described.setdefault(tokens[index + 1].lemma.lower(), set()).add(mention.iso)
    for number in national:
        position = doc.positions[number]
        head = position.title.split()[0]
        isos = described.get(head, set())
        people = {doc.positions[other].person for other in heads.get(head, [])}
        if position.country is None and len(isos) == 1 and len(people) == 1:
            position.country = next(iter(isos))


def national_title(post: Post, title: str) -> bool:
    """A head of state or government with nothing after the title ("Премьер-министр Имя"), or a minister
    of no named country ("министр по делам разведки Имя")."""
    bare = post.end == post.head_last or post.end == post.title_last
    return bare and (title in NATIONAL_TITLES or title.startswith("министр ")) or title.split()[0] in MINISTERS


def name_skips(tokens: list[Token], org_spans: list[tuple[int, int]]) -> dict[int, int]:
    """Token index of each organisation or country name ("Республики Казахстан") or quoted title in the
    sentence -> index after it (quotes included)."""
    if not tokens:
        return {}
    first, last = tokens[0].start, tokens[-1].stop
    index_of = {token.start: number for number, token in enumerate(tokens)}
    ends = {token.stop: number for number, token in enumerate(tokens)}
    skips: dict[int, int] = {}
    for start, stop in org_spans:
        if first <= start and stop <= last and start in index_of and stop in ends:
            skips[index_of[start]] = ends[stop] + 1
    for number, token in enumerate(tokens):
        if token.text == "«":
            close = next((n for n in range(number + 1, min(number + 8, len(tokens))) if tokens[n].text == "»"), None)
            if close is not None:
                skips[number] = close + 1
    for start, end in sorted(skips.items(), reverse=True):
        if end + 1 < len(tokens) and tokens[end].text in DASHES and end + 1 in skips:
            skips[start] = skips[end + 1]      # "группы дружбы Турция – Кыргызстан"
    for start, end in list(skips.items()):
        if start > 0 and tokens[start - 1].text == "«" and end < len(tokens) and tokens[end].text == "»":
            skips[start - 1] = end + 1
    return skips


def assign_main_country(doc: Doc, national: list[int] | set[int]) -> None:
    """A national title with no body and no country ("Премьер-министр Сильвио Берлускони") is for the
    country of the dateline (an agency leaves its own country unsaid: "Астана ... министр иностранных дел"), else
    the country the article names most often."""
    if not national:
        return
    counts: dict[str, int] = {}
    for mention in doc.geo:
        if mention.iso:
            counts[mention.iso] = counts.get(mention.iso, 0) + 1
    if not counts:
        return
    main = dateline_country(doc) or max(counts, key=lambda iso: (counts[iso], -min(m.start for m in doc.geo
                                                                                  if m.iso == iso)))
    for number in national:
        position = doc.positions[number]
        person = doc.entity(position.person)
        if position.country is None:
            position.country = main
        if person is not None and person.country is None:
            person.country = position.country


def assign_person_countries(doc: Doc) -> None:
    """A person's country: from their posts, else from the nearest earlier person with one."""
    by_person: dict[str, list[Position]] = {}
    for position in doc.positions:
        by_person.setdefault(position.person, []).append(position)
    people = sorted((entity for entity in doc.entities if entity.type == "person"), key=lambda e: e.mentions[0][0])
    for entity in people:
        countries = [position.country for position in by_person.get(entity.id, []) if position.country]
        if countries and entity.country is None:
            entity.country = countries[0]
    for index, entity in enumerate(people):
        if entity.country is None and entity.id in by_person:
            earlier = [other for other in people[:index] if other.country]
            if earlier and entity.mentions[0][0] - earlier[-1].mentions[0][0] < 600:
                entity.country = earlier[-1].country
    for position in doc.positions:
        if position.country is None:
            person = doc.entity(position.person)
            position.country = person.country if person else None
