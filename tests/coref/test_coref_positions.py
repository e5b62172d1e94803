"""Posts across sentences through coreference chains (invented news)."""

import depesha


def positions(text):
    doc = depesha.extract_doc(depesha.Article(text=text))
    return doc, [(doc.entity(p.person).name, p.title, doc.text[p.evidence[0]:p.evidence[1]]) for p in doc.positions]


def test_a_post_in_a_later_sentence_reaches_the_person_of_its_chain():
    doc, found = positions("Вольфганг Тифензее посетил завод в Дрездене. Министр подчеркнул, что компании должны "
                           "вкладывать в исследования больше.")
    assert doc.coref, "no chain"
    assert ("Вольфганг Тифензее", "министр", "Министр") in found


def test_a_name_in_the_genitive_inside_the_title_does_not_hold_it():
    _, found = positions("Адвокат Маркевича заявил, что его подзащитный невиновен. Адвокат подаст апелляцию.")
    assert not [item for item in found if item[0].startswith("Маркевич")]
