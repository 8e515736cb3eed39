"""Front matter: split it off a post, read it with positions, its dates and schemas."""
