"""MISP feed of released reports (issue 17, item 5), parsed by pymisp's own MISPEvent loader."""

from __future__ import annotations

import json
import warnings

from pymisp import MISPEvent

from app import misp_feed
from app.released import readable_by
from sync.protocol.tlp import ReaderFacts
from tests.test_stix_export import released


def load(obj: object) -> MISPEvent:
    event = MISPEvent()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a loader warning fails the test too
        event.load(json.dumps(obj))
    return event


def test_pymisp_loads_every_event_of_the_feed_and_the_manifest_lists_them() -> None:
    files = misp_feed.feed_of(released())
    manifest = files.pop("manifest.json")
    assert sorted(manifest) == sorted(name.removesuffix(".json") for name in files)
    for name, obj in files.items():
        event = load(obj)
        assert f"{event.uuid}.json" == name
        assert manifest[event.uuid]["info"] == event.info
        assert [t["name"] for t in manifest[event.uuid]["Tag"]] == [t.name for t in event.tags]
        assert event.attributes, name


def test_event_carries_tlp_admiralty_and_handling() -> None:
    files = misp_feed.feed_of(released()[1:2])
    files.pop("manifest.json")
    (event,) = [load(obj) for obj in files.values()]
    assert [t.name for t in event.tags] == [
        "tlp:amber",
        'admiralty-scale:source-reliability="c"',
        'admiralty-scale:information-credibility="3"',
        'outpost:third-party="not-releasable"',
    ]
    assert event.distribution == 0  # AMBER: the importing organisation only
    assert event.Orgc.name == "MY-IMI"
    values = {a.comment: a.value for a in event.attributes}
    assert values["narrative"] == "[SYNTHETIC] Counterfeit passport detected at primary line."
    assert values["persons counted"] == "1"
    assert values["legal basis of the release"] == "MOU-2024-07"


def test_a_report_outside_the_readers_release_is_not_in_the_feed() -> None:
    reader = ReaderFacts("p.my", "MY-IMI", "MYS", third_party=False)
    files = misp_feed.feed_of(readable_by(released(), reader))
    infos = sorted(entry["info"] for entry in files["manifest.json"].values())
    ids = sorted(info.split("report ")[1].split(" ")[0][-1] for info in infos)
    assert ids == ["1", "2", "4"]  # 3 is AMBER+STRICT to TH-IMM only


def test_feed_is_stable() -> None:
    assert misp_feed.feed_of(released()) == misp_feed.feed_of(released())
