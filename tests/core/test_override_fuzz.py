"""Random override files: the loader either accepts them or says, in Dutch, what is wrong.
No other exception may escape (the app would show a traceback instead of a message)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hr_wizard.content_file import ContentError, _placeholders, load_content, text_tables

PACKAGED = load_content()
PACKAGED_TABLES = text_tables()
# Each table with the keys it knows. Unknown tables, keys and wrong types are mixed in one
# time in ten, so that most documents get past them to the checks behind.
TABLES = {
    "facts": list(PACKAGED.facts),
    "ui": PACKAGED_TABLES["ui"],
    "application": PACKAGED_TABLES["application"],
    "messages": PACKAGED_TABLES["messages"],
    "settings": ["bewaartermijn_maanden"],
    "explain.brief": ["title", "see", "means", "todo"],
    'steps."fase1.website"': ["title", "body"],
    "sources.toegangscode": ["url", "checked"],
}
ODD_TABLES = ["explain.nope", 'steps."bestaat.niet"', "steps", "onbekend"]
ODD_KEYS = ["x", "0", "", "title"]
ODD_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=80) | st.sampled_from(
    ["\u202eomgekeerd", "👩‍💼", "a" * 5_000, "\x00", "https://", "https://www.example.nl/{url_kvk}", "   "])
# Texts built from pieces of format syntax: the part of the loader most likely to let a fault through.
TEMPLATES = st.lists(st.sampled_from(["{", "}", "{}", "{0}", "{url_kvk}", "{done}", "{naam}", "{onbekend}", "tekst ", "!r",
                                      ":>", ".x", "[0]", "{{", "}}", " ", "{url_kvk!r}", "{done:>{total}}"]),
                     min_size=1, max_size=6).map("".join)
OTHER_VALUES = st.integers(-10**20, 10**20) | st.booleans() | st.lists(st.integers(), max_size=3) | st.floats(allow_nan=False)


def mostly(common, rare):
    return st.integers(0, 9).flatmap(lambda roll: rare if roll == 0 else common)


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)  # JSON strings, numbers and arrays are TOML too (nearly always)


@st.composite
def override_documents(draw) -> str:
    lines = []
    tables = draw(st.lists(mostly(st.sampled_from(list(TABLES)), st.sampled_from(ODD_TABLES)), max_size=4, unique=True))
    for table in tables:
        lines.append(f"[{table}]")
        keys = TABLES.get(table, ["x"])
        for key in draw(st.lists(mostly(st.sampled_from(keys), st.sampled_from(ODD_KEYS)), max_size=4, unique=True)):
            if table == "settings":
                value = draw(mostly(st.integers(-5, 300), OTHER_VALUES))
            elif table == "facts" and key == "letter_working_days":
                value = draw(mostly(st.integers(-5, 40), OTHER_VALUES))
            else:
                value = draw(mostly(TEMPLATES | ODD_TEXT, OTHER_VALUES))
            lines.append(f"{json.dumps(key)} = {toml_value(value)}")
    return "\n".join(lines)


def check(tmp_path, text: str) -> None:
    override = tmp_path / "override.toml"
    override.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        content = load_content(override)
    except ContentError as error:
        assert str(override) in str(error)
        return
    # An accepted file must give texts that can be shown, with the values the screens pass in.
    for key, template in PACKAGED.texts.items():
        content.text(key, **passed_in(template))


def passed_in(template: str) -> dict[str, str]:
    return {name: "x" for name in _placeholders(template) - PACKAGED.facts.keys()}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(override_documents())
def test_structured_random_override_is_accepted_or_refused_clearly(tmp_path, text):
    check(tmp_path, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=400))
def test_random_text_as_override_is_accepted_or_refused_clearly(tmp_path, text):
    check(tmp_path, text)
