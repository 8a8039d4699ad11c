"""Every shipped language is complete where a person reads it: every screen (walked by
walker.py), every validation message and every error type, in each language, shows no text
that is still its English source (an allow-list keeps proper nouns and codes); both
catalogues (Qt's .ts for the GUI, gettext's .po for what app/ and sync/ raise) cover every
marked string; Thai has a font that renders it."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtGui import QFontDatabase, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication

from app import i18n as app_i18n
from app.errors import InvalidInput, NotAllowed
from app.session import describe_unlock_failure
from app.validation import field_errors
from app.workflow import ReleaseSettings, check_release
from resources import resource_path
from resources.i18n import LOCALE_DIR
from storage.keyslots import AmbiguousUser, KeySlotFileCorrupt, UnknownUser, WrongPassphrase
from sync.transport import ConnectFailed, PortalClient
from ui.i18n import install_language
from ui.settings import LANGUAGES

from .walker import Findings, walk

ROOT = Path(__file__).resolve().parents[2]
OTHER_LANGUAGES = [code for code, _name in LANGUAGES if code != "en"]

# Shown as they are in every language: names, codes, units and key names.
ALLOWED = {
    "Outpost",
    "TLP",
    "#",
    "SHA-256",
    "Ctrl+Enter",
    "Delete",
    "{n} KB",  # SI-style units, written the same in id and th
    "{n} MB",
}
# Words that are the same in the language as in English (checked by a native speaker).
SAME_WORD = {
    "id": {"Status", "Status:", "Portal", "Transit", "Modus operandi", "Modus operandi:"},
    "th": set(),
}
_CODE = re.compile(r"^[A-Z0-9:+\-_.%/ ()]+$")  # TLP:AMBER+STRICT, THA-IMM, 18–25, (3)


def _plain(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text).strip()


def english_sources() -> tuple[set[str], list[re.Pattern[str]]]:
    """Every English source text, and a pattern for each one with placeholders."""
    texts: set[str] = set()
    root = ET.parse(resource_path("translations/outpost_id.ts")).getroot()
    for message in root.iter("message"):
        texts.add(_plain(message.findtext("source") or ""))
    with (LOCALE_DIR / "outpost.pot").open("rb") as handle:
        texts.update(m.id for m in read_po(handle) if isinstance(m.id, str) and m.id)
    patterns = []
    for text in texts:
        if re.search(r"%\d|\{\w+\}|%n", text):
            parts = re.split(r"%\d|\{\w+\}|%n", re.escape(text).replace(r"\%", "%"))
            body = "(.+)".join(p.replace(r"\{", "{").replace(r"\}", "}") for p in parts)
            if len(re.sub(r"\(\.\+\)", "", body)) > 12:  # "Report %1" would match data
                patterns.append(re.compile(f"^{body}$", re.DOTALL))
    return texts, patterns


def untranslated(texts: set[str], language: str) -> list[str]:
    sources, patterns = english_sources()
    allowed = ALLOWED | SAME_WORD.get(language, set())
    found = []
    for raw in texts:
        text = _plain(raw)
        if not text or text in allowed or _CODE.match(text) or not re.search("[A-Za-z]", text):
            continue
        if text in sources or any(p.match(text) for p in patterns):
            found.append(text)
    return sorted(found)


@pytest.fixture(scope="module", params=OTHER_LANGUAGES)
def walked(
    request: pytest.FixtureRequest, qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Findings]]:
    language = str(request.param)
    try:
        found = walk(tmp_path_factory.mktemp(f"lang-{language}"), language)
    finally:
        install_language("en")
    yield language, found


def test_no_screen_shows_english(walked: tuple[str, Findings]) -> None:
    language, found = walked
    problems = {
        screen: english
        for screen, texts in found.texts.items()
        if (english := untranslated(texts, language))
    }
    assert not problems, f"{language}: English still on screen: {problems}"
    assert len(found.texts) >= 13


# Payloads that raise every kind of validation message at least once.
BAD_PAYLOADS = [
    {},
    {"kind": "nonsense", "observed_at": "yesterday", "extra": 1},
    {
        "kind": "document_fraud",
        "observed_at": "1980-01-01T00:00:00Z",
        "crossing_point": "NOWHERE",
        "coordinates": {"lat": 95.0, "lon": "east"},
        "persons": [{"role": "king", "nationality": "ATL", "sex": 3, "age_band": None, "count": 0}],
        "documents": [
            {
                "type": "scroll",
                "issuing_state": "XX",
                "number": "a\nb",
                "fraud_type": "x",
                "features": ["photo_substitution", "photo_substitution", "glitter"],
            }
        ],
        "route": {
            "origin": "MMR",
            "transit": [None, "ZZZ"],
            "destination": 5,
            "transport_mode": "teleport",
            "fees": {"amount": "1,500", "currency": "EURO"},
            "group_size": 1.5,
        },
        "modus_operandi": {"tags": "river", "text": "\x01"},
        "narrative": "x" * 20_001,
        "source": {"description": [], "reliability": "Z", "credibility": 9},
        "handling": {"tlp": "PURPLE", "third_party": "yes", "legal_basis": {}},
        "attachments": [{"sha256": "XYZ", "filename": "a/b", "media_type": "img", "size": -1}],
    },
    {
        "kind": "irregular_crossing",
        "observed_at": "2999-01-01T00:00:00Z",
        "persons": [],
        "source": {"credibility": "high"},
    },
]


def _messages() -> list[str]:
    found: list[str] = []
    for payload in BAD_PAYLOADS:
        found += field_errors(payload, for_submit=True).values()
    return found


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_validation_message_is_in_the_language(language: str) -> None:
    english = _messages()
    assert len(english) > 40
    try:
        app_i18n.set_language(language)
        translated = _messages()
    finally:
        app_i18n.set_language("en")
    assert len(translated) == len(english)
    same = [e for e, t in zip(english, translated, strict=True) if e == t]
    assert not same, same
    assert not untranslated(set(translated), language)


def _error_texts() -> list[str]:
    texts = [
        describe_unlock_failure(error, "ana")
        for error in (
            WrongPassphrase("x"),
            UnknownUser("x"),
            AmbiguousUser("x"),
            KeySlotFileCorrupt("x"),
            RuntimeError("x"),
        )
    ]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with PortalClient(f"http://127.0.0.1:{port}", connect_timeout=2) as client:
        try:
            client.hello()
        except ConnectFailed as exc:
            texts.append(str(exc))
    return texts


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_error_type_is_in_the_language(language: str) -> None:
    english = _error_texts()
    assert len(english) == 6
    try:
        app_i18n.set_language(language)
        translated = _error_texts()
    finally:
        app_i18n.set_language("en")
    for before, after in zip(english, translated, strict=True):
        assert before != after
        assert "/" not in after.split("(")[0]  # no file path in what a person reads
    assert not untranslated(set(translated), language)


# Release settings that break each release rule (app.workflow.check_release, including the
# portal's own TLP audience rule it applies before anything is signed).
BAD_RELEASES: list[tuple[ReleaseSettings, str | None]] = [
    (ReleaseSettings("PURPLE", False, "MOU-1"), None),
    (ReleaseSettings("GREEN", False, "MOU-1"), "AMBER"),
    (ReleaseSettings("AMBER", False, " "), None),
    (ReleaseSettings("AMBER", False, "MOU-1", releasable_to=("ATLANTIS",)), None),
    (ReleaseSettings("AMBER", False, "MOU-1", agencies=("not an agency",)), None),
    (ReleaseSettings("RED", False, "MOU-1", recipients=("no such person!",)), None),
    (ReleaseSettings("CLEAR", False, "MOU-1", releasable_to=("THA",)), None),
    (ReleaseSettings("GREEN", False, "MOU-1", recipients=("user:ana",)), None),
    (ReleaseSettings("AMBER+STRICT", False, "MOU-1", releasable_to=("THA",)), None),
    (ReleaseSettings("AMBER+STRICT", False, "MOU-1", recipients=("user:ana",)), None),
    (ReleaseSettings("RED", False, "MOU-1", releasable_to=("THA",)), None),
    (ReleaseSettings("RED", False, "MOU-1"), None),
]


def _release_messages() -> list[str]:
    found: list[str] = []
    for settings, proposed in BAD_RELEASES:
        with pytest.raises((InvalidInput, NotAllowed)) as refused:
            check_release(settings, proposed)
        found.append(str(refused.value))
    return found


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_release_rule_message_is_in_the_language(language: str) -> None:
    english = _release_messages()
    assert len(set(english)) == len(BAD_RELEASES)  # each case breaks a different rule
    try:
        app_i18n.set_language(language)
        translated = _release_messages()
    finally:
        app_i18n.set_language("en")
    same = [e for e, t in zip(english, translated, strict=True) if e == t]
    assert not same, same
    assert not untranslated(set(translated), language)


def test_the_catalogues_cover_every_marked_string(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_",
            "-k",
            "N_",
            "--no-location",
            "--omit-header",
            "-o",
            str(fresh),
            ".",
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    with fresh.open("rb") as handle:
        marked = {m.id for m in read_po(handle) if m.id}
    with (LOCALE_DIR / "outpost.pot").open("rb") as handle:
        assert {m.id for m in read_po(handle) if m.id} == marked, "run scripts/translations.py"
    for language in OTHER_LANGUAGES:
        with (LOCALE_DIR / language / "LC_MESSAGES" / "outpost.po").open("rb") as handle:
            catalogue = read_po(handle, locale=language)
        # A fuzzy header makes `pybabel compile` skip the whole catalogue: no .mo is built.
        assert not catalogue.fuzzy, f"{language}: the catalogue's header is marked fuzzy"
        done = {m.id for m in catalogue if m.id and m.string and not m.fuzzy}
        assert marked <= done, f"{language}: {sorted(marked - done)[:5]}"
        same = ALLOWED | SAME_WORD[language]
        copies = [m.id for m in catalogue if m.id and m.string == m.id and m.id not in same]
        assert not copies, f"{language}: English copied as the translation: {copies[:5]}"
        ts = ET.parse(resource_path(f"translations/outpost_{language}.ts")).getroot()
        unfinished = [
            m.findtext("source")
            for m in ts.iter("message")
            if (t := m.find("translation")) is not None and t.get("type")
        ]
        assert not unfinished, f"{language}: {unfinished[:5]}"


def test_thai_has_a_font(qapp: QApplication) -> None:
    assert QFontDatabase.families(QFontDatabase.WritingSystem.Thai), (
        "no font for Thai: install fonts-thai-tlwg (see .ci/run)"
    )
    metrics = QFontMetrics(QGuiApplication.font())
    assert metrics.horizontalAdvance("ภาษาไทย") > 20


def test_country_names_dates_and_numbers_follow_the_language() -> None:
    try:
        app_i18n.set_language("th")
        assert app_i18n.country_name("Myanmar") == "พม่า"
        assert "พ.ย." in app_i18n.format_moment("2026-11-28T07:05:00Z")
        app_i18n.set_language("id")
        assert app_i18n.format_number(12345.5, 1) == "12.345,5"
        assert "Nov 2026" in app_i18n.format_moment("2026-11-28T07:05:00Z")
    finally:
        app_i18n.set_language("en")
