"""What a trigger's syntax says about it: a reference to an earlier event, a future event, a host's
reception ("принял посла"), the people it links ("встретился с X"), and who a descriptor subject
("турецкий депутат", "стороны") stands for."""

from __future__ import annotations

from ..annotate.morph import may_lemmatize_to
from ..doc import Doc, Sent, Token
from .triggers import Trigger, TriggerType

# nouns that frame an event mentioned before: "в ходе визита", "по итогам заседания", "сроки визита"
FRAME_CASES = {"перед", "после", "до", "в ходе", "в рамках", "по итогам", "на полях", "в преддверии", "накануне",
               "по завершении", "по окончании", "по результатам", "в период", "во время", "по случаю"}
# a speech-act noun is an event only as the object of one of these: "выступил с предложением",
# "направил поздравление", "обратился с просьбой", "передал приглашение"
LIGHT_VERBS = {"выступить", "внести", "выдвинуть", "направить", "передать", "обратиться", "сделать", "вручить",
               "состояться", "пройти", "адресовать", "озвучить"}
FUTURE_LEMMAS = {"наметить", "намечать", "должный", "планироваться", "предстоять", "ожидаться", "намереваться", "собираться",
                 "намеренный", "запланировать", "планировать"}
FUTURE_BE = {"будет", "будут", "будем", "будете", "буду", "будешь"}
# plural subjects that stand for the participants already named: "стороны обсудили", "министры подписали"
COLLECTIVE = {"сторона", "министр", "лидер", "сопредседатель", "собеседник", "участник", "глава", "делегация",
              "президент", "премьер", "премьер-министр", "руководитель", "правительство", "страна", "парламентарий",
              "депутат", "посол", "дипломат", "партнер", "партнёр"}
HOSTED = {"посол", "министр", "делегация", "глава", "президент", "премьер", "премьер-министр", "коллега",
          "председатель", "заместитель", "посланник", "генсек", "генеральный", "спикер", "вице-премьер", "канцлер"}
# whom a host receives: "принял посла", "принимает коллегу"
HOST_VERBS = ("принять", "принимать")


def index_of(sent: Sent) -> dict[str, Token]:
    return {token.id: token for token in sent.tokens}


def children(sent: Sent, token: Token) -> list[Token]:
    return [child for child in sent.tokens if child.head_id == token.id]


def clause_stop(sent: Sent, token: Token) -> int:
    """Where the participle clause hanging on `token` ends ("приглашению, переданному в январе послом"), or
    `token`'s own end when it has none."""
    stop = token.stop
    near = children(sent, token)
    near += [child for noun in near if noun.rel == "nmod" for child in children(sent, noun)]
    case = token.feats.get("Case")  # the parser may hang the participle on a genitive after the noun: agreement decides
    clauses = {child.id for child in near if child.rel.startswith("acl") and child.feats.get("Case") == case}
    if clauses:
        index = index_of(sent)
        for other in sent.tokens:
            current: Token | None = other
            steps = 0
            while current is not None and steps < 8 and current.id not in clauses:
                current, steps = index.get(current.head_id), steps + 1
            if current is not None and current.id in clauses:
                stop = max(stop, other.stop)
    return stop


def case_of(sent: Sent, token: Token) -> str:
    """The preposition of a noun, compound ones included ("в ходе")."""
    words = []
    for child in children(sent, token):
        if child.rel == "case":
            words += [child] + [part for part in children(sent, child) if part.rel == "fixed"]
    return " ".join(word.text.lower() for word in sorted(words, key=lambda word: word.start))


def is_reference(sent: Sent, trigger: Trigger) -> bool:
    """A noun trigger framed by another noun or a time preposition: "в ходе визита", "сроки визита"."""
    token = sent.tokens[trigger.first]
    if token.pos not in ("NOUN", "PROPN"):
        return False
    head = index_of(sent).get(token.head_id)
    if token.rel == "nmod" and head is not None and head.pos in ("NOUN", "PROPN"):
        return True
    return token.rel in ("obl", "nmod") and case_of(sent, token) in FRAME_CASES


TAKE_PLACE = {"состояться", "пройти", "проходить", "завершиться", "продлиться"}


def takes_place(sent: Sent, trigger: Trigger) -> bool:
    """A noun trigger that is the subject of "состоялся", "прошёл": the sentence says the event happened, and after
    a first report of the same kind it says so of that event ("Визит состоялся по приглашению ...")."""
    token = sent.tokens[trigger.first]
    head = index_of(sent).get(token.head_id)
    return (token.pos == "NOUN" and token.rel.startswith("nsubj") and head is not None
            and head.lemma.lower() in TAKE_PLACE)


def is_future(sent: Sent, trigger: Trigger) -> bool:
    """The event's predicate is in the future or planned: "пройдет в апреле", "должна пройти"."""
    index = index_of(sent)
    token = sent.tokens[trigger.first]
    if token.lemma.lower() in FUTURE_LEMMAS:
        return True
    if token.pos == "VERB" and token.feats.get("VerbForm") == "Fin":
        return token.feats.get("Tense") == "Fut"
    current, steps = index.get(token.head_id), 0
    while current is not None and steps < 3:
        if current.lemma.lower() in FUTURE_LEMMAS:
            return True
        if current.pos in ("NOUN", "PROPN"):
            return False
        if current.pos in ("VERB", "AUX", "ADJ"):
            if current.feats.get("Tense") == "Fut":
                return True
            if any(child.rel in ("aux", "aux:pass", "cop") and (child.feats.get("Tense") == "Fut" or child.text.lower()
                   in FUTURE_BE) for child in children(sent, current)):
                return True
            if current.pos == "VERB" and current.feats.get("VerbForm") == "Fin":
                return False
        current, steps = index.get(current.head_id), steps + 1
    return False


