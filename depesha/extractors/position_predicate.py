"""Titles used as predicates: "капитаном стал Михаель Баллак", "Иванов назначен послом", "является членом",
"Путин согласился занять пост премьер-министра"; plural titles."""

from __future__ import annotations

from ..annotate.morph import parse_word
from ..doc import Entity, Token

SUBJECT_RELS = ("nsubj", "nsubj:pass")
CASES = {"Nom": {"nomn"}, "Gen": {"gent", "gen2"}, "Dat": {"datv"}, "Acc": {"accs"}, "Ins": {"ablt"},
         "Loc": {"loct", "loc2"}}   # natasha -> pymorphy
UNCHECKED = {"Acc"}     # the name after an accusative title is not checked: the tagger confuses Acc with Nom and Gen
PRONOUNS = {"он": "masc", "она": "femn"}
OBJECT_PRONOUNS = {"его": "masc", "её": "femn", "ее": "femn"}   # "назначил его послом"
ASPIRE = {"баллотироваться", "претендовать", "выдвигаться", "выдвинуться", "выдвигать", "выдвинуть", "кандидат",
          "кандидатка", "кандидатура", "претендент", "претендентка", "бороться", "прочить", "номинировать"}
WISH = {"хотеть", "мочь", "надеяться", "собираться", "планировать", "намереваться", "мечтать", "стремиться",
        "рассчитывать", "пытаться", "попытаться", "желать"}   # "хочет стать мэром": not (yet) the mayor
APPOINT = {"назначить", "назначать", "избрать", "избирать", "переизбрать", "утвердить", "утверждать"}
# the noun a genitive title depends on: "занять пост премьер-министра", "место спикера занял X", "исполнял
# обязанности министра"
POST_NOUNS = {"пост", "должность", "место", "кресло", "обязанность"}


def title_root(tokens: list[Token], first: int, last: int) -> int | None:
    """The token of tokens[first:last] whose syntactic head lies outside the title."""
    inside = {tokens[index].id for index in range(first, last)}
    return next((index for index in range(first, last) if tokens[index].head_id not in inside), None)


def predicate_subject(tokens: list[Token], first: int, last: int) -> int | None:
    """Index of the subject of the verb an instrumental title depends on ("капитаном стал X" -> X)."""
    root = title_root(tokens, first, last)
    if root is not None and tokens[root].feats.get("Case") == "Ins" \
            and any(token.head_id == tokens[root].id and token.rel == "cop" for token in tokens):
        # "Иван Карапетов был мэром Еревана", "…, до этого он был прокурором": with a copula the title is the head
        # of its own subject
        return next((index for index, token in enumerate(tokens)
                     if token.head_id == tokens[root].id and token.rel in SUBJECT_RELS), None)
    if root is not None and tokens[root].feats.get("Case") == "Gen":
        root = post_noun(tokens, tokens[root].head_id)
    elif root is not None and (tokens[root].feats.get("Case") != "Ins" or not complement(tokens, root)):
        root = None
    if root is None or not tokens[root].head_id or aspired(tokens, tokens[root].head_id):
        return None
    return verb_object(tokens, tokens[root].head_id) or verb_subject(tokens, tokens[root].head_id)


def aspired(tokens: list[Token], verb: str) -> bool:
    """A post sought, not held: "баллотироваться на пост мэра", "кандидат на пост главы", "выдвинет на должность
    посла", "хочет стать мэром", "может стать президентом"."""
    head = next((token for token in tokens if token.id == verb), None)
    if head is None:
        return False
    if (head.lemma or "").lower() in ASPIRE:
        return True
    above = next((token for token in tokens if token.id == head.head_id), None)
    return head.rel == "xcomp" and above is not None and (above.lemma or "").lower() in WISH


def verb_object(tokens: list[Token], verb: str) -> int | None:
    """"назвал Йенса Лемана первым вратарём", "назначил его послом": the title is the object's; "назначит доктора
    Томаса Фридена на пост директора": the name in apposition to a common-noun object."""
    direct = next((index for index, token in enumerate(tokens) if token.head_id == verb and token.rel == "obj"
                   and (token.pos == "PROPN" or token.text.lower() in OBJECT_PRONOUNS)), None)
    if direct is not None:
        return direct
    nouns = {token.id for token in tokens if token.head_id == verb and token.rel == "obj" and token.pos == "NOUN"}
    return next((index for index, token in enumerate(tokens) if token.head_id in nouns and token.rel == "appos"
                 and token.pos == "PROPN"), None)


