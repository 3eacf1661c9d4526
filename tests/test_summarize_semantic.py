"""Focus by meaning, with small hand-made vectors in place of a sentence encoder."""

import numpy as np

from storyline.summarize import SummaryOptions, closeness, summarize

from tests.helpers import make_doc, utc

A = ("Floodwaters swept through the river town of Osk on Monday after the Lume dam failed. "
     "At least 14 people were killed in the floods, the regional governor said. "
     "The Lume dam had been inspected in March and declared safe by engineers. ")
B = ("The Lume dam failed on Monday, sending floodwaters through the town of Osk. "
     "The regional governor said at least 14 people were killed in the floods in Osk. "
     "Army helicopters dropped food and water to families stranded on rooftops in Osk. ")
C = ("Army helicopters dropped food to families stranded on rooftops in the flooded town of Osk. "
     "Engineers had declared the Lume dam safe after an inspection in March, records show. "
     "The death toll rose to 22 on Tuesday as receding water revealed more victims, officials said. ")

# A question that shares no content word with the inspection sentences: only vectors link them.
QUESTION = "Who vouched for the structure beforehand?"


def story():
    return [make_doc("a", A, utc(2024, 5, 6)), make_doc("b", B, utc(2024, 5, 6, 8)),
            make_doc("c", C, utc(2024, 5, 7))]


def toy_embed(texts):
    """Three axes: safety checks (and the question), the flood and its toll, the relief effort."""
    rows = []
    for t in texts:
        if "inspect" in t or t == QUESTION:
            rows.append([1.0, 0.1, 0.0])
        elif "helicopter" in t:
            rows.append([0.0, 0.2, 1.0])
        else:
            rows.append([0.0, 1.0, 0.1])
    return rows


def refusing_embed(texts):
    raise AssertionError("the encoder must not be called")


def texts_of(summary):
    return [s.text for s in summary]


def test_the_encoder_steers_the_choice_towards_an_answer_in_other_words():
    plain = summarize(story(), words=45, focus=QUESTION)
    assert not any("inspect" in t for t in texts_of(plain))
    steered = summarize(story(), words=45, focus=QUESTION, options=SummaryOptions(embed=toy_embed))
    assert any("inspect" in t for t in texts_of(steered))


def test_without_a_focus_or_a_weight_the_encoder_is_not_called():
    plain = summarize(story(), words=45)
    assert texts_of(summarize(story(), words=45, options=SummaryOptions(embed=refusing_embed))) \
        == texts_of(plain)
    off = SummaryOptions(embed=refusing_embed, semantic_focus=0.0)
    assert texts_of(summarize(story(), words=45, focus=QUESTION, options=off)) \
        == texts_of(summarize(story(), words=45, focus=QUESTION))


def test_the_encoder_is_asked_once_for_the_focus_and_the_candidates():
    calls = []

    def counting_embed(texts):
        calls.append(list(texts))
        return toy_embed(texts)

    summarize(story(), words=45, focus=QUESTION, options=SummaryOptions(embed=counting_embed))
    assert len(calls) == 1 and calls[0][0] == QUESTION and len(calls[0]) > 1


def test_closeness_is_a_share_of_the_best_cosine_raised_to_a_power():
    assert np.allclose(closeness(np.array([0.2, 0.4, -0.3]), 2.0), [0.25, 1.0, 0.0])
    assert np.allclose(closeness(np.array([0.3, 0.6]), 1.0), [0.5, 1.0])
    assert np.allclose(closeness(np.array([-0.1, 0.0]), 4.0), [0.0, 0.0])
    assert closeness(np.array([]), 4.0).shape == (0,)


def test_vectors_need_not_be_unit_length():
    def long_embed(texts):
        return [[10 * x for x in row] for row in toy_embed(texts)]

    steered = summarize(story(), words=45, focus=QUESTION, options=SummaryOptions(embed=toy_embed))
    scaled = summarize(story(), words=45, focus=QUESTION, options=SummaryOptions(embed=long_embed))
    assert texts_of(scaled) == texts_of(steered)


def test_only_the_solvers_shortlist_is_encoded():
    calls = []

    def counting_embed(texts):
        calls.append(list(texts))
        return toy_embed(texts)

    opts = SummaryOptions(embed=counting_embed, max_candidates=2)
    summarize(story(), words=45, focus=QUESTION, options=opts)
    assert len(calls) == 1 and len(calls[0]) == 1 + 2


def flood_axis(text):
    return "inspect" not in text and "helicopter" not in text


def test_without_a_focus_one_fact_told_in_other_words_is_said_once():
    plain = texts_of(summarize(story(), words=60))
    assert sum(flood_axis(t) for t in plain) >= 2
    once = SummaryOptions(embed=toy_embed, semantic_redundancy=0.9)
    said = texts_of(summarize(story(), words=60, options=once))
    # the flood and its first toll once; Tuesday's report of a higher toll is news, not a repeat
    assert sum(flood_axis(t) and "22" not in t for t in said) == 1 and len(said) >= 2
    assert any("rose to 22" in t for t in said)
