"""The scoring rules of ../shared/EVENTS.md, one table row per rule."""

import pytest

from depesha.eval.events.gold import GoldDoc, GoldEvent, GoldPerson
from depesha.eval.events.score import DocPrediction, Predicted, PredictedPerson, score_doc, summarize


def gold(events, acceptable=(), negative=False, people=()):
    return GoldDoc("d", "c", "f", negative, list(events), list(acceptable), list(people))


MEETING = GoldEvent("CONSULT", ["KZ", "MX"], "2025-11-28", "online", ["Алмурат Турганбеков"], "встреча")


@pytest.mark.parametrize("guess, found, right", [
    (Predicted("CONSULT", ["KZ", "MX"]), 1, 1),                 # exact
    (Predicted("CONSULT", ["KZ", "MX", "RU"]), 1, 1),           # a superset finds it and is right
    (Predicted("CONSULT", ["KZ"]), 0, 0),                       # one state: not scored for precision
    (Predicted("CONSULT", ["KZ", "RU"]), 0, 0),                 # other countries
    (Predicted("AGREE", ["KZ", "MX"]), 0, 0),                   # other category
])
def test_recall_and_precision_matches(guess, found, right):
    counts = score_doc(gold([MEETING]), DocPrediction([guess]))
    assert counts["found"] == found and counts["right"] == right


def test_subset_prediction_is_right_but_does_not_find():
    three = GoldEvent("CONSULT", ["CN", "KZ", "RU"])
    counts = score_doc(gold([three]), DocPrediction([Predicted("CONSULT", ["KZ", "RU"])]))
    assert (counts["found"], counts["right"], counts["predicted"]) == (0, 1, 1)


def test_acceptable_reading_is_not_false_and_adds_no_recall():
    doc = gold([], acceptable=[GoldEvent("ACCUSE", ["GE", "RU"])])
    counts = score_doc(doc, DocPrediction([Predicted("ACCUSE", ["GE", "RU"])]))
    assert (counts["gold"], counts["right"], counts["predicted"]) == (0, 1, 1)


def test_negative_document_counts_false_events():
    counts = score_doc(gold([], negative=True), DocPrediction([Predicted("CONSULT", ["FR", "RU"]),
                                                              Predicted("CONSULT", ["RU"])]))
    assert counts["negatives_fp"] == 1


def test_one_to_one_recall_lets_a_prediction_match_one_gold_event():
    twice = [GoldEvent("SUPPORT", ["CU", "RU"]), GoldEvent("SUPPORT", ["CU", "RU"])]
    counts = score_doc(gold(twice), DocPrediction([Predicted("SUPPORT", ["CU", "RU"])]))
    assert (counts["found"], counts["found_1to1"]) == (2, 1)


def test_date_mode_and_participants_are_read_off_the_best_match():
    guesses = [Predicted("CONSULT", ["KZ", "MX"], None, None, []),
               Predicted("CONSULT", ["KZ", "MX"], "2025-11-28", "online", ["Алмурат Турганбеков"])]
    report = summarize(score_doc(gold([MEETING]), DocPrediction(guesses)))
    assert report["date_accuracy"] == 1.0 and report["mode_accuracy"] == 1.0 and report["participant_recall"] == 1.0


@pytest.mark.parametrize("person, found", [
    (PredictedPerson("Сергей Лавров", [("министр", "RU")]), 1),
    (PredictedPerson("Сергей Лавров", [("министр", None)], "RU"), 1),          # country on the person
    (PredictedPerson("Сергей Лавров", [("посол", "RU")]), 0),                  # another post
    (PredictedPerson("Сергей Лавров", [("министр", "UA")]), 0),                # another country
    (PredictedPerson("Сергей Шойгу", [("министр", "RU")]), 0),                 # another surname
])
def test_people_recall(person, found):
    doc = gold([], people=[GoldPerson("Сергей Лавров", "министр иностранных дел", "RU")])
    assert score_doc(doc, DocPrediction([], [person]))["people_found"] == found


def test_summary_rates():
    counts = score_doc(gold([MEETING, GoldEvent("AGREE", ["KZ", "MX"])]),
                       DocPrediction([Predicted("CONSULT", ["KZ", "MX"]), Predicted("ACCUSE", ["KZ", "MX"])]))
    report = summarize(counts)
    assert (report["recall"], report["precision"], report["f1"]) == (0.5, 0.5, 0.5)
    assert report["categories"]["AGREE"] == {"gold": 1, "recall": 0.0, "predicted": 0, "precision": None}


def test_eval_events_command_end_to_end(tmp_path, pipeline):
    """A gold of one invented article, its text in a folder named with --texts NAME=PATH."""
    import json

    from depesha.cli.main import main

    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("Анкара призвала Афины прекратить военные учения у островов.", encoding="utf-8")
    gold = {"version": 1, "corpora": {"mine": "texts"}, "docs": {"mine:a": {
        "corpus": "mine", "file": "a.txt", "negative": False, "split": "test",
        "events": [{"category": "REQUEST", "countries": ["GR", "TR"], "date": None, "mode": None,
                    "participants": [], "evidence": "Анкара призвала Афины"}],
        "acceptable": [], "people": []}}}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["eval", "events", str(path), "--texts", f"mine={texts}", "--out", str(out)]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["recall"] == 1.0 and report["docs"] == 1
    assert main(["eval", "events", str(path), "--texts", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    assert main(["eval", "events", str(tmp_path / "absent.json"), "--out", str(out)]) == 2
