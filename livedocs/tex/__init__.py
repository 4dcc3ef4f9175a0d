"""Reading TeX: tokens and numbers (:mod:`.lex`), relation chains (:mod:`.read`), exact
arithmetic (:mod:`.evaluate`).  Knows nothing of pages."""
