"""ledelsestilsyn: the `tilsyn` toolkit for ledelsestilsyn under barnets lov."""

__version__ = "0.1.0"
