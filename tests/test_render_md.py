

def test_unknown_outlets_are_not_counted_as_none():
    from storyline.models import Story
    from storyline.render_md import render_markdown
    from tests.helpers import make_doc

    story = Story(story_id="s1", title="T", documents=[make_doc("a", "One. Two."), make_doc("b", "Three.")])
    text = render_markdown(story)
    assert "_2 reports, 0 copies_" in text
