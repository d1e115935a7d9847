"""påmind's own states of a review, besides those of `review.state` (the file's content)."""

DATED_LATER = "dateret efter dagen"
"""A review that is wrong only in being dated after the day påmind looks from (`--dato` in
the past, or a typo in `dato`): not "ugyldig"."""

FILE_GONE = "fil væk"
"""A review the manifest lists whose file is not there (deleted or moved): it is not done,
and `valider` says G034."""

MOVED = "ligger i mappen"
"""A review whose file is gone from its round's folder and stands in another round's, where it
counts nowhere (G066): followed by that folder's name, so the reminder says where to look
instead of "væk" (found by probe Q, F6: a leader would think the work lost and redo it)."""
