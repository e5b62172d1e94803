"""Regenerate the encoded and binary fixtures in tests/data (run: python tests/data/make_bad.py)."""

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

CP1251_TEXT = """date 2026-03-02

АСТАНА, 2 марта. /ТАСС/. Министр иностранных дел Казахстана Айгерим Сатпаева провела в понедельник
переговоры с министром иностранных дел Венгрии Иштваном Фаркашем. Стороны обсудили сотрудничество
в энергетике, сельском хозяйстве и образовании, а также подготовку к заседанию межправительственной комиссии.
"""

KOI8R_TEXT = """date 2026-03-03

МИНСК, 3 марта (БелТА) - Заместитель министра иностранных дел Беларуси Юрий Шевчук встретился сегодня
с послом Вьетнама в Беларуси Чан Ван Нгоком. Собеседники обсудили график контактов на высоком уровне
и ход выполнения договоренностей, достигнутых в прошлом году в Ханое.
"""


def make_binary(size: int = 512, seed: int = 20260312) -> bytes:
    """Random-looking bytes with NULs and invalid UTF-8 sequences; the same bytes on every run."""
    rng = random.Random(seed)
    return b"\x00\xff\xfe" + bytes(rng.randrange(256) for _ in range(size - 3))


def main() -> None:
    (HERE / "binary.bin").write_bytes(make_binary())
    (HERE / "article-cp1251.txt").write_bytes(CP1251_TEXT.encode("cp1251"))
    (HERE / "article-koi8r.txt").write_bytes(KOI8R_TEXT.encode("koi8-r"))


if __name__ == "__main__":
    main()
