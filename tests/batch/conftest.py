"""Fixtures of the batch tests: the mixed corpus of batch_corpus.py and a local[2] Spark session."""

from __future__ import annotations

import shutil

import pytest
from batch_corpus import make_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark")
    if not shutil.which("java"):
        pytest.skip("Spark needs a JDK (java not on PATH)")
    from depesha.batch import make_session

    session = make_session("local[2]", "depesha-tests", {"spark.ui.enabled": "false",
                                                          "spark.sql.shuffle.partitions": "4",
                                                          "spark.driver.memory": "1g"})
    yield session
    session.stop()



@pytest.fixture(scope="session")
def pipeline_record() -> dict:
    """A real record with entities, positions and events (the natasha models load once)."""
    import depesha

    return depesha.extract("МОСКВА, 12 марта. Министр иностранных дел России Сергей Лавров провел переговоры "
                           "с главой МИД Казахстана.", published="2025-03-12")
