"""LNK rules: link syntax, local targets and fragments, references, bare and remote URLs."""
