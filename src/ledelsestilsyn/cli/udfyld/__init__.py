"""`tilsyn udfyld`: the review form in the terminal (Textual).

Textual was chosen over prompt_toolkit for its test harness (`App.run_test()`
and `Pilot` drive the real form in tests, headless, at 80×24), its SVG
screenshots (the README's picture is the form itself), its own handling of
NO_COLOR, and because it runs over SSH, in Windows Terminal and in a plain
terminal with the keyboard alone. It is imported only by this package, and only
when `udfyld` runs, so every other command (and cron) starts without it.

The form's logic lives in the stages: `review.form` (questions and keys),
`review.session` (reading and saving one file), `review.edit` (the splice) and
`review.validate` (the same checks and messages as `valider`).
"""
