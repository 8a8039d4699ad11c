"""The report editor: messages as you type, every missing field shown on submit (and submit
blocked), autosave that loses nothing when the editor is left, closed or locked mid-way."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import codelists
from app.validation import field_errors
from storage.reports_repo import ReportFilter
from ui.controller import AppController
from ui.editor import ReportEditor, sanitise
from ui.widgets import ErrorLabel

from .flows import OFFICER, first_run, lock, unlock_as, watch
from .helpers import off_ui, settle

REQUIRED = {
    "crossing_point",
    "narrative",
    "source.reliability",
    "source.credibility",
    "handling.tlp",
    "persons",
}


def visible_messages(editor: ReportEditor) -> list[str]:
    return [
        label.text()
        for label in editor.findChildren(ErrorLabel)
        if label.isVisibleTo(editor) and label.text()
    ]


def test_every_missing_or_malformed_field_is_shown_and_blocks_submit(
    qtbot: QtBot, controller: AppController
) -> None:
    timings = watch(controller)
    main = first_run(qtbot, controller)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)

    # An empty form: every field a submission needs says so, and nothing is submitted.
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    expected = field_errors(editor.payload(), for_submit=True)
    assert set(expected) == REQUIRED
    shown = "\n".join(visible_messages(editor))
    for message in expected.values():
        assert message in shown and message in editor.summary.text()
    assert "Add at least one person" in editor.persons.group_error.text()

    # As you type: a malformed value gets its message at once, a fixed one loses it.
    qtbot.keyClicks(editor.fee_amount, "1,500")
    fee_error = editor._single["route.fees.amount"][1]
    assert "not an amount like 1500.00" in fee_error.text() and fee_error.isVisibleTo(editor)
    qtbot.keyClicks(editor.lat, "95")
    qtbot.keyClicks(editor.lon, "100.4")
    assert "Latitude 95.0 is out of range" in editor._single["coordinates.lat"][1].text()
    editor.lat.setText("6.6")
    assert not editor._single["coordinates.lat"][1].text()
    qtbot.mouseClick(editor.persons.add_button, Qt.MouseButton.LeftButton)
    person = editor.persons.rows[0]
    nationality = person.fields["nationality"]
    nationality.setEditText("Atlantis")  # type: ignore[attr-defined]
    assert "not an ISO 3166 country code" in person.errors.text()

    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert editor.summary.isVisible()
    expected = field_errors(editor.payload(), for_submit=True)
    assert set(expected) >= REQUIRED - {"persons"}
    assert "persons[0].nationality" in expected
    shown = "\n".join(visible_messages(editor))
    for path, message in expected.items():
        assert message in shown, f"{path}: {message!r} not shown"
        assert message in editor.summary.text()
    assert "Count" not in shown  # a spin box cannot be malformed
    # Nothing was submitted: the draft (autosaved) is still a draft.
    assert editor.submit_button.isEnabled()
    reports = main.ctx.reports()
    settle(qtbot)
    assert off_ui(lambda: reports.count(ReportFilter(status="queued"))) == 0

    # Fixing the fields clears their messages as you go (now with "required" in mind).
    editor.narrative.setPlainText("Now there is a narrative.")
    assert not editor._single["narrative"][1].text()
    timings.check()


def test_nothing_is_lost_when_the_editor_is_left_or_locked_mid_way(
    qtbot: QtBot, controller: AppController
) -> None:
    timings = watch(controller)
    main = first_run(qtbot, controller)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    qtbot.keyClicks(editor.narrative, "Typed, then the officer was called away")
    qtbot.mouseClick(editor.persons.add_button, Qt.MouseButton.LeftButton)
    editor.persons.rows[0].fields["nationality"].set_value("KHM")  # type: ignore[attr-defined]
    qtbot.keyClicks(editor.fee_amount, "12,5")  # malformed: kept on screen, left out of the draft
    assert editor.is_dirty
    main.go("mine")  # leaving the editor saves at once (no waiting for the timer)
    settle(qtbot)
    assert editor.report_id is not None
    first_id = editor.report_id
    view = off_ui(lambda: main.ctx.reports().get(first_id))
    assert view.status == "draft"
    assert view.report["narrative"] == "Typed, then the officer was called away"
    assert view.report["persons"][0]["nationality"] == "KHM"
    assert view.report["route"]["fees"] is None

    # Reopen it, type more, and lock before the autosave timer fires.
    main.edit_report(first_id)
    settle(qtbot)
    assert editor.narrative.toPlainText() == "Typed, then the officer was called away"
    qtbot.keyClicks(editor.narrative, " and came back.")
    assert editor.is_dirty
    lock(qtbot, controller)
    main = unlock_as(qtbot, controller, *OFFICER)
    view = off_ui(lambda: main.ctx.reports().get(first_id))
    assert view.report["narrative"].endswith("and came back.")
    drafts = off_ui(lambda: main.ctx.reports().count(ReportFilter(status="draft")))
    assert drafts == 1  # same draft, no copy
    timings.check()


def test_autosave_fires_by_itself(qtbot: QtBot, controller: AppController) -> None:
    main = first_run(qtbot, controller)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    qtbot.keyClicks(editor.narrative, "autosaved")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        pass
    assert "saved" in editor.save_state.text().lower()


def test_sanitise_keeps_every_well_formed_value() -> None:
    payload = {
        "kind": "document_fraud",
        "narrative": "keep me",
        "coordinates": {"lat": 95, "lon": 100},
        "persons": [{"role": "migrant", "nationality": "ZZZ", "count": 2}],
        "route": {"transit": ["THA", "QQQ"], "fees": {"amount": "1,5", "currency": "THB"}},
        "modus_operandi": {"tags": ["guided_group", "nope"]},
    }
    clean = sanitise(payload)
    assert field_errors(clean) == {}
    assert clean["narrative"] == "keep me"
    assert clean["coordinates"] is None
    assert clean["persons"] == [{"role": "migrant", "nationality": None, "count": 2}]
    assert clean["route"]["transit"] == ["THA"] and clean["route"]["fees"] is None
    assert clean["modus_operandi"]["tags"] == ["guided_group"]


def test_an_impossible_date_is_a_message_not_another_date(
    qtbot: QtBot, controller: AppController
) -> None:
    main = first_run(qtbot, controller)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    editor.observed.clear()
    qtbot.keyClicks(editor.observed, "2030-13-45 99:99")
    message = editor._single["observed_at"][1]
    assert message.isVisibleTo(editor)
    assert "2030-13-45 99:99" in message.text() and "not a real date" in message.text()
    assert editor.observed.text() == "2030-13-45 99:99"  # kept as typed, not rolled over
    qtbot.keyClicks(editor.narrative, "dated wrongly")
    editor.save_now()
    settle(qtbot)
    stored = main.ctx.reports().get(editor.report_id)
    assert stored.report["observed_at"] is None  # left out of the draft, not another date
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert "2030-13-45 99:99" in editor.summary.text()
    editor.observed.setText("2026-01-04 05:09")
    assert not message.text()


def test_visiting_new_report_creates_no_draft_and_keeps_the_one_in_progress(
    qtbot: QtBot, controller: AppController
) -> None:
    main = first_run(qtbot, controller)
    reports = main.ctx.reports()
    for _ in range(5):
        main.go("new")
        settle(qtbot)
        main.go("mine")
        settle(qtbot)
    assert reports.count(ReportFilter(status="draft")) == 0
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    qtbot.keyClicks(editor.narrative, "in progress")
    main.go("dashboard")
    settle(qtbot)
    main.go("new")
    settle(qtbot)
    assert editor.narrative.toPlainText() == "in progress"
    assert editor.report_id is not None
    assert reports.count(ReportFilter(status="draft")) == 1
    main.new_report()  # Ctrl+N: a fresh form; the one in progress was saved
    settle(qtbot)
    assert editor.narrative.toPlainText() == ""
    assert reports.count(ReportFilter(status="draft")) == 1


def summary_lines(editor: ReportEditor) -> list[str]:
    """The summary's problems as shown: one link per problem."""
    return re.findall(r"<a href=\"[^\"]*\">(.*?)</a>", editor.summary.text())


