"""The national level's rules the NFP's form offers (issue 14 item 1): which labels a national
release may carry, and whether third parties may be let in."""

from __future__ import annotations

import pytest

from app.national import allowed_tlps, third_parties_may_stay_open
from sync.protocol import Release


@pytest.mark.parametrize(
    ("ofp", "allowed"),
    [
        ("CLEAR", ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")),
        ("AMBER", ("AMBER", "AMBER+STRICT", "RED")),
        ("AMBER+STRICT", ("AMBER+STRICT", "RED")),
        ("RED", ("RED",)),
    ],
)
def test_a_national_release_keeps_or_tightens_the_ofps_label(
    ofp: str, allowed: tuple[str, ...]
) -> None:
    assert allowed_tlps(ofp) == allowed


def test_an_unknown_label_is_refused() -> None:
    with pytest.raises(ValueError):
        allowed_tlps("PINK")


def test_third_parties_stay_out_when_the_ofp_kept_them_out() -> None:
    closed = Release(
        tlp="AMBER", third_party=False, legal_basis="MOU-1", releasable_to=("MYS",), tlp_reason=None
    )
    opened = Release(
        tlp="AMBER", third_party=True, legal_basis="MOU-1", releasable_to=("MYS",), tlp_reason=None
    )
    assert not third_parties_may_stay_open(closed)
    assert third_parties_may_stay_open(opened)
