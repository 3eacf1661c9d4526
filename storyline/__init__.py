"""storyline: news reports in, stories a reader can trust out."""
