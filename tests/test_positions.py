"""Posts held by people, on invented sentences through the whole pipeline: (person, title, country) triples."""

from __future__ import annotations

import pytest

from depesha.doc import Article


@pytest.fixture(scope="module")
def posts(pipeline):
    from depesha.api import extract_doc

    def run(text: str) -> list[tuple[str, str, str | None]]:
        doc = extract_doc(Article(text=text), pipeline)
        return [(doc.entity(p.person).name, p.title, p.country) for p in doc.positions if doc.entity(p.person)]

    return run


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare title takes the country of a description of the same post ("узбекский министр"), not the
        # country of the foreign guest named just before it
        ("Посол Франции Жан Дюваль был принят министром иностранных дел Бахтиёром Саидовым. В ходе беседы "
         "узбекский министр отметил рост торговли.", ("Бахтиёр Саидов", "министр иностранных дел", "UZ")),
        # a minister of no named country belongs to the country the article is about
        ("Правительство Израиля сообщило, что на саммите Израиль будет представлять министр по делам разведки "
         "Дан Меридор.", ("Дан Меридор", "министр", "IL")),
        # name, an apposition, then the title in the same case
        ("Инициатива оказалась неожиданной для Александра Брода, известного правозащитника, члена "
         "Общественной палаты.", ("Александр Брод", "член общественной палаты", None)),
        # a hyphenated compound whose first part is a title ("сенатор-демократ", "президента-диктатора")
        ("Инициатором законопроекта является сенатор-демократ Бенджамин Кардин.",
         ("Бенджамин Кардин", "сенатор", None)),
        ("Восстание привело к бегству из страны президента-диктатора Фердинанда Маркоса.",
         ("Фердинанд Маркос", "президент", None)),
        # a pronoun subject of a predicate title is the last person named before it
        ("Леван Гачечиладзе вернулся в Тбилиси. Сейчас он является депутатом парламента Грузии.",
         ("Леван Гачечиладзе", "депутат", "GE")),
        # the subject of a predicate title is itself a title with a name
        ("После выборов премьер-министром станет глава партии «Путь Грузии» Саломе Зурабишвили.",
         ("Саломе Зурабишвили", "премьер-министр", "GE")),
        # the predicate of a second verb joined to the first, whose subject is a pronoun
        ("Иван Петров вернулся в Москву. Он возглавил фракцию и стал членом комитета по обороне.",
         ("Иван Петров", "член комитета по обороне", None)),
        # a list of titles before one name, the first ending in a place name
        ("Его поддержал депутат муниципального собрания района Отрадное, сопредседатель движения «Солидарность» "
         "Михаил Вельмакин.", ("Михаил Вельмакин", "депутат", None)),
        # the object of "назвать", "назначить" holds the title, not the subject
        ("Министр Пётр Сидоров назначил Ивана Кузнецова послом в Мексике.", ("Иван Кузнецов", "посол", None)),
        # name, dash, adjectives, title
        ("Андрей Санников — бывший заместитель министра иностранных дел Беларуси.",
         ("Андрей Санников", "заместитель министра иностранных дел", "BY")),
        # an object pronoun holds the post it is appointed to, not the subject who appoints
        ("Игорь Семенов окончил семинарию в Риге. В 1996 году патриарх Ефрем назначил его на должность "
         "архиепископа.", ("Игорь Семенов", "архиепископ", None)),
        # after a kinship noun, a name in the title's own case still holds it
        ("На церемонии был сын президента Азербайджана Гейдара Алиева.", ("Гейдар Алиев", "президент", "AZ")),
        # with a copula the title is the head of its subject
        ("В 2010—2011 годах Иван Карапетов был мэром Еревана.", ("Иван Карапетов", "мэр", None)),
        # the same with the copula clause joined to another one, and a pronoun subject
        ("Иван Сидоров работает в Сенате с 1997 года, до этого он был генеральным прокурором штата.",
         ("Иван Сидоров", "генеральный прокурор", None)),
        # a participle's subject is the noun it qualifies
        ("59-летний Андрей Бельский, возглавлявший должность главы службы с 2006 года, ушёл в отставку.",
         ("Андрей Бельский", "глава службы", None)),
        # after a verb of appointment the parser's "agent" is the post ("назначена главой", not "принят министром")
        ("Анна Лопухова, работавшая заместителем министра, назначена главой ведомства.",
         ("Анна Лопухова", "глава ведомства", None)),
        # a pronoun stands for the last person named as a subject, not the last name
        ("Иван Сидоров встретился с Петром Смирновым в 2001 году, а до этого он был генеральным прокурором области.",
         ("Иван Сидоров", "генеральный прокурор", None)),
        # "исполнял обязанности X" holds X
        ("В 2002—2003 годах Иван Руснак исполнял обязанности министра промышленности и торговли.",
         ("Иван Руснак", "министр промышленности и торговли", None)),
        # the subject "который" stands for the noun its clause belongs to
        ("На эту должность назначен генерал-майор Сергей Суровцев, который ранее стал начальником штаба округа.",
         ("Сергей Суровцев", "начальник штаба округа", None)),
        # a nominative title hung on the name as its apposition, with no verb between
        ("Олег Лаптев с 2004 года президент Киргизии.", ("Олег Лаптев", "президент", "KG")),
        # bare "начальник" is a title
        ("Начальник департамента внешнеэкономической деятельности «Газпрома» Станислав Цыбин заявил об этом.",
         ("Станислав Цыбин", "начальник департамента внешнеэкономической деятельности", None)),
        # a common-noun object named in apposition holds the predicate title ("назначил … единоросса Имя")
        ("Губернатор назначил временным мэром города единоросса Андрея Воронова.", ("Андрей Воронов", "мэр", None)),
        # a name the parser hangs on the title as nmod, in the title's own case, is still its holder
        ("В 1998 году президент Клинтон посетил Москву.", ("Клинтон", "президент", None)),
        # a name right after another name holds the title, the first is the one served
        ("О смерти советника губернатора Ивана Орлова Михаила Лесникова стало известно в ноябре.",
         ("Михаил Лесников", "советник", None)),
        ("Пресс-секретарь Ивана Орлова Дмитрий Песочин заявил журналистам о встрече.",
         ("Дмитрий Песочин", "пресс-секретарь", None)),
        # the genitive name after a title is the one served: the post is the name before it
        ("Людмила Боярова, первый заместитель Кравчука, выступила с докладом.",
         ("Людмила Боярова", "первый заместитель", None)),
    ],
)
def test_position_found(posts, text, expected):
    found = posts(text)
    assert any(item[:2] == expected[:2] and (expected[2] is None or item[2] == expected[2]) for item in found), found


