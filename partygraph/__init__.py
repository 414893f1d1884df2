"""partygraph: registers of party organizations, members and enterprises as a graph.

Load a dataset, find where organizations do not reach, and draw the structure::

    from partygraph.loaders import load_dataset
    from partygraph.graph.embedded import EmbeddedStore
    data = load_dataset("examples/seed-cases")
    EmbeddedStore("partygraph.pgstore").replace(data)
"""

__version__ = "0.1.0"
