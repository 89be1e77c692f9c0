"""The topics layer: what each lesson computes from the data (pure functions over the loaders' frames)."""
