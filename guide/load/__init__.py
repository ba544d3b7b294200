"""Reading input files into the content model; the only package that knows YAML."""

from guide.load.topic import LoadedTopic, load_topic

__all__ = ["LoadedTopic", "load_topic"]
