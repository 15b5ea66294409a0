"""Scanner backends behind one Protocol, picked by device id (sane:, twain:, folder:, demo)."""
