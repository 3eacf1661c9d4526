from storyline.dedupe import CopyDetector, shingles, signature

import pytest

WIRE = ("Rescue teams pulled three more survivors from the rubble of the collapsed market on "
        "Tuesday, bringing the number rescued to 41, the regional governor said. Officials said "
        "at least 12 people were killed when the roof gave way during heavy rain. The market had "
        "been inspected in March and declared safe, according to city records.")


def test_reprint_with_furniture_is_a_copy():
    det = CopyDetector(0.6)
    assert det.check_and_add("a", WIRE) is None
    reprint = "Share this article. " + WIRE + " Read more: local news."
    match = det.check_and_add("b", reprint)
    assert match is not None and match.original == "a" and match.similarity > 0.6


def test_different_story_is_not_a_copy():
    det = CopyDetector(0.6)
    det.check_and_add("a", WIRE)
    other = ("The central bank raised its main interest rate by half a point on Wednesday, "
             "citing stubborn inflation in food and energy prices across the region.")
    assert det.check_and_add("b", other) is None


def test_updated_version_of_story_with_new_facts_is_not_a_copy():
    det = CopyDetector(0.6)
    det.check_and_add("a", WIRE)
    update = ("The death toll from the market collapse rose to 19 on Wednesday as crews reached "
              "the basement, the governor said, and engineers blamed an illegal extra floor. "
              "Three more survivors were pulled out on Tuesday.")
    assert det.check_and_add("b", update) is None


def test_copy_points_at_earliest_copy():
    det = CopyDetector(0.6)
    det.check_and_add("first", WIRE)
    det.check_and_add("second", WIRE + " Advertisement.")
    assert det.check_and_add("third", WIRE).original == "first"


def test_threshold_is_validated():
    with pytest.raises(ValueError, match="threshold"):
        CopyDetector(0)


def test_shingles_short_text():
    assert shingles("two words") == {"two words"}
    assert shingles("") == set()


def test_signatures_are_stable_across_detectors():
    # copies are found again after a restart, when the stored reports are replayed
    assert signature(WIRE).jaccard(signature(WIRE)) == 1.0
    a, b = CopyDetector(0.6), CopyDetector(0.6)
    a.check_and_add("x", WIRE)
    b.check_and_add("y", WIRE)
    assert a.find(WIRE + " More.").original == "x" and b.find(WIRE + " More.").original == "y"


def test_exact_reprint_is_a_full_copy():
    det = CopyDetector(0.8)
    det.check_and_add("a", WIRE)
    match = det.check_and_add("b", WIRE)
    assert match is not None and match.similarity == 1.0
    assert len(det) == 2


def test_short_lines_are_never_copies():
    # a bare headline recurs in unrelated stories; a few shingles prove nothing
    det = CopyDetector(0.6)
    assert det.check_and_add("a", "Wall Street closes lower") is None
    assert det.check_and_add("b", "Wall Street closes lower") is None
    assert det.find("Wall Street closes lower") is None and len(det) == 0


def test_min_words_is_a_setting():
    det = CopyDetector(0.6, min_words=1)
    det.check_and_add("a", "Wall Street closes lower")
    assert det.check_and_add("b", "Wall Street closes lower").original == "a"


def test_a_short_brief_reprinted_word_for_word_is_a_copy_but_a_headline_is_not():
    brief = "The harbour of Rinn reopened on Monday after a storm, port officials said in a statement."
    detector = CopyDetector()
    assert detector.check_and_add("a", brief) is None
    match = detector.check_and_add("b", brief.upper())  # case and punctuation aside, the same words
    assert match is not None and match.original == "a"
    assert detector.find(brief).original == "a"
    headline = "Wall Street closes lower"
    assert detector.check_and_add("c", headline) is None
    assert detector.check_and_add("d", headline) is None
