"""Suggestions that learn from the analyst's labels (no Qt): a CRF tagger per label group
(`model`), trained on the analyst's spans (`training.retrain`, off the GUI thread), plus the
lexicon's trigger phrases and the actor register (`lexicon`), merged into suggestions that
leave out what is tagged or rejected (`suggestions`), and measured by cross-validation
(`evaluate`). Accepting or rejecting one is an undoable action (`annotator.suggest_actions`).
"""
