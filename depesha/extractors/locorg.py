"""Is a place mention acting as an organisation ("Россия заявила", "президент России") or a place ("в России")?"""

from __future__ import annotations

from collections.abc import Callable

from ..doc import Doc, Token
from .spans import tokens_in

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


# heads of a genitive place that keep it a plain location: "территория России", "улицы Москвы"
PLACE_NOUNS = {
    "здание", "территория", "столица", "полюс", "улица", "район", "страна", "побережье", "устье", "вода",
    "поле", "штаб-квартира", "изолятор", "чемпион", "чемпионат", "центр", "окраина", "пригород", "область",
    "провинция", "юг", "север", "запад", "восток", "граница", "небо", "берег", "карта", "житель", "время",
    "эпоха", "день", "судьба", "автономия", "статус", "площадь", "часть", "глубина", "земля", "остров",
    "гора", "море", "озеро", "река", "порт", "аэропорт", "дорога", "трасса", "окрестность", "тур", "этап",
}
SUBJECT_RELS = {"nsubj", "nsubj:pass", "obl:agent"}
Rule = Callable[[Token, "Token | None", str], "bool | None"]


# RULES: each looks at the head token of the mention, its governor and its preposition


def rule_preposition(head: Token, governor: Token | None, prep: str) -> bool | None:
    if prep in PLACE_PREPS:
        return False
    if prep in ACT_PREPS:
        return True
    return None


def rule_subject(head: Token, governor: Token | None, prep: str) -> bool | None:
    return True if head.rel in SUBJECT_RELS else None


def rule_genitive(head: Token, governor: Token | None, prep: str) -> bool | None:
    """'президент России', 'экономика Китая' but 'территория России'."""
    if head.rel == "nmod" and head.feats.get("Case") == "Gen" and governor is not None:
        return governor.lemma.lower() not in PLACE_NOUNS
    return None


def rule_instrumental(head: Token, governor: Token | None, prep: str) -> bool | None:
    """'завоевание Крыма Россией', 'поставляемого Россией'."""
    return True if head.feats.get("Case") == "Ins" and head.rel in ("nmod", "obl") and not prep else None


def rule_object(head: Token, governor: Token | None, prep: str) -> bool | None:
    return True if head.rel in ("obj", "iobj") else None


def rule_name_list(head: Token, governor: Token | None, prep: str) -> bool | None:
    """Countries listed in the nominative ('• Афганистан • Андорра') stand for their teams or federations."""
    if head.feats.get("Case") == "Nom" and head.rel in ("flat:name", "appos"):
        return True
    return None


RULES: list[Rule] = [rule_preposition, rule_subject, rule_genitive, rule_instrumental, rule_object, rule_name_list]


def decide(head: Token, by_id: dict[str, Token], depth: int = 0) -> bool:
    """First rule with an opinion wins; a conjunct follows the first member of its coordination."""
    prep = preposition(head, by_id)
    governor = by_id.get(head.head_id)
    if head.rel == "conj" and governor is not None and depth < 5 and not prep:
        return decide(governor, by_id, depth + 1)
    for rule in RULES:
        verdict = rule(head, governor, prep)
        if verdict is not None:
            return verdict
    return False


def place_role(doc: Doc, start: int, stop: int) -> str:
    """`organization` when the place acts as a body, else `place`."""
    return "organization" if is_locorg(doc, start, stop) else "place"


def is_locorg(doc: Doc, start: int, stop: int) -> bool:
    """Rules over the dependency tree: subject of an act, genitive of a body, partner or target."""
    tokens = tokens_in(doc, start, stop)
    head = head_token(tokens)
    if head is None:
        return False
    by_id = {token.id: token for token in sent_tokens(doc, head)}
    return decide(head, by_id)


def sent_tokens(doc: Doc, token: Token) -> list[Token]:
    for sent in doc.sents:
        if sent.start <= token.start < sent.stop:
            return sent.tokens
    return doc.tokens
