"""Event rules on small sentences written for these tests (docs/schema.md, "Event kinds")."""

from __future__ import annotations

import pytest

import depesha

DATELINE = "Астана. 12 марта. KAZINFORM - "

# (text, published, expected events: each a dict of fields that some event must have; None = no events at all)
CASES = [
    pytest.param(
        DATELINE + "Министр иностранных дел Казахстана Айгерим Сатпаева встретилась с министром иностранных дел "
        "Турции Мехметом Озтюрком.",
        "2026-03-12",
        [{"category": "CONSULT", "kind": "meeting", "countries": {"KZ", "TR"}, "date": "2026-03-12",
          "mode": "in_person"}],
        id="meeting"),
    pytest.param(
        DATELINE + "Министр иностранных дел Казахстана Айгерим Сатпаева провела телефонный разговор с министром "
        "иностранных дел Грузии Георгием Беридзе.",
        "2026-03-12",
        [{"category": "CONSULT", "kind": "phone_call", "mode": "phone", "countries": {"KZ", "GE"}}],
        id="phone-call"),
    pytest.param(
        DATELINE + "Заместитель министра иностранных дел Казахстана Арман Исмаилов во вторник принял посла Мексики "
        "Хавьера Мендосу Ортиса.",
        "2026-03-12",
        [{"category": "CONSULT", "kind": "meeting", "countries": {"KZ", "MX"}, "date": "2026-03-10"}],
        id="hosting-an-ambassador"),
    pytest.param(
        "Улан-Батор. 15 апреля. ТАСС - Премьер-министр Монголии Батбаяр Ганзориг напомнил, что в конце января "
        "правительства Монголии и России подписали меморандум о строительстве ТЭЦ.",
        "2026-04-15",
        [{"category": "SUPPORT", "kind": "signing", "countries": {"MN", "RU"}, "date": "2026-01-01",
          "date_precision": "month"}],
        id="month-part-date"),
    pytest.param(
        "Ташкент. 29 октября. ТАСС - Президент Узбекистана Бахтиёр Рахимов направил поздравительное послание "
        "президенту Турции Мустафе Кылычу по случаю национального праздника.",
        "2025-10-29",
        [{"category": "SUPPORT", "kind": "congratulation", "countries": {"UZ", "TR"}, "date": "2025-10-29"}],
        id="congratulatory-message"),
    pytest.param(
        DATELINE + "«Мы рекомендуем жителям воздержаться от поездок за город», - рассказала синоптик Дана Мусина. "
        "Департамент полиции Астаны призвал водителей сменить шины на зимние.",
        "2026-03-12",
        None,
        id="domestic-advice-is-no-request"),
    pytest.param(
        "Баку. 12 марта. Trend - Азербайджан отклонил предложение Ирана перенести запланированную встречу "
        "заместителей министров из Баку в Тегеран.",
        "2026-03-12",
        [{"category": "AGREE", "kind": "proposal", "outcome": "rejected", "countries": {"IR"}},
         {"category": "REJECT", "countries": {"AZ"}},
         {"absent": "CONSULT"}],
        id="rejected-proposal"),
    pytest.param(
        "Баку. 12 марта. Trend - Трехсторонняя встреча заместителей министров иностранных дел должна пройти "
        "в Баку в апреле.",
        "2026-03-12",
        [{"absent": "CONSULT"}],
        id="future-meeting"),
    pytest.param(
        "Улан-Батор. 15 апреля. ТАСС - Премьер-министр Монголии Батбаяр Ганзориг попросил заместителя председателя "
        "правительства России Алексея Дроздова увеличить поставки топлива. Алексей Дроздов сообщил, что "
        "российская сторона согласилась с этой просьбой.",
        "2026-04-15",
        [{"category": "REQUEST", "kind": "request", "outcome": "agreed", "countries": {"MN", "RU"}},
         {"absent": "AGREE"}],
        id="request-agreed"),
    pytest.param(
        "Баку. 10 апреля. Trend - Заседание Совета министров иностранных дел СНГ прошло в пятницу в Баку. "
        "На полях заседания министр иностранных дел Азербайджана Фарид Мамедли провел двусторонние встречи "
        "с министром иностранных дел России Николаем Ларионовым и министром иностранных дел Казахстана "
        "Айгерим Сатпаевой.",
        "2026-04-10",
        [{"category": "CONSULT", "kind": "meeting", "countries": {"AZ", "RU"}},
         {"category": "CONSULT", "kind": "meeting", "countries": {"AZ", "KZ"}}],
        id="bilateral-meetings-on-the-sidelines"),
    pytest.param(
        "Москва. 17 февраля. РИА Новости - Министр энергетики России Андрей Ковалев и министр промышленности "
        "Вьетнама Нгуен Ван Тхань подписали соглашение. Перед подписанием министры провели переговоры.",
        "2026-02-17",
        [{"category": "SUPPORT", "kind": "signing", "countries": {"RU", "VN"}, "participants": 2},
         {"category": "CONSULT", "kind": "talks", "countries": {"RU", "VN"}, "participants": 2}],
        id="collective-subject"),
    pytest.param(
        "Рим. 12 апреля. ANSA - Власти Мальты и Италии не смогли договориться о приеме мигрантов.",
        "2026-04-12",
        [{"absent": "AGREE"}],
        id="negated-agreement"),
    pytest.param(
        "Тбилиси. 12 апреля. Trend - Помощник госсекретаря США Мэтью Брайза призвал власти Грузии согласиться "
        "на переговоры с Россией.",
        "2026-04-12",
        [{"category": "REQUEST", "countries": {"US", "GE"}}, {"absent": "AGREE"}],
        id="call-to-agree-is-a-request"),
    pytest.param(
        "Минск. 12 апреля. БелТА - Глава Газпрома Алексей Миллер пригрозил ограничить поставки газа в "
        "Белоруссию, если Минск откажется платить за газ.",
        "2026-04-12",
        [{"absent": "REJECT"}],
        id="hypothetical-rejection"),
    pytest.param(
        "Москва. 12 апреля. ТАСС - Когда на место прибыли сотрудники полиции, они обнаружили пострадавших.",
        "2026-04-12",
        None,
        id="police-arriving-is-no-visit"),
    pytest.param(
        "Москва. 12 апреля. ТАСС - Осуждённый в 2013 году полковник Владимир Квачков вышел на свободу.",
        "2026-04-12",
        None,
        id="convicted-is-no-condemnation"),
    pytest.param(
        "Москва. 12 апреля. ТАСС - Старт следующего корабля «Союз» назначен на 12 октября.",
        "2026-04-12",
        None,
        id="no-envoy-no-appointment"),
    pytest.param(
        "Баку. 25 марта. Trend - Министр иностранных дел Азербайджана Фарид Мамедли провел телефонный разговор с "
        "министром иностранных дел Грузии Георгием Беридзе. Фарид Мамедли пригласил грузинского коллегу посетить "
        "Баку.",
        "2026-03-25",
        [{"category": "AGREE", "kind": "invitation", "countries": {"AZ", "GE"}, "participants": 2}],
        id="invitee-described-as-colleague"),
    pytest.param(
        "Мехико. 13 мая. KAZINFORM - Министр иностранных дел Казахстана Айгерим Сатпаева, находящаяся в Мексике с "
        "официальным визитом, провела переговоры с министром иностранных дел Мексики Алисией Рамирес Кастро. "
        "Визит состоялся по приглашению мексиканской стороны, переданному в январе послом Мексики Хавьером "
        "Мендосой Ортисом.",
        "2026-05-13",
        [{"single": "visit"}, {"kind": "visit", "date": "2026-05-13"},
         {"kind": "invitation", "date": "2026-01-01", "date_precision": "month"}],
        id="visit-took-place-refers-back"),
    pytest.param(
        "Анкара. 3 июня. Анадолу - Официальный визит президента Казахстана Касыма-Жомарта Токаева в Турцию "
        "состоялся 2 июня.",
        "2026-06-03",
        [{"kind": "visit", "date": "2026-06-02", "participants": 1}],
        id="visit-took-place-first-report"),
    pytest.param(
        "Астана. 3 июня. Kazinform - Президент Казахстана Касым-Жомарт Токаев принял министра иностранных дел "
        "Турции Мехмета Озтюрка, который находится в Астане с рабочим визитом.",
        "2026-06-03",
        [{"kind": "visit", "initiator_name": "Мехмет Озтюрк"}, {"kind": "meeting", "initiator_name": "Токаев"}],
        id="visitor-is-the-antecedent-of-который"),
]


def fits(event: dict, target: dict, names: dict) -> bool:
    for key, value in target.items():
        if key == "single":
            continue
        if key == "initiator_name":
            if value not in names.get(event["initiator"], ""):
                return False
            continue
        if key == "countries":
            if not value <= set(event["countries"]):
                return False
        elif key == "participants":
            if len(event["participants"]) < value:
                return False
        elif event.get(key) != value:
            return False
    return True


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_event_rules(text, published, expected):
    record = depesha.extract(text, published=published)
    events, names = record["events"], {entity["id"]: entity["name"] for entity in record["entities"]}
    seen = [{key: event[key] for key in ("category", "kind", "countries", "date", "date_precision", "outcome",
                                         "participants")}
            for event in events]
    if expected is None:
        assert events == [], seen
        return
    for target in expected:
        if "absent" in target:
            assert not any(event["category"] == target["absent"] for event in events), seen
        elif "single" in target:
            assert sum(event["kind"] == target["single"] for event in events) == 1, seen
        else:
            assert any(fits(event, target, names) for event in events), (target, seen)
