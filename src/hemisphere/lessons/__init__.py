"""The lessons layer: the lesson list, navigation, sources, the exercises' self-checks and the teacher's guide."""