def light_verb_ok(sent: Sent, trigger: Trigger) -> bool:
    """A one-word speech-act noun ("предложение") counts as an event only as the object of a light verb."""
    token = sent.tokens[trigger.first]
    if token.pos not in ("NOUN", "PROPN") or trigger.last - trigger.first > 1:
        return True
    head = index_of(sent).get(token.head_id)
    return head is not None and head.lemma.lower() in LIGHT_VERBS


def secondary(sent: Sent, trigger: Trigger) -> bool:
    """A participle or a noun modifying another word ("призвавшего", "подписанный документ")."""
    token = sent.tokens[trigger.first]
    return token.feats.get("VerbForm") in ("Part", "Conv") and token.rel in ("amod", "acl", "advcl")


def negated_clause(sent: Sent, trigger: Trigger) -> bool:
    """"не смогли договориться", "не встретился": a negated event is no event."""
    token = sent.tokens[trigger.first]
    index = index_of(sent)
    heads = [token]
    if token.rel == "xcomp" and token.head_id in index:
        heads.append(index[token.head_id])
    return any(child.text.lower() in ("не", "ни") and child.rel in ("advmod", "discourse", "neg")
               for head in heads for child in children(sent, head))


def governed(sent: Sent, trigger: Trigger, others: list[Trigger]) -> bool:
    """"призвал согласиться": the trigger depends on another trigger of the sentence."""
    index = index_of(sent)
    starts = {sent.tokens[other.first].id for other in others if other is not trigger}
    current, steps = index.get(sent.tokens[trigger.first].head_id), 0
    while current is not None and steps < 3:
        if current.id in starts:
            return True
        current, steps = index.get(current.head_id), steps + 1
    return False


ENVOYS = ("посол", "посланник", "постпред", "представитель", "консул", "атташе", "полпред", "спецпредставитель",
          "дипломат", "сотрудник", "журналист", "гражданин", "военный", "советник")
PEOPLE_OBJECT_KINDS = ("appointment", "expulsion")


def people_object(doc: Doc, sent: Sent, trigger: Trigger) -> bool:
    """An envoy's appointment or an expulsion is about people: "назначен послом", "выслал дипломатов" (not
    "старт назначен на 12 октября", "выслали истребители")."""
    spans = [(start, stop) for entity in doc.entities if entity.type == "person"
             for start, stop in entity.mentions if sent.start <= start < sent.stop]
    token = sent.tokens[trigger.first]
    for child in children(sent, token):
        if child.rel not in ("obj", "nsubj:pass", "obl", "xcomp", "nsubj"):
            continue
        if child.lemma.lower().startswith(ENVOYS) or any(start <= child.start < stop for start, stop in spans):
            return True
    return False


def infinitive(sent: Sent, trigger: Trigger) -> bool:
    """"пригласил посетить", "намерен посетить": an infinitive event is not (yet) an event."""
    return sent.tokens[trigger.first].feats.get("VerbForm") == "Inf"


MOTION = {"прибыть", "приехать", "прилететь", "находиться", "посетить", "побывать", "отправиться", "находящийся",
          "посещать", "прибывать", "начать", "завершить", "совершить", "вылететь", "отбыть"}


def manner(sent: Sent, trigger: Trigger) -> bool:
    """"пригласил посетить Мехико с официальным визитом": "с визитом" tells how someone travels; it is a visit
    only with a verb of travelling (прибыл, находится)."""
    token = sent.tokens[trigger.first]
    if token.lemma.lower() != "визит" or case_of(sent, token) not in ("с", "со"):
        return False
    head = index_of(sent).get(token.head_id)
    return head is None or head.lemma.lower() not in MOTION


def told(sent: Sent, trigger: Trigger) -> bool:
    """A framed event noun the text still tells as having happened: "в ходе консультаций, прошедших в среду"."""
    return any(child.rel in ("acl", "acl:relcl", "amod") and child.pos == "VERB" and child.feats.get("Tense") != "Fut"
               for child in children(sent, sent.tokens[trigger.first]))


def hosted_tokens(sent: Sent, verb: Token) -> list[Token]:
    """Tokens under a host verb (two steps at most) naming whom it received: its object, a passive subject,
    or an accusative post ("принимает в Белом доме своего коллегу" even when parsed under "доме")."""
    index = index_of(sent)
    found = []
    for token in sent.tokens:
        if token is verb or token.pos not in ("NOUN", "PROPN"):
            continue
        current, steps = index.get(token.head_id), 1
        while current is not None and current is not verb and steps < 2:
            current, steps = index.get(current.head_id), steps + 1
        if current is not verb:
            continue
        if token.rel in ("obj", "nsubj:pass") or (token.feats.get("Case") == "Acc" and token.rel != "obl"):
            found.append(token)
    return found


def hosting(sent: Sent, doc: Doc) -> list[Trigger]:
    """"принял посла", "был принят министром": a meeting hosted by the subject."""
    found = []
    spans = [(start, stop) for entity in doc.entities if entity.type == "person"
             for start, stop in entity.mentions if sent.start <= start < sent.stop]
    for number, token in enumerate(sent.tokens):
        if token.pos != "VERB" or not may_lemmatize_to(token.text, HOST_VERBS) or token.lemma.lower() not in HOST_VERBS:
            continue
        for child in hosted_tokens(sent, token):
            person = any(start <= child.start < stop for start, stop in spans)
            if person or child.lemma.lower() in HOSTED:
                found.append(Trigger(number, number + 1, TriggerType("CONSULT", "meeting", None)))
                break
    return found