def test_the_summary_follows_the_fixes_and_its_links_go_to_the_fields(
    qtbot: QtBot, controller: AppController
) -> None:
    main = first_run(qtbot, controller)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    before = field_errors(editor.payload(), for_submit=True)
    assert set(before) == REQUIRED
    assert sorted(summary_lines(editor)) == sorted(before.values())
    narrative_error = editor._single["narrative"][1]
    assert narrative_error.isVisibleTo(editor)

    # Fixing one field: its message and its summary line go at once, the others stay.
    qtbot.keyClicks(editor.narrative, "Seen at the river crossing.")
    assert not narrative_error.isVisibleTo(editor)
    assert before["narrative"] not in summary_lines(editor)
    assert len(summary_lines(editor)) == len(before) - 1
    for path in REQUIRED - {"narrative", "persons"}:
        assert before[path] in summary_lines(editor)
        assert editor._single[path][1].isVisibleTo(editor)
    # A person added: "add at least one person" goes from the group and from the summary.
    qtbot.mouseClick(editor.persons.add_button, Qt.MouseButton.LeftButton)
    assert before["persons"] not in summary_lines(editor)
    assert not editor.persons.group_error.isVisibleTo(editor)

    # The links by keyboard: Submit put the focus on the summary's first link.
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    assert editor.summary.hasFocus()
    problems = list(field_errors(editor.payload(), for_submit=True))
    assert problems[0] == "crossing_point"
    qtbot.keyClick(editor.summary, Qt.Key.Key_Return)
    assert editor.crossing.hasFocus()
    # Tab reaches the summary (first in the form, after the last button), Tab moves to
    # the next link, Enter follows it: here a field of a person row.
    editor.submit_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(editor.submit_button, Qt.Key.Key_Tab)
    assert editor.summary.hasFocus()
    qtbot.keyClick(editor.summary, Qt.Key.Key_Tab)
    assert editor.summary.hasFocus()
    qtbot.keyClick(editor.summary, Qt.Key.Key_Return)
    assert problems[1] == "persons[0].role"
    assert editor.persons.rows[0].fields["role"].hasFocus()
    editor.summary.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(problems.index("source.reliability")):
        qtbot.keyClick(editor.summary, Qt.Key.Key_Tab)
    qtbot.keyClick(editor.summary, Qt.Key.Key_Return)
    assert editor.reliability.combo.hasFocus()  # a picker: its combo takes the focus
    # After the last link, Tab goes on into the form, not out of it.
    editor.summary.setFocus(Qt.FocusReason.BacktabFocusReason)  # the last link
    qtbot.keyClick(editor.summary, Qt.Key.Key_Tab)
    assert editor.kind.hasFocus()

    # Everything fixed: no summary, no message.
    editor.crossing.set_value(codelists.entries("crossing_points")[0].code)
    editor.reliability.set_value("B")
    editor.credibility.set_value(2)
    editor.tlp.set_value("GREEN")
    person = editor.persons.rows[0]
    codes = {"role": "migrant", "nationality": "MMR", "sex": "male", "age_band": "26-35"}
    for key, code in codes.items():
        person.fields[key].set_value(code)  # type: ignore[attr-defined]
    assert field_errors(editor.payload(), for_submit=True) == {}
    assert not editor.summary.isVisibleTo(editor)
    assert visible_messages(editor) == []
