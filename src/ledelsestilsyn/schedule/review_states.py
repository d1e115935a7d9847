"""påmind's own states of a review, besides those of `review.state` (the file's content)."""

DATED_LATER = "dateret efter dagen"
"""A review that is wrong only in being dated after the day påmind looks from (`--dato` in
the past, or a typo in `dato`): not "ugyldig"."""

FILE_GONE = "fil væk"
"""A review the manifest lists whose file is not there (deleted or moved): it is not done,
and `valider` says G034."""
