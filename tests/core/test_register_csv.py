"""The register CSV format: rows checked, ids made from names, aliases split on |."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.models import ACTOR_KINDS, Actor
from annotator.register_csv import (
    RegisterFileError,
    parse_register,
    read_register,
    write_register,
)


def test_missing_ids_come_from_the_name_and_kind_defaults_to_state():
    [actor] = parse_register("name_bn,aliases\nমার্কিন যুক্তরাষ্ট্র,যুক্তরাষ্ট্র| US \n")
    assert actor.id == "মার্কিন_যুক্তরাষ্ট্র"
    assert actor.kind == "state"
    assert actor.aliases == ["যুক্তরাষ্ট্র", "US"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty file"),
        ("id,colour\nA,red\n", "unknown column 'colour'"),
        ("id,kind\nA,state\n", "needs a name or a name_bn column"),
        ("id,name\nA,\n", "row 2: actor 'A': needs an English or a Bengali name"),
        ("id,name\nA B,x\n", "row 2: actor id 'A B'"),
    ],
)
def test_bad_files_give_one_line(text, message):
    with pytest.raises(RegisterFileError, match=message) as caught:
        parse_register(text, "f.csv")
    assert "\n" not in str(caught.value)


def test_an_unreadable_file_is_one_line(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(RegisterFileError, match="x.csv: binary file"):
        read_register(path)


_CELL = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12).map(str.strip)


@given(
    st.lists(
        st.builds(
            Actor,
            id=st.from_regex(r"[A-Z][A-Z0-9_]{0,6}", fullmatch=True),
            name=st.text("abcকিমরাশিয়া -=+", min_size=1, max_size=10).filter(str.strip),
            name_bn=_CELL,
            aliases=st.lists(_CELL.filter(lambda a: a and "|" not in a), max_size=3),
            kind=st.sampled_from(ACTOR_KINDS),
            cameo=_CELL,
            note=_CELL,
        ),
        max_size=5,
        unique_by=lambda a: a.id,
    )
)
def test_write_then_read_gives_the_same_actors(tmp_path_factory, actors):
    from annotator.text import canonicalise

    path = tmp_path_factory.mktemp("reg") / "r.csv"
    write_register(path, actors)

    def nfc(text: str) -> str:  # as the reader keeps a cell: canonical, trimmed
        return canonicalise(text).strip()

    expected = [
        Actor(a.id, nfc(a.name), nfc(a.name_bn), [nfc(x) for x in a.aliases if nfc(x)],
              a.kind, nfc(a.cameo), nfc(a.note))
        for a in actors
    ]  # fmt: skip
    assert read_register(path) == expected
