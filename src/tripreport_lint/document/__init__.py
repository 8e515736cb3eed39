"""The Document every rule reads, and where things stand in its body."""
