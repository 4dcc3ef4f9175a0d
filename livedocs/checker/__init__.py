"""The number checker's stages: read the HTML (:mod:`.reading`), prepare the markers
(:mod:`.source`), plan (:mod:`.plan`, :mod:`.planmath`), run (:mod:`.run`,
:mod:`.relations`, :mod:`.examples`).  :mod:`livedocs.pipeline` strings them together."""
