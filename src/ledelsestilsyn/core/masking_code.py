"""The modules whose code decides what is masked: CPR numbers and names.

A cache that keeps text already masked (a tiltag's title in `påmind`'s cache, a review's
analysis) is stamped with a digest of these files (`io.stamped_json.code_stamp`), so a change
of the rules, also in a checkout without a new version number, makes it stale; before, each
change had to raise the cache's format by hand, and once it did not (a probe: an old title
stood in `påmind` without `[navn]`).
"""

MASKING_FILES = (
    "core/cpr.py",
    "core/cpr_dates.py",
    "core/cpr_labelled.py",
    "core/cpr_lookalike.py",
    "core/cpr_search.py",
    "core/cpr_spans.py",
    "core/cpr_unseen.py",
    "core/letters.py",
    "core/names.py",
    "core/unknown_names.py",
    "core/danish_words.py",
    "core/word_names.py",
    "core/sentences.py",
    "core/name_words.py",
    "core/initials.py",
    "core/ord.txt",  # the words that are no names (G068)
)