def verb_subject(tokens: list[Token], verb: str) -> int | None:
    """The subject of a verb, or of the verb it complements ("согласился занять пост" -> согласился) or
    continues ("он является депутатом ..., также является членом" -> the first "является"), else the
    nominative name right before a passive verb ("Указом ... Серик Абдрахманов назначен Послом")."""
    for _ in range(3):
        subject = next((index for index, token in enumerate(tokens)
                        if token.head_id == verb and token.rel in SUBJECT_RELS), None)
        if subject is not None:
            return subject
        head = next((token for token in tokens if token.id == verb), None)
        if head is not None and head.rel == "acl" and head.pos == "VERB":
            # a participle's subject is the noun it qualifies: "Андрей Бельский, возглавлявший должность главы ФТС"
            return index_of(tokens, head.head_id, 0, len(tokens)) if head.head_id else None
        if head is None or head.rel not in ("xcomp", "conj"):
            return nominative_before(tokens, verb)
        verb = head.head_id
    return None


def nominative_before(tokens: list[Token], verb: str) -> int | None:
    position = next((index for index, token in enumerate(tokens) if token.id == verb), None)
    if position and tokens[position].feats.get("Voice") == "Pass" and tokens[position - 1].pos == "PROPN" \
            and tokens[position - 1].feats.get("Case") == "Nom":
        return position - 1
    return None


def complement(tokens: list[Token], root: int) -> bool:
    """An instrumental complement ("стал капитаном"), not an agent ("принят министром") or a PP ("с министром");
    after a verb of appointment the parser's agent is a complement too ("назначена главой ведомства")."""
    prepositional = any(token.head_id == tokens[root].id and token.rel == "case" for token in tokens)
    verb = next((token for token in tokens if token.id == tokens[root].head_id), None)
    if tokens[root].rel == "obl:agent" and verb is not None and (verb.lemma or "").lower() in APPOINT:
        return not prepositional
    return tokens[root].rel not in ("obl:agent", "nmod", "conj") and not prepositional


def post_noun(tokens: list[Token], id: str) -> int | None:
    """The index of "пост"/"должность" with this id, the noun a genitive title depends on."""
    index = next((index for index, token in enumerate(tokens) if token.id == id), None)
    return index if index is not None and (tokens[index].lemma or "").lower() in POST_NOUNS else None


def plural_title(tokens: list[Token], first: int, last: int) -> bool:
    """"представители", "сотрудники": not one person's post (but "одному из президентов" is)."""
    root = title_root(tokens, first, last)
    return root is not None and tokens[root].feats.get("Number") == "Plur" and \
        not (first and tokens[first - 1].text.lower() == "из")


def apposed(tokens: list[Token], first: int, last: int, name: int) -> bool:
    """False for a name that cannot be in the case of the title before it: in "Указом Главы государства Серик
    Абдрахманов назначен" the name is the subject, not the head of state; in "был советником кампании Бориса
    Ельцина" or "Новый глава ведомства старше коллеги Николая Никифорова" it is another person. False too for a
    name the parser makes the title's genitive complement ("заместитель Клишаса", "тренер Дадашева")."""
    root = title_root(tokens, first, last)
    title_case = tokens[root if root is not None else first].feats.get("Case", "")
    if tokens[name].rel == "nmod" and first <= index_of(tokens, tokens[name].head_id, first, name) < name \
            and root is not None and title_case == "Nom" and tokens[name].feats.get("Case") != "Nom":
        return False    # but "президент Клинтон", parsed as nmod too, has the title's case
    # a title opening the sentence or a clause is mostly nominative, whatever the tag
    opening = not first or tokens[first - 1].pos not in ("NOUN", "PROPN", "ADP", "VERB", "AUX")
    if root is None:        # a loop in the parse: only an opening nominative is checked
        case = CASES["Nom"] if opening and title_case == "Nom" else None
    else:
        case = CASES.get(title_case) if title_case not in UNCHECKED else None
        if case is not None and opening:
            case = case | CASES["Nom"]
    if case is None:
        return True
    if len(tokens[name].text.rstrip(".")) == 1 and name + 1 < len(tokens) and tokens[name + 1].text == ".":
        name = min(name + 2, len(tokens) - 1)       # "Ю.Балуевский": the surname tells the case, not the initial
    if CASES.get(tokens[name].feats.get("Case", ""), set()) & case:    # "Киран Гиббс": pymorphy reads a plural only
        return True
    cases = {parse.tag.case for parse in parse_word(tokens[name].text)}
    return not cases or None in cases or bool(cases & case)