@pytest.mark.parametrize(
    "text, name, title",
    [
        # a title after a kinship noun is the relative's, not the post of the name that follows
        ("В начале мая дочь посла Ирина Ковалёва открыла выставку в Праге.", "Ирина Ковалёва", "посол"),
        ("На премьере была дочь известного писателя, актёра и режиссёра Вера Соколова.", "Вера Соколова", "актёр"),
        # ... also when pymorphy has a caseless reading of the first name ("Ханна")
        ("В начале апреля дочь капитана Ханна Ингрэм-Мур начала сбор средств.", "Ханна Ингрэм-Мур", "капитан"),
        # a genitive name is the title's complement ("адвокат of Маркевич"), not its holder
        ("Адвокат Маркевича заявил, что его подзащитный невиновен.", "Маркевич", "адвокат"),
        # a name in another case than a predicate title is another person ("советником кампании Орлова")
        ("В 2004 году он был главным советником избирательной кампании Николая Орлова.", "Николай Орлов", "советник"),
        ("Новый глава агентства на несколько месяцев старше своего коллеги из Минфина Николая Орлова.",
         "Николай Орлов", "глава"),
        # the subject who appoints does not hold the post of the object pronoun
        ("Патриарх Ефрем назначил его на должность архиепископа.", "Ефрем", "архиепископ"),
        # a post sought is not held
        ("Сергей Волков решил баллотироваться на пост мэра Казани.", "Сергей Волков", "мэр"),
        ("Депутат Анна Белова хочет стать губернатором области.", "Анна Белова", "губернатор"),
        ("Олег Седов — не единственный кандидат на пост главы агентства.", "Олег Седов", "глава"),
        # a nominative name after a genitive title, the case read off the surname, not the initial
        ("Указом президента Ю.Береговский был назначен начальником штаба.", "Ю Береговский", "президент"),
    ],
)
def test_post_not_given_to(posts, text, name, title):
    found = posts(text)
    assert not [item for item in found if item[0] == name and item[1].startswith(title)], found


def test_title_governed_by_a_title_is_one_post(posts):
    """"полпреда президента": the genitive title is the complement, not a second post of the same person."""
    found = posts("По мнению полпреда президента России в округе Виктора Ишаева, часовых поясов должно быть два.")
    assert [title for name, title, _ in found if name == "Виктор Ишаев"] == ["полпред"]


def test_stacked_apposition_stays_two_posts(posts):
    found = posts("Представитель вооружённых сил полковник Сансерн Каевкамнерд заявил о комендантском часе.")
    assert {title for _, title, _ in found} == {"представитель", "полковник"}


def test_second_noun_phrase_after_and_is_another_person(posts):
    found = posts("Президент и первая леди Мишель Обама задержались в Белом доме.")
    assert not [item for item in found if item[0] == "Мишель Обама" and item[1].startswith("президент")]


def test_pronoun_of_the_other_gender_is_not_linked(posts):
    found = posts("Леван Гачечиладзе вернулся в Тбилиси. Сейчас она является депутатом парламента Грузии.")
    assert not [item for item in found if item[1] == "депутат"]
