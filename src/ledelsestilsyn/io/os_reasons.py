"""What the operating system says, in Danish: its own text (strerror) is English.

The one place an `OSError` becomes words for the user ("kan ikke læses (…)"); an error
not in the table is named by its code (`styresystemet svarer EXDEV`), never by its text.
A missing file or folder is not in it: the caller says that, knowing what is missing (the
system says ENOENT also for a new folder in /proc, which exists).
"""

from __future__ import annotations

import errno

_REASONS = {
    errno.EACCES: "der er ikke adgang",
    errno.EPERM: "der er ikke adgang",
    errno.ELOOP: "for mange symbolske links; et link peger måske på sig selv",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EROFS: "filsystemet er skrivebeskyttet",
    errno.ENOSPC: "der er ikke mere plads på disken",
    errno.EDQUOT: "kvoten på disken er brugt op",
    errno.EIO: "læse- eller skrivefejl på disken eller drevet",
    errno.EBUSY: "filen er i brug",
    errno.ETXTBSY: "filen er i brug",
    errno.EMFILE: "for mange åbne filer",
    errno.ENFILE: "for mange åbne filer",
    errno.ESTALE: "netværksdrevets fil er forældet; prøv igen",
    errno.ETIMEDOUT: "der kom intet svar i tide",
    errno.ECONNREFUSED: "serveren afviste forbindelsen",
    errno.ECONNRESET: "serveren lukkede forbindelsen",
    errno.EHOSTUNREACH: "serveren kan ikke nås",
    errno.ENETUNREACH: "netværket kan ikke nås",
}
_IN_USE_ON_WINDOWS = (32, 33)
"""ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: Windows gives EACCES when a file another
program holds open (a report in Excel) is replaced or removed."""


def reason(exc: OSError) -> str:
    """`exc` as a short Danish phrase, to put in parentheses after what failed."""
    import socket  # only when something failed: the daily cron run stays lean

    if isinstance(exc, socket.gaierror):
        return "servernavnet kan ikke slås op"
    if isinstance(exc, TimeoutError):
        return "der kom intet svar i tide"
    if getattr(exc, "winerror", None) in _IN_USE_ON_WINDOWS:
        return "filen er åben i et andet program, fx Excel; luk den dér"
    code = exc.errno or 0
    return _REASONS.get(code, f"styresystemet svarer {errno.errorcode.get(code, 'ukendt')}")