def in_case_of(title: Token, name: Token) -> bool:
    """Whether a name can stand in the case of the title before it: natasha tags both alike, or one reading of the
    name has that case ("сын президента Ивана Петрова" but not "дочь капитана Ханна")."""
    case = title.feats.get("Case")
    if case is None or name.feats.get("Case") == case:
        return True
    cases = {parse.tag.case for parse in parse_word(name.text)} - {None}   # a caseless reading says nothing
    return not cases or bool(cases & CASES.get(case, set()))


def index_of(tokens: list[Token], id: str, start: int, stop: int) -> int:
    """The index in tokens[start:stop] of the token with this id, else -1."""
    return next((index for index in range(start, stop) if tokens[index].id == id), -1)


def person_covering(token: Token, people: list[tuple[int, int, Entity]]) -> Entity | None:
    return next((entity for start, stop, entity in people if start <= token.start < stop), None)


def predicate_person(tokens: list[Token], first: int, last: int, people: list[tuple[int, int, Entity]],
                     subjects: frozenset[int] = frozenset()) -> Entity | None:
    """The person a title is predicated of, when the title is an instrumental complement of a verb (`subjects`: the
    starts of the person mentions that are subjects, which a pronoun prefers)."""
    subject = predicate_subject(tokens, first, last)
    if subject is None:
        return None
    found = named_person(tokens, subject, people)
    if found is None and (tokens[subject].lemma or "").lower() == "который":
        # "генерал Сергей Суровцев, который стал начальником штаба": the noun the relative clause belongs to
        clause = next((token for token in tokens if token.id == tokens[subject].head_id), None)
        noun = index_of(tokens, clause.head_id, 0, len(tokens)) if clause is not None and clause.rel == "acl:relcl" else -1
        return named_person(tokens, noun, people) if noun >= 0 else None
    if found is not None or tokens[subject].rel != "obj":
        return found or pronoun_person(tokens[subject], people, subjects=subjects)
    # "Папа Иоанн Павел II назначил его на должность архиепископа": an object pronoun is not the verb's subject
    agent = verb_subject(tokens, tokens[subject].head_id)
    return pronoun_person(tokens[subject], people, named_person(tokens, agent, people) if agent is not None else None)


def named_person(tokens: list[Token], index: int, people: list[tuple[int, int, Entity]]) -> Entity | None:
    """The person named by a token or by its apposition ("Папа | Иоанн Павел II")."""
    named = [tokens[index]] + [token for token in tokens if token.head_id == tokens[index].id
                               and token.rel in ("appos", "flat:name", "flat")]
    return next((person for token in named if (person := person_covering(token, people))), None)


def pronoun_person(token: Token, people: list[tuple[int, int, Entity]], skip: Entity | None = None,
                   reach: int = 300, subjects: frozenset[int] = frozenset()) -> Entity | None:
    """"он является депутатом": the last person named before the pronoun, of its gender, not far back (other than
    `skip`, the subject of the verb an object pronoun depends on); the last one named as a subject, if any
    ("Иван Сидоров представляет Алабаму …, до этого он был прокурором")."""
    gender = PRONOUNS.get(token.text.lower()) or OBJECT_PRONOUNS.get(token.text.lower())
    if gender is None:
        return None
    before = [(stop, start, entity) for start, stop, entity in people
              if stop <= token.start and token.start - stop <= reach and entity is not skip]
    before.sort(key=lambda item: item[0])
    named = [item for item in before if item[1] in subjects] or before
    if not named or named[-1][2].gender not in (gender, None):
        return None
    return named[-1][2]
