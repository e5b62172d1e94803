"""Is a place mention a LocOrg, a place acting as an organisation ("Россия заявила", "МИД России")?"""

from __future__ import annotations

from ..doc import Doc, Token

# lemmas of verbs whose subject acts as a body: speech, decision, political acts
ACT_VERBS = {
    "заявить", "заявлять", "ответить", "отвечать", "сообщить", "сообщать", "потребовать", "требовать",
    "предложить", "предлагать", "решить", "решать", "ввести", "вводить", "подписать", "подписывать",
    "признать", "признавать", "отказаться", "отказываться", "согласиться", "соглашаться", "поддержать",
    "поддерживать", "осудить", "осуждать", "выступить", "выступать", "пригрозить", "угрожать", "объявить",
    "объявлять", "направить", "направлять", "обвинить", "обвинять", "призвать", "призывать", "настаивать",
    "намереваться", "планировать", "готовый", "готовиться", "намерен", "выразить", "выражать", "получить",
    "получать", "продать", "продавать", "купить", "покупать", "закупить", "поставлять", "поставить",
    "платить", "заплатить", "выделить", "выделять", "запретить", "запрещать", "разрешить", "разрешать",
    "отказать", "начать", "продолжить", "намерить", "ратифицировать", "одобрить", "принять", "принимать",
    "отвергнуть", "отвергать", "опровергнуть", "настоять", "договориться", "договариваться", "обещать",
    "пообещать", "помогать", "помочь", "вступить", "выйти", "присоединиться", "добиваться", "добиться",
    "стремиться", "хотеть", "собираться", "считать", "полагать", "рассчитывать", "ожидать", "признаваться",
}
# heads of a genitive place that make it a body: "президент России", "позиция Москвы"
BODY_NOUNS = {
    "президент", "премьер", "премьер-министр", "министр", "правительство", "власть", "руководство", "лидер",
    "глава", "посол", "посольство", "мид", "министерство", "парламент", "позиция", "политика", "интерес",
    "представитель", "делегация", "сторона", "армия", "спецслужба", "разведка", "консульство", "сборная",
    "команда", "мэр", "губернатор", "администрация", "мэрия", "канцлер", "король", "королева", "монарх",
    "кабмин", "кабинет", "решение", "заявление", "отношение", "санкция", "требование", "предложение",
    "поддержка", "помощь", "долг", "бюджет", "вмешательство", "агрессия", "участие", "член", "вице-премьер",
    "вице-президент", "спикер", "депутат", "дипломат", "генпрокуратура", "прокуратура", "суд", "военный",
    "войско", "флот", "ввс", "партнер", "союзник", "конституция", "закон", "гражданин", "лидерство",
    "председатель", "правитель", "госдепартамент", "госдеп", "сенат", "конгресс", "дума", "минобороны",
    "минфин", "экс-президент", "генсек", "генеральный", "чемпион", "сборной",
}
# prepositions that make a place a target or partner: "санкции против России", "переговоры с Ираном"
ACT_PREPS = {"против", "с", "со", "между", "для", "от", "у"}
PLACE_PREPS = {"в", "во", "на", "из", "по", "под", "над", "через", "до", "около", "к", "ко", "вокруг", "близ"}


def head_token(tokens: list[Token]) -> Token | None:
    """The token of the span whose syntactic head lies outside it."""
    ids = {token.id for token in tokens}
    outside = [token for token in tokens if token.head_id not in ids]
    return outside[0] if outside else (tokens[0] if tokens else None)


def preposition(head: Token, by_id: dict[str, Token]) -> str:
    cases = [t for t in by_id.values() if t.head_id == head.id and t.rel == "case"]
    return cases[0].text.lower() if cases else ""


def is_locorg(doc: Doc, start: int, stop: int) -> bool:
    """Rules over the dependency tree: subject of an act, genitive of a body, partner or target."""
    tokens = [token for token in doc.tokens if start <= token.start and token.stop <= stop]
    head = head_token(tokens)
    if head is None:
        return False
    sent = sent_tokens(doc, head)
    by_id = {token.id: token for token in sent}
    governor = by_id.get(head.head_id)
    prep = preposition(head, by_id)
    if prep in PLACE_PREPS:
        return False
    if prep in ACT_PREPS:
        return True
    if head.rel in ("nsubj", "nsubj:pass") and governor is not None:
        return governor.pos in ("VERB", "AUX", "ADJ") or governor.lemma in ACT_VERBS
    if head.rel in ("nmod", "conj") and governor is not None and head.feats.get("Case") == "Gen":
        return governor.lemma.lower() in BODY_NOUNS
    if head.rel in ("obj", "iobj"):
        return True
    return False


def sent_tokens(doc: Doc, token: Token) -> list[Token]:
    for sent in doc.sents:
        if sent.start <= token.start < sent.stop:
            return sent.tokens
    return doc.tokens
