"""The seeded profile generator of the recommendation benchmark."""

from __future__ import annotations

from dataclasses import fields

from bench.matchmaking_profiles import Hidden, affinity, generate

from yunzhao.matchmaking.recommending import Profile


def test_generate_is_deterministic_with_a_seed():
    profiles, hidden = generate(300, seed=7)
    again_profiles, again_hidden = generate(300, seed=7)
    other_profiles, _ = generate(300, seed=8)

    assert profiles == again_profiles
    assert hidden == again_hidden
    assert profiles != other_profiles
    assert [p.id for p in profiles] == list(range(300))


def test_generate_shows_only_profile_fields():
    profiles, hidden = generate(50, seed=1)

    assert all(type(p) is Profile for p in profiles)
    assert {f.name for f in fields(Profile)}.isdisjoint({"division", "home", "targets", "tier"})
    assert all(type(h) is Hidden for h in hidden)


def test_generate_makes_noisy_and_text_only_profiles():
    profiles, _ = generate(2000, seed=1)

    text_only = [p for p in profiles if not (p.industries or p.intents or p.offered_countries or p.sought_countries)]
    section_only = [p for p in profiles if p.industries and all(code.isalpha() for code in p.industries)]
    assert 100 < len(text_only) < 400
    assert all(p.text for p in text_only)
    assert len(section_only) > 300
    assert len({p.language for p in profiles}) == 8


def test_affinity_needs_complementary_intents_and_a_shared_section():
    buyer = Hidden("buyer", frozenset({"buy"}), "38", "JP", frozenset({"CN"}), 1)
    seller_cn = Hidden("exhibitor", frozenset({"sell"}), "38", "CN", frozenset({"JP"}), 2)
    seller_section = Hidden("exhibitor", frozenset({"sell"}), "36", "DE", frozenset({"JP"}), 1)
    seller_software = Hidden("exhibitor", frozenset({"sell"}), "65", "CN", frozenset({"JP"}), 1)
    other_buyer = Hidden("buyer", frozenset({"buy"}), "38", "CN", frozenset({"JP"}), 1)
    far_scale = Hidden("exhibitor", frozenset({"sell"}), "38", "DE", frozenset(), 3)
    low_buyer = Hidden("buyer", frozenset({"buy"}), "38", "JP", frozenset(), 0)

    assert affinity(buyer, seller_cn) == 3
    assert affinity(buyer, seller_section) == 1
    assert affinity(buyer, seller_software) == 0
    assert affinity(buyer, other_buyer) == 0
    assert affinity(low_buyer, far_scale) == 1
