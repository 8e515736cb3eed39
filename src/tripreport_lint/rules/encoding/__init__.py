"""ENC rules: how the file is encoded, its characters and its line ends."""
