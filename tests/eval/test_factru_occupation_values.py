"""Occupation values as factRuEval writes them: the title without its body, the body without what follows it."""

from __future__ import annotations

import pytest

from depesha.doc import Doc, Entity, Position, Sent, Token
from depesha.eval.factru.refine_facts import occupation_facts


def phrase(spec: str, names: list[tuple[str, int, int]]) -> Doc:
    """'text/lemma/POS/Case ...' tokens (Case may be empty); names are (type, first, last) token ranges;
    the last name is the person, the position's evidence runs from the first token to it."""
    tokens, offset = [], 0
    for index, item in enumerate(spec.split()):
        text, lemma, pos, case = item.split("/")
        feats = {"Case": case} if case else {}
        if lemma.endswith("щий"):
            feats["VerbForm"] = "Part"
        tokens.append(Token(offset, offset + len(text), text, pos, feats, lemma, f"1_{index + 1}"))
        offset += len(text) + 1
    doc = Doc(text=" ".join(token.text for token in tokens), tokens=tokens)
    doc.sents = [Sent(0, len(doc.text), tokens)]
    doc.entities = [Entity(f"e{n}", kind, kind, None, [[tokens[first].start, tokens[last].stop]])
                    for n, (kind, first, last) in enumerate(names)]
    person = doc.entities[-1]
    doc.positions = [Position(person.id, tokens[0].text.lower(), None, None, [0, person.mentions[0][0] - 1])]
    return doc


@pytest.mark.parametrize(
    "spec, names, position, where",
    [
        ("министр/министр/NOUN/Nom связи/связь/NOUN/Gen и/и/CCONJ/ коммуникаций/коммуникация/NOUN/Gen РФ/рф/PROPN/Gen "
         "Игорь/игорь/PROPN/Nom Щёголев/щёголев/PROPN/Nom",
         [("country", 4, 4), ("person", 5, 6)], "министр связи и коммуникаций", "РФ"),
        ("советник/советник/NOUN/Nom руководителя/руководитель/NOUN/Gen партии/партия/NOUN/Gen «/«/PUNCT/ "
         "Яблоко/яблоко/PROPN/Gen »/»/PUNCT/ Артур/артур/PROPN/Nom Гороховский/гороховский/PROPN/Nom",
         [("organization", 3, 5), ("person", 6, 7)], "советник руководителя", "партии « Яблоко"),
        ("глава/глава/NOUN/Nom отдела/отдел/NOUN/Gen серверов/сервер/NOUN/Gen HP/hp/PROPN/ Дейв/дейв/PROPN/Nom "
         "Донателли/донателли/PROPN/Nom",
         [("organization", 3, 3), ("person", 4, 5)], "глава", "отдела серверов HP"),
        ("исполняющий/исполняющий/VERB/Nom обязанности/обязанность/NOUN/Gen официального/официальный/ADJ/Gen "
         "представителя/представитель/NOUN/Gen Госдепартамента/госдепартамент/PROPN/Gen Марк/марк/PROPN/Nom "
         "Тоунер/тоунер/PROPN/Nom",
         [("organization", 4, 4), ("person", 5, 6)], "исполняющий обязанности официального представителя",
         "Госдепартамента"),
        ("управляющий/управляющий/VERB/Nom компанией/компания/NOUN/Ins FaceCash/facecash/PROPN/ "
         "Аарон/аарон/PROPN/Nom Гринспен/гринспен/PROPN/Nom",
         [("organization", 2, 2), ("person", 3, 4)], "управляющий", "компанией FaceCash"),
        ("член/член/NOUN/Nom Палаты/палата/PROPN/Gen представителей/представитель/NOUN/Gen от/от/ADP/ "
         "штата/штат/NOUN/Gen Аризона/аризона/PROPN/Nom Гэбриэль/гэбриэль/PROPN/Nom Гиффордс/гиффордс/PROPN/Nom",
         [("organization", 1, 2), ("location", 5, 5), ("person", 6, 7)], "член", "Палаты представителей"),
        ("наблюдатель/наблюдатель/NOUN/Nom от/от/ADP/ ОБСЕ/обсе/PROPN/Gen Хуан/хуан/PROPN/Nom Суареш/суареш/PROPN/Nom",
         [("organization", 2, 2), ("person", 3, 4)], "наблюдатель", "ОБСЕ"),
        ("министр/министр/NOUN/Nom по/по/ADP/ делам/дело/NOUN/Dat разведки/разведка/NOUN/Gen Израиля/израиль/PROPN/Gen "
         "Дан/дан/PROPN/Nom Меридор/меридор/PROPN/Nom",
         [("country", 4, 4), ("person", 5, 6)], "министр по делам разведки", "Израиля"),
    ],
)
def test_factru_occupation_title_and_body(spec, names, position, where):
    doc = phrase(spec, names)
    [(_, args)] = occupation_facts(doc)
    assert dict(args)["position"] == position
    assert dict(args)["where"] == where


def test_factru_occupation_modifier_before_title():
    doc = phrase("Федеральный/федеральный/ADJ/Nom министр/министр/NOUN/Nom транспорта/транспорт/NOUN/Gen "
                 "Германии/германия/PROPN/Gen Вольфганг/вольфганг/PROPN/Nom Тифензее/тифензее/PROPN/Nom",
                 [("country", 3, 3), ("person", 4, 5)])
    doc.positions[0].evidence = [doc.tokens[1].start, doc.tokens[3].stop]
    [(_, args)] = occupation_facts(doc)
    assert dict(args)["position"] == "Федеральный министр транспорта"


def test_factru_occupation_body_without_name():
    doc = phrase("глава/глава/NOUN/Nom палестинской/палестинский/ADJ/Gen делегации/делегация/NOUN/Gen на/на/ADP/ "
                 "переговорах/переговоры/NOUN/Loc Саеб/саеб/PROPN/Nom Эрекат/эрекат/PROPN/Nom", [("person", 5, 6)])
    [(_, args)] = occupation_facts(doc)
    assert dict(args) == {"who": "person", "position": "глава", "where": "палестинской делегации"}


def test_factru_occupation_country_adjective_as_written():
    from depesha.extractors.countries import CountryMention

    doc = phrase("британский/британский/ADJ/Nom премьер/премьер/NOUN/Nom Гордон/гордон/PROPN/Nom "
                 "Браун/браун/PROPN/Nom", [("person", 2, 3)])
    doc.geo = [CountryMention(0, 10, "GB", "adj", "британский", 0, 1)]
    doc.positions[0].evidence = [doc.tokens[1].start, doc.tokens[1].stop]
    doc.positions[0].country = "GB"
    doc.positions[0].title = "премьер"
    [(_, args)] = occupation_facts(doc)
    assert dict(args)["where"] == "британский"
    doc.positions[0].title = "предприниматель"      # a nationality, not a post of the state
    assert occupation_facts(doc) == []


def test_factru_occupation_stacked_title_shares_the_body():
    doc = phrase("представитель/представитель/NOUN/Nom армии/армия/NOUN/Gen полковник/полковник/NOUN/Nom "
                 "Иван/иван/PROPN/Nom Петров/петров/PROPN/Nom", [("organization", 1, 1), ("person", 3, 4)])
    first = doc.positions[0]
    first.evidence = [doc.tokens[0].start, doc.tokens[1].stop]
    doc.positions = [first, Position(first.person, "полковник", None, None, [doc.tokens[2].start, doc.tokens[2].stop])]
    facts = occupation_facts(doc)
    assert [(dict(args)["position"], dict(args)["where"]) for _, args in facts] == [
        ("представитель", "армии"), ("полковник", "армии")]
