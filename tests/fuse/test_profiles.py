from __future__ import annotations

from newsprism.fuse import fuse


def test_outlet_profile_shares_and_rhetoric_density(kit):
    text = ("Officials said the road was closed. Sources said that the army may move in. Perhaps the plan was sinister. "
            "The traitors fled.")
    a = kit.Doc(text, "a", outlet="Paper")
    a.claim("the road was closed", speaker="Officials")
    a.claim("the army may move in", speaker="sources", speaker_kind="unnamed", certainty="possible")
    a.claim("Perhaps the plan was sinister", speaker="author", speaker_kind="author", kind="speculation",
            certainty="possible")
    a.rhetoric_span("traitors").rhetoric_span("sinister")
    b = kit.Doc("The minister said talks went well.", "b", outlet="Wire").claim("talks went well", speaker="The minister")
    c = kit.Doc("No claims here at all, only words.", "c", outlet="Wire")
    profiles = {p.outlet: p for p in fuse([a.analysis(), b.analysis(), c.analysis()]).outlets}

    paper = profiles["Paper"]
    assert (paper.articles, paper.claims, paper.rhetoric_spans) == (1, 3, 2)
    assert paper.hedged == round(2 / 3, 4) and paper.unnamed == round(1 / 3, 4) and paper.author_voice == round(1 / 3, 4)
    assert paper.words == 22 and paper.rhetoric_per_1000_words == round(2000 / 22, 2)
    wire = profiles["Wire"]
    assert (wire.articles, wire.claims, wire.hedged, wire.author_voice, wire.rhetoric_per_1000_words) == (2, 1, 0.0, 0.0, 0.0)
    assert list(profiles) == ["Wire", "Paper"]  # most articles first


def test_outlet_without_claims_has_no_shares(kit):
    profile, = fuse([kit.Doc("Just a few words.", "a", outlet="X").analysis()]).outlets
    assert profile.claims == 0 and profile.hedged is None and profile.unnamed is None


def test_rhetoric_density_counts_only_confident_spans(kit):
    a = kit.Doc("The traitors fled and the sinister plot failed.", "a", outlet="Paper")
    a.rhetoric_span("traitors").rhetoric_span("sinister", confidence=0.2)
    profile, = fuse([a.analysis()]).outlets
    assert profile.rhetoric_spans == 1
    assert profile.rhetoric_per_1000_words == round(1000 / 8, 2)
